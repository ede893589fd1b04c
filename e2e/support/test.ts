/**
 * The `test` of every spec that uses the demo servers: Playwright's, with
 * - `server` (worker-scoped): this worker's own demo server (e2e/support/servers.ts), and
 *   `baseURL` pointing at it, so two workers never share a database;
 * - `signedInAs` (option): `test.use({ signedInAs: STAFF })` gives every page and request of a
 *   test the session the seed stored for that account (its storageState);
 * - `signIn(page, email)`: the same for one browser context, mid-test (specs that act as several
 *   people). It ends on the account's start page, as signing in does.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { test as base, type BrowserContext, type Page } from "@playwright/test";
import type { SeededAccount } from "./accounts";
import { e2eServerFor, SESSION_COOKIE, SESSIONS_FILE, type E2EServer } from "./servers";

export { expect } from "@playwright/test";

const root = path.join(__dirname, "..", "..");
const tokens = new Map<string, Record<string, string>>();

/** The session token the seed stored for `email` on `server`. */
function sessionToken(server: E2EServer, email: SeededAccount): string {
  let forServer = tokens.get(server.dataDir);
  if (!forServer) {
    forServer = JSON.parse(readFileSync(path.join(root, server.dataDir, SESSIONS_FILE), "utf8")) as Record<string, string>;
    tokens.set(server.dataDir, forServer);
  }
  const token = forServer[email];
  if (!token) throw new Error(`No seeded session for ${email}: add the account to e2e/support/accounts.ts`);
  return token;
}

/** A Playwright storageState with the seeded session of `email` on `server`. */
export function storageStateFor(server: E2EServer, email: SeededAccount) {
  return {
    cookies: [
      {
        name: SESSION_COOKIE,
        value: sessionToken(server, email),
        domain: "localhost",
        path: "/",
        expires: Math.floor(Date.now() / 1000) + 24 * 60 * 60,
        httpOnly: true,
        secure: false,
        sameSite: "Lax" as const,
      },
    ],
    origins: [],
  };
}

/** Puts the seeded session of `email` in `context` (replacing any session cookie there). */
export async function addSession(context: BrowserContext, email: SeededAccount): Promise<void> {
  const server = e2eServerFor(base.info().parallelIndex);
  await context.clearCookies({ name: SESSION_COOKIE });
  await context.addCookies(storageStateFor(server, email).cookies);
}

/**
 * Signs `page`'s context in as `email` with the seeded session and opens the account's start
 * page (what /inloggen/verder does after a real sign-in).
 */
export async function signIn(page: Page, email: SeededAccount): Promise<void> {
  await addSession(page.context(), email);
  await page.goto("/inloggen/verder");
}

/**
 * Whether React has taken over every form of the page (hydration). Before that, a click on a
 * form that only works with JavaScript is sent by the browser itself (a POST to the page, which
 * shows the form again) and the test waits in vain for the form's answer: stop 31's CI failed
 * on that in a11y.spec.ts.
 * Pages that are not Next.js pages, or that run without JavaScript (Next's inline scripts then
 * never ran, so `__next_f` is missing), are ready at once.
 */
function formsHydrated(): boolean {
  if (!("__next_f" in self)) return true;
  return Array.from(document.forms).every((form) => Object.keys(form).some((key) => key.startsWith("__reactProps$")));
}

/** Waits until React has taken over every form of `page` (see formsHydrated). */
export async function hydrated(page: Page): Promise<void> {
  await page.waitForFunction(formsHydrated, undefined, { polling: 50 });
}

const gotoWaitsForHydration = Symbol("gotoWaitsForHydration");

/**
 * Makes every `page.goto` of this worker (also on pages of contexts a spec makes itself) wait
 * for hydration after the load, so a spec can fill a form right after opening its page.
 */
function patchGoto(page: Page): void {
  const proto = Object.getPrototypeOf(page) as Page & { [gotoWaitsForHydration]?: true };
  if (proto[gotoWaitsForHydration]) return;
  const goto = proto.goto;
  proto.goto = async function (this: Page, ...args: Parameters<Page["goto"]>) {
    const response = await goto.apply(this, args);
    const waitUntil = args[1]?.waitUntil;
    if (waitUntil !== "commit" && response && (response.headers()["content-type"] ?? "").startsWith("text/html")) await hydrated(this);
    return response;
  };
  proto[gotoWaitsForHydration] = true;
}

// (The fixtures' callback is called `provide`, not `use`: React's lint rule would take it for a hook.)
export const test = base.extend<{ signedInAs: SeededAccount | null }, { server: E2EServer; hydratingGoto: void }>({
  hydratingGoto: [
    async ({ browser }, provide) => {
      const context = await browser.newContext();
      patchGoto(await context.newPage());
      await context.close();
      await provide();
    },
    { scope: "worker", auto: true },
  ],
  server: [async ({}, provide, workerInfo) => provide(e2eServerFor(workerInfo.parallelIndex)), { scope: "worker" }],
  baseURL: async ({ server }, provide) => provide(server.url),
  signedInAs: [null, { option: true }],
  storageState: async ({ signedInAs, server, storageState }, provide) => provide(signedInAs ? storageStateFor(server, signedInAs) : storageState),
});
