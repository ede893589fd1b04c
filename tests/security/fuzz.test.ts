/**
 * Fuzzing (issue 10, item 4, API part): the public JSON API handlers and the public join
 * action, called directly with arbitrary strings, unicode, long values, numbers, script and
 * SQL text. 1,000 runs per input. Expected: no 500 (or, for the action, no "unavailable",
 * which is what an unexpected exception becomes), every input that cannot be valid refused,
 * and nothing stored on a refusal: the rows are counted before and after each property, and
 * what was added must be exactly the accepted runs' join requests (each found by its own
 * e-mail address) and their e-mails — a refused run that stored anything shows as a surplus.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { inArray, sql } from "drizzle-orm";
import { eq } from "drizzle-orm";
import { joinRequests, mailOutbox, bordReports, bords } from "@/db/schema";
import { BORD_REPORT_DESCRIPTION_MAX_LENGTH } from "@/lib/validation/bords";
import { resetEnvForTests } from "@/lib/env";
import { withTestDatabase } from "@/tests/db";
import type { JoinFormState } from "@/components/public/join-form-state";

let forwardedFor = "192.0.2.1";
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": forwardedFor }),
}));

const { joinGroupAction, reportBordAction } = await import("@/app/(public)/groepen/[slug]/actions");
const { GET: lookup } = await import("@/app/api/v1/groepen/route");
const { GET: getGroup } = await import("@/app/api/v1/groepen/[slug]/route");
const { GET: getArea } = await import("@/app/api/v1/wijken/[slug]/route");
const { GET: unknownRoute } = await import("@/app/api/v1/[...path]/route");

const database = withTestDatabase({ demo: true });
const savedEnv = { ...process.env };
const RUNS = 1000;
/** 1,000 runs take 2–25 s on PGlite; PostgreSQL and a busy machine need more. */
const FUZZ_TIMEOUT = 180_000;

/** Hostile text: script and SQL, path tricks, control characters, lookalikes. */
const PAYLOADS = [
  `<script>alert(1)</script>`,
  `"><img src=x onerror=alert(1)>`,
  `javascript:alert(1)`,
  `' OR '1'='1`,
  `'; DROP TABLE join_requests; --`,
  `1; SELECT pg_sleep(5)`,
  `$(rm -rf /)`,
  `../../etc/passwd`,
  `%00%0d%0a`,
  "\u0000\u0001\u001f",
  "\u202e\u200b\ufeff",
  "２９２２ＡＢ",
  "😀👨‍👩‍👧",
  "NaN",
  "Infinity",
  "-0",
  "1e309",
  "0x10",
  "{\"$gt\":\"\"}",
  "__proto__",
  "constructor",
];

/** Arbitrary input for one text field. */
const hostileText = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.string({ unit: "binary" }),
  fc.string({ minLength: 300, maxLength: 5000 }),
  fc.integer().map(String),
  fc.double().map(String),
  fc.constantFrom(...PAYLOADS),
  fc.tuple(fc.constantFrom(...PAYLOADS), fc.string()).map(([a, b]) => a + b),
);

async function counts() {
  const { db } = database.current.handle;
  const [requests] = await db.select({ n: sql<number>`count(*)::int` }).from(joinRequests);
  const [mails] = await db.select({ n: sql<number>`count(*)::int` }).from(mailOutbox);
  return { requests: Number(requests.n), mails: Number(mails.n) };
}

/** E-mails one accepted join request queues (to the group's admins, and the confirmation). */
let mailsPerJoin = 0;

/**
 * Since `before`, exactly the join requests of the `accepted` addresses were stored, and their
 * e-mails: anything a refused run stored would be a surplus.
 */
async function expectStoredExactly(before: { requests: number; mails: number }, accepted: Array<string | null>) {
  const after = await counts();
  expect(after.requests - before.requests, "join requests stored").toBe(accepted.length);
  expect(after.mails - before.mails, "e-mails queued").toBe(accepted.length * mailsPerJoin);
  const known = accepted.filter((email): email is string => email !== null);
  if (known.length > 0) {
    const { db } = database.current.handle;
    const found = await db.select({ email: joinRequests.email }).from(joinRequests).where(inArray(joinRequests.email, known));
    expect(found.map((r) => r.email).sort()).toEqual([...known].sort());
  }
}

beforeAll(async () => {
  // Rate limits on, but out of reach: each run comes from its own address.
  Object.assign(process.env, { API_RATE_LIMIT_PER_MINUTE: "1000000", LOG_LEVEL: "silent", TRUSTED_PROXY_HOPS: "0" });
  resetEnvForTests();
  // One valid request, to learn how many e-mails a join queues.
  const before = await counts();
  const state = await submitJoin({ ...VALID, email: `controle${run}@bewoner.example` });
  if (state.status !== "sent") throw new Error(`the valid join request was refused: ${JSON.stringify(state)}`);
  const after = await counts();
  expect(after.requests - before.requests).toBe(1);
  mailsPerJoin = after.mails - before.mails;
  expect(mailsPerJoin).toBeGreaterThan(0);
});

