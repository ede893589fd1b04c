import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, sessions, type User } from "@/db/schema";
import { aUser } from "@/db/seed/builders";
import { actorForSessionToken } from "@/lib/auth/session";
import type { Actor } from "@/lib/auth/types";
import { withTestDatabase } from "@/tests/db";
import { endAllSessions } from "./users";

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
