/**
 * The outbox worker: sends queued e-mail (lib/mail/outbox.ts) from inside the server process.
 *
 * - Claiming: one statement takes due messages with `FOR UPDATE SKIP LOCKED` and marks them
 *   "sending" with a claim that lasts CLAIM_SECONDS, so two workers (or two server processes)
 *   never take the same message, and a worker that crashed mid-send loses its claim.
 * - Retries: a failed message waits 1, 2, 4, … minutes (at most an hour) and is tried again
 *   until 24 hours after it was queued; then it is "dead" and platform admins see it. A
 *   recipient the server refuses for good (550/551/553) is dead at once.
 * - A failing mail server delays mail; it never loses it and never fails the action that
 *   queued it (that action only wrote a row).
 *
 * Delivery is at least once: a worker that dies after the server accepted a message but before
 * it wrote "sent" leaves it to be sent again when its claim expires. The stable Message-ID
 * lets mail systems recognise such a copy.
 */
import "server-only";
import { createHash } from "node:crypto";
import { and, eq, inArray, lt, sql } from "drizzle-orm";
import { getDatabase, selectRows, type Executor } from "@/db";
import { mailOutbox } from "@/db/schema";
import { SENT_MAIL_RETENTION_DAYS } from "@/lib/domain/retention";
import { logger } from "@/lib/server/logger";
import { closeTransport, PermanentMailError, transportFromEnv, type MailTransport } from "./transport";

/** How long a claim holds; longer than the slowest SMTP exchange (timeouts in transport.ts). */
export const CLAIM_SECONDS = 120;
/** After this long since it was queued, a message that still fails is given up. */
export const GIVE_UP_AFTER_MS = 24 * 60 * 60 * 1000;
const FIRST_RETRY_MS = 60 * 1000;
const MAX_RETRY_MS = 60 * 60 * 1000;
/** Sent messages (with their personal data) are removed after this many days. */
export const KEEP_SENT_DAYS = SENT_MAIL_RETENTION_DAYS;

/** The wait before attempt `attempts + 1`: 1, 2, 4, 8, … minutes, at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);
}

export function messageIdFor(idempotencyKey: string, domain = "buurtpreventie.invalid"): string {
  return `<${createHash("sha256").update(idempotencyKey).digest("hex").slice(0, 40)}@${domain}>`;
}

interface ClaimedRow {
  id: number | string;
  idempotency_key: string;
  to_address: string;
  subject: string;
  text: string;
  html: string | null;
  attempts: number;
  created_at: Date | string;
}

export interface DeliveryReport {
  claimed: number;
  sent: number;
  /** Failed this time, to be tried again. */
  retrying: number;
  /** Failed for good (24 hours passed, or the address refused). */
  dead: number;
  /** Claimed but not tried because the worker was stopping: handed back, due at once. */
  released: number;
}

/**
 * What the log says about a failed delivery: the error's kind and codes only. An SMTP reply
 * often names the recipient ("550 <jan@…>: unknown user"); that text stays in the outbox row
 * (last_error, for platform admins) and never reaches the log.
 */
export function logSafeMailError(error: unknown): string {
  if (error instanceof PermanentMailError) return `${error.name}: ${error.message}`;
  const e = (error ?? {}) as { name?: unknown; code?: unknown; responseCode?: unknown; command?: unknown };
  const parts = [typeof e.name === "string" ? e.name : "Error"];
  if (typeof e.code === "string" || typeof e.code === "number") parts.push(String(e.code));
  if (typeof e.responseCode === "number") parts.push(`SMTP ${e.responseCode}`);
  if (typeof e.command === "string") parts.push(`at ${e.command.split(" ")[0]}`);
  return parts.join(" ");
}

function errorSummary(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, 500);
}

/**
 * Claims up to `limit` due messages and sends them. For the worker and for tests: `now`
 * replaces the clock, `transport` the configured transport, `executor` the process database.
 */
