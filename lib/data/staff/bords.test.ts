import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { aGroup, aMunicipality, anArea, aBordRequest, aUser, addresses } from "@/db/seed/builders";
import { auditLog, mailOutbox, rateLimits, bordEvents, bordReports, bordRequests, bords, type Area, type Municipality, type User } from "@/db/schema";
import type { Actor } from "@/lib/auth/types";
import { AppError } from "@/lib/errors";
import { dissolveGroupCommand } from "@/lib/data/internal/dissolve";
import { BORD_NOT_FOUND, submitBordReport, listStandingBordsForGroup } from "@/lib/data/public/bord-reports";
import { bordReportSubmissionSchema } from "@/lib/validation/bords";
import { bordDetailsSchema, bordLocationSchema, bordMaintenanceSchema, bordRemovalSchema, bordReportSchema } from "@/lib/validation/bords";
import { bordDecisionSchema } from "@/lib/validation/staff";
import { onPostgres, withTestDatabase } from "@/tests/db";
import { decideBordRequest } from "@/lib/data/staff/bord-request-decision";
import {
  BORD_CHANGED_BY_SOMEONE_ELSE,
  getBordForStaff,
  listBordsForStaff,
  recordBordMaintenance,
  recordBordRemoval,
  updateBordDetails,
  updateBordLocation,
} from "./bords";

const database = withTestDatabase();

let krimpen: Municipality;
let langeland: Area;
let otherArea: Area;
let staffUser: User;
let staff: Actor;
let otherStaff: Actor;
let admin: User;
let ipCounter = 0;
const context = () => ({ ip: `198.51.100.${++ipCounter % 250}`, now: new Date() });

const actorOf = (u: User): Actor => ({ id: u.id, email: u.email, name: u.name, role: u.role, municipalityId: u.municipalityId });

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

beforeAll(async () => {
  const { db } = database.current.handle;
  krimpen = await aMunicipality(db, { bordThreshold: 50, safetyEmail: "veiligheid@krimpen.test.example" });
  const other = await aMunicipality(db);
  langeland = await anArea(db, krimpen, { name: "Langeland", postcodes: ["2922"] });
  otherArea = await anArea(db, other, { name: "Elders", postcodes: ["3011"] });
  staffUser = await aUser(db, { role: "staff", municipalityId: krimpen.id, name: "Lotte Jansen" });
  staff = actorOf(staffUser);
  otherStaff = actorOf(await aUser(db, { role: "staff", municipalityId: other.id }));
  admin = await aUser(db, { name: "Sanne de Vries" });
});

beforeEach(async () => {
  await database.current.handle.db.delete(rateLimits);
});

/** A group with a placed bord (made through decideBordRequest, as staff do it). */
async function placedBord() {
  const { db } = database.current.handle;
  const group = await aGroup(db, langeland, { admins: [admin], addresses: addresses(60) });
  const request = await aBordRequest(db, group, { status: "approved", requestedBy: admin, decidedBy: staffUser, latitude: 51.9, longitude: 4.6 });
  await decideBordRequest(
    staff,
    bordDecisionSchema.parse({
      action: "place",
      requestId: request.id,
      version: request.version,
      expectedStatus: "approved",
      note: "",
      placedOn: "2026-11-02",
      placedLocation: "Hoek Tiendweg / Raadhuisplein",
      placedCount: "2",
    }),
  );
  const [bord] = await db.select().from(bords).where(eq(bords.bordRequestId, request.id));
  return { group, request, bord };
}

const report = (bordId: string, extra: Record<string, unknown> = {}) =>
  bordReportSubmissionSchema.parse({ bordId, kind: "damaged", description: "Beklad met verf.", ...extra });