afterAll(() => {
  process.env = { ...savedEnv };
  resetEnvForTests();
});

let run = 0;
function nextAddress(): string {
  run += 1;
  return `10.${(run >> 16) & 255}.${(run >> 8) & 255}.${run & 255}`;
}

// ---------------------------------------------------------------------------------------------
// The join action

const VALID: Record<string, string> = {
  groupSlug: "langeland-noord",
  website: "",
  name: "Fenna Visser",
  phone: "06-12345678",
  "address.postcode": "2922 AB",
  "address.houseNumber": "12",
  "address.addition": "",
  birthDate: "1985-06-01",
  acceptHouseRules: "on",
};

/** Text without the characters cleaning removes, whitespace collapsed. */
const visible = (s: string) =>
  s
    .normalize("NFC")
    .replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, "")
    .replace(/\s+/g, " ")
    .trim();

/**
 * Per field: when an input can never be valid (an oracle independent of the schema). Inputs
 * that might be valid may be accepted or refused; either way nothing may break.
 */
const MUST_REFUSE: Record<string, (value: string) => boolean> = {
  name: (v) => !/\p{L}/u.test(v) || visible(v).length < 2 || visible(v).length > 300,
  email: (v) => !v.includes("@") || v.length > 1000,
  phone: (v) => (v.match(/[0-9]/g) ?? []).length < 9 || /\p{L}/u.test(v),
  "address.postcode": (v) => !/^[1-9][0-9]{3} ?[a-z]{2}$/i.test(visible(v)),
  "address.houseNumber": (v) => !/^[0-9]{1,9}$/.test(visible(v)) || Number(visible(v)) < 1,
  "address.addition": (v) => v.length > 20,
  birthDate: (v) => !/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(visible(v)),
  acceptHouseRules: (v) => v !== "on",
  groupSlug: (v) => v !== "langeland-noord",
};

async function submitJoin(values: Record<string, string>): Promise<JoinFormState> {
  forwardedFor = nextAddress();
  const form = new FormData();
  for (const [key, value] of Object.entries(values)) form.append(key, value);
  return joinGroupAction({ status: "idle" }, form);
}

describe("fuzzing the join action (publicAction + joinSubmissionSchema)", () => {
  for (const field of Object.keys(MUST_REFUSE)) {
    it(`${field}: ${RUNS} arbitrary values — invalid ones refused, nothing stored on refusal, no unexpected error`, async () => {
      let refused = 0;
      const accepted: Array<string | null> = [];
      const before = await counts();
      await fc.assert(
        fc.asyncProperty(hostileText, async (value) => {
          const email = `fuzz${run}@bewoner.example`;
          const values = { ...VALID, email, [field]: value };
          const state = await submitJoin(values);
          expect(["sent", "error"]).toContain(state.status);
          if (state.status === "error") {
            refused += 1;
            expect(state.message).not.toMatch(/probeer het later|even niet/i);
          } else {
            expect(MUST_REFUSE[field](value), `accepted ${JSON.stringify(value.slice(0, 80))}`).toBe(false);
            // (The email property's own value is stored normalised; it is counted, not looked up.)
            accepted.push(field === "email" ? null : email);
          }
          if (MUST_REFUSE[field](value)) expect(state.status).toBe("error");
        }),
        { numRuns: RUNS },
      );
      await expectStoredExactly(before, accepted);
      // The generator reaches refusals (and, for names, acceptances) — the property is not empty.
      expect(refused).toBeGreaterThan(0);
    }, FUZZ_TIMEOUT);
  }

  it(`a whole form of arbitrary values (${RUNS} runs) is refused and stores nothing`, async () => {
    const anyForm = fc.dictionary(fc.constantFrom(...Object.keys(VALID), "email", "$ACTION_ID_x", "__proto__"), hostileText);
    const before = await counts();
    await fc.assert(
      fc.asyncProperty(anyForm, async (values) => {
        const state = await submitJoin(values);
        expect(state.status).toBe("error");
      }),
      { numRuns: RUNS },
    );
    expect(await counts()).toEqual(before);
  }, FUZZ_TIMEOUT);
});

// ---------------------------------------------------------------------------------------------
// The bord report form ("Bord kapot of weg?" on a group's public page): anyone may send it.

const REPORT_RUNS = 300;

