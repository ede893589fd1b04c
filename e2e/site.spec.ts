import { expectAccessible } from "./support/axe";
import { expect, test } from "./support/test";

test.describe("the frame of the site", () => {
  test("the home page is Dutch, shows the demo banner and the address form (axe: a11y.spec.ts)", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "nl");
    await expect(page.getByText("Demo-omgeving.")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
    await expect(page.getByLabel("Postcode")).toBeVisible();
    await expect(page.getByRole("link", { name: "Privacy" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Toegankelijkheid" })).toBeVisible();
    // axe: scanned in a11y.spec.ts "pages": / (anon).
  });

  test("the skip link moves to the content", async ({ page }) => {
    await page.goto("/");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Naar de inhoud" });
    await expect(skip).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#inhoud$/);
  });

  test("an unknown page gets a Dutch 404 page", async ({ page }) => {
    const response = await page.goto("/bestaat-niet");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Deze pagina bestaat niet" })).toBeVisible();
    await expectAccessible(page);
  });

  for (const path of ["/privacy", "/toegankelijkheid"]) {
    test(`${path} is reachable from every page (axe: a11y.spec.ts)`, async ({ page }) => {
      await page.goto("/");
      await page.getByRole("contentinfo").getByRole("link", { name: path === "/privacy" ? "Privacy" : "Toegankelijkheid" }).click();
      await expect(page).toHaveURL(new RegExp(`${path}$`));
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page).toHaveTitle(path === "/privacy" ? /^Privacy \|/ : /^Toegankelijkheid \|/);
      // axe: scanned in a11y.spec.ts "pages": /privacy and /toegankelijkheid (anon).
    });
  }
});

test.describe("looking up an address from the home page", () => {
  test("finds the seeded group for 2922 AB 12 in one step", async ({ page }) => {
    await page.goto("/");
    await page.getByLabel("Postcode").fill("2922 ab");
    await page.getByLabel("Huisnummer").fill("12");
    await page.getByRole("button", { name: "Zoeken" }).click();
    await expect(page).toHaveURL(/\/zoeken\?postcode=2922\+ab&huisnummer=12/);
    await expect(page.getByRole("link", { name: "Buurtpreventie Langeland-Noord" })).toBeVisible();
    // axe: scanned in a11y.spec.ts "pages": /zoeken with the results for 2922 AB 12.
  });

  test("shows the message at the field for a postcode that does not exist", async ({ page }) => {
    await page.goto("/zoeken?postcode=1234SA&huisnummer=1");
    const postcode = page.getByLabel("Postcode");
    await expect(postcode).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("Deze postcode bestaat niet")).toBeVisible();
    await expect(postcode).toHaveValue("1234SA");
    // axe: scanned in a11y.spec.ts "public forms": /zoeken with the messages at the fields (1234SA, 0).
  });

  test("works without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/");
    await page.getByLabel("Postcode").fill("2922AB");
    await page.getByLabel("Huisnummer").fill("12");
    await page.getByRole("button", { name: "Zoeken" }).click();
    await expect(page.getByRole("link", { name: "Buurtpreventie Langeland-Noord" })).toBeVisible();
    await context.close();
  });
});
