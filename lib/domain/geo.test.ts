import { describe, expect, it } from "vitest";
import {
  boundsOf,
  countPositions,
  fitProjection,
  labelPoint,
  labelPosition,
  mercator,
  inverseMercator,
  parseBoundaryCollection,
  rdToWgs84,
  simplifyGeometry,
  simplifyRing,
  svgPath,
  tilesFor,
  type BoundaryGeometry,
  type Position,
} from "./geo";

const square: BoundaryGeometry = {
  type: "Polygon",
  coordinates: [[[4.59, 51.91], [4.61, 51.91], [4.61, 51.93], [4.59, 51.93], [4.59, 51.91]]],
};

/** A square with many points on its edges (as a CBS outline has), in WGS84. */
function denseSquare(n = 200): Position[] {
  const ring: Position[] = [];
  for (let i = 0; i < n; i++) ring.push([4.59 + (0.02 * i) / n, 51.91 + (i % 2) * 1e-7]);
  for (let i = 0; i < n; i++) ring.push([4.61, 51.91 + (0.02 * i) / n]);
  for (let i = 0; i < n; i++) ring.push([4.61 - (0.02 * i) / n, 51.93]);
  for (let i = 0; i < n; i++) ring.push([4.59, 51.93 - (0.02 * i) / n]);
  ring.push(ring[0]);
  return ring;
}

const collection = (features: unknown[]) => JSON.stringify({ type: "FeatureCollection", features });
const feature = (properties: Record<string, unknown>, geometry: unknown) => ({ type: "Feature", properties, geometry });

describe("simplifying outlines", () => {
  it("keeps the corners of a dense square and drops the points on its edges", () => {
    const ring = simplifyRing(denseSquare())!;
    expect(ring.length).toBeLessThanOrEqual(6);
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    for (const corner of [[4.59, 51.91], [4.61, 51.91], [4.61, 51.93], [4.59, 51.93]]) {
      expect(ring.some(([x, y]) => Math.abs(x - corner[0]) < 1e-5 && Math.abs(y - corner[1]) < 1e-5)).toBe(true);
    }
  });

  it("drops a ring that collapses and a polygon of nothing", () => {
    expect(simplifyRing([[4.6, 51.9], [4.6, 51.9], [4.6000001, 51.9], [4.6, 51.9]])).toBeNull();
    const tiny: BoundaryGeometry = { type: "MultiPolygon", coordinates: [[[[4.6, 51.9], [4.6000001, 51.9], [4.6, 51.9000001], [4.6, 51.9]]], square.coordinates] };
    expect(simplifyGeometry(tiny)).toEqual({ type: "Polygon", coordinates: square.coordinates });
  });
});

