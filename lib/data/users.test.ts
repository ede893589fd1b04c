import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, sessions, users, type User } from "@/db/schema";
import { aMunicipality, aUser } from "@/db/seed/builders";
import { actorForSessionToken } from "@/lib/auth/session";
import type { Actor } from "@/lib/auth/types";
import { AppError } from "@/lib/errors";
import { userRoleChangeSchema } from "@/lib/validation";
import { withTestDatabase } from "@/tests/db";
import { changeUserRole, endAllSessions, setUserDisabled } from "./users";

withTestDatabase();

const actorOf = (u: User): Actor => ({ id: u.id, email: u.email, name: u.name, role: u.role, municipalityId: u.municipalityId });

async function aSession(user: Pick<User, "id">): Promise<string> {
  const sessionToken = randomBytes(16).toString("hex");
  await db.insert(sessions).values({ sessionToken, userId: user.id, expires: new Date(Date.now() + 3600_000) });
  return sessionToken;
}

async function auditOf(subjectId: string, action: string) {
  return db.select().from(auditLog).where(and(eq(auditLog.subjectId, subjectId), eq(auditLog.action, action)));
}

describe("changing a role", () => {
  it("lets a platform admin make a resident staff of a municipality, with an audit entry; it counts at the next request", async () => {
    const admin = await aUser(db, { role: "platform_admin" });
    const municipality = await aMunicipality(db);
    const person = await aUser(db);
    const token = await aSession(person);

    const input = userRoleChangeSchema.parse({ userId: person.id, role: "staff", municipalityId: municipality.id });
    expect(await changeUserRole(actorOf(admin), input)).toEqual({ userId: person.id, from: "resident", to: "staff" });

    expect(await actorForSessionToken(token)).toMatchObject({ role: "staff", municipalityId: municipality.id });
    const [entry] = await auditOf(person.id, "user.change_role");
    expect(entry).toMatchObject({ actorUserId: admin.id, municipalityId: municipality.id });
    expect(entry.details).toMatchObject({ from: "resident", to: "staff", toMunicipalityId: municipality.id });

    // And back: the staff role is gone at the next request.
    await changeUserRole(actorOf(admin), userRoleChangeSchema.parse({ userId: person.id, role: "resident" }));
    expect(await actorForSessionToken(token)).toMatchObject({ role: "resident", municipalityId: null });
    expect(await auditOf(person.id, "user.change_role")).toHaveLength(2);
  });

  it("answers not found to anyone but a platform admin, and changes nothing", async () => {
    const municipality = await aMunicipality(db);
    const staff = await aUser(db, { role: "staff", municipalityId: municipality.id });
    const person = await aUser(db);
    const input = userRoleChangeSchema.parse({ userId: person.id, role: "staff", municipalityId: municipality.id });
    for (const actor of [null, actorOf(staff), actorOf(person)]) {
      await expect(changeUserRole(actor, input)).rejects.toMatchObject({ code: "not_found" });
    }
    const [after] = await db.select().from(users).where(eq(users.id, person.id));
    expect(after.role).toBe("resident");
    expect(await auditOf(person.id, "user.change_role")).toHaveLength(0);
  });

  it("refuses one's own role, unknown users and unknown municipalities", async () => {
    const admin = await aUser(db, { role: "platform_admin" });
    const person = await aUser(db);
    await expect(
      changeUserRole(actorOf(admin), userRoleChangeSchema.parse({ userId: admin.id, role: "resident" })),
    ).rejects.toMatchObject({ code: "unprocessable" });
    await expect(
      changeUserRole(actorOf(admin), userRoleChangeSchema.parse({ userId: "bestaat-niet", role: "resident" })),
    ).rejects.toMatchObject({ code: "not_found" });
    const unknownMunicipality = userRoleChangeSchema.parse({
      userId: person.id,
      role: "wijkagent",
      municipalityId: "00000000-0000-4000-8000-000000000000",
    });
    const error = await changeUserRole(actorOf(admin), unknownMunicipality).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).fieldErrors).toHaveProperty("municipalityId");
  });
});

describe("disabling an account", () => {
  it("ends its sessions at once, is audited, and can be undone", async () => {
    const admin = await aUser(db, { role: "platform_admin" });
    const person = await aUser(db);
    const tokens = [await aSession(person), await aSession(person)];

    await setUserDisabled(actorOf(admin), person.id, true);
    for (const token of tokens) expect(await actorForSessionToken(token)).toBeNull();
    expect(await db.select().from(sessions).where(eq(sessions.userId, person.id))).toHaveLength(0);
    const [entry] = await auditOf(person.id, "user.disable");
    expect(entry.details).toEqual({ endedSessions: 2 });

    await setUserDisabled(actorOf(admin), person.id, false);
    expect(await actorForSessionToken(await aSession(person))).not.toBeNull();
    expect(await auditOf(person.id, "user.enable")).toHaveLength(1);
  });

  it("refuses one's own account and everyone but platform admins (staff too)", async () => {
    const admin = await aUser(db, { role: "platform_admin" });
    const person = await aUser(db);
    const staff = await aUser(db, { role: "staff", municipalityId: (await aMunicipality(db)).id });
    await expect(setUserDisabled(actorOf(admin), admin.id, true)).rejects.toMatchObject({ code: "unprocessable" });
    await expect(setUserDisabled(actorOf(person), admin.id, true)).rejects.toMatchObject({ code: "not_found" });
    await expect(setUserDisabled(actorOf(staff), admin.id, true)).rejects.toMatchObject({ code: "not_found" });
    await expect(setUserDisabled(null, person.id, true)).rejects.toMatchObject({ code: "not_found" });
    const [after] = await db.select().from(users).where(eq(users.id, admin.id));
    expect(after.disabledAt).toBeNull();
  });
});

describe("ending all sessions", () => {
  it("lets anyone end their own sessions and platform admins someone else's; others get not found", async () => {
    const admin = await aUser(db, { role: "platform_admin" });
    const person = await aUser(db);
    const other = await aUser(db);
    await aSession(person);
    await aSession(person);
    const otherToken = await aSession(other);

    expect(await endAllSessions(actorOf(person), person.id)).toBe(2);
    await expect(endAllSessions(actorOf(person), other.id)).rejects.toMatchObject({ code: "not_found" });
    expect(await actorForSessionToken(otherToken)).not.toBeNull();
    expect(await endAllSessions(actorOf(admin), other.id)).toBe(1);
    expect(await actorForSessionToken(otherToken)).toBeNull();
    await expect(endAllSessions(null, person.id)).rejects.toMatchObject({ code: "unauthorized" });
    expect(await auditOf(person.id, "auth.sign_out_everywhere")).toHaveLength(1);
    expect(await auditOf(other.id, "auth.sign_out_everywhere")).toHaveLength(1);
  });
});
