import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, mailOutbox, type User } from "@/db/schema";
import { aMunicipality, aUser } from "@/db/seed/builders";
import type { Actor } from "@/lib/auth/types";
import { resetEnvForTests } from "@/lib/env";
import { enqueueMail } from "@/lib/mail/outbox";
import { mailboxTransport } from "@/lib/mail/transport";
import { deliverDueMail } from "@/lib/mail/worker";
import { withTestDatabase } from "@/tests/db";
import { getMailboxMessage, listDeadMail, listMailboxMessages, retryDeadMail } from "./mail";

withTestDatabase();
const savedEnv = { ...process.env };

/** Demo mode with the mailbox, or (smtp) with SMTP_URL set, or production. */
function applySettings(mode: "mailbox" | "smtp" | "production") {
  process.env = { ...savedEnv, LOG_LEVEL: "silent" };
  delete process.env.DATABASE_URL;
  delete process.env.SMTP_URL;
  if (mode === "smtp") process.env.SMTP_URL = "smtp://127.0.0.1:2525";
  if (mode === "production") {
    Object.assign(process.env, {
      DATABASE_URL: "postgres://db.example/app",
      SMTP_URL: "smtp://127.0.0.1:2525",
      AUTH_SECRET: "x".repeat(40),
      APP_URL: "https://bp.example",
    });
  }
  resetEnvForTests();
}

afterEach(async () => {
  process.env = { ...savedEnv };
  resetEnvForTests();
  await db.delete(mailOutbox);
});

const actorOf = (u: User): Actor => ({ id: u.id, email: u.email, name: u.name, role: u.role, municipalityId: u.municipalityId });

describe("the demo mailbox", () => {
  it("lists delivered messages newest first, filters by address, and shows one", async () => {
    applySettings("mailbox");
    await enqueueMail(db, [
      { idempotencyKey: "m1", kind: "test", to: "a@voorbeeld.nl", subject: "Eerste", text: "Een https://x.example/1" },
      { idempotencyKey: "m2", kind: "test", to: "b@voorbeeld.nl", subject: "Tweede", text: "Twee" },
    ]);
    // Not delivered yet: not in the mailbox.
    expect(await listMailboxMessages(null)).toEqual([]);
    await deliverDueMail({ transport: mailboxTransport });
    await enqueueMail(db, { idempotencyKey: "m3", kind: "test", to: "a@voorbeeld.nl", subject: "Derde", text: "Drie" });
    await deliverDueMail({ transport: mailboxTransport, now: new Date(Date.now() + 1000) });

    expect((await listMailboxMessages(null)).map((m) => m.subject)).toEqual(["Derde", "Tweede", "Eerste"]);
    const forA = await listMailboxMessages(null, { to: "A@voorbeeld.nl" });
    expect(forA.map((m) => m.subject)).toEqual(["Derde", "Eerste"]);
    const message = await getMailboxMessage(null, forA[1].id);
    expect(message).toMatchObject({ to: "a@voorbeeld.nl", subject: "Eerste", text: "Een https://x.example/1" });
    expect(await getMailboxMessage(null, 999_999)).toBeNull();
    expect(await getMailboxMessage(null, -1)).toBeNull();
  });

  it("does not exist with SMTP_URL set, or outside demo mode", async () => {
    for (const mode of ["smtp", "production"] as const) {
      applySettings(mode);
      await expect(listMailboxMessages(null)).rejects.toMatchObject({ code: "not_found" });
      await expect(getMailboxMessage(null, 1)).rejects.toMatchObject({ code: "not_found" });
    }
  });
});

describe("undelivered mail", () => {
  it("is shown to platform admins only, and can be sent once more", async () => {
    const admin = await aUser(db, { role: "platform_admin" });
    const municipality = await aMunicipality(db);
    const staff = await aUser(db, { role: "staff", municipalityId: municipality.id });
    await enqueueMail(db, { idempotencyKey: "dead-1", kind: "test", to: "weg@voorbeeld.nl", subject: "Kwijt", text: "…" });
    await db.update(mailOutbox).set({ status: "dead", attempts: 30, lastError: "Error: 421 Service not available" });

    const dead = await listDeadMail(actorOf(admin));
    expect(dead).toHaveLength(1);
    expect(dead[0]).toMatchObject({ to: "weg@voorbeeld.nl", subject: "Kwijt", attempts: 30 });
    // Not signed in: unauthorized (requirePermission); another role: not_found.
    for (const [actor, code] of [[null, "unauthorized"], [actorOf(staff), "not_found"]] as const) {
      await expect(listDeadMail(actor)).rejects.toMatchObject({ code });
      await expect(retryDeadMail(actor, dead[0].id)).rejects.toMatchObject({ code });
    }

    await retryDeadMail(actorOf(admin), dead[0].id);
    const [row] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, dead[0].id));
    expect(row.status).toBe("pending");
    expect(await listDeadMail(actorOf(admin))).toEqual([]);
    // Not dead (any more): not found.
    await expect(retryDeadMail(actorOf(admin), dead[0].id)).rejects.toMatchObject({ code: "not_found" });
    const audit = await db.select().from(auditLog).where(eq(auditLog.action, "mail.retry"));
    expect(audit).toHaveLength(1);
  });
});
