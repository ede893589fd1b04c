/**
 * Reading the outbox: the demo mailbox (demo mode without SMTP_URL only, open to every visitor
 * of the demo, like the rest of its made-up data) and the e-mail that could not be delivered
 * (platform admins only).
 */
import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { mailOutbox } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { requirePermission } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";
import { getEnv } from "@/lib/env";
import { notFound } from "@/lib/errors";
import { wakeOutboxWorker } from "@/lib/mail/worker";

export interface MailboxSummary {
  id: number;
  to: string;
  subject: string;
  sentAt: Date | null;
}

export interface MailboxMessage extends MailboxSummary {
  kind: string;
  text: string;
}

function requireMailbox(): void {
  if (!getEnv().mailboxEnabled) throw notFound();
}

/**
 * The demo mailbox, newest first: messages delivered to it, optionally only those to one
 * address. Not found outside demo mode or with SMTP_URL set.
 */
export async function listMailboxMessages(
  _actor: Actor | null,
  options: { to?: string | null; limit?: number } = {},
): Promise<MailboxSummary[]> {
  requireMailbox();
  const to = options.to?.trim().toLowerCase();
  return db
    .select({ id: mailOutbox.id, to: mailOutbox.toAddress, subject: mailOutbox.subject, sentAt: mailOutbox.sentAt })
    .from(mailOutbox)
    .where(
      and(eq(mailOutbox.transport, "mailbox"), eq(mailOutbox.status, "sent"), to ? eq(mailOutbox.toAddress, to) : undefined),
    )
    .orderBy(desc(mailOutbox.sentAt), desc(mailOutbox.id))
    .limit(Math.min(Math.max(options.limit ?? 100, 1), 500));
}

/** One message of the demo mailbox, or null. */
export async function getMailboxMessage(_actor: Actor | null, id: number): Promise<MailboxMessage | null> {
  requireMailbox();
  if (!Number.isSafeInteger(id) || id < 1) return null;
  const [row] = await db
    .select({
      id: mailOutbox.id,
      to: mailOutbox.toAddress,
      subject: mailOutbox.subject,
      sentAt: mailOutbox.sentAt,
      kind: mailOutbox.kind,
      text: mailOutbox.text,
    })
    .from(mailOutbox)
    .where(and(eq(mailOutbox.id, id), eq(mailOutbox.transport, "mailbox"), eq(mailOutbox.status, "sent")));
  return row ?? null;
}

export interface DeadMail {
  id: number;
  kind: string;
  to: string;
  subject: string;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
}

/** E-mail the worker gave up on, newest first (platform admins; anyone else: not found). */
export async function listDeadMail(actor: Actor | null): Promise<DeadMail[]> {
  requirePermission(actor, "mailbox.dead_letters");
  return db
    .select({
      id: mailOutbox.id,
      kind: mailOutbox.kind,
      to: mailOutbox.toAddress,
      subject: mailOutbox.subject,
      attempts: mailOutbox.attempts,
      lastError: mailOutbox.lastError,
      createdAt: mailOutbox.createdAt,
    })
    .from(mailOutbox)
    .where(eq(mailOutbox.status, "dead"))
    .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
    .limit(200);
}

/**
 * Puts a dead message back in the queue for one more attempt now (when that fails too, it is
 * dead again: it is older than 24 hours). Not found when it is not dead (any more).
 */
export async function retryDeadMail(actor: Actor | null, id: number): Promise<void> {
  requirePermission(actor, "mailbox.dead_letters");
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(mailOutbox)
      .set({ status: "pending", nextAttemptAt: sql`now()`, lockedUntil: null })
      .where(and(eq(mailOutbox.id, id), eq(mailOutbox.status, "dead")))
      .returning({ id: mailOutbox.id, kind: mailOutbox.kind });
    if (!row) throw notFound();
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: "mail.retry",
      subjectType: "mail",
      subjectId: String(row.id),
      details: { kind: row.kind },
    });
  });
  wakeOutboxWorker();
}
