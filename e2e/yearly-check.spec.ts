import { STAFF } from "./support/accounts";
import { expectAccessible } from "./support/axe";
import { press } from "./support/keyboard";
import { openMail } from "./support/mailbox";
import { addSession, expect, test } from "./support/test";

/**
 * The yearly check (issue 21): staff see the groups per stage and run the job; the admin of a
 * due demo group (Oud-Krimpen Dijkzijde) confirms with the e-mail's link, keyboard only, without
 * signing in; staff keep a group that waited 90 days. The demo seed has a group in every stage.
 */
test.describe.serial("the yearly check", () => {
  test.setTimeout(120_000);

  test("staff see the stages, run the check now, and filter the groups that did not confirm", async ({ page, context }) => {
    await addSession(context, STAFF);
    await page.goto("/beheer");
    await expect(page.getByRole("heading", { level: 2, name: /Niet bevestigd \(\d+\)/ })).toBeVisible();
    await page.getByRole("navigation", { name: "Beheer" }).getByRole("link", { name: "Jaarcontrole" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Jaarcontrole van Krimpen aan den IJssel");
    const stages = page.getByRole("table", { name: "Lopende jaarcontroles per fase" });
    // Only the stages of groups no other spec touches are asserted (at least one in each).
    for (const [stage, atLeast] of [["herinnerd", 1], ["niet bevestigd, beslissen", 1]] as const) {
      const count = Number(await stages.getByRole("row", { name: new RegExp(`^${stage} `) }).getByRole("cell").first().innerText());
      expect(count, stage).toBeGreaterThanOrEqual(atLeast);
    }
    // axe: scanned in a11y.spec.ts "pages": /beheer/jaarcontrole.

    await press(page, page.getByRole("button", { name: "Nu uitvoeren" }));
    await expect(page.getByRole("status").filter({ hasText: "De jaarcontrole is uitgevoerd" })).toBeVisible();
    await expect(page.getByText(/door Lotte Jansen/)).toBeVisible();
    // Oud-Krimpen Dijkzijde was due: asked now (or by the schedule shortly after the server started).
    const running = page.getByRole("table", { name: "Groepen met een lopende jaarcontrole" });
    await expect(running.getByRole("row", { name: /Oud-Krimpen Dijkzijde/ })).toContainText("gevraagd");
    await expect(running.getByRole("row", { name: /Boveneind Zuidkant/ })).toContainText("niet bevestigd, beslissen");
    await expectAccessible(page);

    await page.goto("/beheer/groepen?controle=niet-bevestigd");
    const list = page.getByRole("table", { name: "Groepen" });
    await expect(list).toContainText("Boveneind Zuidkant");
    await expect(list).not.toContainText("Langeland-Noord");
    await expect(list.getByText("niet bevestigd").first()).toBeVisible();
    // axe: scanned in a11y.spec.ts "pages": /beheer/groepen (the same list, filtered).
  });

  test("an admin confirms with one click from the e-mail, keyboard only, without signing in; the link works once and says so after", async ({ page }) => {
    const mail = await openMail(page, "dijkzijde@krimpen.example", "Is Oud-Krimpen Dijkzijde nog actief?");
    expect(mail).toContain("Gegevens van de groep aanpassen");
    const link = /https?:\/\/[^\s]+(\/nog-actief\/[A-Za-z0-9_-]{43})/.exec(mail);
    expect(link, "the e-mail holds the one-click link").not.toBeNull();
    const path = link![1];

    // Opening the link (as a mail scanner would) confirms nothing.
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Is Oud-Krimpen Dijkzijde nog actief?");
    await page.goto(path);
    await expect(page.getByRole("button", { name: "De groep is nog actief" })).toBeVisible();
    await expectAccessible(page);

    await press(page, page.getByRole("button", { name: "De groep is nog actief" }));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bedankt!");
    await expect(page.getByRole("status")).toContainText("Oud-Krimpen Dijkzijde is nog actief");
    await expectAccessible(page);

    // Used again: thanked, no button.
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("De groep is al bevestigd");
    await expect(page.getByRole("button", { name: "De groep is nog actief" })).toHaveCount(0);

    // A link that is not whole.
    await page.goto(`${path.slice(0, -3)}xyz`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Deze link werkt niet");
    // axe: scanned in a11y.spec.ts "pages": /nog-actief/[token] with a token that does not work (this same view).
  });

  test("staff keep a group that did not answer in 90 days; it leaves the list", async ({ page, context }) => {
    await addSession(context, STAFF);
    await page.goto("/beheer/jaarcontrole");
    await page.getByRole("table", { name: "Groepen met een lopende jaarcontrole" }).getByRole("link", { name: "Boveneind Zuidkant" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Boveneind Zuidkant");
    await expect(page.getByRole("heading", { level: 2, name: /Jaarcontrole/ })).toContainText("niet bevestigd");
    await expectAccessible(page);
    await press(page, page.getByRole("button", { name: "De groep blijft" }));
    await expect(page.getByRole("status").filter({ hasText: "namens de beheerders" })).toBeVisible();
    await expect(page.getByText(/Laatst bevestigd op/)).toBeVisible();
    await expectAccessible(page);
    await page.goto("/beheer/groepen?controle=niet-bevestigd");
    await expect(page.getByRole("main")).not.toContainText("Boveneind Zuidkant");
  });
});
