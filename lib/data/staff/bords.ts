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
import { areas, groups, municipalities, bordEvents, bordReports, bords, users, type bordStatuses, type bordEventKinds } from "@/db/schema";
import { requirePermission } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";
import { recordAudit } from "@/lib/audit";
import type { AuditAction } from "@/lib/domain/audit-log";
import { AppError, notFound } from "@/lib/errors";
import type { BordDetailsInput, BordLocationInput, BordMaintenanceInput, BordRemovalInput } from "@/lib/validation/bords";
import { municipalityCondition, staffScope } from "../internal/staff-scope";
import { isUuid } from "@/lib/domain/ids";

export type BordStatus = (typeof bordStatuses)[number];
export type BordEventKind = (typeof bordEventKinds)[number];

export const BORD_CHANGED_BY_SOMEONE_ELSE = "Dit bord is net door iemand anders gewijzigd. U ziet hieronder de nieuwe gegevens.";
const BORD_NOT_FOUND = "Dit bord bestaat niet (meer), of hoort niet bij uw gemeente.";
export const BORD_LIST_LIMIT = 500;

export interface BordListItem {
  id: string;
  status: BordStatus;
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
 * with open reports, then by placement date. At most BORD_LIST_LIMIT.
 */
export async function listBordsForStaff(actor: Actor | null, executor: Executor = db): Promise<BordListItem[]> {
  requirePermission(actor, "bord.maintain");
  const staff = staffScope(actor);
  const openReports = sql<number>`(select count(*)::int from ${bordReports} where ${bordReports.bordId} = ${bords.id} and ${bordReports.handledAt} is null)`;
  const rows = await executor
    .select({
      id: bords.id,
      status: bords.status,
      groupId: groups.id,
      groupName: groups.name,
      groupStatus: groups.status,
      areaName: areas.name,
      municipalityName: municipalities.name,
      location: bords.location,
      count: bords.count,
      placedOn: bords.placedOn,
      openReports,
    })
    .from(bords)
    .innerJoin(groups, eq(groups.id, bords.groupId))
    .innerJoin(areas, eq(areas.id, groups.areaId))
    .innerJoin(municipalities, eq(municipalities.id, groups.municipalityId))
    .where(and(municipalityCondition(staff, groups.municipalityId), inArray(bords.status, ["standing", "removal_pending"])))
    .orderBy(desc(sql`${bords.status} = 'removal_pending'`), desc(sql`${openReports} > 0`), asc(bords.placedOn), asc(bords.id))
    .limit(BORD_LIST_LIMIT);
  return rows.map((r) => ({ ...r, openReports: Number(r.openReports) }));
}

export interface BordReportItem {
  id: string;
  kind: "damaged" | "missing";
  description: string;
  createdAt: Date;
}

export interface BordEventItem {
  id: number;
  kind: BordEventKind;
  occurredOn: string | null;
  note: string;
  actorName: string | null;
  createdAt: Date;
}

export interface BordDetail {
  id: string;
  status: BordStatus;
  version: number;
  bordRequestId: string;
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
  openReports: BordReportItem[];
  history: BordEventItem[];
}

export async function getBordForStaff(actor: Actor | null, bordId: string, executor: Executor = db): Promise<BordDetail | null> {
  requirePermission(actor, "bord.maintain");
  const staff = staffScope(actor);
  if (!isUuid(bordId)) return null;
  const [row] = await executor
    .select({
      bord: {
        id: bords.id,
        status: bords.status,
        version: bords.version,
        bordRequestId: bords.bordRequestId,
        location: bords.location,
        latitude: bords.latitude,
        longitude: bords.longitude,
        count: bords.count,
        placedOn: bords.placedOn,
        owner: bords.owner,
        costCents: bords.costCents,
        paidBy: bords.paidBy,
        removedOn: bords.removedOn,
      },
      group: { id: groups.id, name: groups.name, status: groups.status, areaId: areas.id, areaName: areas.name, municipalityName: municipalities.name },
    })
    .from(bords)
    .innerJoin(groups, eq(groups.id, bords.groupId))
    .innerJoin(areas, eq(areas.id, groups.areaId))
    .innerJoin(municipalities, eq(municipalities.id, groups.municipalityId))
    .where(and(eq(bords.id, bordId), municipalityCondition(staff, groups.municipalityId)));
  if (!row) return null;
  const openReports = await executor
    .select({ id: bordReports.id, kind: bordReports.kind, description: bordReports.description, createdAt: bordReports.createdAt })
    .from(bordReports)
    .where(and(eq(bordReports.bordId, bordId), isNull(bordReports.handledAt)))
    .orderBy(asc(bordReports.createdAt), asc(bordReports.id));
  const history = await executor
    .select({
      id: bordEvents.id,
      kind: bordEvents.kind,
      occurredOn: bordEvents.occurredOn,
      note: bordEvents.note,
      actorName: users.name,
      createdAt: bordEvents.createdAt,
    })
    .from(bordEvents)
    .leftJoin(users, eq(users.id, bordEvents.actorUserId))
    .where(eq(bordEvents.bordId, bordId))
    .orderBy(asc(bordEvents.createdAt), asc(bordEvents.id));
  return { ...row.bord, group: row.group, openReports, history };
}

export interface BordStepOutcome {
  id: string;
  status: BordStatus;
  version: number;
  /** Open reports closed by this step. */
  reportsClosed: number;
}

interface Step {
  bordId: string;
  version: number;
  /** Statuses in which the step may be taken. */
  from: BordStatus[];
  notAllowed: string;
  set: Partial<typeof bords.$inferInsert>;
  event: { kind: BordEventKind; occurredOn: string | null; note: string };
  audit: AuditAction;
  closeReports: boolean;
}

async function takeStep(actor: Actor | null, step: Step, executor: Executor): Promise<BordStepOutcome> {
  requirePermission(actor, "bord.maintain");
  const staff = staffScope(actor);
  return executor.transaction(async (tx) => {
    const [current] = await tx
      .select({ id: bords.id, status: bords.status, version: bords.version, groupId: bords.groupId, municipalityId: groups.municipalityId })
      .from(bords)
      .innerJoin(groups, eq(groups.id, bords.groupId))
      .where(and(eq(bords.id, step.bordId), municipalityCondition(staff, groups.municipalityId)));
    if (!current) throw notFound(BORD_NOT_FOUND);
    if (current.version !== step.version) throw new AppError("conflict", BORD_CHANGED_BY_SOMEONE_ELSE);
    if (!step.from.includes(current.status)) throw new AppError("conflict", step.notAllowed);
    const now = new Date();
    const updated = await tx
      .update(bords)
      .set({ ...step.set, version: sql`${bords.version} + 1`, updatedAt: now })
      .where(and(eq(bords.id, current.id), eq(bords.version, step.version), eq(bords.status, current.status)))
      .returning({ status: bords.status, version: bords.version });
    if (updated.length === 0) throw new AppError("conflict", BORD_CHANGED_BY_SOMEONE_ELSE);
    const closed = step.closeReports
      ? await tx
          .update(bordReports)
          .set({ handledAt: now, handledByUserId: staff.id })
          .where(and(eq(bordReports.bordId, current.id), isNull(bordReports.handledAt)))
          .returning({ id: bordReports.id })
      : [];
    const closedNote = closed.length > 0 ? `${closed.length} ${closed.length === 1 ? "melding" : "meldingen"} afgehandeld.` : "";
    await tx.insert(bordEvents).values({
      bordId: current.id,
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
export function recordBordMaintenance(actor: Actor | null, input: BordMaintenanceInput, executor: Executor = db) {
  return takeStep(
    actor,
    {
      bordId: input.bordId,
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
export function recordBordRemoval(actor: Actor | null, input: BordRemovalInput, executor: Executor = db) {
  return takeStep(
    actor,
    {
      bordId: input.bordId,
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
  input: { bordId: string; version: number },
  change: { set: Step["set"]; note: string; audit: AuditAction },
  executor: Executor,
) {
  return takeStep(
    actor,
    {
      bordId: input.bordId,
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
export function updateBordDetails(actor: Actor | null, input: BordDetailsInput, executor: Executor = db) {
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
export function updateBordLocation(actor: Actor | null, input: BordLocationInput, executor: Executor = db) {
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
