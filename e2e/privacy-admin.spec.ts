/**
 * /beheer/privacy: a platform admin exports everything about one e-mail address (a JSON
 * download) and erases it after a confirmation step. Other roles get 404, also on the export
 * route itself. axe on the page, on the form's error state and on the confirmation step.
 */
import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { PLATFORM_ADMIN, PRIVACY_PERSON, STAFF } from "./support/accounts";
import { expectAccessible } from "./support/axe";
import { addSession, expect, signIn, test } from "./support/test";

async function hydrated(page: Page) {
  await page.locator("[data-hydrated]").first().waitFor({ state: "attached" });
}

async function exportJson(page: Page): Promise<Record<string, unknown>> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Exporteren" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^persoonsgegevens-\d{4}-\d{2}-\d{2}\.json$/);
  return JSON.parse(await readFile(await download.path(), "utf8")) as Record<string, unknown>;
}

test.describe("privacy requests by e-mail address", () => {
  test.setTimeout(120_000);

  test("other roles do not find the page or the export", async ({ page, request, baseURL }) => {
    // Signed out: the redirect to /inloggen, over HTTP.
    const anonymous = await request.get("/beheer/privacy");
    expect(anonymous.status()).toBe(200);
    expect(anonymous.url()).toBe(`${baseURL}/inloggen?terug=%2Fbeheer%2Fprivacy`);

    await addSession(page.context(), STAFF);
    const response = await page.goto("/beheer/privacy");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("navigation", { name: "Beheer" }).getByRole("link", { name: "Gegevens van een persoon" })).toHaveCount(0);
    const exported = await page.request.post("/beheer/privacy/export", {
      form: { email: "bewoner@krimpen.example" },
      headers: { Origin: new URL(page.url()).origin },
    });
    expect(exported.status()).toBe(404);
    expect(await exported.text()).not.toContain("bewoner@krimpen.example");
  });

  test("a platform admin exports and erases everything about an address", async ({ page, browser }) => {
    // Someone who signed in once: a resident account with a session (seeded; it works).
    const person = PRIVACY_PERSON;
    const residentContext = await browser.newContext();
    await addSession(residentContext, person);
    const residentPage = await residentContext.newPage();
    await residentPage.goto("/inloggen/verder");
    await expect(residentPage).toHaveURL(/\/mijn-groepen$/);
    await residentContext.close();

    await signIn(page, PLATFORM_ADMIN);
    await page.getByRole("navigation", { name: "Beheer" }).getByRole("link", { name: "Gegevens van een persoon" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Gegevens van een persoon" })).toBeVisible();
    await hydrated(page);
    // axe: scanned in a11y.spec.ts "pages": /beheer/privacy (platform admin).

    // Bad input: the message at the field, nothing downloaded.
    const field = page.getByLabel("E-mailadres");
    await field.fill("geen-adres");
    await page.getByRole("button", { name: "Exporteren" }).click();
    await expect(page.getByText("Dit e-mailadres klopt niet.")).toBeVisible();
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expectAccessible(page);
    await field.fill(`<script>alert(1)</script>@x.nl`);
    await page.getByRole("button", { name: "Wissen…" }).click();
    await expect(page.getByText("Dit e-mailadres klopt niet.")).toBeVisible();
    await expect(page.getByRole("heading", { name: /Alles wissen over/ })).toHaveCount(0);

    // Export: a JSON file about the person, typed in another case.
    await field.fill(person.toUpperCase());
    const data = await exportJson(page);
    expect(data.about).toBe(person);
    expect(data.account).toMatchObject({ email: person, role: "resident" });
    expect((data.sessions as { active: number }).active).toBeGreaterThanOrEqual(1);

    // Erase: first what would go, then the confirmation (refused without the tick).
    await page.getByRole("button", { name: "Wissen…" }).click();
    await expect(page.getByRole("heading", { name: `Alles wissen over ${person}?` })).toBeVisible();
    await expect(page.getByText("Het account, met de sessies en de persoonlijke gegevens.")).toBeVisible();
    // The name and phone in free text (issue 18, point 6; the hits themselves: lib/data/internal/privacy-free-text.test.ts).
    await expect(page.getByRole("heading", { name: "Naam en telefoonnummer in vrije tekst" })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Definitief wissen" }).click();
    await expect(page.getByText("Vink aan dat u alles over dit e-mailadres wilt wissen.")).toBeVisible();
    await expect(page.getByLabel("Ik weet dat dit niet ongedaan kan worden gemaakt.")).toHaveAttribute("aria-invalid", "true");
    await expectAccessible(page);
    await page.getByLabel("Ik weet dat dit niet ongedaan kan worden gemaakt.").check();
    await page.getByRole("button", { name: "Definitief wissen" }).click();
    await expect(page.getByRole("status")).toContainText("Gewist: het account");
    await expectAccessible(page);

    // Nothing is left to export.
    await field.fill(person);
    const after = await exportJson(page);
    expect(after.account).toBeNull();
    expect(after.joinRequests).toEqual([]);
  });
});
