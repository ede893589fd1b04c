import { PLATFORM_ADMIN } from "./support/accounts";
import { expectAccessible } from "./support/axe";
import { addSession, expect, test } from "./support/test";

/**
 * /beheer/gemeenten (issue 19): a platform admin adds a municipality (the form's errors are
 * scanned with axe), edits it, invites a staff member for it, disables it and enables it again.
 * The municipality is a new one, so the demo data other specs use stays as it was.
 */
test("a platform admin adds, edits, staffs, disables and enables a municipality", async ({ page }) => {
  test.setTimeout(120_000);
  const code = `GM8${String(Math.floor(Math.random() * 1000)).padStart(3, "0")}`;
  const name = `Proefdorp ${code.slice(2)}`;
  await addSession(page.context(), PLATFORM_ADMIN);
  await page.goto("/beheer/gemeenten");
  await expect(page.getByRole("heading", { level: 1, name: "Gemeenten" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Krimpen aan den IJssel", exact: true })).toBeVisible();
  await page.locator("[data-hydrated]").first().waitFor({ state: "attached" });

  // Empty and wrong input: messages at the fields, nothing added.
  await page.getByRole("button", { name: "Voeg gemeente toe" }).click();
  await expect(page.getByText("Vul de CBS-code van de gemeente in, zoals GM0542.")).toBeVisible();
  await expect(page.getByText("Vul de naam van de gemeente in.")).toBeVisible();
  await expect(page.getByLabel("CBS-code", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
  await page.getByLabel("CBS-code", { exact: true }).fill("0542");
  await page.getByLabel("Naam", { exact: true }).fill(name);
  await page.getByLabel("E-mailadres van team Veiligheid").fill("veiligheid@proefdorp.example");
  await page.getByRole("button", { name: "Voeg gemeente toe" }).click();
  await expect(page.getByText("Een CBS-code is GM met vier cijfers, zoals GM0542.")).toBeVisible();
  // A code another municipality has: the server's answer, at the field.
  await page.getByLabel("CBS-code", { exact: true }).fill("gm0542");
  await page.getByRole("button", { name: "Voeg gemeente toe" }).click();
  await expect(page.getByText("Er is al een gemeente met deze CBS-code.").first()).toBeVisible();
  await expect(page.getByLabel("Naam", { exact: true })).toHaveValue(name);

  await page.getByLabel("CBS-code", { exact: true }).fill(code);
  await page.getByRole("button", { name: "Voeg gemeente toe" }).click();
  await expect(page).toHaveURL(/\/beheer\/gemeenten\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: `Gemeente ${name}` })).toBeVisible();
  await expect(page.getByText("Europe/Amsterdam")).toBeVisible();
  await page.locator("[data-hydrated]").first().waitFor({ state: "attached" });

  // Edit: a wrong threshold is refused, a good one saved.
  await page.locator("#municipality-bordThreshold").fill("0");
  await page.getByRole("button", { name: "Sla op" }).click();
  await expect(page.getByText("Vul een getal in van 1 tot en met 1000.")).toBeVisible();
  await expectAccessible(page);
  await page.locator("#municipality-bordThreshold").fill("30");
  await page.getByRole("button", { name: "Sla op" }).click();
  await expect(page.getByText("De gegevens van de gemeente zijn opgeslagen.")).toBeVisible();
  await page.reload();
  await expect(page.locator("#municipality-bordThreshold")).toHaveValue("30");

  // Staff for the new municipality: an invitation, open until accepted.
  await page.locator("[data-hydrated]").first().waitFor({ state: "attached" });
  await page.locator("#invite-name").fill("Tess Team");
  await page.locator("#invite-email").fill(`team.${code.toLowerCase()}@proefdorp.example`);
  await page.getByRole("button", { name: "Stuur uitnodiging" }).click();
  await expect(page.locator("#invite-name")).toHaveValue("");
  await expect(page.getByText("(uitgenodigd, nog niet aangenomen)")).toBeVisible();

  // Disable (asked once more), then enable again.
  await page.getByRole("button", { name: "Zet de gemeente uit" }).click();
  await page.getByRole("button", { name: "Ja, zet uit" }).click();
  await expect(page.getByText("Uitgezet: doet niet mee")).toBeVisible();
  await expectAccessible(page);
  await page.goto("/beheer/gemeenten");
  await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("Uitgezet");
  await page.getByRole("link", { name, exact: true }).click();
  await page.locator("[data-hydrated]").first().waitFor({ state: "attached" });
  await page.getByRole("button", { name: "Zet de gemeente weer aan" }).click();
  await page.getByRole("button", { name: "Ja, zet aan" }).click();
  await expect(page.getByRole("button", { name: "Zet de gemeente uit" })).toBeVisible();
  await expect(page.getByText("Uitgezet: doet niet mee")).toHaveCount(0);
});
