import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";

/**
 * A resident sends a join request; the group's admins find it in the demo mailbox (with the
 * resident's contact details and the link to where they handle it), and the resident finds the
 * confirmation, which names no admin. Needs the outbox worker and /dev/mailbox (issue 5).
 */

/**
 * Opens the newest e-mail to `to` with this subject that contains `mark`, waiting for the outbox
 * worker to deliver it (other specs may have sent the same kind of e-mail to the same address).
 */
async function openMail(page: Page, to: string, subject: string, mark: string) {
  await expect(async () => {
    await page.goto(`/dev/mailbox?aan=${encodeURIComponent(to)}`);
    const link = page.getByRole("link", { name: subject });
    await expect(link.first()).toBeVisible({ timeout: 1000 });
    await link.first().click();
    await expect(page.getByRole("main")).toContainText(mark, { timeout: 1000 });
  }).toPass({ timeout: 30_000, intervals: [250, 500] });
  return page.getByRole("main");
}

// The context is reused by the worker's next test (playwright.config.ts), which would keep headers set at run time.
test.afterEach(async ({ context }) => context.setExtraHTTPHeaders({}));

test("send a join request and find the admins' e-mail in the demo mailbox", async ({ page, context }) => {
  await context.setExtraHTTPHeaders({ "x-forwarded-for": "198.51.100.201" });
  await page.goto("/groepen/langeland-noord");
  await page.getByLabel("Uw naam").fill("Noor Mailbox");
  await page.getByLabel("E-mailadres").fill("noor.mailbox@bewoner.example");
  await page.getByLabel("Mobiel nummer").fill("06 11223344");
  await page.getByLabel("Postcode").fill("2922 AE");
  await page.getByLabel("Huisnummer").fill("5");
  await page.getByLabel("Geboortedatum").fill("1979-12-31");
  await page.getByLabel("Ik heb de huisregels gelezen en houd me eraan.").check();
  await page.getByRole("button", { name: "Aanmelding versturen" }).click();
  await expect(page.getByText("Uw aanmelding is verstuurd")).toBeVisible();

  for (const admin of ["groepsbeheerder@krimpen.example", "medebeheerder@krimpen.example"]) {
    const body = await openMail(page, admin, "Nieuwe aanmelding voor Buurtpreventie Langeland-Noord", "Noor Mailbox");
    for (const detail of ["Noor Mailbox", "noor.mailbox@bewoner.example", "06 11223344", "2922 AE 5"]) {
      await expect(body).toContainText(detail);
    }
    await expect(body).toContainText(/\/mijn-groepen\/[0-9a-f-]{36}\/aanmeldingen/);
    // axe: scanned in a11y.spec.ts "pages": /dev/mailbox/[id] (every message is shown the same way: its subject, then its text with the links).
  }

  const confirmation = await openMail(page, "noor.mailbox@bewoner.example", "Uw aanmelding voor Buurtpreventie Langeland-Noord", "Bedankt voor uw aanmelding");
  await expect(confirmation).toContainText("Bedankt voor uw aanmelding");
  for (const secret of ["Sanne de Vries", "groepsbeheerder@krimpen.example", "Pieter Bakker", "medebeheerder@krimpen.example", "06 12345678"]) {
    await expect(confirmation).not.toContainText(secret);
  }
});
