import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { addresses, aGroup, aMunicipality, anArea, aBordRequest, aUser } from "@/db/seed/builders";
import { mailOutbox, bordRequestEvents, bordRequests, type Area, type Municipality } from "@/db/schema";
import { getBordOverview, requestBord, withdrawBordRequest } from "@/lib/data/resident/bord-requests";
import { AppError } from "@/lib/errors";
import { bordRequestSchema } from "@/lib/validation";
import { actorOf } from "@/tests/actors";
import { onPostgres, withTestDatabase } from "@/tests/db";

const database = withTestDatabase();
let municipality: Municipality;
let area: Area;

beforeAll(async () => {
  const { db } = database.current.handle;
  municipality = await aMunicipality(db, { bordThreshold: 50, safetyEmail: "veiligheid@gemeente.example" });
  area = await anArea(db, municipality, { postcodes: ["2922"] });
});

const input = bordRequestSchema.parse({
  bordCount: "2",
  street: "Tiendweg",
  nearHouseNumber: "4",
  description: "Bij de lantaarnpaal",
  point: { lat: "51.92", lng: "4.59" },
  note: "<script>alert(1)</script>",
});

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe(`bord requests, the group admin side (${onPostgres ? "PostgreSQL" : "PGlite"})`, () => {
  it("refuses a group under the threshold and says how many addresses are missing", async () => {
    const { db } = database.current.handle;
    const me = await aUser(db);
    const group = await aGroup(db, area, { admins: [me], addresses: addresses(47, "5102") });
    const error = await errorOf(requestBord(actorOf(me), group.id, input));
    expect(error.code).toBe("unprocessable");
    expect(error.message).toContain("nog 3 adressen");
    expect(await db.select().from(bordRequests).where(eq(bordRequests.groupId, group.id))).toHaveLength(0);
    expect((await getBordOverview(actorOf(me), group.id))!.eligibility).toMatchObject({ eligible: false, missing: 3 });
  });

  it("requests, withdraws and requests again, with history and one mail to the safety mailbox each time", async () => {
    const { db } = database.current.handle;
    const me = await aUser(db);
    const group = await aGroup(db, area, { admins: [me], addresses: addresses(55, "5103") });
    const first = await requestBord(actorOf(me), group.id, input);
    const [row] = await db.select().from(bordRequests).where(eq(bordRequests.id, first.id));
    expect(row).toMatchObject({ status: "submitted", bordCount: 2, street: "Tiendweg", nearHouseNumber: 4, latitude: 51.92, longitude: 4.59, note: "<script>alert(1)</script>", requestedByUserId: me.id });
    const mails = await db.select().from(mailOutbox).where(eq(mailOutbox.idempotencyKey, `bord-request-received:${first.id}`));
    expect(mails).toHaveLength(1);
    expect(mails[0].toAddress).toBe("veiligheid@gemeente.example");
    expect(mails[0].html).not.toContain("<script>");

    // The same request again (a double click) returns the open one and sends nothing more.
    expect(await requestBord(actorOf(me), group.id, input)).toEqual(first);
    expect(await db.select().from(mailOutbox).where(eq(mailOutbox.idempotencyKey, `bord-request-received:${first.id}`))).toHaveLength(1);
    // One open request per group: a different one is refused with a clear message.
    const twice = await errorOf(requestBord(actorOf(me), group.id, { ...input, bordCount: 3 }));
    expect(twice.code).toBe("conflict");
    expect(twice.message).toContain("al een bordaanvraag");
    expect(await db.select().from(bordRequests).where(eq(bordRequests.groupId, group.id))).toHaveLength(1);

    await withdrawBordRequest(actorOf(me), group.id, first.id);
    expect((await errorOf(withdrawBordRequest(actorOf(me), group.id, first.id))).code).toBe("conflict");
    const second = await requestBord(actorOf(me), group.id, input);
    const overview = (await getBordOverview(actorOf(me), group.id))!;
    expect(overview.open?.id).toBe(second.id);
    expect(overview.history.map((h) => h.status)).toEqual(["withdrawn"]);
    expect(overview.history[0].events.map((e) => [e.fromStatus, e.toStatus])).toEqual([
      [null, "submitted"],
      ["submitted", "withdrawn"],
    ]);
  });

  it("cannot withdraw an approved request", async () => {
    const { db } = database.current.handle;
    const me = await aUser(db);
    const group = await aGroup(db, area, { admins: [me], addresses: addresses(55, "5104") });
    const approved = await aBordRequest(db, group, { status: "approved", requestedBy: me });
    const error = await errorOf(withdrawBordRequest(actorOf(me), group.id, approved.id));
    expect(error.code).toBe("conflict");
    expect(await db.select().from(bordRequestEvents).where(eq(bordRequestEvents.bordRequestId, approved.id))).toHaveLength(3);
  });

  it("someone else's group or request is not found", async () => {
    const { db } = database.current.handle;
    const me = await aUser(db);
    const other = await aUser(db);
    const mine = await aGroup(db, area, { admins: [me], addresses: addresses(55, "5105") });
    const theirs = await aGroup(db, area, { admins: [other], addresses: addresses(55, "5106") });
    const theirRequest = await aBordRequest(db, theirs, { status: "submitted", requestedBy: other });
    expect((await errorOf(requestBord(actorOf(me), theirs.id, input))).code).toBe("not_found");
    expect(await getBordOverview(actorOf(me), theirs.id))!.toBeNull();
    expect((await errorOf(withdrawBordRequest(actorOf(me), theirs.id, theirRequest.id))).code).toBe("not_found");
    expect((await errorOf(withdrawBordRequest(actorOf(me), mine.id, theirRequest.id))).code).toBe("not_found");
    const [row] = await db.select().from(bordRequests).where(eq(bordRequests.id, theirRequest.id));
    expect(row.status).toBe("submitted");
  });

  it("the schema refuses 0 or 5 bords, a point outside the Netherlands and a 10,000-character street", () => {
    const paths = (raw: Record<string, unknown>) => {
      const r = bordRequestSchema.safeParse({ bordCount: "1", street: "Tiendweg", ...raw });
      return r.success ? [] : r.error.issues.map((i) => i.path.join("."));
    };
    expect(paths({ bordCount: "0" })).toContain("bordCount");
    expect(paths({ bordCount: "5" })).toContain("bordCount");
    expect(paths({ point: { lat: "48.85", lng: "2.35" } })).toContain("point");
    expect(paths({ street: "x".repeat(10_000) })).toContain("street");
    expect(paths({ note: "x".repeat(1001) })).toContain("note");
  });
});
