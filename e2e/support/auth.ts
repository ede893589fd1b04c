/**
 * Signing in through the e-mail link, for e2e/sign-in.spec.ts (the one spec that tests that
 * flow). Every other spec uses a session the seed stored (e2e/support/test.ts: signIn,
 * `signedInAs`), which is quicker and leaves the flow to the spec that tests it.
 */
import { expect, type Page } from "@playwright/test";

const SIGN_IN_SUBJECT = "Uw inloglink voor WhatsApp Buurtpreventie";

/**
 * The links to sign-in e-mails for `email` in the demo mailbox, newest first. Read over HTTP
 * (the mailbox's HTML), not in the browser: the spec polls it while the outbox worker delivers.
 */
export async function signInMessageLinks(page: Page, email: string): Promise<string[]> {
  const response = await page.request.get(`/dev/mailbox?aan=${encodeURIComponent(email)}`);
  expect(response.status(), "the demo mailbox answers").toBe(200);
  const html = await response.text();
  return [...html.matchAll(/<a href="(\/dev\/mailbox\/[^"]+)">([^<]*)<\/a>/g)].filter((m) => m[2] === SIGN_IN_SUBJECT).map((m) => m[1]);
}

/**
 * Opens the newest sign-in e-mail to `email` that was not in `before`, follows its link and
 * confirms. Waits (up to 15 s) for the outbox worker to deliver it to the demo mailbox.
 */
export async function followNewSignInLink(page: Page, email: string, before: string[]): Promise<void> {
  let href = "";
  await expect(async () => {
    const now = await signInMessageLinks(page, email);
    href = now.find((h) => !before.includes(h)) ?? "";
    expect(href, `a new sign-in e-mail to ${email} in the demo mailbox`).not.toBe("");
  }).toPass({ timeout: 15_000, intervals: [100, 250, 500] });
  await page.goto(href);
  await page.getByRole("link", { name: /\/inloggen\/bevestigen\?/ }).click();
  await page.getByRole("button", { name: "Inloggen", exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/inloggen") && !url.pathname.startsWith("/api/auth"));
}

/**
 * Signs in as `email` the way a person does in the demo: asks for a link on /inloggen, opens
 * the newest e-mail to that address in the demo mailbox (/dev/mailbox), follows the link and
 * clicks "Inloggen". Ends on the start page of the account's role (or where /inloggen?terug=
 * pointed). Any address works: an unknown one becomes a new resident account.
 */
export async function signInAs(page: Page, email: string): Promise<void> {
  const before = await signInMessageLinks(page, email);
  await page.goto("/inloggen");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByRole("button", { name: "Stuur mij een inloglink" }).click();
  await expect(page.getByText("Kijk in uw e-mail")).toBeVisible();
  await followNewSignInLink(page, email, before);
}
