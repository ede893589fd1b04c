/**
 * The durable outbox: every e-mail the product sends is written here, in the same transaction
 * as the change that causes it, and delivered later by the worker. The idempotency key makes
 * queueing the same message twice a no-op.
 */
import "server-only";
import type { Executor } from "@/db";
import { mailOutbox } from "@/db/schema";
import { wakeOutboxWorkerSoon } from "./worker";

export interface OutgoingMail {
  /** Unique per message, e.g. `group-registered:<groupId>:<recipient>`. */
  idempotencyKey: string;
  /** Template name, e.g. "group_registered". */
  kind: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/** Queues messages; returns how many were new (an already queued key is skipped). */
export async function enqueueMail(tx: Executor, messages: OutgoingMail | OutgoingMail[]): Promise<number> {
  const list = Array.isArray(messages) ? messages : [messages];
  if (list.length === 0) return 0;
  const inserted = await tx
    .insert(mailOutbox)
    .values(
      list.map((m) => ({
        idempotencyKey: m.idempotencyKey,
        kind: m.kind,
        toAddress: m.to.toLowerCase(),
        subject: m.subject,
        text: m.text,
        html: m.html ?? null,
      })),
    )
    .onConflictDoNothing({ target: mailOutbox.idempotencyKey })
    .returning({ id: mailOutbox.id });
  // Sent right after the change commits, not at the worker's next round (up to 5 s later).
  if (inserted.length > 0) wakeOutboxWorkerSoon();
  return inserted.length;
}
