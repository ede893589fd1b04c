/**
 * No personal data in any public answer: every response of the public API for the seeded demo
 * data (each group, each wijk, look-ups of the admins' own addresses and of the join request's
 * address) is searched for every e-mail address, phone number, date of birth and person's
 * name that the seed stores. The e2e suite does the same for the public pages.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isNotNull } from "drizzle-orm";
import { contacts, groups, joinRequests, users } from "@/db/schema";
import { resetEnvForTests } from "@/lib/env";
import { withTestDatabase } from "@/tests/db";
import { GET as getGroup } from "./groepen/[slug]/route";
import { GET as lookup } from "./groepen/route";
import { GET as getOpenApi } from "./openapi.json/route";
import { GET as getArea } from "./wijken/[slug]/route";
import { GET as listAreas } from "./wijken/route";
import { GET as listBoundaries } from "./wijkgrenzen/route";

const database = withTestDatabase({ demo: true });
const savedEnv = { ...process.env };
const BASE = "http://localhost:3000/api/v1";
const params = (slug: string) => ({ params: Promise.resolve({ slug }) });

/** Every spelling of a phone number a page or JSON could use. */
function phoneSpellings(e164: string): string[] {
  const national = `0${e164.slice(3)}`;
  return [e164, national, `${national.slice(0, 2)} ${national.slice(2)}`, `${national.slice(0, 2)}-${national.slice(2)}`, e164.slice(3)];
}

/** 1984-03-14 also as 14-03-1984 and 14 maart 1984 (Dutch). */
function dateSpellings(iso: string): string[] {
  const [y, m, d] = iso.split("-");
  const month = new Date(`${iso}T12:00:00Z`).toLocaleDateString("nl-NL", { month: "long", timeZone: "UTC" });
  return [iso, `${d}-${m}-${y}`, `${Number(d)} ${month} ${y}`];
}

let secrets: string[] = [];
const bodies: Array<[string, string]> = [];

beforeAll(async () => {
  Object.assign(process.env, { API_RATE_LIMIT_PER_MINUTE: "0" });
  resetEnvForTests();
  const { db } = database.current.handle;

  const people = await db.select({ email: users.email, name: users.name, phone: users.phone, birthDate: users.birthDate }).from(users);
  const contactRows = await db.select({ email: contacts.email, name: contacts.name, phone: contacts.phone }).from(contacts);
  const requests = await db
    .select({ email: joinRequests.email, name: joinRequests.name, phone: joinRequests.phone, birthDate: joinRequests.birthDate })
    .from(joinRequests)
    .where(isNotNull(joinRequests.email));
  const collected = new Set<string>();
  for (const row of [...people, ...contactRows, ...requests]) {
    if (row.email) collected.add(row.email);
    if (row.name) collected.add(row.name);
    if (row.phone) phoneSpellings(row.phone).forEach((s) => collected.add(s));
    if ("birthDate" in row && row.birthDate) dateSpellings(row.birthDate).forEach((s) => collected.add(s));
  }
  // The WhatsApp invite link is for accepted residents only.
  const invites = await db.select({ url: groups.whatsappInviteUrl }).from(groups).where(isNotNull(groups.whatsappInviteUrl));
  invites.forEach((i) => collected.add(i.url!));
  secrets = [...collected];

  const request = (path: string) => new Request(`${BASE}${path}`);
  const record = async (label: string, response: Response) => {
    expect(response.status, label).toBeLessThan(500);
    bodies.push([label, await response.text()]);
  };

  const groupSlugs = (await db.select({ slug: groups.slug }).from(groups)).map((g) => g.slug);
  for (const slug of groupSlugs) await record(`groepen/${slug}`, await getGroup(request(`/groepen/${slug}`), params(slug)));
  const areaList = (await (await listAreas(request("/wijken"))).json()) as { areas: Array<{ slug: string }> };
  await record("wijken", await listAreas(request("/wijken")));
  await record("wijkgrenzen", await listBoundaries(request("/wijkgrenzen")));
  for (const { slug } of areaList.areas) await record(`wijken/${slug}`, await getArea(request(`/wijken/${slug}`), params(slug)));

  const addresses = await db.select({ postcode: users.postcode, houseNumber: users.houseNumber }).from(users).where(isNotNull(users.postcode));
  const requestAddresses = await db.select({ postcode: joinRequests.postcode, houseNumber: joinRequests.houseNumber }).from(joinRequests);
  for (const a of [...addresses, ...requestAddresses]) {
    const path = `/groepen?postcode=${a.postcode}&huisnummer=${a.houseNumber}`;
    await record(path, await lookup(request(path)));
  }
  await record("openapi.json", await getOpenApi(request("/openapi.json")));
  await record("bad request", await lookup(request("/groepen?postcode=sanne@example.nl&huisnummer=+31612345678")));
});

afterAll(() => {
  process.env = { ...savedEnv };
  resetEnvForTests();
});

describe("the public API and personal data", () => {
  it("collected the seed's personal data and many answers to search", () => {
    expect(secrets).toContain("groepsbeheerder@krimpen.example");
    expect(secrets).toContain("+31612345678");
    expect(secrets).toContain("06 12345678");
    expect(secrets).toContain("1984-03-14");
    expect(secrets).toContain("Sanne de Vries");
    expect(secrets).toContain("jan.deboer@bewoner.example");
    expect(bodies.length).toBeGreaterThan(20);
  });

  it("never answers an e-mail address, phone number, date of birth or name of a person", () => {
    const leaks: string[] = [];
    for (const [label, body] of bodies) {
      for (const secret of secrets) if (body.includes(secret)) leaks.push(`${label}: ${secret}`);
    }
    expect(leaks).toEqual([]);
  });

  it("contains no e-mail address at all", () => {
    for (const [label, body] of bodies) {
      expect(body.match(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[a-z]{2,}/g) ?? [], label).toEqual([]);
    }
  });

  it("would notice a leak (the check itself works)", () => {
    const leaky = JSON.stringify({ admin: { email: secrets.find((s) => s.includes("@")) } });
    expect(secrets.some((s) => leaky.includes(s))).toBe(true);
  });
});
