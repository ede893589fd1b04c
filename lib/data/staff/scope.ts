/**
 * Which municipalities a staff function works in: staff their own, platform admins every one.
 * Whether the actor may use the function at all is its permission (requirePermission).
 */
import "server-only";
import { asc, eq, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { municipalities } from "@/db/schema";
import { requirePermission } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";
import { AppError } from "@/lib/errors";

export type StaffActor = Actor & { role: "staff" | "platform_admin" };

export function isStaffActor(actor: Actor | null | undefined): actor is StaffActor {
  if (!actor) return false;
  if (actor.role === "platform_admin") return true;
  return actor.role === "staff" && actor.municipalityId !== null;
}

/**
 * Where the actor works, after requirePermission has said what they may do: a platform admin
 * in every municipality, staff in their own. Anyone else (a staff account without a
 * municipality, or a role a permission was given to that has no municipality scope) works
 * nowhere: not_found. A scope, not a permission: which role may do what is the table's.
 */
export function staffScope(actor: Actor | null | undefined): StaffActor {
  if (!isStaffActor(actor)) throw new AppError("not_found");
  return actor;
}

/**
 * The condition that limits `column` (a municipality id) to what the actor may see:
 * nothing extra for a platform admin, the own municipality for staff.
 */
export function municipalityCondition(actor: StaffActor, column: AnyColumn): SQL {
  if (actor.role === "platform_admin") return sql`true`;
  return eq(column, actor.municipalityId!);
}

export interface MunicipalityChoice {
  id: string;
  name: string;
  code: string;
}

/** The municipalities the actor works for (staff: one; platform admins: all), by name. */
export async function listMunicipalitiesForStaff(actor: Actor | null, executor: Executor = db): Promise<MunicipalityChoice[]> {
  requirePermission(actor, "staff.view");
  const staff = staffScope(actor);
  return executor
    .select({ id: municipalities.id, name: municipalities.name, code: municipalities.code })
    .from(municipalities)
    .where(municipalityCondition(staff, municipalities.id))
    .orderBy(asc(municipalities.name));
}

/**
 * The municipality a page about one municipality works on: staff their own; a platform admin
 * the one asked for (`requested`, e.g. from ?gemeente=) or else the first by name. Null when
 * there is none (a platform admin on an empty installation).
 */
export async function resolveStaffMunicipality(
  actor: Actor | null,
  requested?: string | null,
  executor: Executor = db,
): Promise<MunicipalityChoice | null> {
  requirePermission(actor, "staff.view");
  const staff = staffScope(actor);
  const list = await listMunicipalitiesForStaff(staff, executor);
  if (staff.role === "staff") return list[0] ?? null;
  return list.find((m) => m.id === requested) ?? list[0] ?? null;
}

/**
 * The municipality a change (wijk, contact, settings, new account) is for: the one the form
 * names (`requested`), when the actor works there; without one, as resolveStaffMunicipality.
 * A municipality the actor does not work for (or that does not exist) is null, so the change
 * answers not_found instead of landing on the actor's own (or the first) municipality.
 */
export async function municipalityForChange(
  actor: Actor | null,
  requested?: string | null,
  executor: Executor = db,
): Promise<MunicipalityChoice | null> {
  requirePermission(actor, "staff.view");
  const staff = staffScope(actor);
  if (!requested) return resolveStaffMunicipality(staff, null, executor);
  const list = await listMunicipalitiesForStaff(staff, executor);
  return list.find((m) => m.id === requested) ?? null;
}

/** Whether a string is a UUID (ids from the URL are checked before they reach a uuid column). */
export function isUuid(value: unknown): value is string {
  return typeof value === "string" && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
