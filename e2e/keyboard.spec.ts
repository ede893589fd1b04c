import type { Locator, Page } from "@playwright/test";
import { KEYBOARD_ADMIN, STAFF } from "./support/accounts";
import { tabTo } from "./support/keyboard";
import { addSession, expect, test } from "./support/test";

/**
 * The main journeys with the keyboard alone (Tab, Shift+Tab, Enter, Space; no mouse): look up
 * an address, ask to join a group, register a group, request a bord for it, and approve that
 * bord as staff. Every control reached shows a visible focus ring, and after a mistake or a
 * step the focus goes where the design says (first wrong field, next step's heading, result).
 * The journeys make their own group, so they do not depend on what other specs change.
 */

test.describe.configure({ mode: "serial" });
// Our own address for the rate limits of the public forms (the config trusts one proxy hop).
test.use({ extraHTTPHeaders: { "x-forwarded-for": "198.51.100.140" } });

const ADMIN = KEYBOARD_ADMIN;
const GROUP = "Toetsenbord Buurtpreventie Kerkdreef";
let groupId = "";

/** The focused element shows a focus ring: matches :focus-visible and has an outline of 2px or more. */
async function expectFocusVisible(page: Page): Promise<void> {
  const focus = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    return { what: `${el.tagName} ${el.id || el.textContent?.slice(0, 30)}`, visible: el.matches(":focus-visible"), outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
  expect(focus, "something has the focus").not.toBeNull();
  expect(focus!.visible, `${focus!.what} matches :focus-visible`).toBe(true);
  expect(focus!.outline, `${focus!.what} has an outline`).not.toBe("none");
  expect(focus!.width, `${focus!.what} outline width`).toBeGreaterThanOrEqual(2);
}

/** Tabs to `target` (fails when Tab never reaches it) and checks the focus ring. */
async function tab(page: Page, target: Locator): Promise<void> {
  await tabTo(page, target, 120);
  await expectFocusVisible(page);
}

async function type(page: Page, target: Locator, text: string): Promise<void> {
  await tab(page, target);
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  if (text) await page.keyboard.insertText(text);
}

async function press(page: Page, target: Locator, key: "Enter" | "Space" = "Enter"): Promise<void> {
  await tab(page, target);
  await page.keyboard.press(key);
}

test("lookup: skip link, postcode and house number, result, with the keyboard", async ({ page }) => {
  await page.goto("/");
  // The first Tab reaches the skip link; Enter moves on to the main content.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Naar de inhoud" })).toBeFocused();
  await expectFocusVisible(page);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#/);

  await type(page, page.getByLabel("Postcode").first(), "2922 ab");
  await type(page, page.getByLabel("Huisnummer").first(), "12");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/zoeken\?postcode=2922/);
  const result = page.getByRole("link", { name: "Buurtpreventie Langeland-Noord" }).first();
  await expect(result).toBeVisible();
  await press(page, result);
  await expect(page).toHaveURL(/\/groepen\/langeland-noord$/);
  // Shift+Tab goes back the way it came.
  await page.keyboard.press("Shift+Tab");
  await expectFocusVisible(page);
});

test("join: the form with the keyboard; a mistake puts the focus on the first wrong field; the confirmation gets the focus", async ({ page }) => {
  await page.goto("/groepen/langeland-noord");
  const send = page.getByRole("button", { name: "Aanmelding versturen" });
  await press(page, send);
  await expect(page.getByLabel("Uw naam")).toBeFocused();
  await expect(page.getByLabel("Uw naam")).toHaveAttribute("aria-invalid", "true");

  await type(page, page.getByLabel("Uw naam"), "Kees Toetsenbord");
  await type(page, page.getByLabel("E-mailadres"), "kees.toetsenbord@bewoner.example");
  await type(page, page.getByLabel("Mobiel nummer"), "06 12345670");
  await type(page, page.getByLabel("Postcode"), "2922 AB");
  await type(page, page.getByLabel("Huisnummer"), "14");
  // The date field is reached with Tab; its segments follow the browser's locale, so the value is set directly.
  await tab(page, page.getByLabel("Geboortedatum"));
  await page.getByLabel("Geboortedatum").fill("1975-06-01");
  await press(page, page.getByRole("checkbox"), "Space");
  await expect(page.getByRole("checkbox")).toBeChecked();
  await press(page, send);
  await expect(page.getByText("Uw aanmelding is verstuurd")).toBeVisible();
  await expect(page.locator(":focus")).toContainText("Uw aanmelding is verstuurd");
});

