/**
 * The mail server down while people use the product (issue 10, item 6): 50 join requests
 * (2 e-mails each: the group admin and the resident) are made while the SMTP server refuses
 * connections and the real outbox worker keeps trying. Every request succeeds; when the server
 * is back, all 100 messages arrive, none twice.
 *
 * lib/mail/worker.test.ts covers the same outage at the level of deliverDueMail with a moving
 * clock (backoff, giving up); this test runs the worker loop of the server process and the
 * join requests that cause the mail.
 */
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aGroup, aMunicipality, anArea, aUser } from "@/db/seed/builders";
import { mailOutbox } from "@/db/schema";
import { submitJoinRequest } from "@/lib/data/public/join";
import { resetEnvForTests } from "@/lib/env";
import { startOutboxWorker, stopOutboxWorker } from "@/lib/mail/worker";
import { onPostgres, withTestDatabase } from "@/tests/db";
import { startSmtpSink, type SmtpSink } from "@/tests/smtp";

const database = withTestDatabase();
const savedEnv = { ...process.env };
const REQUESTS = 50;
let sink: SmtpSink;

beforeAll(async () => {
  sink = await startSmtpSink();
  Object.assign(process.env, {
    LOG_LEVEL: "silent",
    SMTP_URL: sink.url,
    AUTH_SECRET: "outage-secret-".padEnd(40, "o"),
    APP_URL: "http://localhost:3000",
  });
  resetEnvForTests();
});

afterAll(async () => {
  await stopOutboxWorker();
  await sink.stop();
  process.env = { ...savedEnv };
  resetEnvForTests();
});

describe(`SMTP down while ${REQUESTS} join requests cause 100 e-mails (${onPostgres ? "PostgreSQL" : "PGlite"})`, () => {
  it("every request succeeds; after the server is back all 100 arrive, none twice", { timeout: 90_000 }, async () => {
    const { db } = database.current.handle;
    const municipality = await aMunicipality(db, { safetyEmail: "veiligheid@storing.example" });
    const area = await anArea(db, municipality, { postcodes: ["2922"] });
    const admin = await aUser(db, { email: "beheerder@storing.example", name: "Ans Beheer" });
    await aGroup(db, area, { name: "Storingsgroep", slug: "storingsgroep", admins: [admin] });

    await sink.stop();
    startOutboxWorker({ intervalMs: 50 });
    for (let i = 0; i < REQUESTS; i++) {
      const receipt = await submitJoinRequest(
        {
          groupSlug: "storingsgroep",
          name: `Bewoner ${i}`,
          email: `bewoner${i}@storing.example`,
          phone: "+31612345678",
          birthDate: "1980-05-05",
          address: { postcode: "2922AB", houseNumber: i + 1, addition: "" },
          acceptHouseRules: true,
          honeypot: "",
        },
        { ip: `203.0.113.${i + 1}`, now: new Date() },
      );
      expect(receipt).toEqual({ groupName: "Storingsgroep" });
    }

    // The worker tries them all and fails: each waits for its next attempt, none is lost.
    const tried = async () =>
      (await db.select({ n: sql<number>`count(*)::int` }).from(mailOutbox).where(sql`${mailOutbox.status} = 'pending' and ${mailOutbox.attempts} >= 1`))[0].n;
    await expect.poll(tried, { timeout: 30_000, interval: 100 }).toBe(100);
    expect(sink.received).toHaveLength(0);
    const [waiting] = await db.select().from(mailOutbox).limit(1);
    expect(waiting.lastError).toMatch(/ECONNREFUSED|connect/i);

    await sink.start();
    // The first retry is due a minute later (the backoff itself is tested in lib/mail): let
    // that minute pass for every message.
    await db.update(mailOutbox).set({ nextAttemptAt: new Date() }).where(eq(mailOutbox.status, "pending"));
    await expect.poll(() => sink.received.length, { timeout: 30_000, interval: 100 }).toBe(100);
    // A few more rounds of the worker send nothing again.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await stopOutboxWorker();

    expect(sink.received).toHaveLength(100);
    expect(new Set(sink.received.map((m) => m.messageId)).size).toBe(100);
    const recipients = sink.received.flatMap((m) => m.to).sort();
    const expected = [...Array.from({ length: REQUESTS }, (_, i) => `bewoner${i}@storing.example`), ...Array(REQUESTS).fill("beheerder@storing.example")].sort();
    expect(recipients).toEqual(expected);
    const statuses = await db.select({ status: mailOutbox.status, n: sql<number>`count(*)::int` }).from(mailOutbox).groupBy(mailOutbox.status);
    expect(statuses).toEqual([{ status: "sent", n: 100 }]);
  });
});
