import type { Page } from "@playwright/test";
import { STAFF } from "./support/accounts";
import { addSession, expect, test } from "./support/test";

/**
 * The page cache of the real server (scripts/server.mjs, scripts/page-cache.mjs; issues 20 and
 * 23): the wijk list and the wijk pages are rendered once and kept a few seconds. What a
 * visitor relies on: every answer has a nonce of its own and its scripts run under it; a
 * signed-in visitor gets their own page, never the kept one; a change made on the site shows on
 * the next request, not seconds later.
 */

const nonceOf = (policy: string | undefined) => /'nonce-([^']+)'/.exec(policy ?? "")?.[1];

async function hydrated(page: Page) {
  await page.locator("[data-hydrated]").first().waitFor({ state: "attached" });
}

test.describe("the cached public pages", () => {
  test("every answer carries a nonce of its own, in the policy and on the page's scripts, and the page's scripts run", async ({ request, page }) => {
    const answers = [];
    for (let i = 0; i < 3; i++) {
      const response = await request.get("/wijken");
      expect(response.status()).toBe(200);
      answers.push({ nonce: nonceOf(response.headers()["content-security-policy"]), html: await response.text() });
    }
    expect(new Set(answers.map((a) => a.nonce)).size).toBe(3);
    for (const { nonce, html } of answers) {
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(html).toContain("Groepen per wijk</h1>");
      // Every nonce in the page (scripts, styles, preloads) is this answer's.
      const inPage = [...html.matchAll(/ nonce="([^"]+)"/g)].map((m) => m[1]);
      expect(inPage.length).toBeGreaterThan(5);
      expect(new Set(inPage)).toEqual(new Set([nonce]));
    }

    const refused: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) refused.push(message.text());
    });
    await page.goto("/wijken");
    await page.goto("/wijken");
    // Next.js's scripts ran (they only run with the answer's nonce): the page is interactive.
    await page.waitForFunction(() => typeof (window as unknown as { next?: unknown }).next === "object");
    await page.getByRole("link", { name: /^Langeland:/ }).click();
    await expect(page).toHaveURL(/\/wijken\/langeland$/);
    expect(refused).toEqual([]);
  });

  test("a signed-in visitor gets their own page, not the one kept for visitors who are not signed in", async ({ request, browser }) => {
    // Kept: the page without anyone signed in.
    expect(await (await request.get("/wijken/langeland")).text()).not.toContain("Uitloggen");
    const context = await browser.newContext();
    try {
      await addSession(context, STAFF);
      const page = await context.newPage();
      await page.goto("/wijken/langeland");
      await expect(page.getByRole("button", { name: "Uitloggen" })).toBeVisible();
    } finally {
      await context.close();
    }
    expect(await (await request.get("/wijken/langeland")).text()).not.toContain("Uitloggen");
  });

  test("a change made on the site shows on the next request", async ({ request, browser }) => {
    const heading = async () => /<h1[^>]*>Wijk <!-- -->([^<]*)</.exec(await (await request.get("/wijken/langeland")).text())?.[1];
    expect(await heading()).toBe("Langeland");
    expect(await heading()).toBe("Langeland");
    const context = await browser.newContext();
    const page = await context.newPage();
    await addSession(context, STAFF);
    const rename = async (from: string, to: string) => {
      await page.goto("/beheer/wijken");
      await hydrated(page);
      const wijk = page.locator("details").filter({ has: page.locator("summary", { hasText: new RegExp(`^${from} \\(`) }) });
      await wijk.locator("summary").click();
      await wijk.getByLabel("Naam", { exact: true }).fill(to);
      await wijk.getByRole("button", { name: "Sla wijk op" }).click();
      // Not inside `wijk`: once saved, its summary carries the new name and no longer matches `from`.
      await expect(page.getByText("De wijk is opgeslagen.")).toBeVisible();
    };
    try {
      await rename("Langeland", "Langeland Tijdelijk");
      expect(await heading()).toBe("Langeland Tijdelijk");
    } finally {
      await rename("Langeland Tijdelijk", "Langeland").catch(() => {});
      await context.close();
    }
    expect(await heading()).toBe("Langeland");
  });
});
