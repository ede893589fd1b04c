/**
 * The outbox through a real SMTP server (smtp-server in this process): delivery, retries while
 * the server refuses, giving up after 24 hours, two workers at once, and an outage.
 */
import { asc, eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db, openDatabase, type DatabaseHandle, type Executor } from "@/db";
import { dataVersion } from "@/db/data-version";
import { mailOutbox } from "@/db/schema";
import { resetEnvForTests } from "@/lib/env";
import { onPostgres, withTestDatabase } from "@/tests/db";
import { startSmtpSink, type SmtpSink } from "@/tests/smtp";
import { enqueueMail } from "./outbox";
import { mailboxTransport, smtpTransport, type MailTransport } from "./transport";
import {
  deliverDueMail,
  GIVE_UP_AFTER_MS,
  purgeSentMail,
  retryDelayMs,
  startOutboxWorker,
  stopOutboxWorker,
} from "./worker";

const database = withTestDatabase();
const savedEnv = { ...process.env };
let sink: SmtpSink;
let smtp: MailTransport;

beforeAll(async () => {
  process.env.LOG_LEVEL = "silent";
  resetEnvForTests();
  sink = await startSmtpSink();
  smtp = smtpTransport(sink.url, "Buurtpreventie <noreply@buurtpreventie.example>");
});
afterAll(async () => {
  await stopOutboxWorker();
  smtp.close();
  await sink.stop();
  process.env = { ...savedEnv };
  resetEnvForTests();
});
afterEach(async () => {
  sink.accept();
  sink.received.length = 0;
  await db.delete(mailOutbox);
});

let n = 0;
async function queue(count: number, to = "ontvanger@voorbeeld.nl"): Promise<void> {
  const messages = Array.from({ length: count }, () => {
    n += 1;
    return { idempotencyKey: `test:${n}`, kind: "test", to, subject: `Bericht ${n}`, text: `Tekst ${n}`, html: `<p>Tekst ${n}</p>` };
  });
  await db.transaction(async (tx) => {
    await enqueueMail(tx, messages);
  });
}

async function rows() {
  return db.select().from(mailOutbox).orderBy(asc(mailOutbox.id));
}

/** Runs deliverDueMail until nothing is due at `now`. */
async function drain(options: { now?: Date; executor?: Executor; limit?: number } = {}) {
  const total = { claimed: 0, sent: 0, retrying: 0, dead: 0 };
  for (;;) {
    const report = await deliverDueMail({ transport: smtp, limit: 10, ...options });
    total.claimed += report.claimed;
    total.sent += report.sent;
    total.retrying += report.retrying;
    total.dead += report.dead;
    if (report.claimed === 0) return total;
  }
}

const minutes = (m: number) => m * 60 * 1000;

describe("queueing", () => {
  it("queues a message once per idempotency key", async () => {
    const message = { idempotencyKey: "same", kind: "test", to: "A@Voorbeeld.nl", subject: "Eén", text: "Eén keer" };
    expect(await enqueueMail(db, message)).toBe(1);
    expect(await enqueueMail(db, message)).toBe(0);
    const [row] = await rows();
    expect(row).toMatchObject({ status: "pending", attempts: 0, toAddress: "a@voorbeeld.nl" });
    expect(await rows()).toHaveLength(1);
  });
});

