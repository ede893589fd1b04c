/**
 * A burst of 200 requests from one address (issue 10, item 8, partial): at the public API with
 * a low API_RATE_LIMIT_PER_MINUTE, and at the join action. The excess is refused (429 /
 * rate_limited) and the database holds no more than the limit. All requests at once, as a
 * script would send them, so that the limiter's counting is raced too.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { and, eq, like, sql } from "drizzle-orm";
import { joinRequests, mailOutbox, rateLimits, bordEvents, bordReports, bords } from "@/db/schema";
import { JOIN_IP_LIMIT } from "@/lib/data/public/join";
import { BORD_REPORT_IP_LIMIT } from "@/lib/data/public/bord-reports";
import { resetEnvForTests } from "@/lib/env";
import { withTestDatabase } from "@/tests/db";

let forwardedFor = "198.51.100.1";
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": forwardedFor }),
}));

const { joinGroupAction, reportBordAction } = await import("@/app/(public)/groepen/[slug]/actions");
const { GET: listAreas } = await import("@/app/api/v1/wijken/route");
const { requestSignInLinkAction } = await import("@/app/(public)/inloggen/actions");

const database = withTestDatabase({ demo: true });
const savedEnv = { ...process.env };
const BURST = 200;

beforeAll(async () => {
  // AUTH_SECRET and APP_URL: the sign-in form needs them when DATABASE_URL is set (production mode).
  Object.assign(process.env, { LOG_LEVEL: "silent", TRUSTED_PROXY_HOPS: "0", AUTH_SECRET: "burst-test-secret-".padEnd(48, "x"), APP_URL: "http://localhost:3999", SIGN_IN_LIMIT_PER_EMAIL: "5", SIGN_IN_LIMIT_PER_IP: "20" });
  resetEnvForTests();
});

beforeEach(async () => {
  await database.current.handle.db.delete(rateLimits);
});

afterAll(() => {
  process.env = { ...savedEnv };
  resetEnvForTests();
});

describe("a burst of 200 requests from one address", () => {
  it("at the public API with API_RATE_LIMIT_PER_MINUTE=20: 20 answered, 180 get 429 with Retry-After", async () => {
    process.env.API_RATE_LIMIT_PER_MINUTE = "20";
    resetEnvForTests();
    try {
      // A client that forges X-Forwarded-For gains nothing: without trusted proxies only the
      // last entry (the connection's address) counts.
      const responses = await Promise.all(
        Array.from({ length: BURST }, (_, i) =>
          listAreas(new Request("http://localhost:3000/api/v1/wijken", { headers: { "x-forwarded-for": `10.0.${i >> 8}.${i & 255}, 203.0.113.9` } })),
        ),
      );
      const statuses = responses.map((r) => r.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(20);
      expect(statuses.filter((s) => s === 429)).toHaveLength(BURST - 20);
      const limited = responses.find((r) => r.status === 429)!;
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(((await limited.json()) as { error: { code: string } }).error.code).toBe("rate_limited");
      // Another address is not affected.
      const other = await listAreas(new Request("http://localhost:3000/api/v1/wijken", { headers: { "x-forwarded-for": "203.0.113.10" } }));
      expect(other.status).toBe(200);
    } finally {
      delete process.env.API_RATE_LIMIT_PER_MINUTE;
      resetEnvForTests();
    }
  });

  it(`at the join action: ${JOIN_IP_LIMIT.points} sent, the rest rate_limited in Dutch, ${JOIN_IP_LIMIT.points} rows and no more`, async () => {
    const { db } = database.current.handle;
    const count = async (table: typeof joinRequests | typeof mailOutbox) =>
      Number((await db.select({ n: sql<number>`count(*)::int` }).from(table))[0].n);
    const [requestsBefore, mailsBefore] = [await count(joinRequests), await count(mailOutbox)];
    forwardedFor = "198.51.100.23";
    const states = await Promise.all(
      Array.from({ length: BURST }, (_, i) => {
        const form = new FormData();
        const values: Record<string, string> = {
          groupSlug: "langeland-noord",
          website: "",
          name: "Burst Bewoner",
          email: `burst${i}@bewoner.example`,
          phone: "06-12345678",
          "address.postcode": "2922 AB",
          "address.houseNumber": "12",
          "address.addition": "",
          birthDate: "1985-06-01",
          acceptHouseRules: "on",
        };
        for (const [key, value] of Object.entries(values)) form.append(key, value);
        return joinGroupAction({ status: "idle" }, form);
      }),
    );
    const sent = states.filter((s) => s.status === "sent");
    const refused = states.filter((s) => s.status === "error");
    expect(sent).toHaveLength(JOIN_IP_LIMIT.points);
    expect(refused).toHaveLength(BURST - JOIN_IP_LIMIT.points);
    for (const state of refused) if (state.status === "error") expect(state.message).toBe(JOIN_IP_LIMIT.message);
    expect((await count(joinRequests)) - requestsBefore).toBe(JOIN_IP_LIMIT.points);
    // Each accepted request queues its e-mails; the refused ones queue none.
    const mailsPerRequest = ((await count(mailOutbox)) - mailsBefore) / JOIN_IP_LIMIT.points;
    expect(Number.isInteger(mailsPerRequest) && mailsPerRequest >= 1).toBe(true);
    // The per-address counters are keyed by an HMAC of the address, never the address itself.
    const keys = (await db.select({ key: rateLimits.key }).from(rateLimits)).map((r) => r.key);
    expect(keys.filter((k) => k.startsWith("join_email:"))).toHaveLength(JOIN_IP_LIMIT.points);
    expect(keys.filter((k) => k.includes("@") || k.includes("bewoner"))).toEqual([]);
  });

  it(`at the bord report form: ${BORD_REPORT_IP_LIMIT.points} reports, the rest refused in Dutch, ${BORD_REPORT_IP_LIMIT.points} rows and no more`, async () => {
    const { db } = database.current.handle;
    const [standing] = await db.select({ id: bords.id }).from(bords).where(eq(bords.status, "standing")).limit(1);
    expect(standing, "the demo data has a standing bord").toBeDefined();
    const count = async (table: typeof bordReports | typeof bordEvents | typeof mailOutbox) =>
      Number((await db.select({ n: sql<number>`count(*)::int` }).from(table))[0].n);
    const before = { reports: await count(bordReports), events: await count(bordEvents), mails: await count(mailOutbox) };
    forwardedFor = "198.51.100.47";
    const states = await Promise.all(
      Array.from({ length: BURST }, (_, i) => {
        const form = new FormData();
        const values: Record<string, string> = { bordId: standing.id, kind: i % 2 === 0 ? "damaged" : "missing", description: `Melding ${i}`, website: "" };
        for (const [key, value] of Object.entries(values)) form.append(key, value);
        return reportBordAction({ status: "idle" }, form);
      }),
    );
    const refused = states.filter((s) => s.status === "error");
    expect(states.filter((s) => s.status === "sent")).toHaveLength(BORD_REPORT_IP_LIMIT.points);
    expect(refused).toHaveLength(BURST - BORD_REPORT_IP_LIMIT.points);
    for (const state of refused) if (state.status === "error") expect(state.message).toBe(BORD_REPORT_IP_LIMIT.message);
    expect((await count(bordReports)) - before.reports).toBe(BORD_REPORT_IP_LIMIT.points);
    expect((await count(bordEvents)) - before.events).toBe(BORD_REPORT_IP_LIMIT.points);
    const mailsPerReport = ((await count(mailOutbox)) - before.mails) / BORD_REPORT_IP_LIMIT.points;
    expect(Number.isInteger(mailsPerReport) && mailsPerReport >= 1).toBe(true);
  });

  it("at the sign-in form: 20 links from one address (SIGN_IN_LIMIT_PER_IP), 5 for one e-mail address (SIGN_IN_LIMIT_PER_EMAIL), the rest refused in Dutch", async () => {
    const { db } = database.current.handle;
    const linksTo = async (pattern: string) =>
      Number(
        (await db.select({ n: sql<number>`count(*)::int` }).from(mailOutbox).where(and(eq(mailOutbox.kind, "sign_in_link"), like(mailOutbox.toAddress, pattern))))[0].n,
      );
    const ask = (email: string) => {
      const form = new FormData();
      form.append("email", email);
      form.append("website", "");
      return requestSignInLinkAction({ status: "idle" }, form);
    };

    // 200 different addresses from one connection address.
    forwardedFor = "198.51.100.77";
    const fromOneAddress = await Promise.all(Array.from({ length: BURST }, (_, i) => ask(`burst-inlog${i}@bewoner.example`)));
    expect(fromOneAddress.filter((s) => s.status === "sent")).toHaveLength(20);
    const refused = fromOneAddress.filter((s) => s.status === "error");
    expect(refused).toHaveLength(BURST - 20);
    for (const state of refused) if (state.status === "error") expect(state.code).toBe("rate_limited");
    expect(await linksTo("burst-inlog%@bewoner.example")).toBe(20);

    // 200 requests for one e-mail address, each from another connection address.
    const sameEmail = [];
    for (let i = 0; i < BURST; i += 1) {
      forwardedFor = `198.51.101.${i}`;
      sameEmail.push(ask("een-adres@bewoner.example"));
    }
    const states = await Promise.all(sameEmail);
    expect(states.filter((s) => s.status === "sent")).toHaveLength(5);
    expect(await linksTo("een-adres@bewoner.example")).toBe(5);
    // No e-mail address in the counters' keys: an HMAC stands for it.
    const keys = (await db.select({ key: rateLimits.key }).from(rateLimits)).map((r) => r.key);
    // 20 addresses got past the IP limit in the first burst, and the one address of the second.
    expect(keys.filter((k) => k.startsWith("sign_in_email:email:"))).toHaveLength(20 + 1);
    expect(keys.filter((k) => k.includes("@") || k.includes("adres") || k.includes("inlog"))).toEqual([]);
  });
});
