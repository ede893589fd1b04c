import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { joinRequests, mailOutbox, rateLimits, users } from "@/db/schema";
import { aGroup, aMunicipality, anArea, aUser } from "@/db/seed/builders";
import { lookupAnswering, unreachableLookup } from "@/tests/address-lookups";
import { isAppError } from "@/lib/errors";
import { withTestDatabase } from "@/tests/db";
import { submitJoinRequest } from "./join";
import { type JoinRequestSubmission } from "@/lib/validation";

const database = withTestDatabase();

let groupId: string;
let admins: Array<{ id: string; email: string; name: string | null; phone: string | null }>;
let ipCounter = 0;

/** A fresh IP address per call, so only the limit a test is about can trip. */
function freshContext() {
  ipCounter += 1;
  return { ip: `198.51.100.${ipCounter}`, now: new Date() };
}

function submission(overrides: Partial<JoinRequestSubmission> = {}): JoinRequestSubmission {
  return {
    groupSlug: "dijkwacht",
    name: "Bram Bewoner",
    email: "bram@bewoner.example",
    phone: "+31687654321",
    birthDate: "1990-02-03",
    address: { postcode: "5011AB", houseNumber: 7, addition: "A" },
    acceptHouseRules: true,
    ...overrides,
  };
}

async function outboxRows() {
  const { db } = database.current.handle;
  return db.select().from(mailOutbox).orderBy(mailOutbox.id);
}

async function requestCount(): Promise<number> {
  const { db } = database.current.handle;
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(joinRequests);
  return Number(row.n);
}

async function rejection(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error("expected the promise to be rejected");
}

beforeAll(async () => {
  const { db } = database.current.handle;
  const municipality = await aMunicipality(db, { name: "Dijkstad", code: "GM0911", safetyEmail: "veiligheid@dijkstad.example" });
  const area = await anArea(db, municipality, { name: "Dijk", postcodes: ["5011"] });
  const first = await aUser(db, { email: "beheer.een@dijkstad.example", name: "Anna Beheer", phone: "+31611111111", birthDate: "1970-01-01" });
  const second = await aUser(db, { email: "beheer.twee@dijkstad.example", name: "Ben Beheer", phone: "+31622222222", birthDate: "1971-01-01" });
  const disabled = await aUser(db, { email: "oud.beheer@dijkstad.example", name: "Oud Beheer", disabledAt: new Date() });
  admins = [first, second];
  const group = await aGroup(db, area, { name: "Dijkwacht", slug: "dijkwacht", admins: [first, second, disabled] });
  groupId = group.id;
  await aGroup(db, area, { name: "Zonder Beheer", slug: "zonder-beheer" });
  await aGroup(db, area, { name: "Opgeheven", slug: "opgeheven", status: "dissolved", dissolvedAt: new Date(), admins: [first] });
});

beforeEach(async () => {
  const { db } = database.current.handle;
  await db.delete(joinRequests);
  await db.delete(mailOutbox);
  await db.delete(rateLimits);
});

