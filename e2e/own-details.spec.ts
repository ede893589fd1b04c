import { RULES_ADMIN } from "./support/accounts";
import { expectAccessible } from "./support/axe";
import { press, typeInto } from "./support/keyboard";
import { addSession, expect, test } from "./support/test";

/**
 * An admin changes their own name, phone and address (issue 21), with the keyboard only:
 * mistakes at the field (nothing saved), then saved, and still there after a reload.
 */
test("an admin changes their own name, phone and address with the keyboard; mistakes are shown at the field", async ({ page }) => {
  test.setTimeout(90_000);
  await addSession(page.context(), RULES_ADMIN);
  await page.goto("/mijn-groepen/gegevens");
  await expect(page.getByRole("heading", { level: 1, name: "Mijn gegevens" })).toBeVisible();
  await expect(page.getByLabel("Uw naam")).toHaveValue("Anouk Smit");
  // axe: scanned in a11y.spec.ts "pages": /mijn-groepen/gegevens.

  const save = page.getByRole("button", { name: "Mijn gegevens opslaan" });
  await typeInto(page, page.getByLabel("Uw naam"), "");
  await typeInto(page, page.getByLabel("Uw telefoonnummer"), "<script>alert(1)</script>");
  await typeInto(page, page.getByLabel("Postcode"), "2926 SA");
  await press(page, save);
  await expect(page.getByLabel("Uw naam")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Uw telefoonnummer")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Postcode")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);

  await typeInto(page, page.getByLabel("Uw naam"), "Anouk Smit-de Jong");
  await typeInto(page, page.getByLabel("Uw telefoonnummer"), "06 23456789");
  await typeInto(page, page.getByLabel("Postcode"), "2926 ab");
  await typeInto(page, page.getByLabel("Huisnummer"), "4");
  await press(page, save);
  await expect(page.getByText("Uw gegevens zijn opgeslagen.")).toBeVisible();

  await page.reload();
  await expect(page.getByLabel("Uw naam")).toHaveValue("Anouk Smit-de Jong");
  await expect(page.getByLabel("Uw telefoonnummer")).toHaveValue("06 23456789");
  await expect(page.getByLabel("Postcode")).toHaveValue("2926 AB");
  await expect(page.getByLabel("Huisnummer")).toHaveValue("4");
});
