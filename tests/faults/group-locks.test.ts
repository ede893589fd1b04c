/**
 * The group row as a lock (issue 18, point 8): a write that depends on a count or on the state
 * of a group takes `SELECT … FOR UPDATE` on the group row first.
 *
 * - A bord approval recounts the addresses; an address removal of that group waits for the
 *   approval or the approval waits for it, so an approval never lands on a count that a
 *   removal had already lowered.
 * - Accepting a co-admin invitation and dissolving the group run one after the other, so no
 *   admin (or their address) is ever added to a dissolved group, and neither fails with a
 *   database error (without the lock the two deadlocked).
 *
 * The interleavings are forced, not hoped for: a separate connection holds a row lock that
 * stops the first request half-way, the second is started, and the lock is released only once
 * the second has either finished or is itself waiting for a lock. Those tests need two
 * connections and run on PostgreSQL (DATABASE_URL=…); the sequential checks run on both.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, setDatabase, type DatabaseHandle } from "@/db";
import { addresses, aGroup, aMunicipality, anArea, aBordRequest, aUser } from "@/db/seed/builders";
import {
  groupAdminInvitations,
  groupAdmins,
  groups,
  memberAddresses,
  bordRequests,
  type Area,
  type Group,
  type Municipality,
  type User,
} from "@/db/schema";
import { dissolveGroup } from "@/lib/data/resident/group-dissolve";
import { hashInvitationToken } from "@/lib/data/internal/invitations";
import { acceptInvitation } from "@/lib/data/resident/invitations";
import { removeMemberAddress } from "@/lib/data/resident/member-addresses";
import { decideBordRequest } from "@/lib/data/staff/bord-request-decision";
import { resetEnvForTests } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { bordDecisionSchema } from "@/lib/validation/staff";
import { actorOf } from "@/tests/actors";
import { onPostgres, withTestDatabase } from "@/tests/db";

const database = withTestDatabase();
const savedEnv = { ...process.env };
const THRESHOLD = 5;

let pool: DatabaseHandle | undefined;
/** A connection of the test's own that holds a row lock while the requests run. */
let holder: postgres.Sql | undefined;
/** A connection that watches which backends wait for a lock. */
let watcher: postgres.Sql | undefined;
let databaseName = "";

let municipality: Municipality;
let area: Area;
let staff: User;

const db = () => (pool ?? database.current.handle).db;

beforeAll(async () => {
  Object.assign(process.env, { APP_URL: "http://localhost:3998", LOG_LEVEL: "silent" });
  resetEnvForTests();
  if (onPostgres) {
    const config = database.current.config;
    if (config.kind !== "postgres") throw new Error("expected a PostgreSQL test database");
    pool = openDatabase({ kind: "postgres", url: config.url });
    setDatabase(pool);
    databaseName = new URL(config.url).pathname.slice(1);
    holder = postgres(config.url, { max: 1 });
    watcher = postgres(config.url, { max: 1 });
  }
  const { db } = database.current.handle;
  municipality = await aMunicipality(db, { bordThreshold: THRESHOLD });
  area = await anArea(db, municipality, { postcodes: ["2922"] });
  staff = await aUser(db, { role: "staff", municipalityId: municipality.id });
});

afterAll(async () => {
  await holder?.end({ timeout: 5 });
  await watcher?.end({ timeout: 5 });
  if (pool) {
    setDatabase(database.current.handle);
    await pool.close();
  }
  process.env = { ...savedEnv };
  resetEnvForTests();
});

type Outcome<T> = { ok: true; value: T } | { ok: false; error: AppError } | { ok: false; unexpected: string };

function settle<T>(promise: Promise<T>): { done: () => boolean; outcome: Promise<Outcome<T>> } {
  let finished = false;
  const outcome = promise.then(
    (value): Outcome<T> => ({ ok: true, value }),
    (error: unknown): Outcome<T> =>
      error instanceof AppError
        ? { ok: false, error }
        : { ok: false, unexpected: `${(error as { code?: string })?.code ?? ""} ${(error as Error)?.message ?? String(error)}` },
  );
  void outcome.then(() => (finished = true));
  return { done: () => finished, outcome };
}

/** Backends of the test database that wait for a lock right now. */
async function waitingForLock(): Promise<number> {
  const [row] = await watcher!<Array<{ n: number }>>`
    select count(*)::int as n from pg_stat_activity
    where datname = ${databaseName} and wait_event_type = 'Lock'`;
  return row.n;
}

/** Polls until `condition` holds (the state of the requests, not a time limit; the test's own timeout ends a hang). */
async function until(condition: () => Promise<boolean> | boolean): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 10));
}