describe("the bord's record", () => {
  it("is made when staff record the placement, with place, point, date and count, and a 'placed' history entry", async () => {
    const { bord, group } = await placedBord();
    expect(bord).toMatchObject({ status: "standing", location: "Hoek Tiendweg / Raadhuisplein", count: 2, placedOn: "2026-11-02", latitude: 51.9, longitude: 4.6, owner: "", costCents: null });
    const detail = await getBordForStaff(staff, bord.id);
    expect(detail?.history.map((h) => h.kind)).toEqual(["placed"]);
    expect(detail?.history[0].actorName).toBe("Lotte Jansen");
    expect((await listStandingBordsForGroup(group.slug)).map((s) => s.id)).toEqual([bord.id]);
    expect((await listBordsForStaff(staff)).some((s) => s.id === bord.id)).toBe(true);
  });

  it("keeps owner, cost and who paid (optional), with a history entry", async () => {
    const { bord } = await placedBord();
    const outcome = await updateBordDetails(staff, bordDetailsSchema.parse({ bordId: bord.id, version: "1", owner: "Gemeente", cost: "€ 45,50", paidBy: "Bewonersvereniging" }));
    expect(outcome.version).toBe(2);
    const detail = await getBordForStaff(staff, bord.id);
    expect(detail).toMatchObject({ owner: "Gemeente", costCents: 4550, paidBy: "Bewonersvereniging" });
    expect(detail?.history.at(-1)?.note).toMatch(/€\s45,50/);
    await updateBordDetails(staff, bordDetailsSchema.parse({ bordId: bord.id, version: "2", owner: "", cost: "", paidBy: "" }));
    expect(await getBordForStaff(staff, bord.id)).toMatchObject({ owner: "", costCents: null, paidBy: "" });
  });

  it("refuses bad details in Dutch", () => {
    const id = "00000000-0000-4000-8000-000000000000";
    for (const cost of ["abc", "-5", "12,345", "1e5", "'; drop table bords; --"]) {
      const r = bordDetailsSchema.safeParse({ bordId: id, version: "1", cost });
      expect(r.success).toBe(false);
      expect(r.error?.issues[0].message).toMatch(/bedrag/);
    }
    const long = bordDetailsSchema.safeParse({ bordId: id, version: "1", owner: "x".repeat(121) });
    expect(long.error?.issues[0].message).toMatch(/te lang/);
    expect(bordDetailsSchema.safeParse({ bordId: "1 or 1=1", version: "1" }).error?.issues[0].message).toMatch(/bestaat niet/);
  });

  it("moves the bord's place and map point (Dutch decimal commas), clears the point, with history and audit", async () => {
    const { bord } = await placedBord();
    const outcome = await updateBordLocation(staff, bordLocationSchema.parse({ bordId: bord.id, version: "1", location: "  Lansinghlaan bij 10 ", lat: "51,91234", lng: " 4,60123" }));
    expect(outcome.version).toBe(2);
    expect(await getBordForStaff(staff, bord.id)).toMatchObject({ location: "Lansinghlaan bij 10", latitude: 51.91234, longitude: 4.60123 });
    const detail = await getBordForStaff(staff, bord.id);
    expect(detail?.history.at(-1)?.note).toBe("Plek: Lansinghlaan bij 10. Punt op de kaart: 51,912340; 4,601230.");
    const audits = await database.current.handle.db.select().from(auditLog).where(eq(auditLog.subjectId, bord.id));
    expect(audits.map((a) => a.action)).toContain("sign.location");
    await updateBordLocation(staff, bordLocationSchema.parse({ bordId: bord.id, version: "2", location: "Lansinghlaan", lat: "", lng: "" }));
    expect(await getBordForStaff(staff, bord.id)).toMatchObject({ location: "Lansinghlaan", latitude: null, longitude: null });
    // Someone else's version: nothing changes.
    const stale = await errorOf(updateBordLocation(staff, bordLocationSchema.parse({ bordId: bord.id, version: "2", location: "Ergens anders", lat: "", lng: "" })));
    expect(stale.code).toBe("conflict");
    // Another municipality's staff: the bord does not exist for them.
    const foreign = await errorOf(updateBordLocation(otherStaff, bordLocationSchema.parse({ bordId: bord.id, version: "3", location: "Gekaapt", lat: "", lng: "" })));
    expect(foreign.code).toBe("not_found");
    expect(await getBordForStaff(staff, bord.id)).toMatchObject({ location: "Lansinghlaan", version: 3 });
  });

  it("refuses a bad place or point in Dutch, at the field", () => {
    const id = "00000000-0000-4000-8000-000000000000";
    const issue = (input: Record<string, unknown>) => {
      const r = bordLocationSchema.safeParse({ bordId: id, version: "1", location: "Lansinghlaan", lat: "", lng: "", ...input });
      expect(r.success, JSON.stringify(input)).toBe(false);
      return { path: r.error!.issues[0].path.join("."), message: r.error!.issues[0].message };
    };
    expect(issue({ location: "" })).toMatchObject({ path: "location", message: expect.stringMatching(/Beschrijf waar het bord staat/) });
    expect(issue({ location: "x".repeat(201) })).toMatchObject({ path: "location", message: expect.stringMatching(/hooguit 200/) });
    expect(issue({ lat: "51,9" })).toMatchObject({ path: "lng", message: expect.stringMatching(/beide coördinaten/) });
    expect(issue({ lat: "abc", lng: "4,6" })).toMatchObject({ path: "lat", message: expect.stringMatching(/beide coördinaten/) });
    expect(issue({ lat: "<script>", lng: "4,6" })).toMatchObject({ path: "lat" });
    expect(issue({ lat: "48,85", lng: "2,35" })).toMatchObject({ path: "lat", message: expect.stringMatching(/niet in Nederland/) });
    expect(issue({ lat: "5".repeat(41), lng: "4,6" })).toMatchObject({ path: "lat" });
    expect(issue({ bordId: "1 or 1=1" })).toMatchObject({ path: "bordId" });
    expect(bordLocationSchema.parse({ bordId: id, version: "1", location: "Plein", lat: "51.9167", lng: "4,5936" }).point).toEqual({ lat: 51.9167, lng: 4.5936 });
  });

  it("does not exist for staff of another municipality, nor for a resident", async () => {
    const { bord } = await placedBord();
    expect(await getBordForStaff(otherStaff, bord.id)).toBeNull();
    expect((await listBordsForStaff(otherStaff)).some((s) => s.id === bord.id)).toBe(false);
    const e = await errorOf(recordBordRemoval(otherStaff, bordRemovalSchema.parse({ bordId: bord.id, version: "1", occurredOn: "2026-12-01" })));
    expect(e.code).toBe("not_found");
    expect((await errorOf(getBordForStaff(actorOf(admin), bord.id))).code).toBe("not_found");
    expect(await database.current.handle.db.select().from(bords).where(eq(bords.id, bord.id))).toMatchObject([{ status: "standing", version: 1 }]);
  });
});

