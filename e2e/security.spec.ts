import type { Page } from "@playwright/test";
import { GROUP_ADMIN, STAFF, WIJKAGENT } from "./support/accounts";
import { expect, test } from "./support/test";
import { watch } from "./support/watch";

/**
 * The pages still work under the Content-Security-Policy (a nonce per request, no inline
 * scripts or styles): no console error, no CSP violation, and client-side code runs. (The pages
 * of signing in through the demo mailbox are watched the same way in e2e/sign-in.spec.ts.)
 */

/** Opens `path`, waits until it has settled, and checks the policy arrived with a nonce. */
async function open(page: Page, path: string): Promise<void> {
  const response = await page.goto(path);
  expect(response, path).not.toBeNull();
  const csp = response!.headers()["content-security-policy"] ?? "";
  expect(csp, `CSP on ${path}`).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).not.toContain("unsafe-inline");
  await page.waitForLoadState("load");
  // Give hydration and any late script or style a moment to run (and be blocked, if so).
  await page.waitForTimeout(400);
}

const PUBLIC_PAGES = [
  "/",
  "/zoeken?postcode=2922AB&huisnummer=12",
  "/zoeken?postcode=0000&huisnummer=x",
  "/groepen/langeland-noord",
  "/groepen/bestaat-niet",
  "/wijken",
  "/wijken/langeland",
  "/informatie",
  "/privacy",
  "/toegankelijkheid",
  "/inloggen",
  "/uitloggen",
];

test("every public page loads under the policy without console errors or CSP violations", async ({ page }) => {
  const w = await watch(page);
  for (const path of PUBLIC_PAGES) {
    await open(page, path);
    expect(w.problems, `problems on ${path}`).toEqual([]);
  }
});

test("the join form still validates in the browser (client code runs under the policy)", async ({ page }) => {
  const w = await watch(page);
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST") posts.push(request.url());
  });
  await open(page, "/groepen/langeland-noord");
  await page.getByLabel("Postcode").fill("0000 AA");
  await page.getByRole("button", { name: "Aanmelding versturen" }).click();
  await expect(page.getByLabel("Uw naam")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Postcode")).toHaveAttribute("aria-invalid", "true");
  // Checked in the browser: nothing was sent to the server.
  expect(posts).toEqual([]);
  expect(w.problems).toEqual([]);
});

const ROLES = [
  { email: GROUP_ADMIN, start: "/mijn-groepen" },
  { email: STAFF, start: "/beheer" },
  { email: WIJKAGENT, start: "/wijkagent" },
] as const;

for (const role of ROLES) {
  test.describe(() => {
    test.use({ signedInAs: role.email });
    test(`${role.email} signed in opens ${role.start} without console errors or CSP violations`, async ({ page }) => {
      const w = await watch(page);
      await open(page, role.start);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      // Client-side navigation (the router's scripts) works too.
      await page.getByRole("link", { name: "Hoe werkt het?" }).first().click();
      await expect(page).toHaveURL(/\/informatie$/);
      expect(w.problems).toEqual([]);
    });
  });
}
