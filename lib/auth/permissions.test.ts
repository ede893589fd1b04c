/**
 * What the permission table must keep true, whatever rows are added to it. can() decides by
 * role only; whether a user may touch one group, wijk or municipality is decided in the query
 * (lib/data/authz.test.ts tries every function as staff of another municipality and others).
 */
import { describe, expect, it } from "vitest";
import type { UserRole } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { can, permissions, requirePermission, startPageLabel, startPathFor, type Permission } from "./permissions";

const as = (role: UserRole) => ({ role });
const resident = as("resident");
const staff = as("staff");
const wijkagent = as("wijkagent");
const platformAdmin = as("platform_admin");
const every = Object.keys(permissions) as Permission[];
/** About one's own account only: every role has them. */
const OWN_ACCOUNT: Permission[] = ["session.end_own", "account.accept_role_invitation"];
const aboutOthers = every.filter((p) => !OWN_ACCOUNT.includes(p));

describe("can", () => {
  it("gives the public nothing", () => {
    for (const permission of every) {
      expect(can(null, permission), permission).toBe(false);
      expect(can(undefined, permission), permission).toBe(false);
    }
  });

  it("gives a role it does not know nothing (a stale or tampered value)", () => {
    for (const permission of every) expect(can({ role: "superuser" as UserRole }, permission), permission).toBe(false);
  });

  it("lets residents start and run groups, but never what staff decide", () => {
    expect(can(resident, "group.register")).toBe(true);
    expect(can(resident, "bord.request")).toBe(true);
    for (const permission of aboutOthers) {
      if (can(staff, permission)) expect(can(resident, permission), permission).toBe(false);
    }
  });

  it("lets staff decide bord requests and manage their municipality's accounts, but not platform-wide work", () => {
    expect(can(staff, "bord.decide")).toBe(true);
    expect(can(staff, "users.manage")).toBe(true);
    for (const permission of ["users.manage_any", "mailbox.dead_letters", "privacy.manage"] as const) {
      expect(can(staff, permission), permission).toBe(false);
      expect(can(platformAdmin, permission), permission).toBe(true);
    }
  });

  it("gives every role the permissions about its own account", () => {
    for (const permission of OWN_ACCOUNT) for (const actor of [resident, staff, wijkagent, platformAdmin]) expect(can(actor, permission), `${permission} ${actor.role}`).toBe(true);
  });

  it("gives platform admins everything staff may do", () => {
    for (const permission of every) {
      if (can(staff, permission)) expect(can(platformAdmin, permission), permission).toBe(true);
    }
  });

  it("lets a wijkagent see their wijken and do nothing else: no exports, no decisions, no other groups' admins", () => {
    expect(can(wijkagent, "wijkagent.view")).toBe(true);
    for (const permission of aboutOthers.filter((p) => p !== "wijkagent.view")) expect(can(wijkagent, permission), permission).toBe(false);
  });
});

describe("requirePermission", () => {
  const refusal = (fn: () => void) => {
    try {
      fn();
      return null;
    } catch (error) {
      return error instanceof AppError ? error.code : String(error);
    }
  };

  it("answers the public 'unauthorized' and every role the table does not name 'not_found'", () => {
    for (const permission of every) {
      expect(refusal(() => requirePermission(null, permission)), permission).toBe("unauthorized");
      for (const role of ["resident", "staff", "wijkagent", "platform_admin"] as const) {
        expect(refusal(() => requirePermission(as(role), permission)), `${permission} as ${role}`).toBe(can(as(role), permission) ? null : "not_found");
      }
    }
  });

  it("keeps group registration and management for residents", () => {
    for (const permission of ["group.register", "group.manage", "bord.request"] as const) {
      for (const role of ["staff", "wijkagent", "platform_admin"] as const) expect(refusal(() => requirePermission(as(role), permission)), `${permission} as ${role}`).toBe("not_found");
      expect(refusal(() => requirePermission(resident, permission)), permission).toBeNull();
    }
  });
});

describe("the start page", () => {
  it("sends each role to its own start page", () => {
    expect(startPathFor(resident)).toBe("/mijn-groepen");
    expect(startPathFor(staff)).toBe("/beheer");
    expect(startPathFor(platformAdmin)).toBe("/beheer");
    expect(startPathFor(wijkagent)).toBe("/wijkagent");
    expect(startPageLabel(wijkagent)).toBe("Mijn wijken");
  });
});
