/**
 * The yearly check job, for lib/data and the schedule only: it takes no actor. The
 * schedule in the server (lib/server/yearly-check-job.ts) runs it every hour for every
 * municipality; staff run it for their own at /beheer/jaarcontrole (lib/data/staff/yearly-check.ts,
 * which checks the permission first).
 *
 * One run takes four steps, each safe with two servers (or two runs) at once:
 *
 * 1. Start: an active group whose registration or last confirmation is twelve months ago, and
 *    that has no open check, gets one ("asked"); each admin gets an e-mail with a one-click
 *    link of their own. The group row is locked first, and the check is inserted with
 *    ON CONFLICT DO NOTHING against a partial unique index (one open check per group): the
 *    second server inserts nothing and sends nothing.
 * 2. Reminder after 14 days ("reminded"), with a new link per admin.
 * 3. After 30 days without an answer ("unconfirmed"): team Veiligheid's mailbox and the
 *    wijkagent(en) of the wijk are told.
 * 4. After 90 days ("decision"): team Veiligheid is asked to decide (keep or dissolve).
 *
 * Steps 2–4 claim a check with a conditional update (`where stage = <previous>`): only the
 * update that matched sends mail. Every mail has an idempotency key per check, step and
 * recipient besides. A check that missed steps (the server was off) goes through them in one run.
 */
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, asc, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import { DUTCH_TIME_ZONE } from "@/lib/domain/dates";
import { DAY_MS } from "@/lib/domain/retention";
import { db, selectRows, type Executor } from "@/db";
import {
  areas,
  contactAreas,
  contacts,
  groupAdmins,
  groupCheckTokens,
  groupChecks,
  groups,
  jobRuns,
  municipalities,
  users,
} from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import {
  CHECK_LINK_VALID_DAYS,
  checkDueAt,
  stageStartsAt,
  type OpenCheckStage,
} from "@/lib/domain";
import { getEnv } from "@/lib/env";
import { enqueueMail, type OutgoingMail } from "@/lib/mail/outbox";
import {
  YEARLY_CHECK_ASK_KIND,
  YEARLY_CHECK_DECISION_KIND,
  YEARLY_CHECK_REMINDER_KIND,
  YEARLY_CHECK_UNCONFIRMED_KIND,
  yearlyCheckAskMail,
  yearlyCheckDecisionMail,
  yearlyCheckUnconfirmedMail,
} from "@/lib/mail/templates/yearly-check";
import { routes } from "@/lib/routes";
import { lockGroupRow } from "./group-lock";

export const YEARLY_CHECK_JOB = "yearly_check";
/** At most this many groups per step and run; the next run takes the rest. */
const BATCH = 500;

export interface YearlyCheckReport {
  /** Checks started (admins asked). */
  asked: number;
  reminded: number;
  unconfirmed: number;
  decision: number;
  /** E-mails queued. */
  mails: number;
}

const longDate = new Intl.DateTimeFormat("nl-NL", { dateStyle: "long", timeZone: DUTCH_TIME_ZONE });

export function hashCheckToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A new link token for `userId` on `checkId` (the raw token goes into the e-mail only). */
async function newToken(tx: Executor, checkId: string, userId: string, now: Date): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await tx.insert(groupCheckTokens).values({
    checkId,
    userId,
    tokenHash: hashCheckToken(token),
    expiresAt: new Date(now.getTime() + CHECK_LINK_VALID_DAYS * DAY_MS),
  });
  return token;
}

/** The e-mail with a link of their own to every current admin of the group. */
async function askAdmins(tx: Executor, check: { id: string; groupId: string; groupName: string; startedAt: Date }, step: "ask" | "remind", now: Date): Promise<number> {
  const admins = await tx
    .select({ id: users.id, name: users.name, email: users.email })
    .from(groupAdmins)
    .innerJoin(users, eq(users.id, groupAdmins.userId))
    .where(and(eq(groupAdmins.groupId, check.groupId), isNull(users.disabledAt)))
    .orderBy(asc(users.email));
  const appUrl = getEnv().appUrl;
  const answerBefore = longDate.format(stageStartsAt("unconfirmed", check.startedAt));
  const mails: OutgoingMail[] = [];
  for (const admin of admins) {
    const token = await newToken(tx, check.id, admin.id, now);
    mails.push({
      idempotencyKey: `yearly-check:${check.id}:${step}:${admin.id}`,
      kind: step === "ask" ? YEARLY_CHECK_ASK_KIND : YEARLY_CHECK_REMINDER_KIND,
      to: admin.email,
      ...yearlyCheckAskMail({
        recipientName: admin.name,
        groupName: check.groupName,
        confirmUrl: `${appUrl}${routes.groupCheck(token)}`,
        detailsUrl: `${appUrl}${routes.myGroups.group(check.groupId)}`,
        reminder: step === "remind",
        answerBefore,
      }),
    });
  }
  return enqueueMail(tx, mails);
}

