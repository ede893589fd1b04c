/**
 * One dissolve command (issue 18, point 8): the group's admin, team Veiligheid and an erasure
 * request each dissolve a group the same way — the same rows afterwards (group, bord requests
 * and their history, what is removed) and the same e-mails (the wijkagenten of the wijk, and
 * team Veiligheid because a bord stands and one was requested), delivered over real SMTP.
 */
import { and, asc, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aContact, addresses, aGroup, aMunicipality, anArea, aBordRequest, aUser } from "@/db/seed/builders";
import {
  auditLog,
  groupAdminInvitations,
  groupAdmins,
  groups,
  joinRequests,
  mailOutbox,
  memberAddresses,
  bordRequestEvents,
  bordRequests,
  type Group,
  type User,
} from "@/db/schema";
import { dissolveGroup as dissolveAsResident } from "@/lib/data/resident/group-dissolve";
import { inviteCoAdmin } from "@/lib/data/resident/invitations";
import { erasePersonalData } from "@/lib/data/platform/privacy-erasure";
import { dissolveGroup as dissolveAsStaff } from "@/lib/data/staff/groups";
import { resetEnvForTests } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { smtpTransport } from "@/lib/mail/transport";
import { deliverDueMail } from "@/lib/mail/worker";
import { dissolveGroupSchema } from "@/lib/validation/staff";
import { actorOf } from "@/tests/actors";
import { withTestDatabase } from "@/tests/db";
import { startSmtpSink, type SmtpSink } from "@/tests/smtp";

const database = withTestDatabase();
const savedEnv = { ...process.env };
let sink: SmtpSink;

beforeAll(async () => {
  Object.assign(process.env, { APP_URL: "http://localhost:3997", AUTH_SECRET: "dissolve-secret-".padEnd(48, "d"), LOG_LEVEL: "silent" });
  resetEnvForTests();
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink.stop();
  process.env = { ...savedEnv };
  resetEnvForTests();
});

type Path = "resident" | "staff" | "erasure";

interface Scenario {
  group: Group;
  admin: User;
  staff: User;
  platformAdmin: User;
  safetyEmail: string;
}

/** The same group in a municipality of its own: two wijkagenten, a wethouder, a bord that stands and one asked for. */
async function scenario(path: Path): Promise<Scenario> {
  const { db } = database.current.handle;
  const safetyEmail = `veiligheid.${path}@opheffen.example`;
  const municipality = await aMunicipality(db, { name: `Opheffen ${path}`, slug: `opheffen-${path}`, safetyEmail });
  const area = await anArea(db, municipality, { name: "Rivierwijk" });
  await aContact(db, municipality, "wijkagent", [area], { name: "Rick Visser", email: `rick.${path}@politie.example` });
  await aContact(db, municipality, "wijkagent", [area], { name: "Anna Smit", email: `anna.${path}@politie.example` });
  await aContact(db, municipality, "wethouder", [area], { name: "Wethouder De Graaf", email: `wethouder.${path}@opheffen.example` });
  const admin = await aUser(db, { email: `beheerder.${path}@opheffen.example`, name: "Sanne de Vries", phone: "+31612345678" });
  const staff = await aUser(db, { role: "staff", municipalityId: municipality.id });
  const platformAdmin = await aUser(db, { role: "platform_admin" });
  const group = await aGroup(db, area, { name: "Buurtpreventie Rivierwijk", admins: [admin], addresses: addresses(8) });
  await db.insert(joinRequests).values({ groupId: group.id, name: "Jan", email: `jan.${path}@test.example`, postcode: "2922AB", houseNumber: 1 });
  await inviteCoAdmin(actorOf(admin), group.id, `later.${path}@test.example`);
  await aBordRequest(db, group, { status: "placed", street: "Rivierweg", requestedBy: admin, decidedBy: staff, placedOn: "2026-01-10", placedLocation: "Hoek Rivierweg" });
  await aBordRequest(db, group, { status: "in_review", street: "Dijkweg", requestedBy: admin, decidedBy: staff });
  return { group, admin, staff, platformAdmin, safetyEmail };
}

