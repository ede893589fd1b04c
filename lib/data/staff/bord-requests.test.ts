import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db";
import { aContact, addresses, aGroup, aMunicipality, anArea, aBordRequest, aUser } from "@/db/seed/builders";
import { auditLog, mailOutbox, memberAddresses, bordRequestEvents, bordRequests, type Area, type Municipality, type User } from "@/db/schema";
import type { Actor } from "@/lib/auth/types";
import { AppError } from "@/lib/errors";
import { bordDecisionSchema, type BordDecisionFormInput } from "@/lib/validation/staff";
import { onPostgres, withTestDatabase } from "@/tests/db";
import { CHANGED_BY_SOMEONE_ELSE, decideBordRequest } from "@/lib/data/staff/bord-request-decision";
import { getBordRequestForStaff } from "@/lib/data/staff/bord-request-detail";
import { listBordRequestsForStaff } from "@/lib/data/staff/bord-request-list";
import { parseBordRequestFilters } from "@/lib/validation/bord-request-filters";

const database = withTestDatabase();

let krimpen: Municipality;
let other: Municipality;
let langeland: Area;
let otherArea: Area;
let staffUser: User;
let admin1: User;
let admin2: User;
let staff: Actor;
let otherStaff: Actor;
const platformAdmin: Actor = { id: "", email: "platform@test.example", name: "Platform", role: "platform_admin", municipalityId: null };

function actorOf(user: User): Actor {
  return { id: user.id, email: user.email, name: user.name, role: user.role, municipalityId: user.municipalityId };
}

function decision(input: BordDecisionFormInput) {
  return bordDecisionSchema.parse(input);
}

async function expectAppError(promise: Promise<unknown>, code: AppError["code"], message?: string | RegExp) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  if (message) expect((error as AppError).message).toMatch(message);
}

beforeAll(async () => {
  const { db } = database.current.handle;
  krimpen = await aMunicipality(db, { bordThreshold: 50 });
  other = await aMunicipality(db);
  langeland = await anArea(db, krimpen, { name: "Langeland", postcodes: ["2922"] });
  otherArea = await anArea(db, other, { name: "Elders", postcodes: ["3011"] });
  staffUser = await aUser(db, { role: "staff", municipalityId: krimpen.id, name: "Lotte Jansen" });
  staff = actorOf(staffUser);
  otherStaff = actorOf(await aUser(db, { role: "staff", municipalityId: other.id }));
  const pa = await aUser(db, { role: "platform_admin" });
  platformAdmin.id = pa.id;
  admin1 = await aUser(db, { name: "Sanne de Vries" });
  admin2 = await aUser(db, { name: "Pieter Bakker" });
  await aContact(db, krimpen, "wijkagent", [langeland], { email: "wijkagent.langeland@test.example" });
  await aContact(db, krimpen, "wethouder", [langeland], { email: "wethouder@test.example" });
  // A wijkagent of another wijk hears nothing of this group.
  const otherWijk = await anArea(db, krimpen, { name: "Boveneind", postcodes: ["2926"] });
  await aContact(db, krimpen, "wijkagent", [otherWijk], { email: "wijkagent.boveneind@test.example" });
});

let nextBase = 5001;
async function groupWithRequest(addressCount = 62, status: "submitted" | "in_review" | "approved" = "submitted") {
  const { db } = database.current.handle;
  // Addresses of a postcode area of their own: a shared address counts for the group that had it first.
  const group = await aGroup(db, langeland, { admins: [admin1, admin2], addresses: addresses(addressCount, String(nextBase++)) });
  const request = await aBordRequest(db, group, { status, requestedBy: admin1, decidedBy: staffUser });
  return { group, request };
}

async function outboxFor(requestId: string) {
  const { db } = database.current.handle;
  const rows = await db.select().from(mailOutbox);
  return rows.filter((r) => r.idempotencyKey.includes(requestId));
}