describe("delivering through SMTP", () => {
  it("sends each due message once, with a stable Message-ID, and marks it sent", async () => {
    await queue(3);
    const report = await deliverDueMail({ transport: smtp });
    expect(report).toEqual({ claimed: 3, sent: 3, retrying: 0, dead: 0, released: 0 });
    expect(sink.received).toHaveLength(3);
    expect(sink.received.map((m) => m.to)).toEqual([["ontvanger@voorbeeld.nl"], ["ontvanger@voorbeeld.nl"], ["ontvanger@voorbeeld.nl"]]);
    expect(new Set(sink.received.map((m) => m.messageId)).size).toBe(3);
    expect(sink.received[0].raw).toContain("Auto-Submitted: auto-generated");
    for (const row of await rows()) {
      expect(row).toMatchObject({ status: "sent", transport: "smtp", attempts: 1, lockedUntil: null, lastError: null });
      expect(row.sentAt).not.toBeNull();
    }
    expect(await deliverDueMail({ transport: smtp })).toMatchObject({ claimed: 0 });
    expect(sink.received).toHaveLength(3);
  });

  it("keeps retrying with growing waits while the server refuses, then delivers once", async () => {
    sink.refuseWith(451, "Mailbox busy, try again later");
    await queue(1);
    const t0 = Date.now();

    expect(await deliverDueMail({ transport: smtp, now: new Date(t0) })).toMatchObject({ retrying: 1 });
    let [row] = await rows();
    expect(row).toMatchObject({ status: "pending", attempts: 1 });
    expect(row.lastError).toMatch(/451/);
    expect(row.nextAttemptAt.getTime()).toBe(t0 + retryDelayMs(1));
    expect(retryDelayMs(1)).toBe(minutes(1));

    // Not due yet: nothing happens.
    expect(await deliverDueMail({ transport: smtp, now: new Date(t0 + minutes(0.5)) })).toMatchObject({ claimed: 0 });

    expect(await deliverDueMail({ transport: smtp, now: new Date(t0 + minutes(1)) })).toMatchObject({ retrying: 1 });
    [row] = await rows();
    expect(row.attempts).toBe(2);
    expect(row.nextAttemptAt.getTime()).toBe(t0 + minutes(1) + minutes(2));

    expect(await deliverDueMail({ transport: smtp, now: new Date(t0 + minutes(3)) })).toMatchObject({ retrying: 1 });
    [row] = await rows();
    expect(row.attempts).toBe(3);
    expect(row.nextAttemptAt.getTime()).toBe(t0 + minutes(3) + minutes(4));
    expect(sink.received).toHaveLength(0);

    sink.accept();
    expect(await deliverDueMail({ transport: smtp, now: new Date(t0 + minutes(7)) })).toMatchObject({ sent: 1 });
    [row] = await rows();
    expect(row).toMatchObject({ status: "sent", attempts: 4, lastError: null });
    expect(sink.received).toHaveLength(1);
  });

  it("waits at most an hour between attempts, and gives up 24 hours after queueing", async () => {
    expect(retryDelayMs(7)).toBe(minutes(60));
    expect(retryDelayMs(30)).toBe(minutes(60));
    sink.refuseWith(421, "Service not available");
    await queue(1);
    const [queued] = await rows();
    const created = queued.createdAt.getTime();

    // An attempt half a minute before the 24 hours: the next one is at the 24-hour mark, not later.
    await deliverDueMail({ transport: smtp, now: new Date(created + GIVE_UP_AFTER_MS - minutes(0.5)) });
    let [row] = await rows();
    expect(row.status).toBe("pending");
    expect(row.nextAttemptAt.getTime()).toBe(created + GIVE_UP_AFTER_MS);

    expect(await deliverDueMail({ transport: smtp, now: new Date(created + GIVE_UP_AFTER_MS) })).toMatchObject({ dead: 1 });
    [row] = await rows();
    expect(row).toMatchObject({ status: "dead", attempts: 2, lockedUntil: null });
    expect(row.lastError).toMatch(/421/);
    // Dead is final for the worker.
    expect(await deliverDueMail({ transport: smtp, now: new Date(created + GIVE_UP_AFTER_MS * 2) })).toMatchObject({ claimed: 0 });
  });

  it("gives up at once on a recipient the server refuses for good (550)", async () => {
    sink.refuseWith(550, "No such user here");
    await queue(1);
    expect(await deliverDueMail({ transport: smtp })).toMatchObject({ dead: 1 });
    const [row] = await rows();
    expect(row).toMatchObject({ status: "dead", attempts: 1 });
    expect(row.lastError).toMatch(/550/);
  });

  it("takes over a message whose worker crashed while sending, once its claim has expired", async () => {
    await queue(1);
    const t0 = Date.now();
    // A worker claims the message and dies before sending: the row stays "sending".
    await db.update(mailOutbox).set({ status: "sending", attempts: 1, lockedUntil: new Date(t0 + minutes(2)) });
    expect(await deliverDueMail({ transport: smtp, now: new Date(t0 + minutes(1)) })).toMatchObject({ claimed: 0 });
    expect(await deliverDueMail({ transport: smtp, now: new Date(t0 + minutes(2) + 1000) })).toMatchObject({ sent: 1 });
    expect(sink.received).toHaveLength(1);
    expect((await rows())[0]).toMatchObject({ status: "sent", attempts: 2 });
  });
});

