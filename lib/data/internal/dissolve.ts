/**
 * Dissolving a group: one command for every way it happens — the group's
 * own admin (/mijn-groepen/…/opheffen), team Veiligheid (/beheer/groepen/…) and an erasure
 * request that removes a group's only admin (/beheer/privacy). Each path checks who may do it
 * and what was confirmed; this command then gives the same outcome every time:
 *
 * - the group row is locked, must still be active (and, for staff, at the version they saw);
 * - open bord requests (submitted, in review) are withdrawn, each with a history entry;
 * - an open yearly check is closed as "dissolved" and its links stop working;
 * - the group is dissolved; its member addresses, join requests, open invitations and admin
 *   links go, as does what admins gave only as admin (removeGroupPersonalData);
 * - the wijkagent(en) of the wijk get an e-mail; when a bord stands, is approved or was
 *   requested, the municipality's safety mailbox (team Veiligheid) gets one too;
 * - every placed bord that still stands becomes a removal task (/beheer/geplaatste-borden);
 * - one audit entry "group.dissolve" with `via` and counts.
 */
import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { areas, contactAreas, contacts, groups, municipalities, bordRequestEvents, bordRequests } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { getEnv } from "@/lib/env";
import { AppError, notFound } from "@/lib/errors";
import { enqueueMail, type OutgoingMail } from "@/lib/mail/outbox";
import {
  GROUP_DISSOLVED_BORD_KIND,
  GROUP_DISSOLVED_KIND,
  groupDissolvedBordMail,
  groupDissolvedMail,
  type DissolvedBordState,
} from "@/lib/mail/templates/group-dissolved";
import { routes } from "@/lib/routes";
import { lockGroupRow } from "./group-lock";
import { removeGroupPersonalData } from "./retention";
import { createRemovalTasks } from "./bords";
import { closeOpenCheck } from "./yearly-check";

export type DissolveVia = "resident" | "staff" | "erasure";

export interface DissolveCommand {
  groupId: string;
  /** Who dissolves (for the bord history and the audit log); null for the system. */
  actorUserId: string | null;
  via: DissolveVia;
  /** Staff give a reason; it is kept in the audit entry. */
  reason?: string;
  /** The group version the actor saw; a different one is a conflict (staff's form). */
  expectedVersion?: number;
  now: Date;
}

export interface DissolveOutcome {
  id: string;
  withdrawnSignRequests: number;
  /** Standing borden that became removal tasks. */
  removalTasks: number;
  addresses: number;
  notified: number;
}

export const WITHDRAWN_BY_DISSOLVE_NOTE = "Ingetrokken omdat de groep is opgeheven.";
export const ALREADY_DISSOLVED = "Deze groep is al opgeheven.";
export const GROUP_CHANGED = "Deze groep is net door iemand anders gewijzigd. Bekijk de nieuwe gegevens en probeer het opnieuw.";

/**
 * Dissolves `groupId` inside the caller's transaction. The caller has already checked that
 * the actor may dissolve this group (admin, staff of its municipality, privacy admin).
 */
export async function dissolveGroupCommand(tx: Executor, command: DissolveCommand): Promise<DissolveOutcome> {
  const { now } = command;
  const locked = await lockGroupRow(tx, command.groupId);
  if (!locked) throw notFound("Deze groep bestaat niet (meer).");
  if (locked.status !== "active") throw new AppError("conflict", ALREADY_DISSOLVED);
  if (command.expectedVersion !== undefined && command.expectedVersion !== locked.version) {
    throw new AppError("conflict", GROUP_CHANGED);
  }
  const [group] = await tx
    .select({
      id: groups.id,
      name: groups.name,
      areaId: groups.areaId,
      areaName: areas.name,
      municipalityId: groups.municipalityId,
      safetyEmail: municipalities.safetyEmail,
    })
    .from(groups)
    .innerJoin(areas, eq(areas.id, groups.areaId))
    .innerJoin(municipalities, eq(municipalities.id, groups.municipalityId))
    .where(eq(groups.id, locked.id));

  // Bord requests: the open ones are withdrawn; the state of all tells team Veiligheid whether
  // a bord stands or was asked for.
  const requests = await tx
    .select({ id: bordRequests.id, status: bordRequests.status })
    .from(bordRequests)
    .where(eq(bordRequests.groupId, group.id))
    .for("update");
  const open = requests.filter((r) => r.status === "submitted" || r.status === "in_review");
  if (open.length > 0) {
    await tx
      .update(bordRequests)
      .set({ status: "withdrawn", updatedAt: now, version: sql`${bordRequests.version} + 1` })
      .where(and(eq(bordRequests.groupId, group.id), inArray(bordRequests.id, open.map((r) => r.id))));
    await tx.insert(bordRequestEvents).values(
      open.map((r) => ({
        bordRequestId: r.id,
        actorUserId: command.actorUserId,
        fromStatus: r.status,
        toStatus: "withdrawn" as const,
        note: WITHDRAWN_BY_DISSOLVE_NOTE,
      })),
    );
  }
  const bordStates: DissolvedBordState[] = [
    ...(requests.some((r) => r.status === "placed") ? (["placed"] as const) : []),
    ...(requests.some((r) => r.status === "approved") ? (["approved"] as const) : []),
    ...(open.length > 0 ? (["withdrawn"] as const) : []),
  ];

  const removalTasks = await createRemovalTasks(tx, group.id, command.actorUserId, now);

  await tx
    .update(groups)
    .set({ status: "dissolved", dissolvedAt: now, updatedAt: now, version: sql`${groups.version} + 1` })
    .where(eq(groups.id, group.id));
  const removed = await removeGroupPersonalData(tx, group.id);
  await closeOpenCheck(tx, group.id, "dissolved", command.actorUserId, now);

  const agents = await tx
    .selectDistinct({ id: contacts.id, name: contacts.name, email: contacts.email })
    .from(contacts)
    .innerJoin(contactAreas, eq(contactAreas.contactId, contacts.id))
    .where(and(eq(contactAreas.areaId, group.areaId), eq(contacts.kind, "wijkagent"), eq(contacts.municipalityId, group.municipalityId)));
  const mails: OutgoingMail[] = [];
  const seen = new Set<string>();
  for (const agent of agents) {
    const to = agent.email.toLowerCase();
    if (seen.has(to)) continue;
    seen.add(to);
    mails.push({
      idempotencyKey: `group-dissolved:${group.id}:${to}`,
      kind: GROUP_DISSOLVED_KIND,
      to,
      ...groupDissolvedMail({ recipientName: agent.name, groupName: group.name, areaName: group.areaName }),
    });
  }
  if (bordStates.length > 0) {
    mails.push({
      idempotencyKey: `group-dissolved-bord:${group.id}`,
      kind: GROUP_DISSOLVED_BORD_KIND,
      to: group.safetyEmail,
      ...groupDissolvedBordMail({
        groupName: group.name,
        areaName: group.areaName,
        states: bordStates,
        url: `${getEnv().appUrl}${routes.staff.group(group.id)}`,
      }),
    });
  }
  await enqueueMail(tx, mails);

  await recordAudit(tx, {
    actorUserId: command.actorUserId,
    action: "group.dissolve",
    subjectType: "group",
    subjectId: group.id,
    municipalityId: group.municipalityId,
    details: {
      via: command.via,
      withdrawnSignRequests: open.length,
      removalTasks,
      addresses: removed.addresses,
      notified: mails.length,
      ...(command.reason ? { reason: command.reason } : {}),
    },
  });
  return { id: group.id, withdrawnSignRequests: open.length, removalTasks, addresses: removed.addresses, notified: mails.length };
}
