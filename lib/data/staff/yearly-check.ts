/**
 * The yearly check as team Veiligheid sees it (/beheer/jaarcontrole): the last run, the groups
 * per stage, "Nu uitvoeren", and the decision after 90 days (keep = confirm on the admins'
 * behalf; dissolving goes through the existing dissolve form on the group's page).
 */
import "server-only";
import { and, asc, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { areas, groupChecks, groups, jobRuns, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { requirePermission } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";
import { OPEN_CHECK_STAGES, checkDueAt, type OpenCheckStage } from "@/lib/domain";
import { AppError, notFound } from "@/lib/errors";
import { lockGroupRow } from "../internal/group-lock";
import { municipalityCondition, staffScope } from "../internal/staff-scope";
import { isUuid } from "@/lib/domain/ids";
import { YEARLY_CHECK_JOB, runYearlyCheck, type YearlyCheckReport } from "../internal/yearly-check";
import { municipalityForChange } from "./scope";

export interface CheckGroupItem {
  groupId: string;
  name: string;
  areaName: string;
  stage: OpenCheckStage;
  startedAt: Date;
}

export interface YearlyCheckOverview {
  lastRun: { startedAt: Date; finishedAt: Date | null; failed: boolean; report: Partial<YearlyCheckReport>; byName: string | null; scheduled: boolean } | null;
  counts: Record<OpenCheckStage, number>;
  groups: CheckGroupItem[];
  /** Active groups that are due (twelve months) and not asked yet: the next run asks them. */
  waiting: number;
}

const LIST_LIMIT = 500;

/** The yearly check of one municipality (staff: their own). */
export async function getYearlyCheckOverview(actor: Actor | null, municipalityId: string, now = new Date(), executor: Executor = db): Promise<YearlyCheckOverview | null> {
  requirePermission(actor, "group.view_all");
  const staff = staffScope(actor);
  if (staff.role === "staff") municipalityId = staff.municipalityId!;
  if (!isUuid(municipalityId)) return null;

  const [run] = await executor
    .select({
      startedAt: jobRuns.startedAt,
      finishedAt: jobRuns.finishedAt,
      failed: jobRuns.failed,
      report: jobRuns.report,
      byName: users.name,
      municipalityId: jobRuns.municipalityId,
    })
    .from(jobRuns)
    .leftJoin(users, eq(users.id, jobRuns.triggeredByUserId))
    .where(and(eq(jobRuns.job, YEARLY_CHECK_JOB), or(isNull(jobRuns.municipalityId), eq(jobRuns.municipalityId, municipalityId))))
    .orderBy(desc(jobRuns.startedAt), desc(jobRuns.id))
    .limit(1);

  const list = await executor
    .select({ groupId: groups.id, name: groups.name, areaName: areas.name, stage: groupChecks.stage, startedAt: groupChecks.startedAt })
    .from(groupChecks)
    .innerJoin(groups, eq(groups.id, groupChecks.groupId))
    .innerJoin(areas, eq(areas.id, groups.areaId))
    .where(and(eq(groupChecks.municipalityId, municipalityId), isNull(groupChecks.closedAt), eq(groups.status, "active")))
    .orderBy(asc(groupChecks.startedAt), asc(groups.name))
    .limit(LIST_LIMIT);
  const counts = Object.fromEntries(OPEN_CHECK_STAGES.map((s) => [s, 0])) as Record<OpenCheckStage, number>;
  const countRows = await executor
    .select({ stage: groupChecks.stage, n: sql<number>`count(*)::int` })
    .from(groupChecks)
    .where(and(eq(groupChecks.municipalityId, municipalityId), isNull(groupChecks.closedAt)))
    .groupBy(groupChecks.stage);
  for (const row of countRows) if (row.stage in counts) counts[row.stage as OpenCheckStage] = Number(row.n);

  const candidates = await executor
    .select({ anchor: sql<string>`coalesce(${groups.lastConfirmedAt}, ${groups.createdAt})` })
    .from(groups)
    .where(
      and(
        eq(groups.municipalityId, municipalityId),
        eq(groups.status, "active"),
        sql`coalesce(${groups.lastConfirmedAt}, ${groups.createdAt}) <= ${now.toISOString()}::timestamptz - interval '12 months' + interval '3 days'`,
        sql`not exists (select 1 from ${groupChecks} c where c.group_id = ${groups.id} and c.closed_at is null)`,
      ),
    );
  const waiting = candidates.filter((c) => checkDueAt(new Date(c.anchor)).getTime() <= now.getTime()).length;

  return {
    lastRun: run
      ? { startedAt: run.startedAt, finishedAt: run.finishedAt, failed: run.failed, report: run.report, byName: run.byName, scheduled: run.municipalityId === null }
      : null,
    counts,
    groups: list.map((g) => ({ ...g, stage: g.stage as OpenCheckStage })),
    waiting,
  };
}

/** "Nu uitvoeren": runs the yearly check now for the actor's municipality (a platform admin: the one given). */
export async function runYearlyCheckNow(actor: Actor | null, municipalityId: string | null, now = new Date()): Promise<YearlyCheckReport> {
  requirePermission(actor, "group.check");
  const staff = staffScope(actor);
  const municipality = await municipalityForChange(staff, municipalityId);
  if (!municipality) throw notFound();
  const report = await runYearlyCheck({ now, municipalityId: municipality.id, triggeredByUserId: staff.id });
  await recordAudit(db, {
    actorUserId: staff.id,
    action: "group_check.run",
    subjectType: "municipality",
    subjectId: municipality.id,
    municipalityId: municipality.id,
    details: { ...report },
  });
  return report;
}

export const NO_OPEN_CHECK = "Voor deze groep loopt geen jaarcontrole (meer). Misschien heeft een beheerder of collega al bevestigd.";

/**
 * Keeps a group whose admins did not confirm: staff confirm on their behalf (after a phone
 * call, say). Closes the open check as "kept"; the next check is twelve months from now.
 */
export async function keepGroupAfterCheck(actor: Actor | null, groupId: string, now = new Date()): Promise<{ id: string }> {
  requirePermission(actor, "group.check");
  const staff = staffScope(actor);
  if (!isUuid(groupId)) throw notFound("Deze groep bestaat niet (meer), of hoort niet bij uw gemeente.");
  return db.transaction(async (tx) => {
    const [group] = await tx
      .select({ id: groups.id, municipalityId: groups.municipalityId })
      .from(groups)
      .where(and(eq(groups.id, groupId), municipalityCondition(staff, groups.municipalityId)));
    if (!group) throw notFound("Deze groep bestaat niet (meer), of hoort niet bij uw gemeente.");
    const locked = await lockGroupRow(tx, group.id);
    if (!locked || locked.status !== "active") throw new AppError("conflict", NO_OPEN_CHECK);
    const closed = await tx
      .update(groupChecks)
      .set({ stage: "kept", stageAt: now, closedAt: now, closedByUserId: staff.id })
      .where(and(eq(groupChecks.groupId, group.id), isNull(groupChecks.closedAt), inArray(groupChecks.stage, [...OPEN_CHECK_STAGES])))
      .returning({ id: groupChecks.id });
    if (closed.length === 0) throw new AppError("conflict", NO_OPEN_CHECK);
    await tx.update(groups).set({ lastConfirmedAt: now }).where(eq(groups.id, group.id));
    await recordAudit(tx, {
      actorUserId: staff.id,
      action: "group_check.keep",
      subjectType: "group",
      subjectId: group.id,
      municipalityId: group.municipalityId,
      details: { checkId: closed[0].id },
    });
    return { id: group.id };
  });
}