describe(`bord decisions by staff (${onPostgres ? "PostgreSQL" : "PGlite"})`, () => {
  it("takes a request in review, approves it and records placement, with history, audit and e-mails", async () => {
    const { db } = database.current.handle;
    const { request } = await groupWithRequest();

    const reviewed = await decideBordRequest(staff, decision({ action: "review", requestId: request.id, version: request.version }));
    expect(reviewed).toMatchObject({ status: "in_review", version: request.version + 1, mailsQueued: 0 });

    const approved = await decideBordRequest(staff, decision({ action: "approve", requestId: request.id, version: reviewed.version, note: "In orde." }));
    expect(approved.status).toBe("approved");
    const approvedMails = await outboxFor(request.id);
    expect(approvedMails.map((m) => m.toAddress).sort()).toEqual(
      [admin1.email, admin2.email, "wethouder@test.example", "wijkagent.langeland@test.example"].sort(),
    );
    expect(approvedMails.every((m) => m.kind === "bord_approved")).toBe(true);

    const placed = await decideBordRequest(
      staff,
      decision({
        action: "place",
        requestId: request.id,
        version: approved.version,
        placedOn: "2026-11-20",
        placedLocation: "Hoek Tiendweg / Raadhuisplein",
        placedCount: "2",
      }),
    );
    expect(placed.status).toBe("placed");
    const [row] = await db.select().from(bordRequests).where(eq(bordRequests.id, request.id));
    expect(row).toMatchObject({ placedOn: "2026-11-20", placedLocation: "Hoek Tiendweg / Raadhuisplein", placedCount: 2, decidedByUserId: staffUser.id });
    const placedMails = (await outboxFor(request.id)).filter((m) => m.kind === "bord_placed");
    expect(placedMails.map((m) => m.toAddress).sort()).toEqual([admin1.email, admin2.email].sort());

    const detail = await getBordRequestForStaff(staff, request.id);
    expect(detail?.history.map((e) => e.toStatus)).toEqual(["submitted", "in_review", "approved", "placed"]);
    expect(detail?.history.at(-1)).toMatchObject({ fromStatus: "approved", actorName: "Lotte Jansen" });
    expect(detail?.allowedActions).toEqual([]);

    const audit = await db.select().from(auditLog).where(eq(auditLog.subjectId, request.id));
    expect(audit.map((a) => a.action)).toEqual(["sign_request.review", "sign_request.approve", "sign_request.place"]);
  });

  it("rejects with the reason, sends it to the admins only", async () => {
    const { db } = database.current.handle;
    const { request } = await groupWithRequest();
    const result = await decideBordRequest(
      staff,
      decision({ action: "reject", requestId: request.id, version: request.version, note: "Er staat al een bord op deze hoek." }),
    );
    expect(result.status).toBe("rejected");
    const [row] = await db.select().from(bordRequests).where(eq(bordRequests.id, request.id));
    expect(row.reason).toBe("Er staat al een bord op deze hoek.");
    const mails = await outboxFor(request.id);
    expect(mails.map((m) => m.toAddress).sort()).toEqual([admin1.email, admin2.email].sort());
    expect(mails[0].text).toContain("Er staat al een bord op deze hoek.");
  });

  it("refuses a rejection without a reason at the field, before anything reaches the database", () => {
    const parsed = bordDecisionSchema.safeParse({ action: "reject", requestId: crypto.randomUUID(), version: 1, note: "  " });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join("."))).toContain("note");
  });

  it("refuses placement without date, place or number, each at its field", () => {
    const parsed = bordDecisionSchema.safeParse({
      action: "place",
      requestId: crypto.randomUUID(),
      version: "3",
      placedOn: "2026-02-30",
      placedLocation: "",
      placedCount: "21",
    });
    expect(parsed.success).toBe(false);
    const paths = parsed.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["placedOn", "placedLocation", "placedCount"]));
  });

  it("refuses approval when the group fell below the threshold, and changes nothing", async () => {
    const { db } = database.current.handle;
    const { group, request } = await groupWithRequest(50, "in_review");
    await db.delete(memberAddresses).where(and(eq(memberAddresses.groupId, group.id), eq(memberAddresses.houseNumber, 1)));
    await expectAppError(
      decideBordRequest(staff, decision({ action: "approve", requestId: request.id, version: request.version })),
      "unprocessable",
      /Voor een bord zijn er 50 nodig/,
    );
    const [row] = await db.select().from(bordRequests).where(eq(bordRequests.id, request.id));
    expect(row).toMatchObject({ status: "in_review", version: request.version });
    expect(await outboxFor(request.id)).toEqual([]);
  });

  it("refuses a stale version or status with the 'changed by someone else' message, nothing changed", async () => {
    const { db } = database.current.handle;
    const { request } = await groupWithRequest();
    await decideBordRequest(staff, decision({ action: "review", requestId: request.id, version: request.version }));
    await expectAppError(
      decideBordRequest(staff, decision({ action: "review", requestId: request.id, version: request.version })),
      "conflict",
      CHANGED_BY_SOMEONE_ELSE,
    );
    await expectAppError(
      decideBordRequest(
        staff,
        decision({ action: "reject", requestId: request.id, version: request.version + 1, expectedStatus: "submitted", note: "Te laat besloten." }),
      ),
      "conflict",
      CHANGED_BY_SOMEONE_ELSE,
    );
    const events = await db.select().from(bordRequestEvents).where(eq(bordRequestEvents.bordRequestId, request.id));
    expect(events.map((e) => e.toStatus)).toEqual(["submitted", "in_review"]);
  });

  it("refuses a move the workflow does not allow (approve straight from submitted)", async () => {
    const { request } = await groupWithRequest();
    await expectAppError(
      decideBordRequest(staff, decision({ action: "approve", requestId: request.id, version: request.version })),
      "conflict",
      /ingediend/,
    );
  });

  it("answers not found to staff of another municipality, to residents and wijkagenten", async () => {
    const { db } = database.current.handle;
    const { request } = await groupWithRequest();
    await expectAppError(decideBordRequest(otherStaff, decision({ action: "review", requestId: request.id, version: 1 })), "not_found");
    expect(await getBordRequestForStaff(otherStaff, request.id)).toBeNull();
    const resident = actorOf(admin1);
    await expectAppError(decideBordRequest(resident, decision({ action: "review", requestId: request.id, version: 1 })), "not_found");
    const wijkagent: Actor = { ...actorOf(admin1), role: "wijkagent", municipalityId: krimpen.id };
    await expectAppError(getBordRequestForStaff(wijkagent, request.id), "not_found");
    // Not signed in: unauthorized (requirePermission); another role: not_found.
    await expectAppError(decideBordRequest(null, decision({ action: "review", requestId: request.id, version: 1 })), "unauthorized");
    expect(await getBordRequestForStaff(staff, "not-a-uuid")).toBeNull();
    expect(await getBordRequestForStaff(staff, crypto.randomUUID())).toBeNull();
    const [row] = await db.select().from(bordRequests).where(eq(bordRequests.id, request.id));
    expect(row.status).toBe("submitted");
  });

  it("lets a platform admin see and decide requests of every municipality", async () => {
    const { db } = database.current.handle;
    const group = await aGroup(db, otherArea, { admins: [admin1], addresses: addresses(60, "3011") });
    const request = await aBordRequest(db, group, { requestedBy: admin1 });
    expect(await getBordRequestForStaff(platformAdmin, request.id)).not.toBeNull();
    const result = await decideBordRequest(platformAdmin, decision({ action: "review", requestId: request.id, version: 1 }));
    expect(result.status).toBe("in_review");
    const krimpenList = await listBordRequestsForStaff(staff, parseBordRequestFilters({ status: "alle" }));
    expect(krimpenList.items.some((i) => i.id === request.id)).toBe(false);
  });

  it("gives exactly one approval, one history entry and one set of e-mails when two staff approve at once", async () => {
    const { db } = database.current.handle;
    const { request } = await groupWithRequest(62, "in_review");
    // A second connection to the same database on PostgreSQL; PGlite has only one connection.
    const second = onPostgres
      ? openDatabase(database.current.config)
      : null;
    try {
      const input = decision({ action: "approve", requestId: request.id, version: request.version });
      const results = await Promise.allSettled([
        decideBordRequest(staff, input),
        decideBordRequest(staff, input, second?.db ?? db),
      ]);
      const fulfilled = results.filter((r) => r.status === "fulfilled");
      const rejected = results.filter((r) => r.status === "rejected");
      expect(fulfilled).toHaveLength(1);
      expect(rejected).toHaveLength(1);
      expect((rejected[0] as PromiseRejectedResult).reason).toMatchObject({ code: "conflict", message: CHANGED_BY_SOMEONE_ELSE });
    } finally {
      await second?.close();
    }
    const events = await db.select().from(bordRequestEvents).where(eq(bordRequestEvents.bordRequestId, request.id));
    expect(events.filter((e) => e.toStatus === "approved")).toHaveLength(1);
    expect(await outboxFor(request.id)).toHaveLength(4);
    const [row] = await db.select().from(bordRequests).where(eq(bordRequests.id, request.id));
    expect(row).toMatchObject({ status: "approved", version: request.version + 1 });
  });
});

