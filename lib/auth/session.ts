/**
 * Sessions as the database holds them. Who is signed in is decided here, from the session row
 * and the user row read fresh at each request: a changed role counts at once, a disabled user
 * or a deleted session is signed out at the next request.
 */
import "server-only";
import { and, eq, gt, isNull } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { contactAreas, contacts, municipalities, sessions, users } from "@/db/schema";
import type { Actor } from "./types";

/**
 * The signed-in user of a session token, or null (unknown, expired, or a disabled user). Staff
 * and wijkagenten of a disabled municipality act as residents (their role is kept for when it
 * is enabled again), so no staff page or action works for them there.
 */
export async function actorForSessionToken(
  sessionToken: string | null | undefined,
  options: { now?: Date; executor?: Executor } = {},
): Promise<Actor | null> {
  if (!sessionToken || sessionToken.length > 200) return null;
  const executor = options.executor ?? db;
  const [row] = await executor
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      municipalityId: users.municipalityId,
      municipalityDisabledAt: municipalities.disabledAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(municipalities, eq(municipalities.id, users.municipalityId))
    .where(
      and(
        eq(sessions.sessionToken, sessionToken),
        gt(sessions.expires, options.now ?? new Date()),
        isNull(users.disabledAt),
      ),
    )
    .limit(1);
  if (!row) return null;
  const { municipalityDisabledAt, ...actor } = row;
  if (municipalityDisabledAt && (actor.role === "staff" || actor.role === "wijkagent")) {
    return { ...actor, role: "resident", municipalityId: null };
  }
  return actor;
}

/** Ends every session of a user (all devices). Returns how many there were. */
export async function signOutEverywhere(userId: string, executor: Executor = db): Promise<number> {
  const deleted = await executor
    .delete(sessions)
    .where(eq(sessions.userId, userId))
    .returning({ sessionToken: sessions.sessionToken });
  return deleted.length;
}

/**
 * The wijken (areas.id) a wijkagent works in: those of the contact records linked to their
 * account, within their own municipality. Anyone who is not a wijkagent has none.
 */
export async function wijkagentAreaIds(actor: Actor | null, executor: Executor = db): Promise<string[]> {
  if (!actor || actor.role !== "wijkagent" || !actor.municipalityId) return [];
  const rows = await executor
    .selectDistinct({ areaId: contactAreas.areaId })
    .from(contacts)
    .innerJoin(contactAreas, eq(contactAreas.contactId, contacts.id))
    .where(
      and(
        eq(contacts.userId, actor.id),
        eq(contacts.kind, "wijkagent"),
        eq(contacts.municipalityId, actor.municipalityId),
      ),
    )
    .orderBy(contactAreas.areaId);
  return rows.map((r) => r.areaId);
}
