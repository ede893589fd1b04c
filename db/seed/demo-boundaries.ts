/**
 * Made-up, simplified outlines of Krimpen aan den IJssel's six wijken for the demo map: roughly
 * where the wijken lie (Kortland in the west, Oud-Krimpen along the river in the south,
 * Boveneind in the east), sharing their edges so the map has no gaps. Not the CBS boundaries;
 * import the real ones on /beheer/wijken.
 */
import type { BoundaryGeometry, Position } from "../../lib/domain/geo";

const P = {
  nw: [4.572, 51.932],
  n1: [4.594, 51.933],
  n2: [4.615, 51.931],
  ne: [4.636, 51.926],
  w: [4.574, 51.921],
  c1: [4.596, 51.922],
  c2: [4.612, 51.921],
  e: [4.64, 51.914],
  sw: [4.578, 51.911],
  s1: [4.595, 51.913],
  s2: [4.608, 51.91],
  s3: [4.623, 51.912],
  r1: [4.636, 51.906],
  r2: [4.61, 51.903],
  r3: [4.585, 51.904],
  r4: [4.57, 51.908],
} satisfies Record<string, Position>;

function polygon(...corners: Position[]): BoundaryGeometry {
  return { type: "Polygon", coordinates: [[...corners, corners[0]]] };
}

/** Per demo wijk code, its outline. */
export const DEMO_BOUNDARIES: Record<string, BoundaryGeometry> = {
  WK054201: polygon(P.sw, P.s1, P.s2, P.s3, P.e, P.r1, P.r2, P.r3, P.r4), // Oud-Krimpen
  WK054202: polygon(P.c1, P.c2, P.s3, P.s2, P.s1), // Langeland
  WK054203: polygon(P.nw, P.n1, P.c1, P.w), // Kortland-Noord
  WK054204: polygon(P.w, P.c1, P.s1, P.sw), // Kortland-Zuid
  WK054205: polygon(P.n1, P.n2, P.c2, P.c1), // Lansingh-Zuid
  WK054206: polygon(P.n2, P.ne, P.e, P.s3, P.c2), // Boveneind
};

/** Map points of the demo bords (placed and requested), inside their wijken. */
export const DEMO_BORD_POINTS = {
  langeland: { latitude: 51.9165, longitude: 4.6035 },
  lansingh: { latitude: 51.9268, longitude: 4.6048 },
} as const;
