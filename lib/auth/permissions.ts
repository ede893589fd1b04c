/**
 * Who may do what, in one table. The server uses it in the action wrappers and pages; the UI
 * uses it only to show or hide buttons. Permissions here are per role; whether a user may touch
 * one particular group (is an admin of it), wijk (is its wijkagent) or municipality (works
 * there) is decided inside the query in lib/data, where someone else's row answers as not found.
 *
 * Safe in the browser: no server imports.
 */
import type { UserRole } from "@/db/schema";
import { routes } from "@/lib/routes";
import type { Actor } from "./types";

/** Staff-level roles: platform admins pass every check that lists staff. */
const STAFF: readonly UserRole[] = ["staff", "platform_admin"];

export const permissions = {
  /** Register a new group (and so become its first admin). */
  "group.register": ["resident"],
  /** Work on one's own groups: details, admins, addresses, join requests, flyer. */
  "group.manage": ["resident"],
  /** Ask for a bord for one's own group (the threshold is checked by the query). */
  "bord.request": ["resident"],
  /** Review, approve or reject bord requests (of one's own municipality). */
  "bord.decide": STAFF,
  /** Record that a bord has been placed. */
  "bord.place": STAFF,
  /** See the staff pages (/beheer). */
  "staff.view": STAFF,
  /** See every group of the municipality, with admins' contact details. */
  "group.view_all": STAFF,
  /** Export groups and figures. */
  "group.export": STAFF,
  /** Dissolve any group of the municipality. */
  "group.dissolve_any": STAFF,
  /** Keep wijken, their postcodes and contacts (wijkagenten, wethouders) current. */
  "area.edit": STAFF,
  /** Change the municipality's settings (bord threshold, safety mailbox). */
  "settings.edit": STAFF,
  /**
   * Invite staff and wijkagent accounts and change or remove their roles (/beheer/gebruikers):
   * staff within their own municipality, platform admins in any (issue 8; the query keeps to it).
   */
  "users.manage": STAFF,
  /** End other users' sessions (lib/data/users.ts). */
  "users.manage_any": ["platform_admin"],
  /** Read the audit log (staff: their municipality's entries). */
  "audit.view": STAFF,
  /** See the groups in one's own wijken with their admins' contact details (/wijkagent). */
  "wijkagent.view": ["wijkagent"],
  /** Manage municipalities. */
  "platform.manage": ["platform_admin"],
  /** See e-mail that could not be delivered in 24 hours, and send it again. */
  "mailbox.dead_letters": ["platform_admin"],
  /** Export or erase everything stored about one e-mail address (AVG rights). */
  "privacy.manage": ["platform_admin"],
} as const satisfies Record<string, readonly UserRole[]>;

export type Permission = keyof typeof permissions;

/** Whether `actor` may use `permission`; the public (null) may use none of these. */
export function can(actor: Pick<Actor, "role"> | null | undefined, permission: Permission): boolean {
  if (!actor) return false;
  return (permissions[permission] as readonly UserRole[]).includes(actor.role);
}

/**
 * Whether `role` is one of `roles`, where a platform admin counts as staff: a page or action
 * for ["staff"] lets platform admins in too.
 */
export function hasRole(actor: Pick<Actor, "role">, roles: readonly UserRole[]): boolean {
  if (roles.includes(actor.role)) return true;
  return actor.role === "platform_admin" && roles.includes("staff");
}

/** Where a user lands after signing in (without a page to return to). */
export function startPathFor(actor: Pick<Actor, "role">): string {
  switch (actor.role) {
    case "resident":
      return routes.myGroups.list;
    case "staff":
    case "platform_admin":
      return routes.staff.home;
    case "wijkagent":
      return routes.wijkagent.home;
  }
}

/** The name of the start page in menus. */
export function startPageLabel(actor: Pick<Actor, "role">): string {
  switch (actor.role) {
    case "resident":
      return "Mijn groepen";
    case "staff":
    case "platform_admin":
      return "Beheer";
    case "wijkagent":
      return "Mijn wijken";
  }
}