interface CheckRow {
  id: string;
  groupId: string;
  groupName: string;
  areaId: string;
  areaName: string;
  municipalityId: string;
  safetyEmail: string;
  startedAt: Date;
}

async function loadCheck(tx: Executor, checkId: string): Promise<CheckRow | undefined> {
  const [row] = await tx
    .select({
      id: groupChecks.id,
      groupId: groups.id,
      groupName: groups.name,
      areaId: groups.areaId,
      areaName: areas.name,
      municipalityId: groups.municipalityId,
      safetyEmail: municipalities.safetyEmail,
      startedAt: groupChecks.startedAt,
    })
    .from(groupChecks)
    .innerJoin(groups, eq(groups.id, groupChecks.groupId))
    .innerJoin(areas, eq(areas.id, groups.areaId))
    .innerJoin(municipalities, eq(municipalities.id, groups.municipalityId))
    .where(eq(groupChecks.id, checkId));
  return row;
}

/** Step 1: starts a check for one group, when it is due and has none open. Returns the mails queued, or null when nothing started. */
async function startCheck(groupId: string, now: Date): Promise<number | null> {
  return db.transaction(async (tx) => {
    const locked = await lockGroupRow(tx, groupId);
    if (!locked || locked.status !== "active") return null;
    const [group] = await tx
      .select({ name: groups.name, municipalityId: groups.municipalityId, anchor: sql<Date>`coalesce(${groups.lastConfirmedAt}, ${groups.createdAt})`.mapWith(groups.createdAt) })
      .from(groups)
      .where(eq(groups.id, groupId));
    const dueAt = checkDueAt(new Date(group.anchor));
    if (dueAt.getTime() > now.getTime()) return null;
    const [check] = await tx
      .insert(groupChecks)
      .values({ groupId, municipalityId: group.municipalityId, dueAt, startedAt: now, stage: "asked", stageAt: now })
      .onConflictDoNothing()
      .returning({ id: groupChecks.id });
    if (!check) return null;
    const mails = await askAdmins(tx, { id: check.id, groupId, groupName: group.name, startedAt: now }, "ask", now);
    await recordAudit(tx, {
      actorUserId: null,
      action: "group_check.ask",
      subjectType: "group",
      subjectId: groupId,
      municipalityId: group.municipalityId,
      details: { checkId: check.id, mails },
    });
    return mails;
  });
}

/** Steps 2–4: moves one check from `from` to `to` when no one else did; returns the mails queued, or null. */
async function advanceCheck(checkId: string, from: OpenCheckStage, to: Exclude<OpenCheckStage, "asked">, now: Date): Promise<number | null> {
  return db.transaction(async (tx) => {
    const claimed = await tx
      .update(groupChecks)
      .set({ stage: to, stageAt: now })
      .where(and(eq(groupChecks.id, checkId), eq(groupChecks.stage, from), isNull(groupChecks.closedAt)))
      .returning({ id: groupChecks.id });
    if (claimed.length === 0) return null;
    const check = await loadCheck(tx, checkId);
    if (!check) return null;
    const appUrl = getEnv().appUrl;
    let mails = 0;
    if (to === "reminded") {
      mails = await askAdmins(tx, check, "remind", now);
    } else if (to === "unconfirmed") {
      const agents = await tx
        .selectDistinct({ name: contacts.name, email: contacts.email })
        .from(contacts)
        .innerJoin(contactAreas, eq(contactAreas.contactId, contacts.id))
        .where(and(eq(contactAreas.areaId, check.areaId), eq(contacts.kind, "wijkagent"), eq(contacts.municipalityId, check.municipalityId)));
      const recipients = new Map<string, string>([[check.safetyEmail.toLowerCase(), "team Veiligheid"]]);
      for (const agent of agents) if (!recipients.has(agent.email.toLowerCase())) recipients.set(agent.email.toLowerCase(), agent.name);
      const askedOn = longDate.format(check.startedAt);
      const list: OutgoingMail[] = [];
      for (const [to, name] of recipients) {
        const isTeam = to === check.safetyEmail.toLowerCase();
        list.push({
          idempotencyKey: `yearly-check:${check.id}:unconfirmed:${to}`,
          kind: YEARLY_CHECK_UNCONFIRMED_KIND,
          to,
          ...yearlyCheckUnconfirmedMail({
            recipientName: name,
            groupName: check.groupName,
            areaName: check.areaName,
            askedOn,
            url: `${appUrl}${isTeam ? routes.staff.group(check.groupId) : routes.wijkagent.group(check.groupId)}`,
          }),
        });
      }
      mails = await enqueueMail(tx, list);
    } else {
      mails = await enqueueMail(tx, {
        idempotencyKey: `yearly-check:${check.id}:decision`,
        kind: YEARLY_CHECK_DECISION_KIND,
        to: check.safetyEmail,
        ...yearlyCheckDecisionMail({ groupName: check.groupName, areaName: check.areaName, url: `${appUrl}${routes.staff.yearlyCheck}` }),
      });
    }
    await recordAudit(tx, {
      actorUserId: null,
      action: `group_check.${to}`,
      subjectType: "group",
      subjectId: check.groupId,
      municipalityId: check.municipalityId,
      details: { checkId: check.id, mails },
    });
    return mails;
  });
}

