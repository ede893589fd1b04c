/**
 * The yearly check (issue 21): the job's stages at fixed moments, two runs at once (no double
 * mails), the one-click link (someone else's, expired, reused, malformed), staff keeping a
 * group, and dissolving closing the check. On PGlite, and on PostgreSQL with DATABASE_URL.
 */
import { and, asc, eq, like, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { selectRows } from "@/db";
import { aContact, addresses, aGroup, aMunicipality, anArea, aUser } from "@/db/seed/builders";
import { auditLog, groupAdmins, groupChecks, groups, jobRuns, mailOutbox, type Area, type Group, type Municipality, type User } from "@/db/schema";
import { resetEnvForTests } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { actorOf } from "@/tests/actors";
import { onPostgres, withTestDatabase } from "@/tests/db";
import { runYearlyCheck } from "@/lib/data/internal/yearly-check";
import { dissolveGroup } from "@/lib/data/staff/groups";
import { getYearlyCheckOverview, keepGroupAfterCheck, runYearlyCheckNow } from "@/lib/data/staff/yearly-check";
import { listGroupsForStaff } from "@/lib/data/staff/groups";
import { parseGroupFilters } from "@/lib/validation/group-filters";
import { getStaffOverview } from "@/lib/data/staff/overview";
import { confirmGroupByLink, getCheckLink } from "./yearly-check";

const database = withTestDatabase();
const DAY = 24 * 60 * 60 * 1000;
const CREATED = new Date("2025-03-10T09:00:00Z");
const DUE = new Date("2026-03-10T09:00:00Z");
const at = (days: number, from = DUE) => new Date(from.getTime() + days * DAY);

let municipality: Municipality;
let area: Area;
let staff: User;
let n = 0;

beforeAll(async () => {
  process.env.LOG_LEVEL = "silent";
  resetEnvForTests();
  const { db } = database.current.handle;
  municipality = await aMunicipality(db, { name: "Jaarstad", safetyEmail: "veiligheid@jaarstad.example" });
  area = await anArea(db, municipality, { name: "Molenwijk" });
  await aContact(db, municipality, "wijkagent", [area], { name: "Agent Molen", email: "agent.molen@politie.example" });
  await aContact(db, municipality, "wethouder", [area], { name: "Wethouder Jaar", email: "wethouder@jaarstad.example" });
  staff = await aUser(db, { role: "staff", municipalityId: municipality.id });
});

/** A group registered on CREATED with two admins (the second optional). */
async function aCheckedGroup(options: { createdAt?: Date; admins?: number } = {}): Promise<{ group: Group; admins: User[] }> {
  const { db } = database.current.handle;
  n += 1;
  const admins: User[] = [];
  for (let i = 0; i < (options.admins ?? 2); i += 1) admins.push(await aUser(db, { email: `beheerder${n}-${i}@jaar.example`, name: `Beheerder ${n}-${i}` }));
  const group = await aGroup(db, area, { name: `Jaargroep ${n}`, admins, addresses: addresses(3, "9911"), createdAt: options.createdAt ?? CREATED });
  return { group, admins };
}

async function mailsFor(groupName: string) {
  const { db } = database.current.handle;
  return db
    .select({ to: mailOutbox.toAddress, kind: mailOutbox.kind, subject: mailOutbox.subject, text: mailOutbox.text })
    .from(mailOutbox)
    .where(and(like(mailOutbox.kind, "yearly_check%"), like(mailOutbox.text, `%"${groupName}"%`)))
    .orderBy(asc(mailOutbox.id));
}

async function checkOf(groupId: string) {
  const { db } = database.current.handle;
  return db.select().from(groupChecks).where(eq(groupChecks.groupId, groupId)).orderBy(asc(groupChecks.startedAt));
}

function tokenIn(text: string): string {
  const match = /\/nog-actief\/([A-Za-z0-9_-]{43})/.exec(text);
  if (!match) throw new Error(`no link in ${text}`);
  return match[1];
}

/** Only this municipality's groups: the job runs for it (as "Nu uitvoeren" does). */
const run = (now: Date) => runYearlyCheck({ now, municipalityId: municipality.id });

describe(`the yearly check job (${onPostgres ? "PostgreSQL" : "PGlite"})`, () => {
  it("asks every admin after twelve months, reminds after 14 days, tells team Veiligheid and the wijkagent after 30, asks staff to decide after 90", async () => {
    const { group, admins } = await aCheckedGroup();

    expect((await run(at(-1))).asked).toBe(0);
    expect(await checkOf(group.id)).toEqual([]);

    const first = await run(DUE);
    expect(first.asked).toBeGreaterThanOrEqual(1);
    let mails = await mailsFor(group.name);
    expect(mails.map((m) => [m.to, m.kind])).toEqual(admins.map((a) => [a.email, "yearly_check_ask"]).sort());
    expect(mails[0].subject).toBe(`Is ${group.name} nog actief?`);
    expect(mails[0].text).toContain("De groep is nog actief");
    expect(mails[0].text).toContain(`/mijn-groepen/${group.id}`);
    expect(mails[0].text).toContain("9 april 2026"); // answer before: 30 days after asking
    // Each admin a link of their own.
    expect(new Set(mails.map((m) => tokenIn(m.text))).size).toBe(2);
    expect((await checkOf(group.id)).map((c) => c.stage)).toEqual(["asked"]);

    // Running again changes nothing.
    await run(at(1));
    await run(at(13));
    expect(await mailsFor(group.name)).toHaveLength(2);

    await run(at(14));
    mails = await mailsFor(group.name);
    expect(mails.filter((m) => m.kind === "yearly_check_reminder").map((m) => m.to).sort()).toEqual(admins.map((a) => a.email).sort());
    expect(mails.find((m) => m.kind === "yearly_check_reminder")!.subject).toBe(`Herinnering: Is ${group.name} nog actief?`);
    expect((await checkOf(group.id))[0].stage).toBe("reminded");

    await run(at(29));
    expect((await checkOf(group.id))[0].stage).toBe("reminded");
    const filtersBefore = await listGroupsForStaff(actorOf(staff), parseGroupFilters({ controle: "niet-bevestigd" }));
    expect(filtersBefore.items.map((g) => g.id)).not.toContain(group.id);

    await run(at(30));
    mails = await mailsFor(group.name);
    expect(mails.filter((m) => m.kind === "yearly_check_unconfirmed").map((m) => m.to).sort()).toEqual(["agent.molen@politie.example", "veiligheid@jaarstad.example"]);
    expect(mails.some((m) => m.to === "wethouder@jaarstad.example")).toBe(false);
    expect((await checkOf(group.id))[0].stage).toBe("unconfirmed");
    // Staff see "niet bevestigd": the list filter, the list's stage, the overview, the group's page.
    const unconfirmed = await listGroupsForStaff(actorOf(staff), parseGroupFilters({ controle: "niet-bevestigd" }));
    expect(unconfirmed.items.find((g) => g.id === group.id)?.checkStage).toBe("unconfirmed");
    expect((await getStaffOverview(actorOf(staff), municipality.id)).unconfirmedGroups.map((g) => g.id)).toContain(group.id);

    await run(at(89));
    expect((await checkOf(group.id))[0].stage).toBe("unconfirmed");
    await run(at(90));
    mails = await mailsFor(group.name);
    expect(mails.filter((m) => m.kind === "yearly_check_decision").map((m) => m.to)).toEqual(["veiligheid@jaarstad.example"]);
    expect((await checkOf(group.id))[0].stage).toBe("decision");
    await run(at(200));
    expect(await mailsFor(group.name)).toHaveLength(2 + 2 + 2 + 1);

    const overview = (await getYearlyCheckOverview(actorOf(staff), municipality.id, at(200)))!;
    expect(overview.groups.find((g) => g.groupId === group.id)?.stage).toBe("decision");
    expect(overview.lastRun?.startedAt.toISOString()).toBe(at(200).toISOString());
  });

  it("a check that missed its steps (the server was off) catches up in one run", async () => {
    const { group } = await aCheckedGroup({ admins: 1 });
    await run(DUE);
    await run(at(45));
    const mails = await mailsFor(group.name);
    expect(mails.map((m) => m.kind)).toEqual(["yearly_check_ask", "yearly_check_reminder", "yearly_check_unconfirmed", "yearly_check_unconfirmed"]);
    expect((await checkOf(group.id))[0].stage).toBe("unconfirmed");
  });

  it("two servers running the job at once send every e-mail once", async () => {
    const { group } = await aCheckedGroup();
    const runs = await Promise.all(Array.from({ length: 12 }, () => run(DUE)));
    expect(runs.reduce((sum, r) => sum + r.asked, 0)).toBeGreaterThanOrEqual(1);
    expect(await checkOf(group.id)).toHaveLength(1);
    expect(await mailsFor(group.name)).toHaveLength(2);

    await Promise.all(Array.from({ length: 12 }, () => run(at(14))));
    await Promise.all(Array.from({ length: 12 }, () => run(at(30))));
    await Promise.all(Array.from({ length: 12 }, () => run(at(90))));
    const kinds = (await mailsFor(group.name)).map((m) => m.kind);
    expect(kinds.filter((k) => k === "yearly_check_ask")).toHaveLength(2);
    expect(kinds.filter((k) => k === "yearly_check_reminder")).toHaveLength(2);
    expect(kinds.filter((k) => k === "yearly_check_unconfirmed")).toHaveLength(2);
    expect(kinds.filter((k) => k === "yearly_check_decision")).toHaveLength(1);
    const { db } = database.current.handle;
    const audits = await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.subjectId, group.id));
    expect(audits.map((a) => a.action).sort()).toEqual(["group_check.ask", "group_check.decision", "group_check.reminded", "group_check.unconfirmed"]);
  });

  it("records every run; a staff run only covers the staff member's municipality", async () => {
    const { db } = database.current.handle;
    const other = await aMunicipality(db, { name: "Anderstad" });
    const otherArea = await anArea(db, other, { name: "Elders" });
    const otherAdmin = await aUser(db, { email: "ander@jaar.example" });
    const otherGroup = await aGroup(db, otherArea, { name: "Groep Anderstad", admins: [otherAdmin], createdAt: CREATED });
    const report = await runYearlyCheckNow(actorOf(staff), null, at(400));
    expect(report.asked).toBeGreaterThanOrEqual(0);
    expect(await checkOf(otherGroup.id)).toEqual([]);
    const [last] = await db.select().from(jobRuns).orderBy(sql`${jobRuns.id} desc`).limit(1);
    expect(last).toMatchObject({ municipalityId: municipality.id, triggeredByUserId: staff.id, failed: false });
    expect(last.finishedAt).not.toBeNull();
    const foreignStaff = await aUser(db, { role: "staff", municipalityId: other.id });
    // Staff of another municipality cannot aim it at this one (the form's hidden field is ignored for them).
    await runYearlyCheckNow(actorOf(foreignStaff), municipality.id, at(400)).then(
      () => expect.unreachable(),
      (e: unknown) => expect((e as AppError).code).toBe("not_found"),
    );
  });
});