test("register a group with the keyboard: each step's heading gets the focus", async ({ page }) => {
  test.setTimeout(180_000);
  await addSession(page.context(), ADMIN);
  await page.goto("/groep-starten");
  const next = page.getByRole("button", { name: "Volgende stap" });
  await press(page, next);
  await expect(page.getByLabel("Uw naam")).toBeFocused();
  await type(page, page.getByLabel("Uw naam"), "Tess Toetsenbord");
  await type(page, page.getByLabel("Uw telefoonnummer"), "06 12345671");
  await tab(page, page.getByLabel("Uw geboortedatum"));
  await page.getByLabel("Uw geboortedatum").fill("1981-02-03");
  await type(page, page.getByLabel("Postcode"), "2922 BD");
  await type(page, page.getByLabel("Huisnummer"), "80");
  await press(page, next);
  await expect(page.getByRole("heading", { level: 2, name: "Stap 2 van 6: De groep" })).toBeFocused();
  await type(page, page.getByLabel("Naam van de groep"), GROUP);
  await press(page, next);
  await expect(page.getByRole("heading", { level: 2, name: /Stap 3 van 6/ })).toBeFocused();
  await press(page, next);
  await expect(page.getByRole("heading", { level: 2, name: "Stap 4 van 6: Adressen" })).toBeFocused();
  await type(page, page.getByLabel("Adressen (niet verplicht)"), Array.from({ length: 55 }, (_, i) => `2922 BD ${i + 1}`).join("\n"));
  await press(page, next);
  await expect(page.getByRole("heading", { level: 2, name: /Stap 5 van 6/ })).toBeFocused();
  await press(page, page.getByLabel("Ik heb de huisregels gelezen en ik houd me eraan."), "Space");
  await press(page, page.getByLabel("De bewoners die meedoen zijn 18 jaar of ouder en wonen op de adressen die ik opgeef."), "Space");
  await press(page, next);
  await expect(page.getByRole("heading", { level: 2, name: /Stap 6 van 6/ })).toBeFocused();
  await press(page, page.getByRole("button", { name: "Groep aanmelden" }));
  await expect(page).toHaveURL(/\/mijn-groepen\/[0-9a-f-]{36}\?nieuw=1$/);
  groupId = /\/mijn-groepen\/([0-9a-f-]{36})/.exec(page.url())![1];
  await expect(page.getByRole("heading", { level: 1, name: GROUP })).toBeVisible();
});

test("request a bord with the keyboard: a missing street puts the focus on that field", async ({ page }) => {
  await addSession(page.context(), ADMIN);
  await page.goto(`/mijn-groepen/${groupId}`);
  await press(page, page.getByRole("navigation", { name: /Onderdelen van/ }).getByRole("link", { name: "Bord" }));
  await expect(page.getByRole("heading", { level: 1, name: `Buurtpreventiebord voor ${GROUP}` })).toBeVisible();
  const send = page.getByRole("button", { name: "Bord aanvragen" });
  await press(page, send);
  await expect(page.getByLabel("Straat")).toBeFocused();
  await expect(page.getByLabel("Straat")).toHaveAttribute("aria-invalid", "true");
  await page.keyboard.insertText("Kerkdreef");
  // The number of bords is a select: arrow keys change it.
  await tab(page, page.getByLabel("Hoeveel borden wilt u?"));
  await page.keyboard.press("ArrowDown");
  await expect(page.getByLabel("Hoeveel borden wilt u?")).toHaveValue("2");
  await type(page, page.getByLabel("Beschrijf de plek (niet verplicht)"), "Bij het hek van de speeltuin.");
  await press(page, send);
  await expect(page.getByRole("heading", { level: 2, name: /^Uw aanvraag van/ })).toBeVisible();
  await expect(page.getByText("Bij het hek van de speeltuin.")).toBeVisible();
});

test("approve the bord as staff with the keyboard: the result message gets the focus", async ({ page }) => {
  await addSession(page.context(), STAFF);
  await page.goto("/beheer/borden");
  await press(page, page.getByRole("link", { name: GROUP }));
  await expect(page.getByRole("heading", { level: 1, name: `Bordaanvraag van ${GROUP}` })).toBeVisible();
  await page.locator("[data-hydrated]").first().waitFor({ state: "attached" });
  await press(page, page.getByRole("button", { name: "Neem in behandeling" }));
  await expect(page.getByText("Status: in behandeling")).toBeVisible();
  await expect(page.locator(":focus")).toContainText("De aanvraag is in behandeling genomen.");
  await press(page, page.getByRole("button", { name: "Keur goed" }));
  await expect(page.getByText("Status: goedgekeurd")).toBeVisible();
  await expect(page.locator(":focus")).toContainText("De aanvraag is goedgekeurd");
});