export async function deliverDueMail(
  options: {
    now?: Date;
    limit?: number;
    transport?: MailTransport;
    executor?: Executor;
    /** Asked before each message: true hands the rest of the claim back (shutdown). */
    shouldStop?: () => boolean;
  } = {},
): Promise<DeliveryReport> {
  const now = options.now ?? new Date();
  const limit = Math.max(1, Math.min(options.limit ?? 20, 500));
  const executor = options.executor ?? getDatabase().db;
  const transport = options.transport ?? transportFromEnv();
  const nowSql = sql`${now.toISOString()}::timestamptz`;
  const claimedUntil = new Date(now.getTime() + CLAIM_SECONDS * 1000).toISOString();

  const report: DeliveryReport = { claimed: 0, sent: 0, retrying: 0, dead: 0, released: 0 };
  // First a plain read: a round with nothing due writes nothing. The claim is an update, and every
  // update moves the process's write counter (db/data-version.ts), which empties the caches of
  // the look-up, the wijk figures and the public pages: with the worker's round every 2–5 s they
  // would never last longer than that.
  const anythingDue = await selectRows<{ due: number }>(
    executor,
    sql`select 1 as due from mail_outbox
        where (status = 'pending' and next_attempt_at <= ${nowSql})
           or (status = 'sending' and locked_until < ${nowSql})
        limit 1`,
  );
  if (anythingDue.length === 0) return report;

  const claimed = await selectRows<ClaimedRow>(
    executor,
    sql`with due as (
          select id from mail_outbox
          where (status = 'pending' and next_attempt_at <= ${nowSql})
             or (status = 'sending' and locked_until < ${nowSql})
          order by next_attempt_at, id
          limit ${limit}
          for update skip locked
        )
        update mail_outbox as m
        set status = 'sending', locked_until = ${claimedUntil}::timestamptz, attempts = m.attempts + 1
        from due
        where m.id = due.id
        returning m.id, m.idempotency_key, m.to_address, m.subject, m.text, m.html, m.attempts, m.created_at`,
  );

  report.claimed = claimed.length;
  for (const [index, row] of claimed.entries()) {
    if (options.shouldStop?.()) {
      report.released = await releaseClaims(executor, claimed.slice(index).map((r) => Number(r.id)));
      break;
    }
    const id = Number(row.id);
    try {
      await transport.send({
        to: row.to_address,
        subject: row.subject,
        text: row.text,
        html: row.html,
        messageId: messageIdFor(row.idempotency_key),
      });
      await executor
        .update(mailOutbox)
        .set({ status: "sent", sentAt: now, transport: transport.name, lockedUntil: null, lastError: null })
        .where(and(eq(mailOutbox.id, id), eq(mailOutbox.status, "sending")));
      report.sent += 1;
    } catch (error) {
      const createdAt = new Date(row.created_at).getTime();
      const giveUpAt = createdAt + GIVE_UP_AFTER_MS;
      const dead = error instanceof PermanentMailError || now.getTime() >= giveUpAt;
      const next = new Date(Math.min(now.getTime() + retryDelayMs(row.attempts), giveUpAt));
      await executor
        .update(mailOutbox)
        .set(
          dead
            ? { status: "dead", lockedUntil: null, lastError: errorSummary(error) }
            : { status: "pending", nextAttemptAt: next, lockedUntil: null, lastError: errorSummary(error) },
        )
        .where(and(eq(mailOutbox.id, id), eq(mailOutbox.status, "sending")));
      if (dead) {
        report.dead += 1;
        logger.error(`E-mail ${id} could not be delivered and is given up after ${row.attempts} attempt(s)`, logSafeMailError(error));
      } else {
        report.retrying += 1;
        logger.warn(`E-mail ${id} not delivered (attempt ${row.attempts}); next try at ${next.toISOString()}`, logSafeMailError(error));
      }
    }
  }
  return report;
}

/**
 * Hands claimed messages that were not tried back to the queue: due at once, the attempt not
 * counted, so another worker (or this server after a restart) sends them without waiting for
 * the claim to expire.
 */
async function releaseClaims(executor: Executor, ids: number[]): Promise<number> {
  if (ids.length === 0) return 0;
  const released = await executor
    .update(mailOutbox)
    .set({ status: "pending", lockedUntil: null, attempts: sql`greatest(${mailOutbox.attempts} - 1, 0)` })
    .where(and(inArray(mailOutbox.id, ids), eq(mailOutbox.status, "sending")))
    .returning({ id: mailOutbox.id });
  return released.length;
}

