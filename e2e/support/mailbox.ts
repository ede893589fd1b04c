import { expect, type Page } from "@playwright/test";

/** The links of the demo mailbox's list page `html`, with their subjects as text. */
export function mailboxLinks(html: string): Array<{ href: string; subject: string }> {
  return [...html.matchAll(/<a href="(\/dev\/mailbox\/[^"]+)">([^<]*)<\/a>/g)].map((m) => ({
    href: m[1],
    subject: m[2]
      .replaceAll("&quot;", '"')
      .replaceAll("&#x27;", "'")
      .replaceAll("&lt;", "<")
      .replaceAll("&gt;", ">")
      .replaceAll("&amp;", "&"),
  }));
}

/**
 * The newest message to `to` whose subject matches `subject` (a string: a part of the subject, in
 * any case, as Playwright's getByRole name; a RegExp: tested against it), read over HTTP from the
 * demo mailbox's list; "" when there is none yet.
 */
export async function newestMailHref(page: Page, to: string, subject: string | RegExp): Promise<string> {
  const response = await page.request.get(`/dev/mailbox?aan=${encodeURIComponent(to)}`);
  expect(response.status(), "the demo mailbox answers").toBe(200);
  const matches = (s: string) => (typeof subject === "string" ? s.toLowerCase().includes(subject.toLowerCase()) : subject.test(s));
  return mailboxLinks(await response.text()).find((link) => matches(link.subject))?.href ?? "";
}

/**
 * Waits (up to 20 s; the outbox worker delivers a message right after its change commits, lib/mail/outbox.ts) until the demo mailbox holds
 * a message to `to` whose subject matches `subject`, opens it and returns its text. The mailbox
 * is polled over HTTP (cheap, so often); the message is opened in the browser.
 */
export async function openMail(page: Page, to: string, subject: string | RegExp): Promise<string> {
  let href = "";
  await expect(async () => {
    href = await newestMailHref(page, to, subject);
    expect(href, `an e-mail to ${to} about ${String(subject)} in the demo mailbox`).not.toBe("");
  }).toPass({ timeout: 20_000, intervals: [100, 250, 250, 500] });
  await page.goto(href);
  return (await page.locator("main").innerText()) ?? "";
}