describe("reading a CBS wijk- en buurtkaart file", () => {
  it("reads wijkcode/wijknaam and WK_CODE/WK_NAAM, simplified", () => {
    const result = parseBoundaryCollection(
      collection([
        feature({ wijkcode: "WK054201", wijknaam: "Oud-Krimpen" }, { type: "Polygon", coordinates: [denseSquare()] }),
        feature({ WK_CODE: "wk054202", WK_NAAM: "Langeland" }, { type: "MultiPolygon", coordinates: [square.coordinates] }),
      ]),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.coordinateSystem).toBe("wgs84");
    expect(result.features.map((f) => [f.code, f.name])).toEqual([["WK054201", "Oud-Krimpen"], ["WK054202", "Langeland"]]);
    expect(countPositions(result.features[0].geometry)).toBeLessThanOrEqual(6);
    expect(result.features[1].geometry.type).toBe("Polygon");
  });

  it("converts RD New metres to WGS84 (the Amersfoort origin and a point in Krimpen)", () => {
    const [lng, lat] = rdToWgs84(155000, 463000);
    expect(lng).toBeCloseTo(5.38720621, 6);
    expect(lat).toBeCloseTo(52.1551744, 6);
    const [kLng, kLat] = rdToWgs84(100600, 436300);
    expect(kLng).toBeGreaterThan(4.58);
    expect(kLng).toBeLessThan(4.62);
    expect(kLat).toBeGreaterThan(51.9);
    expect(kLat).toBeLessThan(51.93);
    const rdSquare = [[100000, 436000], [101000, 436000], [101000, 437000], [100000, 437000], [100000, 436000]];
    const result = parseBoundaryCollection(collection([feature({ wijkcode: "WK054201" }, { type: "Polygon", coordinates: [rdSquare] })]));
    expect(result.ok && result.coordinateSystem).toBe("rd");
  });

  it.each([
    ["not JSON", "{nope", "geen geldige JSON"],
    ["not a FeatureCollection", JSON.stringify({ type: "Feature" }), "FeatureCollection"],
    ["empty", collection([]), "geen wijken"],
    ["no wijk code", collection([feature({ naam: "x" }, square)]), "wijkcode"],
    ["a buurt code", collection([feature({ wijkcode: "BU05420101" }, square)]), "wijkcode"],
    ["script as code", collection([feature({ wijkcode: "<script>alert(1)</script>" }, square)]), "wijkcode"],
    ["SQL as code", collection([feature({ wijkcode: "WK054201'; drop table areas;--" }, square)]), "wijkcode"],
    ["twice the same code", collection([feature({ wijkcode: "WK054201" }, square), feature({ wijkcode: "WK054201" }, square)]), "twee keer"],
    ["a point", collection([feature({ wijkcode: "WK054201" }, { type: "Point", coordinates: [4.6, 51.9] })]), "geen geldige vlakken"],
    ["an open ring of 3", collection([feature({ wijkcode: "WK054201" }, { type: "Polygon", coordinates: [[[4.6, 51.9], [4.61, 51.9], [4.6, 51.91]]] })]), "geen geldige vlakken"],
    ["text coordinates", collection([feature({ wijkcode: "WK054201" }, { type: "Polygon", coordinates: [[["4.6", "51.9"], [4.61, 51.9], [4.6, 51.91], [4.6, 51.9]]] })]), "geen geldige vlakken"],
    ["outside the Netherlands", collection([feature({ wijkcode: "WK054201" }, { type: "Polygon", coordinates: [[[2, 48], [2.1, 48], [2.1, 48.1], [2, 48]]] })]), "buiten Nederland"],
    ["too large", "x".repeat(900_001), "te groot"],
  ])("refuses %s with a Dutch message", (_, text, message) => {
    const result = parseBoundaryCollection(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(message);
  });
});

describe("projecting onto an SVG", () => {
  it("fits the bounds into the width, north up, and round-trips", () => {
    const projection = fitProjection(boundsOf([square])!, 600, 10);
    const [left, top] = projection.project([4.59, 51.93]);
    const [right, bottom] = projection.project([4.61, 51.91]);
    expect(top).toBeCloseTo(10, 0);
    expect(bottom).toBeCloseTo(projection.height - 10, 0);
    expect(left).toBeLessThan(right);
    expect(right).toBeLessThanOrEqual(590.1);
    const [lng, lat] = projection.unproject([300, projection.height / 2]);
    expect(lng).toBeCloseTo(4.6, 3);
    expect(lat).toBeCloseTo(51.92, 3);
    expect(inverseMercator(mercator([4.6, 51.92]))[1]).toBeCloseTo(51.92, 9);
  });

  it("draws a path per ring and puts a label inside the square", () => {
    const projection = fitProjection(boundsOf([square])!, 600);
    expect(svgPath(square, projection)).toMatch(/^M[\d. L]+Z$/);
    const [x, y] = labelPoint(square);
    expect(x).toBeCloseTo(4.6, 6);
    expect(y).toBeCloseTo(51.92, 6);
  });

  it("covers the map with a few background tiles at a zoom that fits", () => {
    const projection = fitProjection(boundsOf([square])!, 640);
    const tiles = tilesFor(projection);
    expect(tiles.length).toBeGreaterThan(0);
    expect(tiles.length).toBeLessThanOrEqual(64);
    expect(tiles[0].z).toBeGreaterThanOrEqual(12);
    expect(tiles[0].size).toBeGreaterThan(128);
    expect(tiles[0].size).toBeLessThan(512);
  });
});

describe("placing a wijk label beside the bord markers", () => {
  const options = { fontSize: 15, markerRadius: 12 };
  // "Langeland" + "2,2%": about 81 units wide (9 characters), from y - 15 to y + 19.5.
  const lines = ["Langeland", "2,2%"];

  it("keeps the label where it is when no marker is near", () => {
    expect(labelPosition([300, 200], lines, [], options)).toEqual([300, 200]);
    expect(labelPosition([300, 200], lines, [[300, 250], [400, 200], [300, 150]], options)).toEqual([300, 200]);
  });

  it("moves the label below a marker that lies on its name or its figure, clear of the marker", () => {
    for (const marker of [[300, 195], [330, 212], [262, 186]] as Position[]) {
      const [x, y] = labelPosition([300, 200], lines, [marker], options);
      expect(x).toBe(300);
      // The top of the moved box is below the marker's bottom edge.
      expect(y - 15).toBeGreaterThan(marker[1] + 12);
      expect(labelPosition([x, y], lines, [marker], options)).toEqual([x, y]);
    }
  });

  it("moves below the lowest of several markers on the label", () => {
    const [, y] = labelPosition([300, 200], lines, [[290, 190], [310, 210]], options);
    expect(y - 15).toBeGreaterThan(210 + 12);
  });
});