const STEPS: Array<{ from: OpenCheckStage; to: Exclude<OpenCheckStage, "asked"> }> = [
  { from: "asked", to: "reminded" },
  { from: "reminded", to: "unconfirmed" },
  { from: "unconfirmed", to: "decision" },
];

/**
 * One run of the yearly check: every step for every municipality (or the one given), as at
 * `now`. Recorded in job_runs (shown at /beheer/jaarcontrole).
 */
export async function runYearlyCheck(options: { now?: Date; municipalityId?: string | null; triggeredByUserId?: string | null } = {}): Promise<YearlyCheckReport> {
  const now = options.now ?? new Date();
  const municipalityId = options.municipalityId ?? null;
  const [run] = await db
    .insert(jobRuns)
    .values({ job: YEARLY_CHECK_JOB, municipalityId, triggeredByUserId: options.triggeredByUserId ?? null, startedAt: now })
    .returning({ id: jobRuns.id });
  const report: YearlyCheckReport = { asked: 0, reminded: 0, unconfirmed: 0, decision: 0, mails: 0 };
  try {
    // 1. Groups due: cheap pre-selection in SQL (12 months, no open check); startCheck decides exactly.
    const due = await selectRows<{ id: string }>(
      db,
      sql`select g.id from ${groups} g
          where g.status = 'active'
            and (${municipalityId}::uuid is null or g.municipality_id = ${municipalityId}::uuid)
            and coalesce(g.last_confirmed_at, g.created_at) <= ${now.toISOString()}::timestamptz - interval '12 months' + interval '3 days'
            and not exists (select 1 from ${groupChecks} c where c.group_id = g.id and c.closed_at is null)
          order by coalesce(g.last_confirmed_at, g.created_at), g.id
          limit ${BATCH}`,
    );
    for (const { id } of due) {
      const mails = await startCheck(id, now);
      if (mails !== null) {
        report.asked += 1;
        report.mails += mails;
      }
    }
    // 2–4. Open checks whose next step is due, in order, so a check that missed steps catches up.
    for (const step of STEPS) {
      const threshold = new Date(now.getTime() - (stageStartsAt(step.to, new Date(0)).getTime()));
      const rows = await db
        .select({ id: groupChecks.id })
        .from(groupChecks)
        .where(
          and(
            eq(groupChecks.stage, step.from),
            isNull(groupChecks.closedAt),
            lte(groupChecks.startedAt, threshold),
            municipalityId ? eq(groupChecks.municipalityId, municipalityId) : undefined,
          ),
        )
        .orderBy(asc(groupChecks.startedAt), asc(groupChecks.id))
        .limit(BATCH);
      for (const { id } of rows) {
        const mails = await advanceCheck(id, step.from, step.to, now);
        if (mails !== null) {
          report[step.to] += 1;
          report.mails += mails;
        }
      }
    }
    await db.update(jobRuns).set({ finishedAt: new Date(), report: { ...report } }).where(eq(jobRuns.id, run.id));
    return report;
  } catch (error) {
    await db.update(jobRuns).set({ finishedAt: new Date(), report: { ...report }, failed: true }).where(eq(jobRuns.id, run.id));
    throw error;
  }
}

/**
 * Closes the group's open check (when the group is dissolved, by any path), inside the
 * caller's transaction; its links stop working and are removed.
 */
export async function closeOpenCheck(tx: Executor, groupId: string, stage: "dissolved", actorUserId: string | null, now: Date): Promise<void> {
  await tx
    .update(groupChecks)
    .set({ stage, stageAt: now, closedAt: now, closedByUserId: actorUserId })
    .where(and(eq(groupChecks.groupId, groupId), isNull(groupChecks.closedAt)));
  const all = await tx.select({ id: groupChecks.id }).from(groupChecks).where(eq(groupChecks.groupId, groupId));
  if (all.length > 0) await tx.delete(groupCheckTokens).where(inArray(groupCheckTokens.checkId, all.map((c) => c.id)));
}
