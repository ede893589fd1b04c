/**
 * Wijk boundaries as GeoJSON geometry (WGS84 longitude/latitude, RFC 7946) and the pure rules
 * around them: reading a CBS wijk- en buurtkaart FeatureCollection (as PDOK publishes it, in
 * WGS84 or in Dutch RD New coordinates), simplifying it (Douglas–Peucker, coordinates rounded to
 * about 1 m), and projecting it onto an SVG (Web Mercator, so a tile background lines up).
 * No I/O; safe in the browser.
 */

export type Position = [number, number];
export type Ring = Position[];
export type PolygonGeometry = { type: "Polygon"; coordinates: Ring[] };
export type MultiPolygonGeometry = { type: "MultiPolygon"; coordinates: Ring[][] };
export type BoundaryGeometry = PolygonGeometry | MultiPolygonGeometry;

/** The Netherlands with a margin (the same box the bord-request point is checked against). */
export const NL_BOUNDS = { minLng: 3.2, maxLng: 7.3, minLat: 50.7, maxLat: 53.7 } as const;

/** Limits of an import: enough for every wijk of a large municipality at full CBS resolution. */
export const BOUNDARY_LIMITS = { maxFeatures: 500, maxPointsPerFeature: 50_000, maxTextLength: 900_000 } as const;

/** Simplification tolerance in degrees (about 5 m) and the precision kept (6 decimals, about 0.1 m). */
export const SIMPLIFY_TOLERANCE = 0.00005;
const PRECISION = 1e6;

export function isInNetherlands([lng, lat]: Position): boolean {
  return lng >= NL_BOUNDS.minLng && lng <= NL_BOUNDS.maxLng && lat >= NL_BOUNDS.minLat && lat <= NL_BOUNDS.maxLat;
}

/**
 * RD New (EPSG:28992) to WGS84, with the approximation of Schreutelaar (F.H. Schreutelaar,
 * "Benaderingsformules voor de transformatie tussen RD- en WGS84-kaartcoördinaten", 2001):
 * accurate to about a metre inside the Netherlands, good enough for a neighbourhood map.
 */
export function rdToWgs84(x: number, y: number): Position {
  const dx = (x - 155000) * 1e-5;
  const dy = (y - 463000) * 1e-5;
  const lat =
    52.15517440 +
    (3235.65389 * dy -
      32.58297 * dx * dx -
      0.2475 * dy * dy -
      0.84978 * dx * dx * dy -
      0.0655 * dy ** 3 -
      0.01709 * dx * dx * dy * dy -
      0.00738 * dx +
      0.0053 * dx ** 4 -
      0.00039 * dx * dx * dy ** 3 +
      0.00033 * dx ** 4 * dy -
      0.00012 * dx * dy) /
      3600;
  const lng =
    5.38720621 +
    (5260.52916 * dx +
      105.94684 * dx * dy +
      2.45656 * dx * dy * dy -
      0.81885 * dx ** 3 +
      0.05594 * dx * dy ** 3 -
      0.05607 * dx ** 3 * dy +
      0.01199 * dy -
      0.00256 * dx ** 3 * dy * dy +
      0.00128 * dx * dy ** 4 +
      0.00022 * dy * dy -
      0.00022 * dx * dx +
      0.00026 * dx ** 5) /
      3600;
  return [lng, lat];
}

/** Whether a position looks like RD New metres (the Dutch grid) rather than degrees. */
function looksLikeRd([x, y]: Position): boolean {
  return x >= -7000 && x <= 300000 && y >= 289000 && y <= 629000;
}

const round = (v: number) => Math.round(v * PRECISION) / PRECISION;

function perpendicularDistance(p: Position, a: Position, b: Position): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  if (dx === 0 && dy === 0) return Math.hypot(p[0] - a[0], p[1] - a[1]);
  const t = ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy);
  const cx = a[0] + Math.max(0, Math.min(1, t)) * dx;
  const cy = a[1] + Math.max(0, Math.min(1, t)) * dy;
  return Math.hypot(p[0] - cx, p[1] - cy);
}