/** Holds `FOR UPDATE` on the rows `lockQuery` selects, on the holder connection, until released. */
async function holdLock(lockQuery: (tx: postgres.TransactionSql) => Promise<unknown>): Promise<{ release: () => Promise<void> }> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let locked!: () => void;
  const isLocked = new Promise<void>((resolve) => (locked = resolve));
  const transaction = holder!.begin(async (tx) => {
    await lockQuery(tx);
    locked();
    await released;
  });
  await isLocked;
  return {
    release: async () => {
      release();
      await transaction;
    },
  };
}

function approval(request: { id: string; version: number }) {
  return decideBordRequest(
    actorOf(staff),
    bordDecisionSchema.parse({ action: "approve", requestId: request.id, version: request.version, expectedStatus: "in_review", note: "" }),
  );
}

/** Addresses no other group of this file has: an address counts for the group it joined first. */
let addressesUsed = 0;
function freshAddresses(count: number) {
  addressesUsed += count;
  return addresses(addressesUsed).slice(addressesUsed - count);
}

async function aGroupAtThreshold(): Promise<{ group: Group; admin: User; request: { id: string; version: number } }> {
  const admin = await aUser(db());
  const group = await aGroup(db(), area, { admins: [admin], addresses: freshAddresses(THRESHOLD) });
  const request = await aBordRequest(db(), group, { status: "in_review", requestedBy: admin, decidedBy: staff });
  return { group, admin, request: { id: request.id, version: request.version } };
}

const TOKEN_BASE = "groepslot-uitnodiging-token-";
let tokens = 0;

async function anInvitation(group: Group, email: string): Promise<string> {
  tokens += 1;
  const token = `${TOKEN_BASE}${tokens}`.padEnd(43, "x");
  await db()
    .insert(groupAdminInvitations)
    .values({ groupId: group.id, email, tokenHash: hashInvitationToken(token), expiresAt: new Date(Date.now() + 86_400_000) });
  return token;
}

const details = { name: "Nieuwe Beheerder", phone: "+31612345670", birthDate: "1980-05-05", address: { postcode: "2922ZZ", houseNumber: 7, addition: "" } };

async function leftInGroup(groupId: string) {
  const [group] = await db().select({ status: groups.status }).from(groups).where(eq(groups.id, groupId));
  const admins = await db().select().from(groupAdmins).where(eq(groupAdmins.groupId, groupId));
  const addressRows = await db().select().from(memberAddresses).where(eq(memberAddresses.groupId, groupId));
  const invitations = await db().select().from(groupAdminInvitations).where(eq(groupAdminInvitations.groupId, groupId));
  return { status: group.status, admins: admins.length, addresses: addressRows.length, invitations: invitations.length };
}

describe("accepting a co-admin invitation and dissolving the group, one after the other", () => {
  it("dissolved first: the invitation no longer exists (a clear 404), nothing is added", async () => {
    const admin = await aUser(db());
    const invited = await aUser(db(), { email: `na-opheffen-${Date.now()}@test.example` });
    const group = await aGroup(db(), area, { admins: [admin], addresses: addresses(3) });
    const token = await anInvitation(group, invited.email);
    await dissolveGroup(actorOf(admin), group.id, group.name);
    const error = await acceptInvitation(actorOf(invited), token, details).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("not_found");
    expect(await leftInGroup(group.id)).toEqual({ status: "dissolved", admins: 0, addresses: 0, invitations: 0 });
  });

  it("accepted first: dissolving removes the new admin and their address with the rest", async () => {
    const admin = await aUser(db());
    const invited = await aUser(db(), { email: `voor-opheffen-${Date.now()}@test.example` });
    const group = await aGroup(db(), area, { admins: [admin], addresses: addresses(3) });
    const token = await anInvitation(group, invited.email);
    await acceptInvitation(actorOf(invited), token, details);
    await dissolveGroup(actorOf(admin), group.id, group.name);
    expect(await leftInGroup(group.id)).toEqual({ status: "dissolved", admins: 0, addresses: 0, invitations: 0 });
  });
});

