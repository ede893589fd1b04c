/**
 * Which municipalities a staff function works in: staff their own, platform admins every one.
 * Whether the actor may use the function at all is its permission (requirePermission, called
 * first by every command); these helpers only narrow the rows. For lib/data only.
 */
import "server-only";
import { eq, sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { Actor } from "@/lib/auth/types";
import { notFound } from "@/lib/errors";

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
  if (!isStaffActor(actor)) throw notFound();
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

