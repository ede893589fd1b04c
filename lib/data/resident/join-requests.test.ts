import { and, eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { aGroup, aMunicipality, anArea, aUser } from "@/db/seed/builders";
import { joinRequests, mailOutbox, memberAddresses, type Area } from "@/db/schema";
import { decideJoinRequest, listHandledJoinRequests, listOpenJoinRequests } from "@/lib/data/resident/join-requests";
import { JOIN_REQUEST_RETENTION_DAYS } from "@/lib/domain/retention";
import { purgeHandledJoinRequests } from "@/lib/data/internal/retention";
import { AppError } from "@/lib/errors";
import { createRetentionJob } from "@/lib/server/retention-job";
import { actorOf } from "@/tests/actors";
import { onPostgres, withTestDatabase } from "@/tests/db";

const database = withTestDatabase();
let area: Area;
const DAY = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  const { db } = database.current.handle;
  area = await anArea(db, await aMunicipality(db), { postcodes: ["2922"] });
});

afterEach(() => {
  vi.useRealTimers();
});

async function aJoinRequest(groupId: string, n: number) {
  const { db } = database.current.handle;
  const [row] = await db
    .insert(joinRequests)
    .values({ groupId, name: `Bewoner ${n}`, email: `bewoner${n}@test.example`, phone: "+31611122233", birthDate: "1980-01-01", postcode: "2922AD", houseNumber: n })
    .returning();
  return row;
}

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe(`join requests, the admin side (${onPostgres ? "PostgreSQL" : "PGlite"})`, () => {
  it("lists open requests to the group's admins only", async () => {
    const { db } = database.current.handle;
    const me = await aUser(db);
    const other = await aUser(db);
    const group = await aGroup(db, area, { admins: [me] });
    await aJoinRequest(group.id, 1);
    const list = (await listOpenJoinRequests(actorOf(me), group.id))!;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ name: "Bewoner 1", email: "bewoner1@test.example", address: "2922 AD 1" });
    expect(await listOpenJoinRequests(actorOf(other), group.id))!.toBeNull();
  });

  it("accepts: the address joins the group and the resident gets the invite link", async () => {
    const { db } = database.current.handle;
    const me = await aUser(db);
    const group = await aGroup(db, area, { admins: [me], whatsappInviteUrl: "https://chat.whatsapp.com/AbCdEfGhIjKlMn" });
    const request = await aJoinRequest(group.id, 2);
    expect(await decideJoinRequest(actorOf(me), group.id, request.id, { decision: "accept", message: "" })).toEqual({ status: "accepted", inMunicipality: true });
    const [address] = await db.select().from(memberAddresses).where(and(eq(memberAddresses.groupId, group.id), eq(memberAddresses.houseNumber, 2)));
    expect(address.postcode).toBe("2922AD");
    const [mail] = await db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, "bewoner2@test.example"));
    expect(mail.text).toContain("https://chat.whatsapp.com/AbCdEfGhIjKlMn");
    // A second decision (another admin, a double click) is refused and sends nothing more.
    expect((await errorOf(decideJoinRequest(actorOf(me), group.id, request.id, { decision: "decline", message: "" }))).code).toBe("conflict");
    expect(await db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, "bewoner2@test.example"))).toHaveLength(1);
  });

  it("lists handled requests, newest first, with the decision and the admin, to the group's admins only", async () => {
    const { db } = database.current.handle;
    const me = await aUser(db, { name: "Sanne Beheerder" });
    const other = await aUser(db);
    const group = await aGroup(db, area, { admins: [me] });
    const first = await aJoinRequest(group.id, 11);
    const second = await aJoinRequest(group.id, 12);
    await aJoinRequest(group.id, 13);
    await decideJoinRequest(actorOf(me), group.id, first.id, { decision: "accept", message: "" }, new Date("2026-12-01T10:00:00Z"));
    await decideJoinRequest(actorOf(me), group.id, second.id, { decision: "decline", message: "" }, new Date("2026-12-02T10:00:00Z"));
    expect(await listHandledJoinRequests(actorOf(me), group.id))!.toEqual([
      expect.objectContaining({ id: second.id, name: "Bewoner 12", address: "2922 AD 12", status: "declined", handledBy: "Sanne Beheerder" }),
      expect.objectContaining({ id: first.id, name: "Bewoner 11", address: "2922 AD 11", status: "accepted", handledAt: new Date("2026-12-01T10:00:00Z") }),
    ]);
    expect(await listHandledJoinRequests(actorOf(other), group.id))!.toBeNull();
  });

  it("declines politely with the reason; nobody else can decide", async () => {
    const { db } = database.current.handle;
    const me = await aUser(db);
    const other = await aUser(db);
    const group = await aGroup(db, area, { admins: [me] });
    const otherGroup = await aGroup(db, area, { admins: [other] });
    const request = await aJoinRequest(group.id, 3);
    expect((await errorOf(decideJoinRequest(actorOf(other), group.id, request.id, { decision: "accept", message: "" }))).code).toBe("not_found");
    expect((await errorOf(decideJoinRequest(actorOf(other), otherGroup.id, request.id, { decision: "accept", message: "" }))).code).toBe("not_found");
    expect((await errorOf(decideJoinRequest(actorOf(me), group.id, "nope", { decision: "accept", message: "" }))).code).toBe("not_found");
    await decideJoinRequest(actorOf(me), group.id, request.id, { decision: "decline", message: "<b>Uw straat</b> valt buiten onze groep." });
    const [row] = await db.select().from(joinRequests).where(eq(joinRequests.id, request.id));
    expect(row).toMatchObject({ status: "declined", handledByUserId: me.id });
    expect(row.purgeAfter!.getTime() - row.handledAt!.getTime()).toBe(JOIN_REQUEST_RETENTION_DAYS * DAY);
    const [mail] = await db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, "bewoner3@test.example"));
    expect(mail.text).toContain("<b>Uw straat</b> valt buiten onze groep.");
    expect(mail.html).toContain("&lt;b&gt;Uw straat&lt;/b&gt;");
    expect(await db.select().from(memberAddresses).where(and(eq(memberAddresses.groupId, group.id), eq(memberAddresses.houseNumber, 3)))).toHaveLength(0);
  });
});