async function dissolve(path: Path, s: Scenario): Promise<void> {
  if (path === "resident") return dissolveAsResident(actorOf(s.admin), s.group.id, s.group.name);
  if (path === "staff") {
    const input = dissolveGroupSchema.parse({ groupId: s.group.id, version: String(s.group.version), reason: "Op verzoek van de beheerder.", confirm: "on" });
    await dissolveAsStaff(actorOf(s.staff), input);
    return;
  }
  const report = await erasePersonalData(actorOf(s.platformAdmin), { email: s.admin.email, dissolveSoleAdminGroups: true });
  expect(report.dissolvedGroups).toBe(1);
}

/** What a path leaves behind, with ids, the path's own addresses and times taken out. */
async function outcome(path: Path, s: Scenario) {
  const { db } = database.current.handle;
  const neutral = (text: string) => text.replaceAll(s.group.id, "<groep>").replaceAll(`.${path}@`, ".<pad>@");
  const [group] = await db
    .select({ status: groups.status, description: groups.description, whatsappInviteUrl: groups.whatsappInviteUrl, version: groups.version, name: groups.name })
    .from(groups)
    .where(eq(groups.id, s.group.id));
  const [dissolvedAt] = await db.select({ at: groups.dissolvedAt }).from(groups).where(eq(groups.id, s.group.id));
  const left: Record<string, number> = {};
  for (const [name, table] of Object.entries({ memberAddresses, joinRequests, groupAdminInvitations, groupAdmins })) {
    left[name] = (await db.select().from(table).where(eq(table.groupId, s.group.id))).length;
  }
  const bords = await db
    .select({ street: bordRequests.street, status: bordRequests.status, requestedByUserId: bordRequests.requestedByUserId })
    .from(bordRequests)
    .where(eq(bordRequests.groupId, s.group.id))
    .orderBy(asc(bordRequests.street));
  const history = await db
    .select({ street: bordRequests.street, from: bordRequestEvents.fromStatus, to: bordRequestEvents.toStatus, note: bordRequestEvents.note })
    .from(bordRequestEvents)
    .innerJoin(bordRequests, eq(bordRequests.id, bordRequestEvents.bordRequestId))
    .where(eq(bordRequests.groupId, s.group.id))
    .orderBy(asc(bordRequests.street), asc(bordRequestEvents.id));
  const mails = (
    await db
      .select({ kind: mailOutbox.kind, to: mailOutbox.toAddress, subject: mailOutbox.subject, text: mailOutbox.text, key: mailOutbox.idempotencyKey })
      .from(mailOutbox)
      .where(like(mailOutbox.idempotencyKey, `group-dissolved%${s.group.id}%`))
  )
    .map((m) => ({ kind: m.kind, to: neutral(m.to), subject: m.subject, text: neutral(m.text) }))
    .sort((a, b) => (`${a.kind} ${a.to}` < `${b.kind} ${b.to}` ? -1 : 1));
  const audits = await db
    .select({ details: auditLog.details })
    .from(auditLog)
    .where(and(eq(auditLog.action, "group.dissolve"), eq(auditLog.subjectId, s.group.id)));
  return {
    group,
    dissolved: dissolvedAt.at !== null,
    left,
    bords,
    history,
    mails,
    audits: audits.map(({ details }) => {
      const rest: Record<string, unknown> = { ...details };
      delete rest.via;
      delete rest.reason;
      return rest;
    }),
  };
}

