import { expect, type Page } from "@playwright/test";

/**
 * Waits (up to 20 s; the outbox worker delivers a message right after its change commits, lib/mail/outbox.ts) until the demo mailbox holds
 * a message to `to` whose subject matches `subject`, opens it and returns its text.
 */
export async function openMail(page: Page, to: string, subject: string | RegExp): Promise<string> {
  let href = "";
  await expect(async () => {
    await page.goto(`/dev/mailbox?aan=${encodeURIComponent(to)}`);
    const link = page.getByRole("link", { name: subject }).first();
    await expect(link).toBeVisible({ timeout: 500 });
    href = (await link.getAttribute("href")) ?? "";
  }).toPass({ timeout: 20_000, intervals: [250, 500] });
  await page.goto(href);
  return (await page.locator("main").innerText()) ?? "";
}