if (onPostgres) {
  describe("forced interleavings on PostgreSQL", () => {
    it("an address removal that started before the approval's recount makes the approval wait and refuse below the threshold", async () => {
      const { group, admin, request } = await aGroupAtThreshold();
      const [address] = await db().select({ id: memberAddresses.id }).from(memberAddresses).where(eq(memberAddresses.groupId, group.id)).limit(1);
      // The removal is stopped half-way: it cannot delete the row the holder has locked.
      const lock = await holdLock((tx) => tx`select id from member_addresses where id = ${address.id} for update`);
      const removal = settle(removeMemberAddress(actorOf(admin), group.id, address.id));
      await until(async () => (await waitingForLock()) >= 1);
      const approve = settle(approval(request));
      // Without the group lock the approval counts the five committed addresses and lands now.
      await until(async () => approve.done() || (await waitingForLock()) >= 2);
      await lock.release();
      const [removed, approved] = await Promise.all([removal.outcome, approve.outcome]);

      expect(removed).toEqual({ ok: true, value: undefined });
      expect("unexpected" in approved ? approved.unexpected : null).toBeNull();
      expect(approved.ok, "the approval landed although a removal took the group below the threshold").toBe(false);
      if (!approved.ok && "error" in approved) {
        expect(approved.error.code).toBe("unprocessable");
        expect(approved.error.message).toContain(`heeft nu ${THRESHOLD - 1} adressen`);
      }
      const [row] = await db().select({ status: bordRequests.status }).from(bordRequests).where(eq(bordRequests.id, request.id));
      expect(row.status).toBe("in_review");
    });

    it("an approval that started first holds the group: the removal lands after it, never under it", async () => {
      const { group, admin, request } = await aGroupAtThreshold();
      const [address] = await db().select({ id: memberAddresses.id }).from(memberAddresses).where(eq(memberAddresses.groupId, group.id)).limit(1);
      // The approval is stopped after its recount: it cannot update the request the holder has locked.
      const lock = await holdLock((tx) => tx`select id from bord_requests where id = ${request.id} for update`);
      const approve = settle(approval(request));
      await until(async () => (await waitingForLock()) >= 1);
      const removal = settle(removeMemberAddress(actorOf(admin), group.id, address.id));
      await until(async () => removal.done() || (await waitingForLock()) >= 2);
      // While the approval (which counted five) is still open, the five addresses are all there.
      const [{ n }] = await watcher!<Array<{ n: number }>>`select count(*)::int as n from member_addresses where group_id = ${group.id}`;
      await lock.release();
      const [approved, removed] = await Promise.all([approve.outcome, removal.outcome]);
      expect(n, "an address was removed under an approval that had counted it").toBe(THRESHOLD);
      expect(approved.ok).toBe(true);
      expect(removed.ok).toBe(true);
    });

    it("accepting an invitation while the group is being dissolved: no deadlock, no admin left in a dissolved group", async () => {
      const admin = await aUser(db());
      const invited = await aUser(db(), { email: `tijdens-opheffen-${Date.now()}@test.example` });
      const group = await aGroup(db(), area, { admins: [admin], addresses: addresses(3) });
      const token = await anInvitation(group, invited.email);
      // The acceptance is stopped half-way: it cannot update the account the holder has locked.
      const lock = await holdLock((tx) => tx`select id from users where id = ${invited.id} for update`);
      const accept = settle(acceptInvitation(actorOf(invited), token, details));
      await until(async () => accept.done() || (await waitingForLock()) >= 1);
      if (accept.done()) expect(await accept.outcome, "the acceptance ended before it reached the held lock").toBeUndefined();
      const dissolve = settle(dissolveGroup(actorOf(admin), group.id, group.name));
      await until(async () => dissolve.done() || (await waitingForLock()) >= 2);
      await lock.release();
      const [accepted, dissolved] = await Promise.all([accept.outcome, dissolve.outcome]);

      const unexpected = [accepted, dissolved].flatMap((o) => ("unexpected" in o ? [o.unexpected] : []));
      expect(unexpected, "database errors (a deadlock) instead of a clear answer").toEqual([]);
      expect(dissolved.ok).toBe(true);
      expect(await leftInGroup(group.id)).toEqual({ status: "dissolved", admins: 0, addresses: 0, invitations: 0 });
    });

    it("twenty groups, each accepted and dissolved at once: every answer is clear, no dissolved group keeps an admin or address", async () => {
      const pairs: Array<{ group: Group; admin: User; invited: User; token: string }> = [];
      for (let i = 0; i < 20; i++) {
        const admin = await aUser(db());
        const invited = await aUser(db());
        const group = await aGroup(db(), area, { admins: [admin], addresses: addresses(2) });
        pairs.push({ group, admin, invited, token: await anInvitation(group, invited.email) });
      }
      const outcomes = await Promise.all(
        pairs.flatMap((p) => [
          settle(acceptInvitation(actorOf(p.invited), p.token, details)).outcome,
          settle(dissolveGroup(actorOf(p.admin), p.group.id, p.group.name)).outcome,
        ]),
      );
      expect(outcomes.flatMap((o) => ("unexpected" in o ? [o.unexpected] : []))).toEqual([]);
      const ids = pairs.map((p) => p.group.id);
      const dissolved = await db().select({ id: groups.id }).from(groups).where(and(inArray(groups.id, ids), eq(groups.status, "dissolved")));
      expect(dissolved).toHaveLength(20);
      const leftovers = await db()
        .select({ n: sql<number>`count(*)::int` })
        .from(groupAdmins)
        .where(inArray(groupAdmins.groupId, ids));
      expect(leftovers[0].n).toBe(0);
      const addressesLeft = await db().select({ id: memberAddresses.id }).from(memberAddresses).where(inArray(memberAddresses.groupId, ids));
      expect(addressesLeft).toHaveLength(0);
    });
  });
}
