import type { Page } from "@playwright/test";
import { CO_ADMIN, STAFF, STAFF_INVITEE } from "./support/accounts";
import { expectAccessible } from "./support/axe";
import { openMail } from "./support/mailbox";
import { addSession, expect, test } from "./support/test";

/**
 * An invitation to a staff or wijkagent role (issue 18, point 3): staff invite, the invitation
 * stays open on /beheer/gebruikers until the person, signed in with the invited address,
 * accepts it on /uitnodiging/account/<token>. A group admin must first agree to step down.
 */

async function invite(staff: Page, name: string, email: string): Promise<string> {
  await staff.goto("/beheer/gebruikers");
  await staff.locator("[data-hydrated]").first().waitFor({ state: "attached" });
  await staff.getByLabel("Naam").fill(name);
  await staff.getByLabel("E-mailadres").fill(email);
  await staff.getByLabel("Rol", { exact: true }).selectOption({ label: "Wijkagent" });
  await staff.getByRole("button", { name: "Stuur uitnodiging" }).click();
  await expect(staff.getByLabel("Naam")).toHaveValue("");
  const text = await openMail(staff, email, /Uitnodiging/);
  const link = /\/uitnodiging\/account\/[A-Za-z0-9_-]+/.exec(text)?.[0];
  expect(link, "the invitation e-mail holds the link").toBeDefined();
  return link!;
}

test("staff invite; the invitation stays open until accepted; a group admin must agree to step down; the invitee becomes wijkagent", async ({ browser }) => {
  test.setTimeout(120_000);
  const contexts = await Promise.all([browser.newContext(), browser.newContext(), browser.newContext()]);
  const [staff, coAdmin, invitee] = await Promise.all(contexts.map((c) => c.newPage()));
  await addSession(staff.context(), STAFF);

  const coAdminLink = await invite(staff, "Mede Beheerder", CO_ADMIN);
  const inviteeLink = await invite(staff, "Wil Wijkagent", STAFF_INVITEE);
  await staff.goto("/beheer/gebruikers");
  const open = staff.locator("section", { has: staff.getByRole("heading", { name: /^Openstaande uitnodigingen/ }) });
  await expect(open.getByText(CO_ADMIN)).toBeVisible();
  await expect(open.getByText(STAFF_INVITEE)).toBeVisible();
  await expectAccessible(staff);

  // A co-admin of a group is asked to step down first; without the tick nothing happens.
  await addSession(coAdmin.context(), CO_ADMIN);
  await coAdmin.goto(coAdminLink);
  await expect(coAdmin.getByRole("heading", { level: 1, name: /^Word wijkagent voor/ })).toBeVisible();
  const stepDown = coAdmin.getByLabel(/^Ik stop als beheerder van/);
  await expect(stepDown).toBeVisible();
  await coAdmin.getByRole("button", { name: "Neem de uitnodiging aan" }).click();
  await expect(stepDown).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(coAdmin);
  await coAdmin.goto("/mijn-groepen");
  await expect(coAdmin.getByRole("heading", { level: 1, name: "Mijn groepen" })).toBeVisible();

  // A resident without a group accepts and lands on the wijkagent's start page.
  await addSession(invitee.context(), STAFF_INVITEE);
  await invitee.goto(inviteeLink);
  await expect(invitee.getByLabel(/^Ik stop als beheerder van/)).toHaveCount(0);
  await expectAccessible(invitee);
  await invitee.getByRole("button", { name: "Neem de uitnodiging aan" }).click();
  await expect(invitee).toHaveURL(/\/wijkagent$/);
  await expect(invitee.getByRole("heading", { level: 1, name: "Mijn wijken" })).toBeVisible();

  // Staff now see the account, and the invitation is no longer open.
  await staff.goto("/beheer/gebruikers");
  await expect(open.getByText(STAFF_INVITEE)).toHaveCount(0);
  await expect(staff.locator("section", { has: staff.getByRole("heading", { name: /^Accounts/ }) }).getByText(STAFF_INVITEE)).toBeVisible();
  await Promise.all(contexts.map((c) => c.close()));
});
