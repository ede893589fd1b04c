/**
 * The audit log: who did what to which subject, including views of personal data. Append-only:
 * nothing in the application updates or deletes its rows (retention anonymises old ones).
 * Details never hold personal data themselves: ids, counts and codes only.
 */
import "server-only";
import type { Executor } from "@/db";
import { auditLog } from "@/db/schema";
import type { AuditAction } from "@/lib/domain/audit-log";

export interface AuditEntry {
  /** The acting user's id; null for the public or the system. */
  actorUserId: string | null;
  /** One of AUDIT_ACTIONS (lib/domain/audit-log.ts), each with its Dutch sentence. */
  action: AuditAction;
  subjectType: string;
  subjectId?: string | null;
  municipalityId?: string | null;
  details?: Record<string, unknown>;
}

export async function recordAudit(tx: Executor, entry: AuditEntry | AuditEntry[]): Promise<void> {
  const list = Array.isArray(entry) ? entry : [entry];
  if (list.length === 0) return;
  await tx.insert(auditLog).values(
    list.map((e) => ({
      actorUserId: e.actorUserId,
      action: e.action,
      subjectType: e.subjectType,
      subjectId: e.subjectId ?? null,
      municipalityId: e.municipalityId ?? null,
      details: e.details ?? {},
    })),
  );
}
