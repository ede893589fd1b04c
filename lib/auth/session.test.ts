/**
 * Who is signed in is read from the session row and the user row at each request: a revoked
 * role, a disabled account or an ended session counts at the very next request.
 */
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { sessions, users, type User } from "@/db/schema";
import { aContact, aMunicipality, anArea, aUser } from "@/db/seed/builders";
import { actorRefusal } from "@/lib/actions";
import { withTestDatabase } from "@/tests/db";
import { can } from "./permissions";
import { actorForSessionToken, signOutEverywhere, wijkagentAreaIds } from "./session";

withTestDatabase();

async function aSession(user: Pick<User, "id">, expires = new Date(Date.now() + 3600_000)): Promise<string> {
  const sessionToken = randomBytes(16).toString("hex");
  await db.insert(sessions).values({ sessionToken, userId: user.id, expires });
  return sessionToken;
}

describe("actorForSessionToken", () => {
  it("gives the user of a live session, with role and municipality from the users table", async () => {
    const municipality = await aMunicipality(db);
    const user = await aUser(db, { role: "staff", municipalityId: municipality.id, name: "Lotte" });
    const token = await aSession(user);
    expect(await actorForSessionToken(token)).toEqual({
      id: user.id,
      email: user.email,
      name: "Lotte",
      role: "staff",
      municipalityId: municipality.id,
    });
  });

  it("gives nobody for a missing, unknown, over-long or expired session", async () => {
    const user = await aUser(db);
    const expired = await aSession(user, new Date(Date.now() - 1000));
    expect(await actorForSessionToken(undefined)).toBeNull();
    expect(await actorForSessionToken("")).toBeNull();
    expect(await actorForSessionToken("nope")).toBeNull();
    expect(await actorForSessionToken("x".repeat(5000))).toBeNull();
    expect(await actorForSessionToken("' or 1=1 --")).toBeNull();
    expect(await actorForSessionToken(expired)).toBeNull();
  });

  it("stops a revoked role at the next request", async () => {
    const municipality = await aMunicipality(db);
    const user = await aUser(db, { role: "staff", municipalityId: municipality.id });
    const token = await aSession(user);

    const before = await actorForSessionToken(token);
    expect(can(before, "bord.decide")).toBe(true);
    expect(actorRefusal(before, "bord.decide")).toBeNull();

    await db.update(users).set({ role: "resident", municipalityId: null }).where(eq(users.id, user.id));

    const after = await actorForSessionToken(token);
    expect(after?.role).toBe("resident");
    expect(can(after, "bord.decide")).toBe(false);
    expect(actorRefusal(after, "bord.decide")).toMatchObject({ ok: false, code: "not_found" });
  });

  it("signs out a disabled user at the next request", async () => {
    const user = await aUser(db);
    const token = await aSession(user);
    expect(await actorForSessionToken(token)).not.toBeNull();
    await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, user.id));
    expect(await actorForSessionToken(token)).toBeNull();
  });
});

describe("signOutEverywhere", () => {
  it("ends every session of that user and no one else's", async () => {
    const user = await aUser(db);
    const other = await aUser(db);
    const tokens = [await aSession(user), await aSession(user), await aSession(user)];
    const otherToken = await aSession(other);
    expect(await signOutEverywhere(user.id)).toBe(3);
    for (const token of tokens) expect(await actorForSessionToken(token)).toBeNull();
    expect(await actorForSessionToken(otherToken)).not.toBeNull();
    expect(await signOutEverywhere(user.id)).toBe(0);
  });
});

describe("wijkagentAreaIds", () => {
  it("gives a wijkagent the wijken of their contact records in their own municipality, nobody else any", async () => {
    const municipality = await aMunicipality(db);
    const elsewhere = await aMunicipality(db);
    const [north, south, west] = [
      await anArea(db, municipality),
      await anArea(db, municipality),
      await anArea(db, municipality),
    ];
    const foreignArea = await anArea(db, elsewhere);
    const agent = await aUser(db, { role: "wijkagent", municipalityId: municipality.id });
    await aContact(db, municipality, "wijkagent", [north, south], { userId: agent.id });
    // A wethouder record and another municipality's record linked to the same account do not count.
    await aContact(db, municipality, "wethouder", [west], { userId: agent.id });
    await aContact(db, elsewhere, "wijkagent", [foreignArea], { userId: agent.id });
    const actor = (await actorForSessionToken(await aSession(agent)))!;

    expect((await wijkagentAreaIds(actor)).sort()).toEqual([north.id, south.id].sort());

    const staff = await aUser(db, { role: "staff", municipalityId: municipality.id });
    expect(await wijkagentAreaIds({ ...actor, id: staff.id, role: "staff" })).toEqual([]);
    expect(await wijkagentAreaIds(null)).toEqual([]);
    const unlinkedAgent = await aUser(db, { role: "wijkagent", municipalityId: municipality.id });
    expect(await wijkagentAreaIds({ ...actor, id: unlinkedAgent.id })).toEqual([]);
  });
});
