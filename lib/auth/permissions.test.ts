/**
 * What the permission table must keep true, whatever rows are added to it. can() decides by
 * role only; whether a user may touch one group, wijk or municipality is decided in the query
 * (lib/data/authz.test.ts tries every function as staff of another municipality and others).
 */
import { describe, expect, it } from "vitest";
import type { UserRole } from "@/db/schema";
import { can, hasRole, permissions, startPageLabel, startPathFor, type Permission } from "./permissions";

const as = (role: UserRole) => ({ role });
const resident = as("resident");
const staff = as("staff");
const wijkagent = as("wijkagent");
const platformAdmin = as("platform_admin");
const every = Object.keys(permissions) as Permission[];

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
    for (const permission of every) {
      if (can(staff, permission)) expect(can(resident, permission), permission).toBe(false);
    }
  });

  it("lets staff decide bord requests and manage their municipality's accounts, but not platform-wide work", () => {
    expect(can(staff, "bord.decide")).toBe(true);
    expect(can(staff, "users.manage")).toBe(true);
    for (const permission of ["users.manage_any", "platform.manage", "mailbox.dead_letters", "privacy.manage"] as const) {
      expect(can(staff, permission), permission).toBe(false);
      expect(can(platformAdmin, permission), permission).toBe(true);
    }
  });

  it("gives platform admins everything staff may do", () => {
    for (const permission of every) {
      if (can(staff, permission)) expect(can(platformAdmin, permission), permission).toBe(true);
    }
  });

  it("lets a wijkagent see their wijken and do nothing else: no exports, no decisions, no other groups' admins", () => {
    expect(can(wijkagent, "wijkagent.view")).toBe(true);
    for (const permission of every.filter((p) => p !== "wijkagent.view")) expect(can(wijkagent, permission), permission).toBe(false);
  });
});

describe("hasRole", () => {
  it("lets platform admins through every staff check, but staff not through platform checks", () => {
    expect(hasRole(platformAdmin, ["staff"])).toBe(true);
    expect(hasRole(staff, ["platform_admin"])).toBe(false);
    expect(hasRole(platformAdmin, ["wijkagent"])).toBe(false);
    expect(hasRole(resident, ["staff", "wijkagent"])).toBe(false);
    expect(hasRole(wijkagent, ["staff", "wijkagent"])).toBe(true);
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
