import { STAFF, WIJKAGENT } from "./support/accounts";
import { expectAccessible } from "./support/axe";
import { addSession, expect, test } from "./support/test";

/**
 * The maps (issue 20): drawn on the server as SVG, so they work without JavaScript and without
 * a tile server. Every wijk on the /wijken map is a link whose name carries the same figure as
 * the table; the wijk page shows its outline and placed bords; staff and the wijkagent see
 * theirs; staff import boundaries from a GeoJSON file.
 */

test.describe("the public maps", () => {
  test("/wijken: a choropleth whose wijk links carry the table's figures, also without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/wijken");
    const map = page.getByRole("group", { name: "Kaart: deel van de adressen dat meedoet, per wijk" });
    await expect(map).toBeVisible();
    await expect(map.getByRole("link")).toHaveCount(6);
    const table = page.getByRole("table", { name: "Alle cijfers" });
    for (const name of ["Langeland", "Oud-Krimpen", "Kortland-Noord"]) {
      const row = table.getByRole("row", { name: new RegExp(name) }).first();
      const percent = ((await row.getByRole("cell").last().textContent()) ?? "").trim();
      expect(percent).toMatch(/^\d+,\d%$/);
      await expect(map.getByRole("link", { name: new RegExp(`^${name}: ${percent} van de adressen doet mee`) })).toHaveCount(1);
    }
    await expect(page.getByRole("figure", { name: /Kaart/ })).toContainText("Deel van de adressen dat meedoet");
    await map.getByRole("link", { name: /^Langeland:/ }).click();
    await expect(page).toHaveURL(/\/wijken\/langeland$/);
    await expect(page.getByRole("img", { name: "Kaart van Langeland" })).toBeVisible();
    await context.close();
  });

  test("a wijk page shows its placed bords on the map and as a list; an open request is not shown", async ({ page }) => {
    await page.goto("/wijken/lansingh-zuid");
    const map = page.getByRole("img", { name: "Kaart van Lansingh-Zuid" });
    await expect(map).toBeVisible();
    await expect(map.locator("circle")).toHaveCount(1);
    await expect(page.getByRole("heading", { name: "Geplaatste borden" })).toBeVisible();
    await expect(page.getByText("Lansinghlaan (Lansingh-Zuid Let Op Elkaar)", { exact: true })).toBeVisible();
    await expectAccessible(page);
    await page.goto("/wijken/langeland");
    await expect(page.getByRole("img", { name: "Kaart van Langeland" }).locator("circle")).toHaveCount(0);
    await expect(page.getByText("In deze wijk staat nog geen buurtpreventiebord op de kaart.")).toBeVisible();
  });

  test("the GeoJSON API answers every wijk with its outline", async ({ request }) => {
    const response = await request.get("/api/v1/wijkgrenzen?gemeente=GM0542");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/geo+json; charset=utf-8");
    const body = (await response.json()) as { features: Array<{ id: string; geometry: { type: string } | null }> };
    expect(body.features).toHaveLength(6);
    for (const feature of body.features) expect(feature.geometry?.type).toBe("Polygon");
  });
});

test.describe("staff and wijkagent maps", () => {
  test("/beheer: coverage and bords; a bord marker links to its request", async ({ page, context }) => {
    await addSession(context, STAFF);
    await page.goto("/beheer");
    const map = page.getByRole("group", { name: "Kaart: dekking en borden" });
    await expect(map.getByRole("link", { name: /^Langeland:/ })).toHaveAttribute("href", /\/beheer\/groepen\?wijk=/);
    await expect(map.getByRole("link", { name: /^Bord geplaatst: Lansinghlaan/ })).toHaveAttribute("href", /\/beheer\/borden\//);
    // axe: scanned in a11y.spec.ts "pages": /beheer (staff), with this map.
  });

  test("staff import a boundary file on /beheer/wijken: a broken file is refused at the field, a good one is stored", async ({ page, context }) => {
    await addSession(context, STAFF);
    await page.goto("/beheer/wijken");
    await page.locator("[data-hydrated]").first().waitFor({ state: "attached" });
    const input = page.getByLabel("GeoJSON-bestand met wijkgrenzen");
    await input.setInputFiles({ name: "kapot.geojson", mimeType: "application/geo+json", buffer: Buffer.from("{kapot") });
    await page.getByRole("button", { name: "Lees de wijkgrenzen in" }).click();
    await expect(page.getByText("Dit is geen GeoJSON-bestand").first()).toBeVisible();
    await expect(input).toHaveAttribute("aria-invalid", "true");
    // axe: scanned in a11y.spec.ts "staff forms": the boundary import form with its message.
    // The demo outline of Boveneind again (so other specs see the same map), in a CBS-style file.
    const api = (await (await context.request.get("/api/v1/wijkgrenzen?gemeente=GM0542")).json()) as {
      features: Array<{ id: string; geometry: unknown }>;
    };
    const boveneind = api.features.find((f) => f.id === "WK054206")!;
    const file = { type: "FeatureCollection", features: [{ type: "Feature", properties: { WK_CODE: "WK054206", WK_NAAM: "Boveneind" }, geometry: boveneind.geometry }] };
    await input.setInputFiles({ name: "wijken.geojson", mimeType: "application/geo+json", buffer: Buffer.from(JSON.stringify(file)) });
    await page.getByRole("button", { name: "Lees de wijkgrenzen in" }).click();
    await expect(page.getByText(/De grenzen van 1 wijk zijn opgeslagen\. Geen grens in het bestand voor: WK054201/)).toBeVisible();
  });

  test("/wijkagent: a map of the officer's own wijken only", async ({ page, context }) => {
    await addSession(context, WIJKAGENT);
    await page.goto("/wijkagent");
    const map = page.getByRole("group", { name: "Kaart van mijn wijken" });
    await expect(map.getByRole("link")).toHaveCount(2);
    await expect(map.getByRole("link", { name: /^Langeland/ })).toHaveAttribute("href", /^#wijk-/);
    await expect(map.getByRole("link", { name: /^Oud-Krimpen/ })).toBeVisible();
    await expect(map.getByRole("link", { name: /Boveneind/ })).toHaveCount(0);
    // axe: scanned in a11y.spec.ts "pages": /wijkagent, with this map.
  });
});
