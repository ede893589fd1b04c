/** Team Veiligheid's map: the outlines and bords (placed and open requests) of their municipality. */
import "server-only";
import { eq } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { areas, groups } from "@/db/schema";
import { requirePermission } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";
import { staffScope } from "@/lib/data/internal/staff-scope";
import { bordMarkers, boundaries, OPEN_AND_PLACED, type AreaBoundary, type BordMarker } from "@/lib/data/internal/map-layers";

/** The outlines and bords (placed and open requests) of a municipality the actor works for. */
export async function getStaffMap(
  actor: Actor | null,
  municipalityId: string,
  executor: Executor = db,
): Promise<{ areas: AreaBoundary[]; bords: BordMarker[] }> {
  requirePermission(actor, "staff.view");
  const staff = staffScope(actor);
  // Staff only ever see their own municipality (as getStaffOverview does).
  const id = staff.role === "staff" ? staff.municipalityId! : municipalityId;
  const [areaRows, bords] = await Promise.all([
    boundaries(eq(areas.municipalityId, id), executor),
    bordMarkers(eq(groups.municipalityId, id), OPEN_AND_PLACED, executor),
  ]);
  return { areas: areaRows, bords };
}