describe("submitJoinRequest", () => {
  it("stores the request and queues one e-mail per active admin and a confirmation to the resident", async () => {
    const receipt = await submitJoinRequest(submission(), freshContext());
    expect(receipt).toEqual({ groupName: "Dijkwacht" });

    const { db } = database.current.handle;
    const [stored] = await db.select().from(joinRequests);
    expect(stored).toMatchObject({
      groupId,
      status: "open",
      name: "Bram Bewoner",
      email: "bram@bewoner.example",
      phone: "+31687654321",
      birthDate: "1990-02-03",
      postcode: "5011AB",
      houseNumber: 7,
      addition: "A",
      handledAt: null,
    });

    const mails = await outboxRows();
    expect(mails.map((m) => [m.kind, m.toAddress]).sort()).toEqual(
      [
        ["join_request_admin", "beheer.een@dijkstad.example"],
        ["join_request_admin", "beheer.twee@dijkstad.example"],
        ["join_request_confirmation", "bram@bewoner.example"],
      ].sort(),
    );
    for (const admin of admins) {
      const mail = mails.find((m) => m.toAddress === admin.email)!;
      expect(mail.idempotencyKey).toBe(`join-request:${stored.id}:${admin.id}`);
      expect(mail.subject).toBe("Nieuwe aanmelding voor Dijkwacht");
      expect(mail.text).toContain(`Beste ${admin.name},`);
      for (const detail of ["Bram Bewoner", "bram@bewoner.example", "06 87654321", "5011 AB 7 A"]) {
        expect(mail.text).toContain(detail);
      }
      expect(mail.text).toContain(`/mijn-groepen/${groupId}/aanmeldingen`);
      expect(mail.html).toContain(`/mijn-groepen/${groupId}/aanmeldingen`);
      expect(mail.status).toBe("pending");
    }

    const confirmation = mails.find((m) => m.kind === "join_request_confirmation")!;
    expect(confirmation.idempotencyKey).toBe(`join-request:${stored.id}:resident`);
    expect(confirmation.subject).toBe("Uw aanmelding voor Dijkwacht");
    expect(confirmation.text).toContain("Beste Bram Bewoner,");
    expect(confirmation.text).toContain("veiligheid@dijkstad.example");
  });

  it("never shows the resident an admin's name, e-mail address or phone number", async () => {
    await submitJoinRequest(submission(), freshContext());
    const confirmation = (await outboxRows()).find((m) => m.kind === "join_request_confirmation")!;
    for (const admin of admins) {
      for (const secret of [admin.name!, admin.email, admin.phone!, "06 1111", "06 2222"]) {
        expect(confirmation.text).not.toContain(secret);
        expect(confirmation.html).not.toContain(secret);
      }
    }
  });

  it("treats a resent form as done: one request, no new e-mail, the same answer", async () => {
    const first = await submitJoinRequest(submission(), freshContext());
    const mailsBefore = await outboxRows();
    const second = await submitJoinRequest(submission({ name: "Bram B." }), freshContext());
    expect(second).toEqual(first);
    expect(await requestCount()).toBe(1);
    expect((await outboxRows()).map((m) => m.id)).toEqual(mailsBefore.map((m) => m.id));
  });

  it("accepts a new request from the same e-mail address once the earlier one is handled", async () => {
    await submitJoinRequest(submission(), freshContext());
    const { db } = database.current.handle;
    await db.update(joinRequests).set({ status: "declined", handledAt: new Date() });
    await submitJoinRequest(submission(), freshContext());
    expect(await requestCount()).toBe(2);
    expect((await outboxRows()).filter((m) => m.kind === "join_request_confirmation")).toHaveLength(2);
  });

  it("answers a filled honeypot as if it worked, and stores nothing at all", async () => {
    const receipt = await submitJoinRequest(submission({ honeypot: "https://spam.example" }), freshContext());
    expect(receipt).toEqual({ groupName: "Dijkwacht" });
    expect(await requestCount()).toBe(0);
    expect(await outboxRows()).toEqual([]);
    const { db } = database.current.handle;
    expect(await db.select().from(rateLimits)).toEqual([]);
  });

  it("answers not_found for an unknown, dissolved or malformed group, and stores nothing", async () => {
    for (const groupSlug of ["bestaat-niet", "opgeheven", "<script>alert(1)</script>", "'; delete from groups; --", "x".repeat(1000)]) {
      const error = await rejection(submitJoinRequest(submission({ groupSlug }), freshContext()));
      expect(error.code).toBe("not_found");
      expect(error.message).toMatch(/groep bestaat niet/);
    }
    expect(await requestCount()).toBe(0);
    expect(await outboxRows()).toEqual([]);
  });

  it("sends the request to the municipality's safety mailbox when the group has no admin", async () => {
    await submitJoinRequest(submission({ groupSlug: "zonder-beheer" }), freshContext());
    const mails = await outboxRows();
    expect(mails.map((m) => [m.kind, m.toAddress]).sort()).toEqual([
      ["join_request_confirmation", "bram@bewoner.example"],
      ["join_request_without_admin", "veiligheid@dijkstad.example"],
    ]);
  });

  it("allows 3 requests per e-mail address per group per day, then answers in Dutch", async () => {
    const { db } = database.current.handle;
    for (let i = 0; i < 3; i++) {
      await submitJoinRequest(submission(), freshContext());
      // Handle it, so the next one is a new request rather than a resent form.
      await db.update(joinRequests).set({ status: "declined", handledAt: new Date() }).where(eq(joinRequests.status, "open"));
    }
    const error = await rejection(submitJoinRequest(submission(), freshContext()));
    expect(error.code).toBe("rate_limited");
    expect(error.message).toBe(
      "Met dit e-mailadres is vandaag al vaak een aanmelding voor deze groep verstuurd. Probeer het morgen opnieuw.",
    );
    expect(error.retryAfter).toBeGreaterThan(23 * 3600);
    expect(await requestCount()).toBe(3);
    // The same e-mail address may still ask another group.
    await submitJoinRequest(submission({ groupSlug: "zonder-beheer" }), freshContext());
    expect(await requestCount()).toBe(4);
  });

  it("allows 5 requests per IP address per hour, then answers in Dutch", async () => {
    const context = { ip: "203.0.113.9", now: new Date() };
    for (let i = 0; i < 5; i++) {
      await submitJoinRequest(submission({ email: `buur${i}@bewoner.example` }), context);
    }
    const error = await rejection(submitJoinRequest(submission({ email: "buur6@bewoner.example" }), context));
    expect(error.code).toBe("rate_limited");
    expect(error.message).toMatch(/^Er zijn vanaf uw internetverbinding veel aanmeldingen verstuurd/);
    expect(error.retryAfter).toBeGreaterThan(3500);
    expect(await requestCount()).toBe(5);
    // The counters hold no IP address or e-mail address in clear text.
    const keys = (await database.current.handle.db.select({ key: rateLimits.key }).from(rateLimits)).map((r) => r.key);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.filter((k) => k.includes("203.0.113.9") || k.includes("@"))).toEqual([]);
    // Another IP address is not affected.
    await submitJoinRequest(submission({ email: "buur6@bewoner.example" }), freshContext());
    expect(await requestCount()).toBe(6);
  });

  it("refuses an address the address service does not know, at the postcode field", async () => {
    const lookup = lookupAnswering({ verified: false, reason: "not_found" });
    const error = await rejection(submitJoinRequest(submission(), { ...freshContext(), addressLookup: lookup }));
    expect(error.code).toBe("bad_request");
    expect(error.fieldErrors?.["address.postcode"]).toMatch(/staat niet in de landelijke adressenlijst/);
    expect(await requestCount()).toBe(0);
    expect(await outboxRows()).toEqual([]);
  });

  it("accepts the address when the address service is unavailable (the format check stands)", async () => {
    const lookup = unreachableLookup;
    await submitJoinRequest(submission(), { ...freshContext(), addressLookup: lookup });
    expect(await requestCount()).toBe(1);
  });

  it("stores script and SQL text as plain text and escapes it in the HTML e-mail", async () => {
    const name = "<script>alert('x')</script> Robert'); DROP TABLE join_requests;--";
    await submitJoinRequest(submission({ name }), freshContext());
    const { db } = database.current.handle;
    const [stored] = await db.select({ name: joinRequests.name }).from(joinRequests);
    expect(stored.name).toBe(name);
    const adminMail = (await outboxRows()).find((m) => m.kind === "join_request_admin")!;
    expect(adminMail.text).toContain(name);
    expect(adminMail.html).not.toContain("<script>");
    expect(adminMail.html).toContain("&lt;script&gt;");
    // The tables are all still there.
    expect(await db.select({ id: users.id }).from(users)).not.toHaveLength(0);
  });
});
