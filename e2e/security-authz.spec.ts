import { readFileSync } from "node:fs";
import path from "node:path";
import { request as playwrightRequest, type APIRequestContext, type APIResponse } from "@playwright/test";
import { AUTHZ_DATA_DIR, AUTHZ_FIXTURE_FILE, AUTHZ_PEOPLE, authzBaseURL, AUTHZ_SECRETS, AUTHZ_TARGET, VOORBEELDSTAD, type AuthzFixture } from "./support/authz-fixture";
import {
  ACTION_MATRIX,
  AUTHZ_ACTORS,
  expectedPageOutcome,
  expectedRefusal,
  NO_MAIL_YET,
  PAGE_MATRIX,
  type ActionEntry,
  type AuthzActor,
  type ProbeSpec,
} from "./support/authz-matrix";
import { mailBarrier } from "./support/mail-barrier";
// The suite's `test` (not @playwright/test's): the same fixtures give the same worker hash, so
// Playwright schedules this file in its place among the others. With a `test` of its own it
// needed a worker of its own, which Playwright starts only when every other file is done: this
// file then ran last, alone, with the other worker idle (about a minute of the run on 2 cores).
// None of the suite's fixtures is used here (no page; the baseURL is the authorisation server's).
import { expect, test } from "./support/test";

/**
 * The authorisation matrix over real HTTP against the built server (issue 10, items 1–3): every
 * page and route of e2e/support/authz-matrix.ts as every actor, and every server action called
 * directly (POST with a Next-Action header, bypassing pages and proxy.ts) as every wrong actor
 * with the ids of someone else's data — the fictional municipality Voorbeeldstad that
 * e2e/support/authz-seed.ts writes before the server starts. Then: nothing changed (checked
 * through the pages of the rightful owner), the same calls from another site are refused, and
 * the rightful roles can do what the others could not (so every refusal above can fail).
 *
 * The tests of this file run in order: the last ones change the data on purpose.
 *
 * HTTP only: Playwright's request contexts, one per actor, no browser. Where a probe checks that
 * no e-mail went out, a mail barrier (e2e/support/mail-barrier.ts) first shows that the outbox
 * worker has delivered everything queued after the refused calls, so the check can fail.
 */

const root = path.join(__dirname, "..");
// Read when the tests run: the server's start (playwright.config.ts) builds the app and seeds these.
let fixture: AuthzFixture;
let ids: Map<string, string>;

