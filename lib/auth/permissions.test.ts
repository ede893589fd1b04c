import { describe, expect, it } from "vitest";
import type { UserRole } from "@/db/schema";
import { can, hasRole, permissions, startPageLabel, startPathFor, type Permission } from "./permissions";

const as = (role: UserRole) => ({ role });

describe("the permission table", () => {
  it("gives the public nothing", () => {
    for (const permission of Object.keys(permissions) as Permission[]) {
      expect(can(null, permission)).toBe(false);
      expect(can(undefined, permission)).toBe(false);
    }
  });

  it("gives each role what the product says it comes for", () => {
    const table: Record<UserRole, Permission[]> = {
      resident: ["group.register", "group.manage", "bord.request"],
      staff: [
        "bord.decide",
        "bord.place",
        "staff.view",
        "group.view_all",
        "group.export",
        "group.dissolve_any",
        "area.edit",
        "settings.edit",
        "users.manage",
        "audit.view",
      ],
      wijkagent: ["wijkagent.view"],
      platform_admin: [
        "bord.decide",
        "bord.place",
        "staff.view",
        "group.view_all",
        "group.export",
        "group.dissolve_any",
        "area.edit",
        "settings.edit",
        "audit.view",
        "users.manage",
        "users.manage_any",
        "platform.manage",
        "mailbox.dead_letters",
        "privacy.manage",
      ],
    };
    for (const [role, allowed] of Object.entries(table) as Array<[UserRole, Permission[]]>) {
      const granted = (Object.keys(permissions) as Permission[]).filter((p) => can(as(role), p));
      expect(granted.sort(), role).toEqual([...allowed].sort());
    }
  });

  it("lets platform admins through every staff check, but staff not through platform checks", () => {
    expect(hasRole(as("platform_admin"), ["staff"])).toBe(true);
    expect(hasRole(as("staff"), ["platform_admin"])).toBe(false);
    expect(hasRole(as("platform_admin"), ["wijkagent"])).toBe(false);
    expect(hasRole(as("resident"), ["staff", "wijkagent"])).toBe(false);
    expect(hasRole(as("wijkagent"), ["staff", "wijkagent"])).toBe(true);
    for (const permission of Object.keys(permissions) as Permission[]) {
      if (can(as("staff"), permission)) expect(can(as("platform_admin"), permission), permission).toBe(true);
    }
  });

  it("sends each role to its own start page", () => {
    expect(startPathFor(as("resident"))).toBe("/mijn-groepen");
    expect(startPathFor(as("staff"))).toBe("/beheer");
    expect(startPathFor(as("platform_admin"))).toBe("/beheer");
    expect(startPathFor(as("wijkagent"))).toBe("/wijkagent");
    expect(startPageLabel(as("wijkagent"))).toBe("Mijn wijken");
  });
});
