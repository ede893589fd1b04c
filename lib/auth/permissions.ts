/**
 * Who may do what, in one table. The server uses it in the action wrappers and pages; the UI
 * uses it only to show or hide buttons. Permissions here are per role; whether a user may touch
 * one particular group (is an admin of it), wijk (is its wijkagent) or municipality (works
 * there) is decided inside the query in lib/data, where someone else's row answers as not found.
 *
 * Safe in the browser: no server imports (lib/errors has none either).
 */
import type { UserRole } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { routes } from "@/lib/routes";
import type { Actor } from "./types";

/** Staff-level roles: platform admins may do everything staff may (within every municipality). */
const STAFF = ["staff", "platform_admin"] as const satisfies readonly UserRole[];
/** Everyone who can sign in. */
const EVERYONE = ["resident", "staff", "wijkagent", "platform_admin"] as const satisfies readonly UserRole[];

/**
 * The one table that decides who may do what. Every server action names one
 * of these (lib/actions.ts) and every lib/data command checks its own with requirePermission;
 * lib/auth/permission-use.test.ts fails for a permission that nothing checks, and
 * docs/security.md lists which action and command needs which.
 */
export const permissions = {
  /** Register a new group (and so become its first admin). Residents only: staff, wijkagenten and platform admins keep their own work apart. */
  "group.register": ["resident"],
  /** Work on one's own groups: details, admins, invitations, addresses, join requests, dissolving; accept an invitation to become co-admin. */
  "group.manage": ["resident"],
  /** Ask for a bord for one's own group, see its status, withdraw it (the threshold is checked by the query). */
  "bord.request": ["resident"],
  /** Review, approve, reject bord requests and record placement (of one's own municipality). */
  "bord.decide": STAFF,
  /** Keep the record of placed borden (of one's own municipality): details, open reports, maintenance, removal. */
  "bord.maintain": STAFF,
  /** See the staff pages (/beheer): overview, wijken, settings, the municipalities one works for. */
  "staff.view": STAFF,
  /** See every group of the municipality, with admins' contact details. */
  "group.view_all": STAFF,
  /** Export groups and figures. */
  "group.export": STAFF,
  /** Run the yearly check now (/beheer/jaarcontrole) and keep a group that did not confirm (confirm on its admins' behalf). */
  "group.check": STAFF,
  /** Dissolve any group of the municipality. */
  "group.dissolve_any": STAFF,
  /** Decide which group an address that two groups of the municipality list counts for (the overlap list on /beheer/wijken). */
  "address.decide_shared": STAFF,
  /** Keep wijken, their postcodes and contacts (wijkagenten, wethouders) current. */
  "area.edit": STAFF,
  /** Change the municipality's settings (bord threshold, safety mailbox). */
  "settings.edit": STAFF,
  /**
   * Invite staff and wijkagent accounts and change or remove their roles (/beheer/gebruikers):
   * staff within their own municipality, platform admins in any (the query keeps to it).
   */
  "users.manage": STAFF,
  /** End every session of one's own account ("Overal uitloggen"). */
  "session.end_own": EVERYONE,
  /** Accept an invitation to a staff or wijkagent role sent to one's own address (lib/data/resident/staff-invitations.ts refuses what may not change). */
  "account.accept_role_invitation": EVERYONE,
  /** End other users' sessions (lib/data/platform/users.ts). */
  "users.manage_any": ["platform_admin"],
  /** Read the audit log (staff: their municipality's entries). */
  "audit.view": STAFF,
  /** See the groups in one's own wijken with their admins' contact details (/wijkagent). */
  "wijkagent.view": ["wijkagent"],
  /** See e-mail that could not be delivered in 24 hours, and send it again. */
  "mailbox.dead_letters": ["platform_admin"],
  /** Add, edit, disable and enable municipalities (/beheer/gemeenten); staff are assigned through "users.manage". */
  "municipality.manage": ["platform_admin"],
  /** Export or erase everything stored about one e-mail address (AVG rights). */
  "privacy.manage": ["platform_admin"],
} as const satisfies Record<string, readonly UserRole[]>;

export type Permission = keyof typeof permissions;

/** Every permission of the table. */
export const ALL_PERMISSIONS = Object.keys(permissions) as Permission[];

/** Whether `actor` may use `permission`; the public (null) may use none of these. */
export function can(actor: Pick<Actor, "role"> | null | undefined, permission: Permission): boolean {
  if (!actor) return false;
  const roles = permissions[permission] as readonly UserRole[] | undefined;
  return roles !== undefined && roles.includes(actor.role);
}

/**
 * The one check behind every server action and lib/data command: returns when `actor` may use
 * `permission`, else throws the AppError the action wrappers and pages map. Not signed in:
 * "unauthorized". Signed in with a role the table does not give it: "not_found", as if the
 * action or data did not exist (nothing leaks about what is there).
 */
export function requirePermission<A extends Pick<Actor, "role">>(actor: A | null | undefined, permission: Permission): asserts actor is A {
  if (!actor) throw new AppError("unauthorized", "U bent niet (meer) ingelogd. Log opnieuw in en probeer het nog eens.");
  if (!can(actor, permission)) throw new AppError("not_found");
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