/** Server action ids of the build, by "file#export". */
function actionIds(): Map<string, string> {
  const manifest = JSON.parse(readFileSync(path.join(root, ".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  return new Map(Object.entries(manifest.node).map(([id, entry]) => [`${entry.filename}#${entry.exportedName}`, id]));
}

const contexts = new Map<AuthzActor, APIRequestContext>();
let ownOrigin = "";

test.describe.configure({ mode: "serial" });
// The server with the second municipality (playwright.config.ts), not the demo server.
test.use({ baseURL: authzBaseURL() });

test.beforeAll(async ({ baseURL }) => {
  fixture = JSON.parse(readFileSync(path.join(root, AUTHZ_DATA_DIR, AUTHZ_FIXTURE_FILE), "utf8"));
  ids = actionIds();
  ownOrigin = new URL(baseURL!).origin;
  const host = new URL(baseURL!).hostname;
  for (const actor of AUTHZ_ACTORS) {
    const cookies =
      actor === "anonymous"
        ? []
        : [{ name: "authjs.session-token", value: fixture.sessions[actor], domain: host, path: "/", expires: -1, httpOnly: true, secure: false, sameSite: "Lax" as const }];
    contexts.set(actor, await playwrightRequest.newContext({ baseURL, storageState: { cookies, origins: [] } }));
  }
});

test.afterAll(async () => {
  for (const context of contexts.values()) await context.dispose();
});

function as(actor: AuthzActor): APIRequestContext {
  const context = contexts.get(actor);
  if (!context) throw new Error(`no request context for ${actor}`);
  return context;
}

/** The personal data of Voorbeeldstad that `actor` must not see (their own excepted). */
function secretsFor(actor: AuthzActor, extra: string[] = []): string[] {
  const own = actor === "anonymous" ? [] : Object.values(AUTHZ_PEOPLE[actor]).filter((v): v is string => typeof v === "string");
  return [...AUTHZ_SECRETS, ...extra].filter((s) => !own.includes(s));
}

function leaked(body: string, secrets: string[]): string[] {
  return secrets.filter((s) => body.includes(s));
}

async function get(actor: AuthzActor, url: string, postForm?: Record<string, string>): Promise<APIResponse> {
  if (postForm) return as(actor).post(url, { form: postForm, headers: { origin: ownOrigin }, maxRedirects: 0 });
  return as(actor).get(url, { maxRedirects: 0 });
}

/** The body as text, without the markers React puts between adjacent text pieces ("a<!-- -->b"). */
async function textOf(response: APIResponse): Promise<string> {
  return (await response.text()).replaceAll("<!-- -->", "");
}

function isSignInRedirect(response: APIResponse): boolean {
  return [302, 303, 307, 308].includes(response.status()) && (response.headers()["location"] ?? "").startsWith("/inloggen");
}

interface ActionCall {
  status: number;
  body: string;
  /** The action's return value (line 1 of the RSC answer), when there is one. */
  result: unknown;
  redirect: string | null;
}

/** Calls a server action the way React does it, straight at "/" (no page of the action's own). */
async function callAction(
  actor: AuthzActor,
  entry: ActionEntry,
  id: string,
  input: Record<string, unknown> | undefined,
  headers: Record<string, string>,
): Promise<ActionCall> {
  const common = { "next-action": id, accept: "text/x-component", ...headers };
  let response: APIResponse;
  if (entry.encoding === "json" || entry.encoding === "none") {
    response = await as(actor).post("/", {
      headers: { ...common, "content-type": "text/plain;charset=UTF-8" },
      data: JSON.stringify(entry.encoding === "none" ? [] : [input ?? {}]),
      maxRedirects: 0,
    });
  } else {
    // React's encodeReply: the FormData entries ("_1_<name>") come before the root ("0"); the
    // server resolves "$K1" when it reads "0". (A plain object would put "0" first: JavaScript
    // lists integer-like keys before the others.)
    const multipart = new FormData();
    for (const [key, value] of Object.entries(input ?? {})) multipart.append(`_1_${key}`, String(value));
    multipart.append("0", entry.encoding === "form" ? '["$K1"]' : '[{"status":"idle"},"$K1"]');
    response = await as(actor).post("/", { headers: common, multipart, maxRedirects: 0 });
  }
  const body = await response.text();
  const line = body.split("\n").find((l) => l.startsWith("1:"));
  let result: unknown = undefined;
  if (line) {
    try {
      result = JSON.parse(line.slice(2));
    } catch {
      result = line.slice(2);
    }
  }
  return { status: response.status(), body, result, redirect: response.headers()["x-action-redirect"] ?? null };
}

async function expectProbes(probes: ProbeSpec[], context: string): Promise<void> {
  for (const probe of probes) {
    const response = await get(probe.as, probe.url);
    const body = await textOf(response);
    expect(response.status(), `${context}: ${probe.as} GET ${probe.url}`).toBe(200);
    for (const s of probe.contains ?? []) expect(body, `${context}: ${probe.url} as ${probe.as} still shows "${s}"`).toContain(s);
    for (const s of probe.lacks ?? []) expect(body, `${context}: ${probe.url} as ${probe.as} does not show "${s}"`).not.toContain(s);
  }
}

/** A probe of the demo mailbox ("no e-mail reached X"). */
const checksMail = (probe: ProbeSpec) => probe.url.startsWith("/dev/mailbox");

const idOf = (entry: ActionEntry) => {
  const id = ids.get(`${entry.file}#${entry.name}`);
  if (!id) throw new Error(`${entry.file}#${entry.name} is not a server action of this build`);
  return id;
};

test("the build's server actions are exactly those of the matrix", () => {
  const inMatrix = new Set(ACTION_MATRIX.map((a) => `${a.file}#${a.name}`));
  const missing = [...ids.keys()].filter((k) => !inMatrix.has(k));
  expect(missing, "server actions of the build without a row in e2e/support/authz-matrix.ts").toEqual([]);
  const stale = [...inMatrix].filter((k) => !ids.has(k));
  expect(stale, "rows of the matrix that are no server action of the build").toEqual([]);
});

test.describe("pages and routes: only the rightful role gets the data", () => {
  for (const entry of PAGE_MATRIX) {
    test(`${entry.kind} ${entry.file} (${entry.access}: ${entry.what})`, async () => {
      const url = entry.url(fixture);
      const demo = entry.access === "demo";
      const statuses = new Set<number>();
      for (const actor of AUTHZ_ACTORS) {
        const form = entry.postForm?.(fixture);
        const response = await get(actor, url, form);
        const body = await textOf(response);
        const what = `${actor} ${form ? "POST" : "GET"} ${url}`;
        expect(response.status(), `${what}: no server error`).toBeLessThan(500);
        statuses.add(response.status());
        if (demo) continue; // the demo mailbox is open to every visitor of the demo, by design
        const outcome = expectedPageOutcome(entry, actor);
        if (outcome === "data") {
          expect(response.status(), what).toBe(200);
          for (const s of entry.shows(fixture)) expect(body, `${what} shows "${s}"`).toContain(s);
          continue;
        }
        if (outcome === "sign_in") {
          expect(isSignInRedirect(response), `${what}: redirect to /inloggen, got ${response.status()} ${response.headers()["location"] ?? ""}`).toBe(true);
        } else if (outcome === "not_found") {
          expect(response.status(), what).toBe(404);
        } else {
          expect([200, 302, 303, 307, 308], `${what}: own view`).toContain(response.status());
        }
        const linkHolder = new Set(entry.linkHolderSees?.(fixture) ?? []);
        expect(leaked(body, secretsFor(actor, entry.alsoProtected?.(fixture) ?? []).filter((s) => !linkHolder.has(s))), `${what}: protected data in the answer`).toEqual([]);
      }
      if (demo) expect(statuses.size, `${url}: the same answer for everyone`).toBe(1);
    });
  }
});

const targeted = ACTION_MATRIX.filter((a) => a.input);

test.describe("server actions called directly with someone else's ids: refused, nothing changed", () => {
  for (const entry of targeted) {
    test(`${entry.file}#${entry.name} (${entry.access}: ${entry.what})`, async ({ baseURL }) => {
      const id = idOf(entry);
      const input = entry.input!(fixture);
      for (const actor of AUTHZ_ACTORS.filter((a) => !entry.rightful.includes(a))) {
        const call = await callAction(actor, entry, id, input, { origin: baseURL! });
        const what = `${entry.name} as ${actor}`;
        expect(call.status, `${what}: HTTP status`).toBe(200);
        expect(leaked(call.body, secretsFor(actor)), `${what}: protected data in the answer`).toEqual([]);
        if (entry.encoding === "form") {
          // A form action returns nothing; the refusal shows in what did not change (below).
          expect(call.result, what).toBe("$undefined");
          continue;
        }
        expect(call.result, `${what}: refused`).toMatchObject({ ok: false, code: expectedRefusal(entry, actor) });
      }
      const probes = entry.unchanged?.(fixture) ?? [];
      // An e-mail a refused call had queued is in the demo mailbox once the barrier's is.
      if (probes.some(checksMail)) await mailBarrier(as("anonymous"), baseURL!);
      await expectProbes(probes, entry.name);
    });
  }

  test("registering a group needs a sign-in (the caller becomes the admin; no one else's ids)", async ({ baseURL }) => {
    const entry = ACTION_MATRIX.find((a) => a.name === "registerGroupAction")!;
    const call = await callAction("anonymous", entry, idOf(entry), { name: "Anonieme Groep", areaCode: "WK990101" }, { origin: baseURL! });
    expect(call.result).toMatchObject({ ok: false, code: "unauthorized" });
  });
});

const FOREIGN: [string, Record<string, string>][] = [
  ["Origin of another site", { origin: "https://aanval.example" }],
  ["Origin: null", { origin: "null" }],
  ["no Origin, Referer of another site", { referer: "https://aanval.example/formulier.html" }],
  ["Sec-Fetch-Site: cross-site", { "sec-fetch-site": "cross-site" }],
];

test.describe("request forgery: every server action and route refuses another site, also for its rightful role", () => {
  test("every server action × 4 foreign-origin variants: 403, nothing changed", async ({ baseURL }) => {
    for (const entry of ACTION_MATRIX) {
      const actor = entry.rightful.find((a) => a !== "anonymous") ?? "anonymous";
      const input = entry.input?.(fixture) ?? {};
      for (const [what, headers] of FOREIGN) {
        const withOrigin = headers["sec-fetch-site"] ? { origin: baseURL!, ...headers } : headers;
        const call = await callAction(actor, entry, idOf(entry), input, withOrigin);
        expect(call.status, `${entry.name} as ${actor} with ${what}`).toBe(403);
      }
    }
    await mailBarrier(as("anonymous"), baseURL!);
    for (const entry of targeted) await expectProbes(entry.unchanged?.(fixture) ?? [], `${entry.name} (forgery)`);
  });

  test("every page and route: POST, PUT, PATCH, DELETE from another site get 403", async () => {
    for (const entry of PAGE_MATRIX) {
      const url = entry.url(fixture);
      const actor = entry.rightful.find((a) => a !== "anonymous") ?? "anonymous";
      for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
        const response = await as(actor).fetch(url, { method, headers: { origin: "https://aanval.example" }, maxRedirects: 0 });
        expect(response.status(), `${method} ${url} (${entry.file}) as ${actor}`).toBe(403);
      }
    }
  });
});

test.describe("the rightful roles can do it (so the refusals above are real)", () => {
  const entry = (name: string, file?: string) => ACTION_MATRIX.find((a) => a.name === name && (!file || a.file === file))!;

  test("the group's admin removes an address; the staff member takes the bord request in review", async ({ baseURL }) => {
    const remove = entry("removeMemberAddressAction");
    const removed = await callAction("owner", remove, idOf(remove), remove.input!(fixture), { origin: baseURL! });
    expect(removed.result).toMatchObject({ ok: true });
    const api = await textOf(await get("anonymous", `/api/v1/groepen/${AUTHZ_TARGET.groupSlug}`));
    expect(api).toContain(`"addressCount":${AUTHZ_TARGET.addressCount - 1}`);

    const decide = entry("decideBordRequestAction");
    const decided = await callAction("staff", decide, idOf(decide), decide.input!(fixture), { origin: baseURL! });
    expect(decided.result).toMatchObject({ ok: true });
    expect(await textOf(await get("staff", `/beheer/borden/${fixture.bordRequestId}`))).toContain("in behandeling");
  });

  test("staff change their own municipality's settings; the platform admin sends the dead e-mail again", async ({ baseURL }) => {
    const settings = entry("updateSettingsAction");
    const changed = await callAction("staff", settings, idOf(settings), { bordThreshold: "40", safetyEmail: "team@voorbeeldstad.example", municipalityId: fixture.municipalityId }, { origin: baseURL! });
    expect(changed.result).toMatchObject({ ok: true });
    expect(await textOf(await get("staff", `/beheer/instellingen?gemeente=${fixture.municipalityId}`))).toContain("team@voorbeeldstad.example");

    const retry = entry("retryDeadMailAction");
    await callAction("platformAdmin", retry, idOf(retry), retry.input!(fixture), { origin: baseURL! });
    await expect
      .poll(async () => (await textOf(await get("anonymous", `/dev/mailbox?aan=${encodeURIComponent(AUTHZ_TARGET.deadMailTo)}`))).includes(NO_MAIL_YET), { timeout: 15_000 })
      .toBe(false);
  });

  test("staff run the yearly check for their municipality and keep the group that did not confirm", async ({ baseURL }) => {
    const run = entry("runYearlyCheckAction");
    await callAction("staff", run, idOf(run), run.input!(fixture), { origin: baseURL! });
    expect(await textOf(await get("staff", `/beheer/jaarcontrole?gemeente=${fixture.municipalityId}`))).toContain(`door ${AUTHZ_PEOPLE.staff.name}`);
    const keep = entry("keepGroupAction");
    await callAction("staff", keep, idOf(keep), keep.input!(fixture), { origin: baseURL! });
    expect(await textOf(await get("staff", `/beheer/groepen/${fixture.groupId}`))).toContain("Laatst bevestigd op");
  });

  test("the invited person accepts the invitation and becomes admin", async ({ baseURL }) => {
    const accept = entry("acceptInvitationAction");
    const accepted = await callAction("invitee", accept, idOf(accept), { ...accept.input!(fixture), name: "Ilse Uitgenodigd" }, { origin: baseURL! });
    expect(accepted.result).toMatchObject({ ok: true, data: { groupId: fixture.groupId } });
    const page = await get("invitee", `/mijn-groepen/${fixture.groupId}`);
    expect(page.status()).toBe(200);
    expect(await page.text()).toContain(AUTHZ_TARGET.groupName);
  });
});

test.describe("sign-out actions touch only the caller's own sessions", () => {
  test("sign out everywhere as one person: their session ends, everyone else's keeps working", async ({ baseURL }) => {
    const everywhere = ACTION_MATRIX.find((a) => a.name === "signOutEverywhereAction")!;
    const call = await callAction("otherWijkagent", everywhere, idOf(everywhere), undefined, { origin: baseURL! });
    expect(call.redirect ?? "").toContain("/uitloggen?klaar=alle");
    expect(isSignInRedirect(await get("otherWijkagent", "/wijkagent")), "the caller is signed out").toBe(true);
    expect((await get("wijkagent", "/wijkagent")).status()).toBe(200);
    expect((await get("owner", `/mijn-groepen/${fixture.groupId}`)).status()).toBe(200);

    const anonymous = await callAction("anonymous", everywhere, idOf(everywhere), undefined, { origin: baseURL! });
    expect(anonymous.redirect ?? "").toContain("/uitloggen");
    expect((await get("staff", `/beheer?gemeente=${fixture.municipalityId}`)).status()).toBe(200);
  });

  test("sign out here as one person: only that session ends", async ({ baseURL }) => {
    const here = ACTION_MATRIX.find((a) => a.name === "signOutAction")!;
    const call = await callAction("otherAdmin", here, idOf(here), undefined, { origin: baseURL! });
    expect(call.redirect ?? "").toContain("/uitloggen?klaar=1");
    expect(isSignInRedirect(await get("otherAdmin", "/mijn-groepen"))).toBe(true);
    expect((await get("owner", `/mijn-groepen/${fixture.groupId}`)).status()).toBe(200);
    expect(await textOf(await get("staff", `/beheer/instellingen?gemeente=${fixture.municipalityId}`))).toContain(VOORBEELDSTAD.name);
  });
});
