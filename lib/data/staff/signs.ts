/**
 * Placed borden as team Veiligheid keeps them: the list (removal tasks and borden
 * with open reports first), one bord with its open reports and history, and the steps staff
 * record: details (owner, cost, who paid), maintenance (repaired, replaced) and removal.
 * Staff see their own municipality, platform admins every one; a bord elsewhere does not exist
 * for them (not_found). Every step is one transaction: a guarded update on (id, version,
 * status), a history entry and an audit entry; a bord changed meanwhile gives a conflict.
 */
import "server-only";
import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { areas, groups, municipalities, signEvents, signReports, signs, users, type signStatuses, type signEventKinds } from "@/db/schema";
import { requirePermission } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";
import { recordAudit } from "@/lib/audit";
import type { AuditAction } from "@/lib/domain/audit-log";
import { AppError, notFound } from "@/lib/errors";
import type { SignDetailsInput, SignLocationInput, SignMaintenanceInput, SignRemovalInput } from "@/lib/validation/signs";
import { municipalityCondition, staffScope } from "../internal/staff-scope";
import { isUuid } from "@/lib/domain/ids";

export type SignStatus = (typeof signStatuses)[number];
export type SignEventKind = (typeof signEventKinds)[number];

export const SIGN_CHANGED_BY_SOMEONE_ELSE = "Dit bord is net door iemand anders gewijzigd. U ziet hieronder de nieuwe gegevens.";
const SIGN_NOT_FOUND = "Dit bord bestaat niet (meer), of hoort niet bij uw gemeente.";
export const SIGN_LIST_LIMIT = 500;

export interface SignListItem {
  id: string;
  status: SignStatus;
  groupId: string;
  groupName: string;
  groupStatus: "active" | "dissolved";
  areaName: string;
  municipalityName: string;
  location: string;
  count: number;
  placedOn: string;
  openReports: number;
}

/**
 * The borden of the actor's municipality that are not removed, removal tasks first, then those
 * with open reports, then by placement date. At most SIGN_LIST_LIMIT.
 */
export async function listSignsForStaff(actor: Actor | null, executor: Executor = db): Promise<SignListItem[]> {
  requirePermission(actor, "bord.maintain");
  const staff = staffScope(actor);
  const openReports = sql<number>`(select count(*)::int from ${signReports} where ${signReports.signId} = ${signs.id} and ${signReports.handledAt} is null)`;
  const rows = await executor
    .select({
      id: signs.id,
      status: signs.status,
      groupId: groups.id,
      groupName: groups.name,
      groupStatus: groups.status,
      areaName: areas.name,
      municipalityName: municipalities.name,
      location: signs.location,
      count: signs.count,
      placedOn: signs.placedOn,
      openReports,
    })
    .from(signs)
    .innerJoin(groups, eq(groups.id, signs.groupId))
    .innerJoin(areas, eq(areas.id, groups.areaId))
    .innerJoin(municipalities, eq(municipalities.id, groups.municipalityId))
    .where(and(municipalityCondition(staff, groups.municipalityId), inArray(signs.status, ["standing", "removal_pending"])))
    .orderBy(desc(sql`${signs.status} = 'removal_pending'`), desc(sql`${openReports} > 0`), asc(signs.placedOn), asc(signs.id))
    .limit(SIGN_LIST_LIMIT);
  return rows.map((r) => ({ ...r, openReports: Number(r.openReports) }));
}

export interface SignReportItem {
  id: string;
  kind: "damaged" | "missing";
  description: string;
  createdAt: Date;
}

export interface SignEventItem {
  id: number;
  kind: SignEventKind;
  occurredOn: string | null;
  note: string;
  actorName: string | null;
  createdAt: Date;
}

export interface SignDetail {
  id: string;
  status: SignStatus;
  version: number;
  signRequestId: string;
  location: string;
  latitude: number | null;
  longitude: number | null;
  count: number;
  placedOn: string;
  owner: string;
  costCents: number | null;
  paidBy: string;
  removedOn: string | null;
  group: { id: string; name: string; status: "active" | "dissolved"; areaId: string; areaName: string; municipalityName: string };
  openReports: SignReportItem[];
  history: SignEventItem[];
}