/** Removes sent messages older than KEEP_SENT_DAYS (they hold personal data). */
export async function purgeSentMail(options: { now?: Date; executor?: Executor } = {}): Promise<number> {
  const now = options.now ?? new Date();
  const executor = options.executor ?? getDatabase().db;
  const cutoff = new Date(now.getTime() - KEEP_SENT_DAYS * 24 * 60 * 60 * 1000);
  const deleted = await executor
    .delete(mailOutbox)
    .where(and(eq(mailOutbox.status, "sent"), lt(mailOutbox.sentAt, cutoff)))
    .returning({ id: mailOutbox.id });
  return deleted.length;
}

// ---------------------------------------------------------------------------------------------
// The worker loop in the server process

interface WorkerState {
  timer?: NodeJS.Timeout;
  running?: Promise<void>;
  again: boolean;
  /** Set by stopOutboxWorker: finish the message being sent, hand back the rest, start nothing new. */
  stopping: boolean;
  lastPurge: number;
  intervalMs: number;
  /** A round asked for by wakeOutboxWorkerSoon, not yet started. */
  wakeSoon?: NodeJS.Timeout;
}

const workerKey = Symbol.for("buurtpreventie.outboxWorker");
type GlobalWithWorker = typeof globalThis & { [workerKey]?: WorkerState };

function workerState(): WorkerState | undefined {
  return (globalThis as GlobalWithWorker)[workerKey];
}

const BATCH = 20;

async function runOnce(state: WorkerState): Promise<void> {
  const shouldStop = () => state.stopping;
  do {
    state.again = false;
    try {
      while (!state.stopping) {
        const report = await deliverDueMail({ limit: BATCH, shouldStop });
        if (report.claimed < BATCH) break;
      }
      if (!state.stopping && Date.now() - state.lastPurge > 60 * 60 * 1000) {
        state.lastPurge = Date.now();
        const purged = await purgeSentMail();
        if (purged > 0) logger.info(`Removed ${purged} sent e-mail(s) older than ${KEEP_SENT_DAYS} days.`);
      }
    } catch (error) {
      logger.error("The outbox worker could not run", error);
    }
  } while (state.again && !state.stopping);
}

function tick(state: WorkerState): void {
  if (state.stopping) return;
  if (state.running) {
    state.again = true;
    return;
  }
  state.running = runOnce(state).finally(() => {
    state.running = undefined;
  });
}

/** Starts sending queued mail every `intervalMs` (default 5 s). A second call does nothing. */
export function startOutboxWorker(options: { intervalMs?: number } = {}): void {
  const g = globalThis as GlobalWithWorker;
  if (g[workerKey]?.timer) return;
  const state: WorkerState = { again: false, stopping: false, lastPurge: 0, intervalMs: options.intervalMs ?? 5000 };
  state.timer = setInterval(() => tick(state), state.intervalMs);
  // The worker never keeps the process alive on its own.
  state.timer.unref();
  g[workerKey] = state;
  tick(state);
}

/**
 * Stops the worker (on shutdown): a message being sent is finished and recorded, messages it
 * had claimed but not tried yet are handed back to the queue, and no new round starts.
 * Resolves when the worker is idle; its connection to the mail server is then closed.
 */
export async function stopOutboxWorker(): Promise<void> {
  const g = globalThis as GlobalWithWorker;
  const state = g[workerKey];
  if (!state) return;
  state.stopping = true;
  clearInterval(state.timer);
  clearTimeout(state.wakeSoon);
  state.timer = undefined;
  g[workerKey] = undefined;
  await state.running;
  closeTransport();
}

/** Asks a running worker to look for due mail now (after queueing something urgent). */
export function wakeOutboxWorker(): void {
  const state = workerState();
  if (state?.timer) setImmediate(() => tick(state));
}

/**
 * Asks a running worker to look for due mail in a moment: called when mail is queued, usually
 * inside the transaction of the change that causes it, which commits a few milliseconds later
 * (a message is sent only after that commit: the worker cannot see it before). Should the
 * transaction take longer, the worker's regular round sends it. Several calls close together
 * make one round.
 */
export function wakeOutboxWorkerSoon(delayMs = 25): void {
  const state = workerState();
  if (!state?.timer || state.wakeSoon) return;
  state.wakeSoon = setTimeout(() => {
    state.wakeSoon = undefined;
    tick(state);
  }, delayMs);
  state.wakeSoon.unref();
}