describe("fuzzing the bord report action (publicAction + bordReportSubmissionSchema)", () => {
  let standingId = "";
  beforeAll(async () => {
    const [standing] = await database.current.handle.db.select({ id: bords.id }).from(bords).where(eq(bords.status, "standing")).limit(1);
    standingId = standing.id;
  });
  const reportCount = async () => Number((await database.current.handle.db.select({ n: sql<number>`count(*)::int` }).from(bordReports))[0].n);
  const mustRefuse: Record<string, (value: string) => boolean> = {
    bordId: (v) => v !== standingId,
    kind: (v) => v !== "damaged" && v !== "missing",
    description: (v) => v.length > BORD_REPORT_DESCRIPTION_MAX_LENGTH * 2,
  };
  for (const field of Object.keys(mustRefuse)) {
    it(`${field}: ${REPORT_RUNS} arbitrary values — invalid ones refused in Dutch, one report per acceptance, no unexpected error`, async () => {
      let accepted = 0;
      let refused = 0;
      const before = await reportCount();
      await fc.assert(
        // Descriptions over the limit too: arbitrary text is rarely that long.
        fc.asyncProperty(field === "description" ? fc.oneof(hostileText, fc.string({ minLength: BORD_REPORT_DESCRIPTION_MAX_LENGTH * 2 + 1, maxLength: BORD_REPORT_DESCRIPTION_MAX_LENGTH * 3 })) : hostileText, async (value) => {
          forwardedFor = nextAddress();
          const values: Record<string, string> = { bordId: standingId, kind: "damaged", description: "Het bord hangt scheef.", website: "", [field]: value };
          const form = new FormData();
          for (const [key, v] of Object.entries(values)) form.append(key, v);
          const state = await reportBordAction({ status: "idle" }, form);
          expect(["sent", "error"]).toContain(state.status);
          if (state.status === "error") {
            refused += 1;
            expect(state.message).not.toMatch(/probeer het later|even niet/i);
          } else accepted += 1;
          if (mustRefuse[field](value)) expect(state.status, JSON.stringify(value.slice(0, 80))).toBe("error");
        }),
        { numRuns: REPORT_RUNS },
      );
      expect((await reportCount()) - before).toBe(accepted);
      // The generator reaches refusals, and (for the description) acceptances.
      expect(refused).toBeGreaterThan(0);
      if (field === "description") expect(accepted).toBeGreaterThan(0);
    }, FUZZ_TIMEOUT);
  }
});

// ---------------------------------------------------------------------------------------------
// The public API

const BASE = "http://localhost:3000/api/v1";
const params = (slug: string) => ({ params: Promise.resolve({ slug }) });

async function expectApiAnswer(response: Response, allowed: number[]): Promise<number> {
  expect(allowed, `status ${response.status}`).toContain(response.status);
  expect(response.headers.get("x-content-type-options") ?? "nosniff").toBe("nosniff");
  const body = (await response.json()) as { error?: { code: string; message: string } };
  if (response.status >= 400) {
    expect(body.error?.code).toMatch(/^(bad_request|not_found)$/);
    expect(body.error?.message.length).toBeGreaterThan(0);
  }
  return response.status;
}

function query(values: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value !== undefined) search.append(key, value);
  return `${BASE}/groepen?${search.toString()}`;
}

function apiRequest(url: string): Request {
  return new Request(url, { headers: { "x-forwarded-for": nextAddress() } });
}

describe("fuzzing the public API", () => {
  for (const name of ["postcode", "huisnummer", "toevoeging"] as const) {
    it(`GET /groepen with an arbitrary ${name} (${RUNS} runs): 200, 400 or 404, never 500; invalid values 400`, async () => {
      const before = await counts();
      await fc.assert(
        fc.asyncProperty(hostileText, async (value) => {
          const values = { postcode: "2922AB", huisnummer: "12", toevoeging: undefined as string | undefined, [name]: value };
          const status = await expectApiAnswer(await lookup(apiRequest(query(values))), [200, 400, 404]);
          const mustRefuse =
            (name === "postcode" && MUST_REFUSE["address.postcode"](value)) ||
            (name === "huisnummer" && MUST_REFUSE["address.houseNumber"](value)) ||
            (name === "toevoeging" && value.length > 20);
          if (mustRefuse) expect(status).toBe(400);
        }),
        { numRuns: RUNS },
      );
      expect(await counts()).toEqual(before);
    }, FUZZ_TIMEOUT);
  }

  it(`GET /groepen/{slug} and /wijken/{slug} with an arbitrary slug (${RUNS} runs each): 404, never 500`, async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, async (slug) => {
        fc.pre(!["langeland-noord", "langeland"].includes(slug));
        await expectApiAnswer(await getGroup(apiRequest(`${BASE}/groepen/x`), params(slug)), [404]);
        await expectApiAnswer(await getArea(apiRequest(`${BASE}/wijken/x`), params(slug)), [404]);
      }),
      { numRuns: RUNS },
    );
  }, FUZZ_TIMEOUT);

  it(`an arbitrary unknown path (${RUNS} runs): 404 in JSON`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(hostileText, { minLength: 1, maxLength: 5 }), async (path) => {
        await expectApiAnswer(await unknownRoute(apiRequest(`${BASE}/${path.map(encodeURIComponent).join("/")}`)), [404]);
      }),
      { numRuns: RUNS },
    );
  }, FUZZ_TIMEOUT);

  it(`an arbitrary X-Forwarded-For (${RUNS} runs) never breaks the rate limit`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 300 }), async (header) => {
        const response = await lookup(new Request(query({ postcode: "2922AB", huisnummer: "12" }), { headers: { "x-forwarded-for": header } }));
        expect([200, 429]).toContain(response.status);
      }),
      { numRuns: RUNS },
    );
  }, FUZZ_TIMEOUT);
});