describe("stopping (shutdown)", () => {
  it("finishes the message being sent, hands the rest of its claim back at once, and another run sends those once", async () => {
    await queue(5);
    let stopping = false;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let sending!: () => void;
    const firstSending = new Promise<void>((resolve) => {
      sending = resolve;
    });
    // The first message is held in the middle of sending, as a slow mail server would.
    const slow: MailTransport = {
      name: "smtp",
      async send(message) {
        sending();
        await gate;
        await smtp.send(message);
      },
      close() {},
    };
    const run = deliverDueMail({ transport: slow, limit: 5, shouldStop: () => stopping });
    await firstSending;
    stopping = true;
    release();
    expect(await run).toEqual({ claimed: 5, sent: 1, retrying: 0, dead: 0, released: 4 });
    expect(sink.received).toHaveLength(1);
    const after = await rows();
    expect(after.map((r) => r.status)).toEqual(["sent", "pending", "pending", "pending", "pending"]);
    // Handed back: due now, the attempt not counted, nothing left "sending" for a claim to expire.
    expect(after.slice(1).every((r) => r.attempts === 0 && r.lockedUntil === null && r.nextAttemptAt.getTime() <= Date.now())).toBe(true);

    expect(await drain()).toMatchObject({ claimed: 4, sent: 4 });
    expect(sink.received).toHaveLength(5);
    expect(new Set(sink.received.map((m) => m.messageId)).size).toBe(5);
  });
});