export async function getSignForStaff(actor: Actor | null, signId: string, executor: Executor = db): Promise<SignDetail | null> {
  requirePermission(actor, "bord.maintain");
  const staff = staffScope(actor);
  if (!isUuid(signId)) return null;
  const [row] = await executor
    .select({
      sign: {
        id: signs.id,
        status: signs.status,
        version: signs.version,
        signRequestId: signs.signRequestId,
        location: signs.location,
        latitude: signs.latitude,
        longitude: signs.longitude,
        count: signs.count,
        placedOn: signs.placedOn,
        owner: signs.owner,
        costCents: signs.costCents,
        paidBy: signs.paidBy,
        removedOn: signs.removedOn,
      },
      group: { id: groups.id, name: groups.name, status: groups.status, areaId: areas.id, areaName: areas.name, municipalityName: municipalities.name },
    })
    .from(signs)
    .innerJoin(groups, eq(groups.id, signs.groupId))
    .innerJoin(areas, eq(areas.id, groups.areaId))
    .innerJoin(municipalities, eq(municipalities.id, groups.municipalityId))
    .where(and(eq(signs.id, signId), municipalityCondition(staff, groups.municipalityId)));
  if (!row) return null;
  const openReports = await executor
    .select({ id: signReports.id, kind: signReports.kind, description: signReports.description, createdAt: signReports.createdAt })
    .from(signReports)
    .where(and(eq(signReports.signId, signId), isNull(signReports.handledAt)))
    .orderBy(asc(signReports.createdAt), asc(signReports.id));
  const history = await executor
    .select({
      id: signEvents.id,
      kind: signEvents.kind,
      occurredOn: signEvents.occurredOn,
      note: signEvents.note,
      actorName: users.name,
      createdAt: signEvents.createdAt,
    })
    .from(signEvents)
    .leftJoin(users, eq(users.id, signEvents.actorUserId))
    .where(eq(signEvents.signId, signId))
    .orderBy(asc(signEvents.createdAt), asc(signEvents.id));
  return { ...row.sign, group: row.group, openReports, history };
}

export interface SignStepOutcome {
  id: string;
  status: SignStatus;
  version: number;
  /** Open reports closed by this step. */
  reportsClosed: number;
}

interface Step {
  signId: string;
  version: number;
  /** Statuses in which the step may be taken. */
  from: SignStatus[];
  notAllowed: string;
  set: Partial<typeof signs.$inferInsert>;
  event: { kind: SignEventKind; occurredOn: string | null; note: string };
  audit: AuditAction;
  closeReports: boolean;
}

async function takeStep(actor: Actor | null, step: Step, executor: Executor): Promise<SignStepOutcome> {
  requirePermission(actor, "bord.maintain");
  const staff = staffScope(actor);
  return executor.transaction(async (tx) => {
    const [current] = await tx
      .select({ id: signs.id, status: signs.status, version: signs.version, groupId: signs.groupId, municipalityId: groups.municipalityId })
      .from(signs)
      .innerJoin(groups, eq(groups.id, signs.groupId))
      .where(and(eq(signs.id, step.signId), municipalityCondition(staff, groups.municipalityId)));
    if (!current) throw notFound(SIGN_NOT_FOUND);
    if (current.version !== step.version) throw new AppError("conflict", SIGN_CHANGED_BY_SOMEONE_ELSE);
    if (!step.from.includes(current.status)) throw new AppError("conflict", step.notAllowed);
    const now = new Date();
    const updated = await tx
      .update(signs)
      .set({ ...step.set, version: sql`${signs.version} + 1`, updatedAt: now })
      .where(and(eq(signs.id, current.id), eq(signs.version, step.version), eq(signs.status, current.status)))
      .returning({ status: signs.status, version: signs.version });
    if (updated.length === 0) throw new AppError("conflict", SIGN_CHANGED_BY_SOMEONE_ELSE);
    const closed = step.closeReports
      ? await tx
          .update(signReports)
          .set({ handledAt: now, handledByUserId: staff.id })
          .where(and(eq(signReports.signId, current.id), isNull(signReports.handledAt)))
          .returning({ id: signReports.id })
      : [];
    const closedNote = closed.length > 0 ? `${closed.length} ${closed.length === 1 ? "melding" : "meldingen"} afgehandeld.` : "";
    await tx.insert(signEvents).values({
      signId: current.id,
      kind: step.event.kind,
      actorUserId: staff.id,
      occurredOn: step.event.occurredOn,
      note: [step.event.note, closedNote].filter(Boolean).join("\n"),
    });
    await recordAudit(tx, {
      actorUserId: staff.id,
      action: step.audit,
      subjectType: "sign",
      subjectId: current.id,
      municipalityId: current.municipalityId,
      details: { groupId: current.groupId, from: current.status, to: updated[0].status, reportsClosed: closed.length },
    });
    return { id: current.id, status: updated[0].status, version: updated[0].version, reportsClosed: closed.length };
  });
}