describe("the staff list of bord requests", () => {
  it("filters by status, wijk, date and search, pages with a cursor, and ignores nonsense", async () => {
    const { db } = database.current.handle;
    const area = await anArea(db, krimpen, { name: "Lijstwijk", postcodes: ["2923"] });
    const made: string[] = [];
    for (let i = 0; i < 30; i++) {
      const group = await aGroup(db, area, { name: `Lijstgroep ${String(i).padStart(2, "0")}`, admins: [admin1] });
      const r = await aBordRequest(db, group, { createdAt: new Date(Date.UTC(2026, 0, 1 + i, 10)) });
      made.push(r.id);
    }
    const page1 = await listBordRequestsForStaff(staff, parseBordRequestFilters({ wijk: area.id, status: "submitted" }));
    expect(page1.total).toBe(30);
    expect(page1.items).toHaveLength(25);
    expect(page1.items[0].id).toBe(made[0]);
    expect(page1.nextCursor).not.toBeNull();
    const page2 = await listBordRequestsForStaff(staff, parseBordRequestFilters({ wijk: area.id, status: "submitted", na: page1.nextCursor! }));
    expect(page2.items.map((i) => i.id)).toEqual(made.slice(25));
    expect(page2.nextCursor).toBeNull();

    const newest = await listBordRequestsForStaff(staff, parseBordRequestFilters({ wijk: area.id, sorteer: "nieuwste" }));
    expect(newest.items[0].id).toBe(made[29]);

    const dated = await listBordRequestsForStaff(staff, parseBordRequestFilters({ wijk: area.id, van: "2026-01-05", tot: "2026-01-07" }));
    expect(dated.items.map((i) => i.id)).toEqual(made.slice(4, 7));

    const searched = await listBordRequestsForStaff(staff, parseBordRequestFilters({ wijk: area.id, zoek: "groep 07" }));
    expect(searched.items.map((i) => i.id)).toEqual([made[7]]);
    const wildcard = await listBordRequestsForStaff(staff, parseBordRequestFilters({ wijk: area.id, zoek: "%' or 1=1 --" }));
    expect(wildcard.items).toEqual([]);

    const nonsense = parseBordRequestFilters({ status: "kapot", wijk: "1 or 1=1", van: "2026-13-45", sorteer: "drop", na: "@@@" });
    expect(nonsense).toMatchObject({ status: ["submitted", "in_review", "approved"], areaId: undefined, from: undefined, sort: "oudste" });
    const list = await listBordRequestsForStaff(staff, nonsense);
    expect(list.items.length).toBeGreaterThan(0);
    const forged = Buffer.from(JSON.stringify(["not a date", "x"])).toString("base64url");
    await expect(listBordRequestsForStaff(staff, { ...nonsense, cursor: forged })).resolves.toBeTruthy();

    const elsewhere = await listBordRequestsForStaff(otherStaff, parseBordRequestFilters({ wijk: area.id, status: "alle" }));
    expect(elsewhere.total).toBe(0);
  });
});
