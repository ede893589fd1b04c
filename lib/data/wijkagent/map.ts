/** The wijkagent's map: the outlines and bords (placed and open requests) of their own wijken. */
import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { areas, contactAreas, contacts, groups } from "@/db/schema";
import { requirePermission } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";
import { notFound } from "@/lib/errors";
import { bordMarkers, boundaries, OPEN_AND_PLACED, type AreaBoundary, type BordMarker } from "@/lib/data/internal/map-layers";

/** The officer's own wijken: their outlines and bords (placed and open requests). */
export async function getWijkagentMap(actor: Actor | null, executor: Executor = db): Promise<{ areas: AreaBoundary[]; bords: BordMarker[] }> {
  requirePermission(actor, "wijkagent.view");
  if (actor.role !== "wijkagent" || !actor.municipalityId) throw notFound();
  const own = sql`${areas.id} in (
    select ${contactAreas.areaId} from ${contactAreas}
    join ${contacts} on ${contacts.id} = ${contactAreas.contactId}
    where ${contacts.userId} = ${actor.id} and ${contacts.kind} = 'wijkagent' and ${contacts.municipalityId} = ${actor.municipalityId}
  )`;
  const areaRows = await boundaries(and(eq(areas.municipalityId, actor.municipalityId), own), executor);
  if (areaRows.length === 0) return { areas: [], bords: [] };
  const bords = await bordMarkers(
    and(eq(groups.municipalityId, actor.municipalityId), inArray(groups.areaId, areaRows.map((a) => a.areaId)))!,
    OPEN_AND_PLACED,
    executor,
  );
  return { areas: areaRows, bords };
}