describe("two workers at once", () => {
  let second: DatabaseHandle | undefined;
  afterAll(async () => {
    await second?.close();
  });

  it("deliver every message exactly once", async () => {
    // On PostgreSQL the second worker has its own connection pool, like a second server process.
    second = onPostgres ? openDatabase(database.current.config) : undefined;
    const otherExecutor: Executor = second?.db ?? db;
    await queue(60);
    const otherSmtp = smtpTransport(sink.url, "Buurtpreventie <noreply@buurtpreventie.example>");
    try {
      const [a, b] = await Promise.all([
        drain({ limit: 4 }),
        (async () => {
          const total = { claimed: 0, sent: 0 };
          for (;;) {
            const report = await deliverDueMail({ transport: otherSmtp, limit: 4, executor: otherExecutor });
            total.claimed += report.claimed;
            total.sent += report.sent;
            if (report.claimed === 0) return total;
          }
        })(),
      ]);
      expect(a.sent + b.sent).toBe(60);
      if (onPostgres) {
        // Both really worked (with its own connections each, neither finished before the other began).
        expect(a.sent).toBeGreaterThan(0);
        expect(b.sent).toBeGreaterThan(0);
      }
    } finally {
      otherSmtp.close();
    }
    expect(sink.received).toHaveLength(60);
    expect(new Set(sink.received.map((m) => m.messageId)).size).toBe(60);
    expect(new Set(sink.received.map((m) => m.subject)).size).toBe(60);
    const all = await rows();
    expect(all.every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
  });
});

describe("an outage of the mail server", () => {
  it("loses nothing: 100 messages queued while SMTP is down are all delivered once afterwards", async () => {
    await sink.stop();
    let t0 = Date.now();
    try {
      // The actions that queue mail succeed while the server is down.
      await queue(100);
      t0 = Date.now();
      expect(await rows()).toHaveLength(100);
      const during = await drain({ now: new Date(t0) });
      expect(during).toMatchObject({ claimed: 100, sent: 0, retrying: 100, dead: 0 });
      const waiting = await rows();
      expect(waiting.every((r) => r.status === "pending" && r.attempts === 1)).toBe(true);
      expect(waiting[0].lastError).toMatch(/ECONNREFUSED|connect/i);
    } finally {
      await sink.start();
    }
    expect(sink.received).toHaveLength(0);

    const after = await drain({ now: new Date(t0 + minutes(1)) });
    expect(after).toMatchObject({ claimed: 100, sent: 100, retrying: 0, dead: 0 });
    expect(sink.received).toHaveLength(100);
    expect(new Set(sink.received.map((m) => m.messageId)).size).toBe(100);
    const [{ sent }] = await db
      .select({ sent: sql<number>`count(*)::int` })
      .from(mailOutbox)
      .where(eq(mailOutbox.status, "sent"));
    expect(sent).toBe(100);
    expect(await drain({ now: new Date(t0 + minutes(120)) })).toMatchObject({ claimed: 0 });
    expect(sink.received).toHaveLength(100);
  });
});

describe("a round with nothing due", () => {
  it("writes nothing, so the caches that end on a write (look-up, wijk figures, public pages) stay", async () => {
    await queue(1);
    await drain();
    const before = dataVersion();
    expect(await deliverDueMail({ transport: smtp })).toMatchObject({ claimed: 0, sent: 0 });
    expect(await deliverDueMail({ transport: smtp })).toMatchObject({ claimed: 0, sent: 0 });
    expect(dataVersion()).toBe(before);
    // A due message is claimed and sent, and that is a write.
    await queue(1);
    const queued = dataVersion();
    expect(await deliverDueMail({ transport: smtp })).toMatchObject({ claimed: 1, sent: 1 });
    expect(dataVersion()).toBeGreaterThan(queued);
  });
});

describe("the demo mailbox and housekeeping", () => {
  it("delivers to the demo mailbox by marking the message sent with transport mailbox", async () => {
    await queue(2);
    expect(await deliverDueMail({ transport: mailboxTransport })).toMatchObject({ sent: 2 });
    expect((await rows()).map((r) => r.transport)).toEqual(["mailbox", "mailbox"]);
    expect(sink.received).toHaveLength(0);
  });

  it("removes sent messages after 30 days, and never unsent ones", async () => {
    await queue(3);
    const [old, recent, unsent] = await rows();
    const now = Date.now();
    await db.update(mailOutbox).set({ status: "sent", sentAt: new Date(now - minutes(60 * 24 * 31)) }).where(eq(mailOutbox.id, old.id));
    await db.update(mailOutbox).set({ status: "sent", sentAt: new Date(now - minutes(60 * 24 * 29)) }).where(eq(mailOutbox.id, recent.id));
    await db.update(mailOutbox).set({ status: "dead" }).where(eq(mailOutbox.id, unsent.id));
    expect(await purgeSentMail({ now: new Date(now) })).toBe(1);
    expect((await rows()).map((r) => r.id)).toEqual([recent.id, unsent.id]);
  });
});

describe("the worker in the server process", () => {
  it("sends queued mail by itself, over SMTP_URL, until it is stopped", async () => {
    process.env.SMTP_URL = sink.url;
    process.env.AUTH_SECRET = "worker-secret-".padEnd(40, "w");
    process.env.APP_URL = "http://localhost:3000";
    resetEnvForTests();
    startOutboxWorker({ intervalMs: 50 });
    await queue(2);
    await expect.poll(() => sink.received.length, { timeout: 5000 }).toBe(2);
    await stopOutboxWorker();
    await queue(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sink.received).toHaveLength(2);
  });

  it("sends mail right after it is queued, without waiting for its next round", async () => {
    process.env.SMTP_URL = sink.url;
    process.env.AUTH_SECRET = "worker-secret-".padEnd(40, "w");
    process.env.APP_URL = "http://localhost:3000";
    resetEnvForTests();
    // A round every ten minutes: only the wake-up on queueing can deliver within the poll below.
    startOutboxWorker({ intervalMs: 600_000 });
    try {
      await expect.poll(async () => (await rows()).filter((r) => r.status === "pending").length, { timeout: 5000 }).toBe(0);
      const before = sink.received.length;
      await queue(3, "direct@voorbeeld.nl");
      await expect.poll(() => sink.received.length - before, { timeout: 5000 }).toBe(3);
      expect(sink.received.slice(before).flatMap((m) => m.to)).toEqual(["direct@voorbeeld.nl", "direct@voorbeeld.nl", "direct@voorbeeld.nl"]);
    } finally {
      await stopOutboxWorker();
    }
  });
});