describe(`the one-click link (${onPostgres ? "PostgreSQL" : "PGlite"})`, () => {
  async function askedGroup(admins = 2) {
    const created = new Date(CREATED.getTime() - (n + 1) * DAY); // a due date of its own
    const made = await aCheckedGroup({ createdAt: created, admins });
    const due = new Date(created.getTime());
    due.setUTCFullYear(due.getUTCFullYear() + 1);
    await run(due);
    const tokens = (await mailsFor(made.group.name)).map((m) => tokenIn(m.text));
    return { ...made, due, tokens };
  }

  it("shows the group on GET without confirming; the button confirms once, for twelve months, and a second click is thanked again", async () => {
    const { group, admins, due, tokens } = await askedGroup();
    expect(await getCheckLink(tokens[0], at(1, due))).toEqual({ state: "open", groupName: group.name, areaName: "Molenwijk" });
    expect((await checkOf(group.id))[0].closedAt).toBeNull();

    expect(await confirmGroupByLink(tokens[0], at(2, due))).toEqual({ state: "confirmed", groupName: group.name });
    const [check] = await checkOf(group.id);
    expect(check).toMatchObject({ stage: "confirmed", closedByUserId: expect.any(String) });
    expect(admins.map((a) => a.id)).toContain(check.closedByUserId);
    const { db } = database.current.handle;
    const [row] = await db.select({ lastConfirmedAt: groups.lastConfirmedAt }).from(groups).where(eq(groups.id, group.id));
    expect(row.lastConfirmedAt?.toISOString()).toBe(at(2, due).toISOString());

    // Reused, and the other admin's link: thanked, nothing more written.
    const auditCount = async () => (await db.select().from(auditLog).where(and(eq(auditLog.subjectId, group.id), eq(auditLog.action, "group_check.confirm")))).length;
    expect(await auditCount()).toBe(1);
    expect(await confirmGroupByLink(tokens[0], at(3, due))).toEqual({ state: "confirmed", groupName: group.name });
    expect(await confirmGroupByLink(tokens[1], at(3, due))).toEqual({ state: "confirmed", groupName: group.name });
    expect(await getCheckLink(tokens[1], at(3, due))).toEqual({ state: "confirmed", groupName: group.name });
    expect(await auditCount()).toBe(1);

    // No reminder, no new check until twelve months after the confirmation.
    await run(at(20, due));
    await run(at(300, due));
    expect(await checkOf(group.id)).toHaveLength(1);
    expect((await mailsFor(group.name)).every((m) => m.kind === "yearly_check_ask")).toBe(true);
    await run(at(367, due));
    expect((await checkOf(group.id)).map((c) => c.stage)).toEqual(["confirmed", "asked"]);
  });

  it("refuses someone else's link: an admin removed since, a made-up or malformed token; nothing changes", async () => {
    const { group, admins, due, tokens } = await askedGroup();
    const { db } = database.current.handle;
    await db.delete(groupAdmins).where(and(eq(groupAdmins.groupId, group.id), eq(groupAdmins.userId, admins[0].id)));
    // Which token belongs to the removed admin: the one that is refused now.
    const views = await Promise.all(tokens.map((t) => getCheckLink(t, at(1, due))));
    expect(views.map((v) => v.state).sort()).toEqual(["invalid", "open"]);
    const refused = tokens[views.findIndex((v) => v.state === "invalid")];
    for (const bad of [refused, "A".repeat(43), "kort", "<script>alert(1)</script>", "' or 1=1 --", "x".repeat(5000), ""]) {
      const error = await confirmGroupByLink(bad, at(1, due)).then(() => null, (e: unknown) => e);
      expect(error, bad.slice(0, 20)).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("not_found");
      expect((await getCheckLink(bad, at(1, due))).state).toBe("invalid");
    }
    expect((await checkOf(group.id))[0]).toMatchObject({ stage: "asked", closedAt: null });

    // A link of one group never touches another.
    const other = await askedGroup(1);
    await confirmGroupByLink(other.tokens[0], at(1, other.due));
    expect((await checkOf(group.id))[0].closedAt).toBeNull();
    expect((await checkOf(other.group.id))[0].stage).toBe("confirmed");
  });

  it("refuses an expired link (after 100 days) with its own message", async () => {
    const { group, due, tokens } = await askedGroup(1);
    expect((await getCheckLink(tokens[0], at(101, due))).state).toBe("expired");
    const error = await confirmGroupByLink(tokens[0], at(101, due)).then(() => null, (e: unknown) => e);
    expect((error as AppError).code).toBe("unprocessable");
    expect((error as AppError).message).toMatch(/verlopen/);
    expect((await checkOf(group.id))[0].closedAt).toBeNull();
  });

  it("staff keep a group on the admins' behalf; the links then say confirmed; a second keep is a conflict; other municipalities' staff get not_found", async () => {
    const { group, due, tokens } = await askedGroup(1);
    const { db } = database.current.handle;
    const foreign = await aUser(db, { role: "staff", municipalityId: (await aMunicipality(db)).id });
    await expect(keepGroupAfterCheck(actorOf(foreign), group.id, at(95, due))).rejects.toMatchObject({ code: "not_found" });
    await keepGroupAfterCheck(actorOf(staff), group.id, at(95, due));
    expect((await checkOf(group.id))[0]).toMatchObject({ stage: "kept", closedByUserId: staff.id });
    await expect(keepGroupAfterCheck(actorOf(staff), group.id, at(96, due))).rejects.toMatchObject({ code: "conflict" });
    expect((await getCheckLink(tokens[0], at(96, due))).state).toBe("confirmed");
    await expect(keepGroupAfterCheck(actorOf(staff), "not-a-uuid")).rejects.toMatchObject({ code: "not_found" });
  });

  it("dissolving the group closes its check and its links stop working", async () => {
    const { group, due, tokens } = await askedGroup(1);
    await dissolveGroup(actorOf(staff), { groupId: group.id, version: 1, reason: "Niet bevestigd na 90 dagen.", confirm: true });
    expect((await checkOf(group.id))[0]).toMatchObject({ stage: "dissolved" });
    expect((await getCheckLink(tokens[0], at(1, due))).state).toBe("invalid");
    await expect(confirmGroupByLink(tokens[0], at(1, due))).rejects.toMatchObject({ code: "not_found" });
    const rows = await selectRows<{ n: number }>(database.current.handle.db, sql`select count(*)::int as n from group_check_tokens t join group_checks c on c.id = t.check_id where c.group_id = ${group.id}`);
    expect(rows[0].n).toBe(0);
  });

  it("a confirmation and a dissolve at the same moment: one wins, the other sees it", async () => {
    const { group, due, tokens } = await askedGroup(1);
    const [confirmed, dissolved] = await Promise.allSettled([
      confirmGroupByLink(tokens[0], at(1, due)),
      dissolveGroup(actorOf(staff), { groupId: group.id, version: 1, reason: "Tegelijk opgeheven.", confirm: true }),
    ]);
    expect(dissolved.status).toBe("fulfilled");
    const [check] = await checkOf(group.id);
    // Confirmed first: the check stays confirmed (and the group is dissolved after). Dissolved first: the link is refused.
    if (confirmed.status === "fulfilled") expect(check.stage).toBe("confirmed");
    else {
      expect((confirmed.reason as AppError).code).toBe("not_found");
      expect(check.stage).toBe("dissolved");
    }
    const [row] = await database.current.handle.db.select({ status: groups.status }).from(groups).where(eq(groups.id, group.id));
    expect(row.status).toBe("dissolved");
  });
});