describe("a resident's report", () => {
  it("is stored with a history entry and one e-mail to the safety mailbox; staff see it open", async () => {
    const { db } = database.current.handle;
    const { bord } = await placedBord();
    await submitBordReport(report(bord.id), context());
    const reports = await db.select().from(bordReports).where(eq(bordReports.bordId, bord.id));
    expect(reports).toMatchObject([{ kind: "damaged", description: "Beklad met verf.", handledAt: null }]);
    const mails = (await db.select().from(mailOutbox)).filter((m) => m.idempotencyKey === `sign-report:${reports[0].id}`);
    expect(mails).toHaveLength(1);
    expect(mails[0].toAddress).toBe("veiligheid@krimpen.test.example");
    expect(mails[0].text).toContain("Het bord is kapot");
    expect(mails[0].text).toContain(`/beheer/geplaatste-borden/${bord.id}`);
    const detail = await getBordForStaff(staff, bord.id);
    expect(detail?.openReports).toHaveLength(1);
    expect(detail?.history.map((h) => h.kind)).toEqual(["placed", "reported"]);
    expect((await listBordsForStaff(staff)).find((s) => s.id === bord.id)?.openReports).toBe(1);
    const audit = await db.select().from(auditLog).where(eq(auditLog.subjectId, bord.id));
    expect(audit.map((a) => a.action)).toContain("sign_report.submit");
  });

  it("refuses bad input in Dutch and stores nothing", async () => {
    const id = "00000000-0000-4000-8000-000000000000";
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ bordId: id }, /Kies wat er mis is/],
      [{ bordId: id, kind: "stolen" }, /Kies wat er mis is/],
      [{ bordId: "'; drop table bords; --", kind: "missing" }, /bestaat niet/],
      [{ kind: "missing" }, /bestaat niet/],
      [{ bordId: id, kind: "missing", description: "x".repeat(1001) }, /te lang/],
    ];
    for (const [input, message] of cases) {
      const r = bordReportSchema.safeParse(input);
      expect(r.success).toBe(false);
      expect(r.error?.issues.map((i) => i.message).join(" ")).toMatch(message);
    }
  });

  it("keeps script and SQL text as plain text and escapes it in the HTML e-mail", async () => {
    const { db } = database.current.handle;
    const { bord } = await placedBord();
    const text = "<script>alert(1)</script> '); drop table bords; --";
    await submitBordReport(report(bord.id, { description: text }), context());
    const [stored] = await db.select().from(bordReports).where(eq(bordReports.bordId, bord.id));
    expect(stored.description).toBe(text);
    const [mail] = (await db.select().from(mailOutbox)).filter((m) => m.idempotencyKey === `sign-report:${stored.id}`);
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("&lt;script&gt;");
  });

  it("answers not_found for an unknown, removed or another group's dissolved bord, and stores nothing", async () => {
    const { db } = database.current.handle;
    const { bord } = await placedBord();
    await recordBordRemoval(staff, bordRemovalSchema.parse({ bordId: bord.id, version: "1", occurredOn: "2026-12-01" }));
    for (const bordId of [bord.id, "00000000-0000-4000-8000-000000000000"]) {
      const e = await errorOf(submitBordReport(report(bordId), context()));
      expect(e.code).toBe("not_found");
      expect(e.message).toBe(BORD_NOT_FOUND);
    }
    expect(await db.select().from(bordReports).where(eq(bordReports.bordId, bord.id))).toEqual([]);
  });

  it("answers a filled honeypot as if it worked, and stores nothing", async () => {
    const { db } = database.current.handle;
    const { bord } = await placedBord();
    expect(await submitBordReport(report(bord.id, { honeypot: "https://spam.example" }), context())).toEqual({ reported: true });
    expect(await db.select().from(bordReports).where(eq(bordReports.bordId, bord.id))).toEqual([]);
    expect(await db.select().from(rateLimits)).toEqual([]);
  });

  it("allows 5 reports per IP address per hour, then answers in Dutch", async () => {
    const { db } = database.current.handle;
    const { bord } = await placedBord();
    const same = { ip: "203.0.113.77", now: new Date() };
    for (let i = 0; i < 5; i++) await submitBordReport(report(bord.id), same);
    const e = await errorOf(submitBordReport(report(bord.id), same));
    expect(e.code).toBe("rate_limited");
    expect(e.message).toMatch(/internetverbinding/);
    expect(await db.select().from(bordReports).where(eq(bordReports.bordId, bord.id))).toHaveLength(5);
    await submitBordReport(report(bord.id), { ip: "203.0.113.78", now: new Date() });
  });
});

