import { RULES_ADMIN } from "./support/accounts";
import { expectAccessible } from "./support/axe";
import { press, tabTo } from "./support/keyboard";
import { addSession, expect, test } from "./support/test";

/**
 * Consent on record (issue 21): a group admin whose acceptance of the current house rules is
 * not stored (the demo's Boveneind Alert, registered before acceptance was recorded) is sent to
 * /mijn-groepen/huisregels before any group page, accepts with the keyboard, and goes on to
 * where they were going.
 */
test("an admin without the current house rules on record accepts them first, with the keyboard", async ({ page }) => {
  test.setTimeout(90_000);
  await addSession(page.context(), RULES_ADMIN);
  await page.goto("/mijn-groepen");
  await expect(page).toHaveURL(/\/mijn-groepen\/huisregels\?terug=%2Fmijn-groepen$/);
  await expect(page.getByRole("heading", { level: 1, name: "De huisregels" })).toBeVisible();
  await expect(page.getByText("We hebben nog niet vastgelegd dat u de huisregels (versie 1) hebt geaccepteerd.")).toBeVisible();
  await expectAccessible(page);

  // Every group page leads here first.
  await page.goto("/mijn-groepen/00000000-0000-4000-8000-000000000000");
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("De huisregels");

  await page.goto("/mijn-groepen");
  await expect(page).toHaveURL(/\/mijn-groepen\/huisregels/);
  const button = page.getByRole("button", { name: "Akkoord, ga verder" });
  await page.waitForLoadState("networkidle");
  await press(page, button);
  await expect(page.getByText("Lees de huisregels en vink aan dat u zich eraan houdt.").first()).toBeVisible();
  await expectAccessible(page);

  const checkbox = page.getByLabel("Ik heb de huisregels gelezen en ik houd me eraan.");
  await tabTo(page, checkbox);
  await page.keyboard.press("Space");
  await expect(checkbox).toBeChecked();
  await press(page, button);
  await expect(page).toHaveURL(/\/mijn-groepen$/);
  await expect(page.getByRole("link", { name: "Boveneind Alert" })).toBeVisible();

  // Accepted: the page now says when, and no longer stops the admin.
  await page.getByRole("link", { name: "Boveneind Alert" }).click();
  await expect(page).toHaveURL(/\/mijn-groepen\/[0-9a-f-]{36}$/);
  await page.goto("/mijn-groepen/huisregels");
  await expect(page.getByText(/U hebt versie 1 van de huisregels geaccepteerd op \d+ \S+ \d{4}\./)).toBeVisible();
  await expect(page.getByRole("button", { name: "Akkoord, ga verder" })).toHaveCount(0);
});
