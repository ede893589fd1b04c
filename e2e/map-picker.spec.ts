import { STAFF } from "./support/accounts";
import { expectAccessible } from "./support/axe";
import { addSession, expect, test } from "./support/test";

/**
 * Issue 20: staff move a placed bord on the map of its wijk (click, arrow keys) or type the
 * coordinates (Dutch decimal commas), also without JavaScript. The demo seed has a placed bord
 * for Lansingh-Zuid Let Op Elkaar.
 */
test.describe.serial("the place of a placed bord", () => {
  test.setTimeout(120_000);

  async function openBord(page: import("@playwright/test").Page) {
    await page.goto("/beheer/geplaatste-borden");
    await page.getByRole("link", { name: "Lansingh-Zuid Let Op Elkaar" }).first().click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bord van Lansingh-Zuid Let Op Elkaar");
  }

  test("staff pick the point on the wijk map or with the keys, and save it; a bad place is refused at the field", async ({ browser }) => {
    const context = await browser.newContext();
    await addSession(context, STAFF);
    const page = await context.newPage();
    await openBord(page);
    const place = page.getByRole("region", { name: "Plek van het bord" });
    const map = place.getByRole("application", { name: "Punt op de kaart (niet verplicht)" });
    await expect(map).toBeVisible();
    // axe: scanned in a11y.spec.ts "pages": /beheer/geplaatste-borden/[id] (this bord, with the map).

    await map.click({ position: { x: 120, y: 80 } });
    await expect(place.getByText(/^Gekozen punt: 5\d,\d{6}; 4,\d{6}$/)).toBeVisible();
    await map.focus();
    await page.keyboard.press("Shift+ArrowLeft");
    await place.getByText("Of typ de coördinaten").click();
    const lat = await place.getByLabel("Breedtegraad").inputValue();
    const lng = await place.getByLabel("Lengtegraad").inputValue();
    expect(lat).toMatch(/^5\d,\d{6}$/);

    // A bad place first: the message at the field, what was picked stays.
    await place.getByLabel("Waar staat het bord?").fill("");
    await place.getByRole("button", { name: "Bewaar de plek" }).click();
    await expect(place.getByText(/Beschrijf waar het bord staat/).first()).toBeVisible();
    await expect(place.getByLabel("Breedtegraad")).toHaveValue(lat);
    await expectAccessible(page);

    await place.getByLabel("Waar staat het bord?").fill("Lansinghlaan bij de speeltuin");
    await place.getByRole("button", { name: "Bewaar de plek" }).click();
    await expect(page.getByRole("status").filter({ hasText: "De plek van het bord is bewaard." })).toBeVisible();
    await expect(page.getByText("Lansinghlaan bij de speeltuin").first()).toBeVisible();
    await expect(page.getByRole("region", { name: "Geschiedenis" })).toContainText(`Punt op de kaart: ${lat}; ${lng}.`);
    await expectAccessible(page);
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      await place.screenshot({ path: `test-results/map-picker-${width}.png` });
    }
    await context.close();
  });

  test("without JavaScript the coordinate fields save the point (decimal commas)", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    await addSession(context, STAFF);
    const page = await context.newPage();
    await openBord(page);
    const place = page.getByRole("region", { name: "Plek van het bord" });
    await expect(place.getByRole("application")).toHaveCount(0);
    await place.getByText("Coördinaten (niet verplicht)").click();
    await place.getByLabel("Breedtegraad").fill("51,912345");
    await place.getByLabel("Lengtegraad").fill("4,601234");
    await place.getByRole("button", { name: "Bewaar de plek" }).click();
    await expect(page.getByText("De plek van het bord is bewaard.")).toBeVisible();
    await expect(page.getByText("51.912345, 4.601234: bekijk op OpenStreetMap")).toBeVisible();
    await context.close();
  });
});

test("staff see gaps and overlap per wijk on the maps and in a table", async ({ browser }) => {
  const context = await browser.newContext();
  await addSession(context, STAFF);
  const page = await context.newPage();
  await page.goto("/beheer");
  const table = page.getByRole("table", { name: "Postcodes zonder groep en groepen met dezelfde adressen, per wijk" });
  await expect(table.getByRole("rowheader", { name: "Langeland" })).toBeVisible();
  await expect(page.getByRole("group", { name: "Kaart: dekking en borden" })).toContainText("zonder groep");
  // axe: scanned in a11y.spec.ts "pages": /beheer (staff), with this table and map.
  await page.setViewportSize({ width: 375, height: 900 });
  await page.getByRole("region", { name: "Gaten en overlap per wijk" }).screenshot({ path: "test-results/gaps-table-375.png" });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto("/beheer/wijken");
  const map = page.getByRole("img", { name: "Kaart: gaten en overlap" });
  await expect(map).toBeVisible();
  await expect(map).toContainText("zonder groep");
  // axe: scanned in a11y.spec.ts "pages": /beheer/wijken, with this map.
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await page.getByRole("figure", { name: "Kaart: gaten en overlap" }).screenshot({ path: `test-results/gaps-map-${width}.png` });
  }
  await context.close();
});