describe("maintenance and removal", () => {
  it("records a repair: history entry with date and note, the open reports handled", async () => {
    const { db } = database.current.handle;
    const { bord } = await placedBord();
    await submitBordReport(report(bord.id), context());
    await submitBordReport(report(bord.id, { kind: "missing" }), context());
    const outcome = await recordBordMaintenance(staff, bordMaintenanceSchema.parse({ bordId: bord.id, version: "1", kind: "repaired", occurredOn: "2026-12-03", note: "Schoongemaakt." }));
    expect(outcome).toMatchObject({ status: "standing", version: 2, reportsClosed: 2 });
    const detail = await getBordForStaff(staff, bord.id);
    expect(detail?.openReports).toEqual([]);
    expect(detail?.history.at(-1)).toMatchObject({ kind: "repaired", occurredOn: "2026-12-03", actorName: "Lotte Jansen" });
    expect(detail?.history.at(-1)?.note).toContain("2 meldingen afgehandeld");
    const handled = await db.select().from(bordReports).where(eq(bordReports.bordId, bord.id));
    expect(handled.every((r) => r.handledByUserId === staffUser.id && r.handledAt !== null)).toBe(true);
  });

  it("refuses a step on a version someone else changed, and changes nothing", async () => {
    const { bord } = await placedBord();
    await recordBordMaintenance(staff, bordMaintenanceSchema.parse({ bordId: bord.id, version: "1", kind: "replaced", occurredOn: "2026-12-03" }));
    const e = await errorOf(recordBordRemoval(staff, bordRemovalSchema.parse({ bordId: bord.id, version: "1", occurredOn: "2026-12-04" })));
    expect(e.code).toBe("conflict");
    expect(e.message).toBe(BORD_CHANGED_BY_SOMEONE_ELSE);
    expect((await getBordForStaff(staff, bord.id))?.status).toBe("standing");
  });

  it("records removal; afterwards no maintenance, no reports, not on the public page", async () => {
    const { bord, group } = await placedBord();
    const outcome = await recordBordRemoval(staff, bordRemovalSchema.parse({ bordId: bord.id, version: "1", occurredOn: "2026-12-04", note: "Paal weg." }));
    expect(outcome.status).toBe("removed");
    const detail = await getBordForStaff(staff, bord.id);
    expect(detail).toMatchObject({ status: "removed", removedOn: "2026-12-04" });
    const e = await errorOf(recordBordMaintenance(staff, bordMaintenanceSchema.parse({ bordId: bord.id, version: "2", kind: "repaired", occurredOn: "2026-12-05" })));
    expect(e.code).toBe("conflict");
    expect(await listStandingBordsForGroup(group.slug)).toEqual([]);
    expect((await listBordsForStaff(staff)).some((s) => s.id === bord.id)).toBe(false);
  });

  it("refuses bad dates in Dutch", () => {
    const id = "00000000-0000-4000-8000-000000000000";
    for (const occurredOn of ["", "2026-02-30", "gisteren", "1999-12-31"]) {
      const r = bordRemovalSchema.safeParse({ bordId: id, version: "1", occurredOn });
      expect(r.success).toBe(false);
      expect(r.error?.issues[0].message).toMatch(/datum/i);
    }
    expect(bordMaintenanceSchema.safeParse({ bordId: id, version: "1", kind: "painted", occurredOn: "2026-12-01" }).error?.issues[0].message).toMatch(/gerepareerd of vervangen/);
  });
});