describe("removing contact details of handled join requests after 30 days", () => {
  it("purges only handled requests past their retention, as the clock moves on", async () => {
    const { db } = database.current.handle;
    const me = await aUser(db);
    const group = await aGroup(db, area, { admins: [me] });
    const handledAt = new Date("2026-01-01T12:00:00Z");
    const handled = await aJoinRequest(group.id, 10);
    const open = await aJoinRequest(group.id, 11);
    await decideJoinRequest(actorOf(me), group.id, handled.id, { decision: "decline", message: "Sorry" }, handledAt);

    expect(await purgeHandledJoinRequests(new Date(handledAt.getTime() + 29 * DAY))).toBe(0);
    expect(await purgeHandledJoinRequests(new Date(handledAt.getTime() + 30 * DAY + 1))).toBe(1);
    const [purged] = await db.select().from(joinRequests).where(eq(joinRequests.id, handled.id));
    expect(purged).toMatchObject({ name: null, email: null, phone: null, birthDate: null, postcode: null, houseNumber: null, declineReason: null, status: "declined" });
    expect(purged.purgedAt).not.toBeNull();
    const [stillOpen] = await db.select().from(joinRequests).where(eq(joinRequests.id, open.id));
    expect(stillOpen.email).toBe("bewoner11@test.example");
    // A second run at the same moment finds nothing left to purge.
    expect(await purgeHandledJoinRequests(new Date(handledAt.getTime() + 31 * DAY))).toBe(0);
  });

  it("the schedule inside the server runs the purge on its interval with the moving clock", async () => {
    const { db } = database.current.handle;
    const me = await aUser(db);
    const group = await aGroup(db, area, { admins: [me] });
    const handledAt = new Date("2026-03-01T12:00:00Z");
    const request = await aJoinRequest(group.id, 20);
    await decideJoinRequest(actorOf(me), group.id, request.id, { decision: "accept", message: "" }, handledAt);

    vi.useFakeTimers({ toFake: ["setTimeout", "setInterval", "clearTimeout", "clearInterval"] });
    let clock = new Date(handledAt.getTime() + DAY);
    const runs: number[] = [];
    const job = createRetentionJob({
      intervalMs: 60_000,
      firstRunMs: 1_000,
      now: () => clock,
      purge: async (at) => {
        const n = await purgeHandledJoinRequests(at);
        runs.push(n);
        return n;
      },
    });
    await vi.advanceTimersByTimeAsync(1_000);
    // The purge itself does real I/O (PostgreSQL): wait for it to finish.
    await vi.waitFor(() => expect(runs).toEqual([0]));
    clock = new Date(handledAt.getTime() + 31 * DAY);
    await vi.advanceTimersByTimeAsync(60_000);
    await vi.waitFor(() => expect(runs).toEqual([0, 1]));
    job.stop();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(runs).toHaveLength(2);
    const [row] = await db.select().from(joinRequests).where(eq(joinRequests.id, request.id));
    expect(row.email).toBeNull();
  });
});
