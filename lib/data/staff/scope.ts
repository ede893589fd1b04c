/**
 * The municipalities a staff page works on (commands with the permission "staff.view"). The
 * scope helpers behind them (staffScope, municipalityCondition) are in
 * lib/data/internal/staff-scope.ts.
 */
import "server-only";
import { asc } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { municipalities } from "@/db/schema";
import { requirePermission } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";
import { notFound } from "@/lib/errors";
import { municipalityCondition, staffScope, type StaffActor } from "../internal/staff-scope";

export interface MunicipalityChoice {
  id: string;
  name: string;
  code: string;
}

/** The permission check every function here starts with, and the actor's scope. */
function staffViewing(actor: Actor | null): StaffActor {
  requirePermission(actor, "staff.view");
  return staffScope(actor);
}

/** The municipalities the actor works for (staff: one; platform admins: all), by name. */
export async function listMunicipalitiesForStaff(actor: Actor | null, executor: Executor = db): Promise<MunicipalityChoice[]> {
  const staff = staffViewing(actor);
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
  const staff = staffViewing(actor);
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
  const staff = staffViewing(actor);
  if (!requested) return resolveStaffMunicipality(staff, null, executor);
  const list = await listMunicipalitiesForStaff(staff, executor);
  return list.find((m) => m.id === requested) ?? null;
}

/**
 * For a command on one municipality, after it has checked its own permission: the actor's
 * staff scope and the municipality of municipalityForChange, or not_found when there is none.
 */
export async function municipalityToChange(
  actor: Actor | null,
  requested?: string | null,
  executor: Executor = db,
): Promise<{ staff: StaffActor; municipality: MunicipalityChoice }> {
  const staff = staffViewing(actor);
  const municipality = await municipalityForChange(staff, requested, executor);
  if (!municipality) throw notFound();
  return { staff, municipality };
}