/** Repaired or replaced: a history entry; the open reports are handled. The bord must stand. */
export function recordSignMaintenance(actor: Actor | null, input: SignMaintenanceInput, executor: Executor = db) {
  return takeStep(
    actor,
    {
      signId: input.signId,
      version: input.version,
      from: ["standing"],
      notAllowed: "Onderhoud kan alleen aan een bord dat er staat.",
      set: {},
      event: { kind: input.kind, occurredOn: input.occurredOn, note: input.note },
      audit: `sign.${input.kind}`,
      closeReports: true,
    },
    executor,
  );
}

/** The bord was taken away (also the end of a removal task); open reports are handled. */
export function recordSignRemoval(actor: Actor | null, input: SignRemovalInput, executor: Executor = db) {
  return takeStep(
    actor,
    {
      signId: input.signId,
      version: input.version,
      from: ["standing", "removal_pending"],
      notAllowed: "Dit bord is al weggehaald.",
      set: { status: "removed", removedOn: input.occurredOn },
      event: { kind: "removed", occurredOn: input.occurredOn, note: input.note },
      audit: "sign.remove",
      closeReports: true,
    },
    executor,
  );
}

function euros(cents: number | null): string {
  if (cents === null) return "onbekend";
  return new Intl.NumberFormat("nl-NL", { style: "currency", currency: "EUR" }).format(cents / 100);
}

/**
 * A change of what is known about the bord, in any status (so never refused): the new values,
 * a "details" history entry that says them, and the open reports stay open.
 */
function changeDetails(
  actor: Actor | null,
  input: { signId: string; version: number },
  change: { set: Step["set"]; note: string; audit: AuditAction },
  executor: Executor,
) {
  return takeStep(
    actor,
    {
      signId: input.signId,
      version: input.version,
      from: ["standing", "removal_pending", "removed"],
      notAllowed: "",
      set: change.set,
      event: { kind: "details", occurredOn: null, note: change.note },
      audit: change.audit,
      closeReports: false,
    },
    executor,
  );
}

/** Owner, cost and who paid (all optional). */
export function updateSignDetails(actor: Actor | null, input: SignDetailsInput, executor: Executor = db) {
  return changeDetails(
    actor,
    input,
    {
      set: { owner: input.owner, costCents: input.cost, paidBy: input.paidBy },
      note: `Eigenaar: ${input.owner || "onbekend"}. Kosten: ${euros(input.cost)}. Betaald door: ${input.paidBy || "onbekend"}.`,
      audit: "sign.details",
    },
    executor,
  );
}

const coordinates = (point: { lat: number; lng: number } | null) =>
  point ? `${point.lat.toFixed(6).replace(".", ",")}; ${point.lng.toFixed(6).replace(".", ",")}` : "geen punt";

/** Where the bord stands: the description and the point on the map (picked or typed; optional). */
export function updateSignLocation(actor: Actor | null, input: SignLocationInput, executor: Executor = db) {
  return changeDetails(
    actor,
    input,
    {
      set: { location: input.location, latitude: input.point?.lat ?? null, longitude: input.point?.lng ?? null },
      note: `Plek: ${input.location}. Punt op de kaart: ${coordinates(input.point)}.`,
      audit: "sign.location",
    },
    executor,
  );
}
