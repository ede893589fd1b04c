/**
 * What the point picker (point-picker.tsx) needs to draw a wijk and turn a click into a point,
 * computed on the server so the browser gets a path and four numbers, not the geometry code.
 */
import { boundsOf, fitProjection, labelPoint, svgPath, tilesFor, type BoundaryGeometry } from "@/lib/domain/geo";

export interface PickerMap {
  width: number;
  height: number;
  /** Web Mercator world units (0..1) of the top-left corner, and SVG units per world unit. */
  originX: number;
  originY: number;
  scale: number;
  /** The wijk's outline as an SVG path. */
  outline: string;
  /** Background tiles (MAP_TILES_URL), empty without. */
  tiles: Array<{ href: string; x: number; y: number; size: number }>;
  attribution: string | null;
  /** Where a marker starts when placed with the keyboard: the wijk's centre. */
  centre: { lat: number; lng: number };
}

const WIDTH = 640;
/** Room around the wijk (a share of its size), so a bord at its edge can be picked too. */
const MARGIN = 0.12;

export function pickerMapFor(
  boundary: BoundaryGeometry | null,
  options: { tiles?: { url: string; attribution: string }; point?: { lat: number; lng: number } | null } = {},
): PickerMap | null {
  if (!boundary) return null;
  const bounds = boundsOf([boundary], options.point ? [[options.point.lng, options.point.lat]] : []);
  if (!bounds) return null;
  const dLng = (bounds.maxLng - bounds.minLng) * MARGIN;
  const dLat = (bounds.maxLat - bounds.minLat) * MARGIN;
  const projection = fitProjection(
    { minLng: bounds.minLng - dLng, maxLng: bounds.maxLng + dLng, minLat: bounds.minLat - dLat, maxLat: bounds.maxLat + dLat },
    WIDTH,
    0,
  );
  const tiles = options.tiles
    ? tilesFor(projection).map((t) => ({
        href: options.tiles!.url.replace("{z}", String(t.z)).replace("{x}", String(t.x)).replace("{y}", String(t.y)),
        x: Math.round(t.left * 10) / 10,
        y: Math.round(t.top * 10) / 10,
        size: Math.round(t.size * 10) / 10 + 0.5,
      }))
    : [];
  const [lng, lat] = labelPoint(boundary);
  return {
    width: projection.width,
    height: projection.height,
    originX: projection.originX,
    originY: projection.originY,
    scale: projection.scale,
    outline: svgPath(boundary, projection),
    tiles,
    attribution: tiles.length > 0 ? (options.tiles?.attribution ?? null) : null,
    centre: { lat, lng },
  };
}