/** Douglas–Peucker on an open polyline, iterative (no recursion depth limit on long rings). */
function simplifyLine(points: Position[], tolerance: number): Position[] {
  if (points.length <= 2) return points.slice();
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack: Array<[number, number]> = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop()!;
    let maxDistance = 0;
    let index = -1;
    for (let i = first + 1; i < last; i++) {
      const d = perpendicularDistance(points[i], points[first], points[last]);
      if (d > maxDistance) {
        maxDistance = d;
        index = i;
      }
    }
    if (index !== -1 && maxDistance > tolerance) {
      keep[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

/**
 * A closed ring simplified; null when it collapses (fewer than 4 positions, first = last).
 * The ring is split at its farthest point from the start, so a closed ring keeps its shape.
 */
export function simplifyRing(ring: Ring, tolerance = SIMPLIFY_TOLERANCE): Ring | null {
  const open = ring.map(([x, y]) => [round(x), round(y)] as Position);
  if (open.length > 1 && open[0][0] === open[open.length - 1][0] && open[0][1] === open[open.length - 1][1]) open.pop();
  const deduped = open.filter((p, i) => i === 0 || p[0] !== open[i - 1][0] || p[1] !== open[i - 1][1]);
  if (deduped.length < 3) return null;
  let far = 0;
  let farDistance = -1;
  for (let i = 1; i < deduped.length; i++) {
    const d = Math.hypot(deduped[i][0] - deduped[0][0], deduped[i][1] - deduped[0][1]);
    if (d > farDistance) {
      farDistance = d;
      far = i;
    }
  }
  const firstHalf = simplifyLine(deduped.slice(0, far + 1), tolerance);
  const secondHalf = simplifyLine([...deduped.slice(far), deduped[0]], tolerance);
  const result = [...firstHalf, ...secondHalf.slice(1)];
  if (result.length < 4) return null;
  return result;
}

/** A geometry simplified; null when nothing of it is left. Holes that collapse are dropped. */
export function simplifyGeometry(geometry: BoundaryGeometry, tolerance = SIMPLIFY_TOLERANCE): BoundaryGeometry | null {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  const kept: Ring[][] = [];
  for (const polygon of polygons) {
    const outer = simplifyRing(polygon[0] ?? [], tolerance);
    if (!outer) continue;
    const holes = polygon.slice(1).map((hole) => simplifyRing(hole, tolerance)).filter((h): h is Ring => h !== null);
    kept.push([outer, ...holes]);
  }
  if (kept.length === 0) return null;
  return kept.length === 1 ? { type: "Polygon", coordinates: kept[0] } : { type: "MultiPolygon", coordinates: kept };
}

export function polygonsOf(geometry: BoundaryGeometry): Ring[][] {
  return geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
}

export function countPositions(geometry: BoundaryGeometry): number {
  return polygonsOf(geometry).reduce((sum, polygon) => sum + polygon.reduce((s, ring) => s + ring.length, 0), 0);
}

// ---------------------------------------------------------------------------------------------
// Reading an import

export interface BoundaryFeature {
  /** CBS wijk code, e.g. WK054201. */
  code: string;
  name: string | null;
  geometry: BoundaryGeometry;
}

export type BoundaryParseResult =
  | { ok: true; features: BoundaryFeature[]; coordinateSystem: "wgs84" | "rd" }
  | { ok: false; message: string };

const fail = (message: string): BoundaryParseResult => ({ ok: false, message });

function isPosition(value: unknown): value is Position {
  return (
    Array.isArray(value) &&
    value.length >= 2 &&
    value.length <= 3 &&
    value.every((v) => typeof v === "number" && Number.isFinite(v))
  );
}

function readRings(value: unknown): Ring[] | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  const rings: Ring[] = [];
  for (const ring of value) {
    if (!Array.isArray(ring) || ring.length < 4 || !ring.every(isPosition)) return null;
    rings.push(ring.map((p) => [p[0], p[1]] as Position));
  }
  return rings;
}

function readGeometry(value: unknown): BoundaryGeometry | null {
  if (!value || typeof value !== "object") return null;
  const { type, coordinates } = value as { type?: unknown; coordinates?: unknown };
  if (type === "Polygon") {
    const rings = readRings(coordinates);
    return rings ? { type: "Polygon", coordinates: rings } : null;
  }
  if (type === "MultiPolygon") {
    if (!Array.isArray(coordinates) || coordinates.length === 0) return null;
    const polygons: Ring[][] = [];
    for (const polygon of coordinates) {
      const rings = readRings(polygon);
      if (!rings) return null;
      polygons.push(rings);
    }
    return { type: "MultiPolygon", coordinates: polygons };
  }
  return null;
}

function mapPositions(geometry: BoundaryGeometry, fn: (p: Position) => Position): BoundaryGeometry {
  const polygons = polygonsOf(geometry).map((polygon) => polygon.map((ring) => ring.map(fn)));
  return geometry.type === "Polygon" ? { type: "Polygon", coordinates: polygons[0] } : { type: "MultiPolygon", coordinates: polygons };
}

function stringProperty(properties: Record<string, unknown>, names: string[]): string | null {
  for (const name of names) {
    const value = properties[name];
    if (typeof value === "string" && value.trim() !== "") return value.trim();
  }
  return null;
}

/**
 * Reads a CBS wijk- en buurtkaart FeatureCollection of wijken: per feature the wijk code
 * (`wijkcode`, `WK_CODE` or `statcode`), its name (`wijknaam`, `WK_NAAM` or `statnaam`) and a
 * Polygon or MultiPolygon. Coordinates in WGS84 degrees or RD New metres (converted). Every
 * problem is a Dutch message that says what to fix; nothing partial is returned.
 */
export function parseBoundaryCollection(text: string): BoundaryParseResult {
  if (text.length > BOUNDARY_LIMITS.maxTextLength) return fail("Het bestand is te groot (meer dan 900 kB). Kies een bestand met alleen de wijken van uw gemeente.");
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return fail("Dit is geen GeoJSON-bestand: de inhoud is geen geldige JSON.");
  }
  if (!data || typeof data !== "object" || (data as { type?: unknown }).type !== "FeatureCollection") {
    return fail("Kies een GeoJSON-bestand met een FeatureCollection van wijken (CBS wijk- en buurtkaart).");
  }
  const list = (data as { features?: unknown }).features;
  if (!Array.isArray(list) || list.length === 0) return fail("Het bestand bevat geen wijken.");
  if (list.length > BOUNDARY_LIMITS.maxFeatures) return fail(`Het bestand bevat meer dan ${BOUNDARY_LIMITS.maxFeatures} vlakken. Kies alleen de wijken van uw gemeente.`);

  const features: BoundaryFeature[] = [];
  const seen = new Set<string>();
  let rd: boolean | null = null;
  for (const [index, item] of list.entries()) {
    const number = index + 1;
    if (!item || typeof item !== "object" || (item as { type?: unknown }).type !== "Feature") return fail(`Onderdeel ${number} is geen Feature.`);
    const properties = ((item as { properties?: unknown }).properties ?? {}) as Record<string, unknown>;
    const code = stringProperty(properties, ["wijkcode", "WK_CODE", "statcode"])?.toUpperCase() ?? null;
    if (!code || !/^WK\d{6}$/.test(code)) {
      return fail(`Onderdeel ${number} heeft geen geldige wijkcode (zoals WK054201) in 'wijkcode' of 'WK_CODE'.`);
    }
    if (seen.has(code)) return fail(`Wijkcode ${code} staat twee keer in het bestand.`);
    seen.add(code);
    const geometry = readGeometry((item as { geometry?: unknown }).geometry);
    if (!geometry) return fail(`Wijk ${code} heeft geen geldige vlakken (Polygon of MultiPolygon).`);
    if (countPositions(geometry) > BOUNDARY_LIMITS.maxPointsPerFeature) return fail(`Wijk ${code} heeft te veel punten.`);
    const first = geometry.type === "Polygon" ? geometry.coordinates[0][0] : geometry.coordinates[0][0][0];
    const isRd = looksLikeRd(first);
    if (rd !== null && rd !== isRd) return fail("Het bestand mengt twee soorten coördinaten. Gebruik WGS84 (EPSG:4326) of RD (EPSG:28992).");
    rd = isRd;
    const converted = isRd ? mapPositions(geometry, ([x, y]) => rdToWgs84(x, y)) : geometry;
    const outside = polygonsOf(converted).some((polygon) => polygon.some((ring) => ring.some((p) => !isInNetherlands(p))));
    if (outside) return fail(`Wijk ${code} ligt (deels) buiten Nederland. Gebruik WGS84 (EPSG:4326) of RD (EPSG:28992).`);
    const simplified = simplifyGeometry(converted);
    if (!simplified) return fail(`De vlakken van wijk ${code} zijn te klein om te tekenen.`);
    features.push({ code, name: stringProperty(properties, ["wijknaam", "WK_NAAM", "statnaam"]), geometry: simplified });
  }
  return { ok: true, features, coordinateSystem: rd ? "rd" : "wgs84" };
}

/** Whether a stored value is a boundary geometry (for reading the jsonb column defensively). */
export function isBoundaryGeometry(value: unknown): value is BoundaryGeometry {
  return readGeometry(value) !== null;
}

// ---------------------------------------------------------------------------------------------
// Projection onto an SVG

export interface Bounds {
  minLng: number;
  minLat: number;
  maxLng: number;
  maxLat: number;
}

export function boundsOf(geometries: BoundaryGeometry[], points: Position[] = []): Bounds | null {
  let b: Bounds | null = null;
  const add = ([lng, lat]: Position) => {
    if (!b) b = { minLng: lng, maxLng: lng, minLat: lat, maxLat: lat };
    else {
      b.minLng = Math.min(b.minLng, lng);
      b.maxLng = Math.max(b.maxLng, lng);
      b.minLat = Math.min(b.minLat, lat);
      b.maxLat = Math.max(b.maxLat, lat);
    }
  };
  for (const g of geometries) for (const polygon of polygonsOf(g)) for (const p of polygon[0]) add(p);
  for (const p of points) add(p);
  return b;
}

/** Web Mercator x/y in units of one world (0..1), as slippy-map tiles use. */
export function mercator([lng, lat]: Position): [number, number] {
  const x = (lng + 180) / 360;
  const s = Math.sin((lat * Math.PI) / 180);
  const y = 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
  return [x, y];
}

export function inverseMercator([x, y]: [number, number]): Position {
  const lng = x * 360 - 180;
  const n = Math.PI - 2 * Math.PI * y;
  const lat = (180 / Math.PI) * Math.atan(0.5 * (Math.exp(n) - Math.exp(-n)));
  return [lng, lat];
}

export interface Projection {
  width: number;
  height: number;
  /** World units (0..1) of the top-left corner, and SVG units per world unit. */
  originX: number;
  originY: number;
  scale: number;
  project(position: Position): [number, number];
  unproject(point: [number, number]): Position;
}

/**
 * Fits `bounds` (plus `padding` SVG units) into a `width`-wide SVG; the height follows from the
 * shape. Web Mercator, so tiles of a background map fit exactly.
 */
export function fitProjection(bounds: Bounds, width: number, padding = 8): Projection {
  const [x0, y1] = mercator([bounds.minLng, bounds.minLat]);
  const [x1, y0] = mercator([bounds.maxLng, bounds.maxLat]);
  const spanX = Math.max(x1 - x0, 1e-9);
  const spanY = Math.max(y1 - y0, 1e-9);
  const scale = (width - 2 * padding) / Math.max(spanX, spanY / 0.75);
  const height = Math.round(spanY * scale + 2 * padding);
  const usedWidth = spanX * scale;
  const originX = x0 - (padding + (width - 2 * padding - usedWidth) / 2) / scale;
  const originY = y0 - padding / scale;
  const r = (v: number) => Math.round(v * 10) / 10;
  return {
    width,
    height,
    originX,
    originY,
    scale,
    project(position) {
      const [x, y] = mercator(position);
      return [r((x - originX) * scale), r((y - originY) * scale)];
    },
    unproject([sx, sy]) {
      return inverseMercator([sx / scale + originX, sy / scale + originY]);
    },
  };
}

/** An SVG path `d` for a geometry (evenodd fill keeps holes open). */
export function svgPath(geometry: BoundaryGeometry, projection: Projection): string {
  const parts: string[] = [];
  for (const polygon of polygonsOf(geometry)) {
    for (const ring of polygon) {
      const points = ring.map((p) => projection.project(p));
      parts.push(`M${points.map(([x, y]) => `${x} ${y}`).join("L")}Z`);
    }
  }
  return parts.join("");
}

/** A point inside the outer ring's bounding box centre-ish: the centroid of the largest ring (for a label). */
export function labelPoint(geometry: BoundaryGeometry): Position {
  let best: Ring = polygonsOf(geometry)[0][0];
  let bestArea = 0;
  for (const polygon of polygonsOf(geometry)) {
    const a = Math.abs(ringArea(polygon[0]));
    if (a > bestArea) {
      bestArea = a;
      best = polygon[0];
    }
  }
  let cx = 0;
  let cy = 0;
  let area = 0;
  for (let i = 0; i < best.length - 1; i++) {
    const [x0, y0] = best[i];
    const [x1, y1] = best[i + 1];
    const f = x0 * y1 - x1 * y0;
    cx += (x0 + x1) * f;
    cy += (y0 + y1) * f;
    area += f;
  }
  if (area === 0) return best[0];
  return [cx / (3 * area), cy / (3 * area)];
}

function ringArea(ring: Ring): number {
  let a = 0;
  for (let i = 0; i < ring.length - 1; i++) a += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return a / 2;
}

/** Slippy-map tiles (z/x/y) that cover a projection's SVG, with where each goes on it. */
export function tilesFor(projection: Projection, maxZoom = 18): Array<{ z: number; x: number; y: number; left: number; top: number; size: number }> {
  // The zoom at which one 256-pixel tile is about as large as 256 SVG units.
  const z = Math.max(0, Math.min(maxZoom, Math.round(Math.log2(projection.scale / 256))));
  const n = 2 ** z;
  const x0 = Math.floor(projection.originX * n);
  const y0 = Math.floor(projection.originY * n);
  const x1 = Math.floor((projection.originX + projection.width / projection.scale) * n);
  const y1 = Math.floor((projection.originY + projection.height / projection.scale) * n);
  const size = projection.scale / n;
  const tiles = [];
  for (let x = x0; x <= x1; x++) {
    for (let y = y0; y <= y1; y++) {
      if (x < 0 || y < 0 || x >= n || y >= n) continue;
      tiles.push({ z, x, y, left: (x / n - projection.originX) * projection.scale, top: (y / n - projection.originY) * projection.scale, size });
    }
  }
  return tiles.length <= 64 ? tiles : [];
}

/**
 * Where a map label goes so that no marker hides it: at `at` (the label's anchor, in the map's
 * own units) unless a marker lies within the label's box, else moved down just below the lowest
 * such marker. The box is estimated from the lines' lengths (`fontSize` units, about 0.6 em per
 * character, lines 1.2 em apart, the first baseline 0.2 em above `at`); `markerRadius` is a
 * marker's half size.
 */
export function labelPosition(
  at: Position,
  lines: string[],
  markers: Position[],
  options: { fontSize: number; markerRadius: number },
): Position {
  const [x, y] = at;
  const { fontSize, markerRadius } = options;
  const halfWidth = (Math.max(0, ...lines.map((l) => l.length)) * 0.6 * fontSize) / 2;
  const top = y - 0.2 * fontSize - 0.8 * fontSize;
  const bottom = y - 0.2 * fontSize + (lines.length - 1) * 1.2 * fontSize + 0.3 * fontSize;
  const hits = markers.filter(
    ([mx, my]) => mx + markerRadius >= x - halfWidth && mx - markerRadius <= x + halfWidth && my + markerRadius >= top && my - markerRadius <= bottom,
  );
  if (hits.length === 0) return at;
  const lowest = Math.max(...hits.map(([, my]) => my + markerRadius));
  // Move the box so that its top sits just below the marker.
  return [x, y + (lowest + 2 - top)];
}