describe("one dissolve command for the admin, team Veiligheid and erasure", () => {
  it("gives the same rows and the same e-mails on every path, and team Veiligheid hears of the bord", async () => {
    const outcomes: Record<string, Awaited<ReturnType<typeof outcome>>> = {};
    const scenarios: Partial<Record<Path, Scenario>> = {};
    for (const path of ["resident", "staff", "erasure"] as const) {
      const s = await scenario(path);
      scenarios[path] = s;
      await dissolve(path, s);
      outcomes[path] = await outcome(path, s);
    }
    const resident = outcomes.resident;
    expect(resident.group).toMatchObject({ status: "dissolved", description: "", whatsappInviteUrl: null });
    expect(resident.dissolved).toBe(true);
    expect(resident.left).toEqual({ memberAddresses: 0, joinRequests: 0, groupAdminInvitations: 0, groupAdmins: 0 });
    expect(resident.bords).toEqual([
      { street: "Dijkweg", status: "withdrawn", requestedByUserId: null },
      { street: "Rivierweg", status: "placed", requestedByUserId: null },
    ]);
    expect(resident.history.filter((h) => h.street === "Dijkweg").at(-1)).toEqual({
      street: "Dijkweg",
      from: "in_review",
      to: "withdrawn",
      note: "Ingetrokken omdat de groep is opgeheven.",
    });
    expect(resident.mails.map((m) => [m.kind, m.to])).toEqual([
      ["group_dissolved", "anna.<pad>@politie.example"],
      ["group_dissolved", "rick.<pad>@politie.example"],
      ["group_dissolved_bord", "veiligheid.<pad>@opheffen.example"],
    ]);
    const bordMail = resident.mails.find((m) => m.kind === "group_dissolved_bord")!;
    expect(bordMail.text).toContain("Er staat een bord van deze groep.");
    expect(bordMail.text).toContain("Die aanvraag is nu ingetrokken.");
    expect(resident.audits).toEqual([{ withdrawnSignRequests: 1, removalTasks: 1, addresses: 8, notified: 3 }]);

    expect(outcomes.staff).toEqual(resident);
    expect(outcomes.erasure).toEqual(resident);

    // The queued mails go out over SMTP like every other mail.
    const transport = smtpTransport(sink.url, "Buurtpreventie <noreply@buurtpreventie.example>");
    try {
      await deliverDueMail({ transport, limit: 500 });
    } finally {
      transport.close();
    }
    const bordMails = sink.received.filter((m) => m.subject.startsWith("Groep met bord opgeheven"));
    expect(bordMails.flatMap((m) => m.to).sort()).toEqual([
      "veiligheid.erasure@opheffen.example",
      "veiligheid.resident@opheffen.example",
      "veiligheid.staff@opheffen.example",
    ]);
  });

  it("tells team Veiligheid nothing when the group never had a bord, and refuses a second dissolve", async () => {
    const { db } = database.current.handle;
    const municipality = await aMunicipality(db);
    const area = await anArea(db, municipality);
    await aContact(db, municipality, "wijkagent", [area]);
    const admin = await aUser(db);
    const staff = await aUser(db, { role: "staff", municipalityId: municipality.id });
    const group = await aGroup(db, area, { admins: [admin], addresses: addresses(3) });
    await dissolveAsResident(actorOf(admin), group.id, group.name);
    const mails = await db.select({ kind: mailOutbox.kind }).from(mailOutbox).where(like(mailOutbox.idempotencyKey, `group-dissolved%${group.id}%`));
    expect(mails.map((m) => m.kind)).toEqual(["group_dissolved"]);
    const input = dissolveGroupSchema.parse({ groupId: group.id, version: "2", reason: "Nog een keer.", confirm: "on" });
    const again = await dissolveAsStaff(actorOf(staff), input).then(() => null, (e: unknown) => e);
    expect(again).toBeInstanceOf(AppError);
    expect((again as AppError).code).toBe("conflict");
    const bad = await dissolveAsStaff(actorOf(staff), { ...input, groupId: "'; drop table groups; --" }).then(() => null, (e: unknown) => e);
    expect((bad as AppError).code).toBe("not_found");
  });
});