describe("dissolving a group with a bord standing", () => {
  it("makes a removal task staff see first in their list, with a history entry; removal ends it", async () => {
    const { db } = database.current.handle;
    const { bord, group } = await placedBord();
    const outcome = await db.transaction((tx) => dissolveGroupCommand(tx, { groupId: group.id, actorUserId: staffUser.id, via: "staff", now: new Date() }));
    expect(outcome.removalTasks).toBe(1);
    const list = await listBordsForStaff(staff);
    expect(list[0]).toMatchObject({ id: bord.id, status: "removal_pending", groupStatus: "dissolved" });
    const detail = await getBordForStaff(staff, bord.id);
    expect(detail?.history.map((h) => h.kind)).toEqual(["placed", "removal_task"]);
    expect(await listStandingBordsForGroup(group.slug)).toEqual([]);
    await recordBordRemoval(staff, bordRemovalSchema.parse({ bordId: bord.id, version: "1", occurredOn: "2026-12-06" }));
    expect((await listBordsForStaff(staff)).some((s) => s.id === bord.id)).toBe(false);
  });

  it("makes no removal task for a group without a placed bord", async () => {
    const { db } = database.current.handle;
    const group = await aGroup(db, otherArea, { admins: [], addresses: addresses(3, "3011") });
    const outcome = await db.transaction((tx) => dissolveGroupCommand(tx, { groupId: group.id, actorUserId: null, via: "staff", now: new Date() }));
    expect(outcome.removalTasks).toBe(0);
  });
});

describe(`simultaneous reports and decisions (${onPostgres ? "PostgreSQL" : "PGlite"})`, () => {
  it("stores every one of 30 simultaneous reports with one e-mail each", async () => {
    const { db } = database.current.handle;
    const { bord } = await placedBord();
    const settled = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) => submitBordReport(report(bord.id), { ip: `192.0.2.${i + 1}`, now: new Date() })),
    );
    expect(settled.filter((s) => s.status === "rejected")).toEqual([]);
    const reports = await db.select().from(bordReports).where(eq(bordReports.bordId, bord.id));
    expect(reports).toHaveLength(30);
    const keys = new Set(reports.map((r) => `sign-report:${r.id}`));
    expect((await db.select().from(mailOutbox)).filter((m) => keys.has(m.idempotencyKey))).toHaveLength(30);
  });

  it("lets exactly one of 20 simultaneous steps on the same version through; the rest are conflicts", async () => {
    const { db } = database.current.handle;
    const { bord } = await placedBord();
    await submitBordReport(report(bord.id), context());
    const steps = Array.from({ length: 20 }, (_, i) =>
      i % 2 === 0
        ? recordBordMaintenance(staff, bordMaintenanceSchema.parse({ bordId: bord.id, version: "1", kind: "repaired", occurredOn: "2026-12-03" }))
        : recordBordRemoval(staff, bordRemovalSchema.parse({ bordId: bord.id, version: "1", occurredOn: "2026-12-03" })),
    );
    const settled = await Promise.allSettled(steps);
    const ok = settled.filter((s) => s.status === "fulfilled");
    const failed = settled.filter((s): s is PromiseRejectedResult => s.status === "rejected");
    expect(ok).toHaveLength(1);
    expect(failed.every((f) => f.reason instanceof AppError && f.reason.code === "conflict")).toBe(true);
    const [row] = await db.select().from(bords).where(eq(bords.id, bord.id));
    expect(row.version).toBe(2);
    const events = await db.select().from(bordEvents).where(eq(bordEvents.bordId, bord.id));
    expect(events.filter((e) => e.kind === "repaired" || e.kind === "removed")).toHaveLength(1);
    const reports = await db.select().from(bordReports).where(eq(bordReports.bordId, bord.id));
    expect(reports.every((r) => r.handledAt !== null)).toBe(true);
  });

  it("keeps the request row untouched by the bord steps", async () => {
    const { db } = database.current.handle;
    const { request } = await placedBord();
    const [row] = await db.select().from(bordRequests).where(eq(bordRequests.id, request.id));
    expect(row.status).toBe("placed");
  });
});
