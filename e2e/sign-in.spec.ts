import { GROUP_ADMIN, SIGN_OUT_DEVICES, SIGN_OUT_RESIDENT } from "./support/accounts";
import { followNewSignInLink, signInAs, signInMessageLinks } from "./support/auth";
import { expectAccessible } from "./support/axe";
import { addSession, expect, signIn, test } from "./support/test";
import { watch } from "./support/watch";

/**
 * Signing in through the e-mail link, the way a person does in the demo (request a link, open
 * the message in the demo mailbox, confirm), and signing out. The only spec that signs in this
 * way: the others use the sessions e2e/support/e2e-seed.ts stores (e2e/support/test.ts). The
 * pages of the flow are watched for console errors and Content-Security-Policy violations too.
 */

const SIGN_IN_SUBJECT = "Uw inloglink voor WhatsApp Buurtpreventie";

test.describe("the sign-in page", () => {
  test("asks for an e-mail address, shows mistakes at the field (axe: a11y.spec.ts)", async ({ page }) => {
    await page.goto("/inloggen");
    await expect(page.getByRole("heading", { level: 1, name: "Inloggen" })).toBeVisible();
    // axe: scanned in a11y.spec.ts "pages": /inloggen.

    const email = page.getByLabel("E-mailadres");
    await page.getByRole("button", { name: "Stuur mij een inloglink" }).click();
    await expect(email).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("Vul een e-mailadres in.")).toBeVisible();
    // axe: scanned in a11y.spec.ts "public forms": /inloggen with this message.

    await email.fill("sanne@@voorbeeld");
    await page.getByRole("button", { name: "Stuur mij een inloglink" }).click();
    await expect(page.getByText("Dit e-mailadres klopt niet.")).toBeVisible();
    await expect(email).toHaveValue("sanne@@voorbeeld");
    await expect(page.getByText("Kijk in uw e-mail")).toHaveCount(0);

    await email.fill(`<script>alert(1)</script>@x.nl`);
    await page.getByRole("button", { name: "Stuur mij een inloglink" }).click();
    await expect(page.getByText("Dit e-mailadres klopt niet.")).toBeVisible();
  });

  test("answers a known and an unknown address in the same words", async ({ page }) => {
    const answers: string[] = [];
    for (const address of ["medewerker@krimpen.example", `onbekend-${Date.now()}@voorbeeld.nl`]) {
      await page.goto("/inloggen");
      await page.getByLabel("E-mailadres").fill(address);
      await page.getByRole("button", { name: "Stuur mij een inloglink" }).click();
      const status = page.getByRole("status").filter({ hasText: "Kijk in uw e-mail" });
      await expect(status).toBeVisible();
      answers.push(((await status.textContent()) ?? "").replace(address, "<adres>"));
    }
    expect(answers[0]).toBe(answers[1]);
  });

  test("Auth.js's error address opened without an error shows the plain sign-in page, and a real error its Dutch message", async ({ request }) => {
    const plain = await request.get("/api/auth/error");
    expect(plain.url()).toContain("/inloggen");
    expect(plain.status()).toBe(200);
    const page = await plain.text();
    expect(page).toContain("Stuur mij een inloglink");
    expect(page).not.toContain("Inloggen is niet gelukt");
    const expired = await (await request.get("/api/auth/error?error=Verification")).text();
    expect(expired).toContain("Deze inloglink werkt niet meer");
  });

  test("works without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/inloggen");
    await page.getByLabel("E-mailadres").fill("zonder-js@voorbeeld.nl");
    await page.getByRole("button", { name: "Stuur mij een inloglink" }).click();
    await expect(page.getByText("Kijk in uw e-mail")).toBeVisible();
    await context.close();
  });
});

test.describe("signing in as each demo role through the demo mailbox", () => {
  const roles = [
    { label: "Groepsbeheerder (Langeland-Noord)", email: "groepsbeheerder@krimpen.example", start: "/mijn-groepen", heading: "Mijn groepen", menu: "Mijn groepen" },
    { label: "Medewerker team Veiligheid", email: "medewerker@krimpen.example", start: "/beheer", heading: "Beheer", menu: "Beheer" },
    { label: "Wijkagent Langeland en Oud-Krimpen", email: "wijkagent.langeland@krimpen.example", start: "/wijkagent", heading: "Mijn wijken", menu: "Mijn wijken" },
    { label: "Platformbeheerder", email: "platformbeheer@krimpen.example", start: "/beheer", heading: "Beheer", menu: "Beheer" },
  ];

  for (const role of roles) {
    test(`${role.label} lands on ${role.start}`, async ({ page }) => {
      const w = await watch(page);
      const before = await signInMessageLinks(page, role.email);
      await page.goto("/inloggen");
      await page.getByRole("button", { name: `Stuur inloglink voor ${role.label}` }).click();
      await expect(page.getByText("Kijk in uw e-mail")).toBeVisible();
      await followNewSignInLink(page, role.email, before);

      await expect(page).toHaveURL(new RegExp(`${role.start}$`));
      await expect(page.getByRole("heading", { level: 1, name: role.heading })).toBeVisible();
      const menu = page.getByRole("navigation", { name: "Hoofdmenu" });
      await expect(menu.getByRole("link", { name: role.menu })).toHaveAttribute("href", role.start);
      await expect(menu.getByRole("button", { name: "Uitloggen" })).toBeVisible();
      await expect(menu.getByRole("link", { name: "Inloggen" })).toHaveCount(0);
      expect(w.problems, "console errors or CSP violations while signing in").toEqual([]);
    });
  }

  test("the demo mailbox and the message lead to the confirmation page, which passes axe, and the link works once", async ({ page }) => {
    const w = await watch(page);
    const email = "bewoner@krimpen.example";
    const before = await signInMessageLinks(page, email);
    await page.goto("/inloggen");
    await page.getByRole("button", { name: "Stuur inloglink voor Groepsbeheerder (Kortland Vogelbuurt)" }).click();
    await page.getByRole("link", { name: "demo-mailbox" }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "Demo-mailbox" })).toBeVisible();
    let href = "";
    await expect(async () => {
      href = (await signInMessageLinks(page, email)).find((h) => !before.includes(h)) ?? "";
      expect(href).not.toBe("");
    }).toPass({ timeout: 15_000, intervals: [100, 250, 500] });
    await page.goto(`/dev/mailbox?aan=${encodeURIComponent(email)}`);
    await expect(page.getByRole("link", { name: SIGN_IN_SUBJECT, exact: true }).first()).toHaveAttribute("href", href);
    // axe: scanned in a11y.spec.ts "pages": /dev/mailbox (the list of e-mails).

    await page.goto(href);
    await expect(page.getByRole("heading", { level: 1, name: SIGN_IN_SUBJECT })).toBeVisible();
    await expect(page.getByText("De link werkt 15 minuten.")).toBeVisible();
    // axe: scanned in a11y.spec.ts "pages": /dev/mailbox/[id] (every message is shown the same way: its subject, then its text with the links).
    const link = page.getByRole("link", { name: /\/inloggen\/bevestigen\?/ });
    const confirmUrl = (await link.getAttribute("href")) ?? "";
    await link.click();

    await expect(page.getByRole("heading", { level: 1, name: "Inloggen bevestigen" })).toBeVisible();
    await expect(page.getByText(email)).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Inloggen", exact: true }).click();
    await expect(page).toHaveURL(/\/mijn-groepen$/);
    expect(w.problems, "console errors or CSP violations on the mailbox, message and confirmation pages").toEqual([]);

    // The same link a second time: used up.
    await page.goto(confirmUrl);
    await expect(page.getByRole("heading", { level: 1, name: "Deze inloglink werkt niet meer" })).toBeVisible();
    // axe: scanned in a11y.spec.ts "pages": /inloggen/bevestigen with a token that does not work (this same view).
    // Straight to Auth.js's callback with the used token: refused, back on /inloggen with a message.
    const callback = new URL(confirmUrl);
    await page.goto(
      `/api/auth/callback/nodemailer?${new URLSearchParams({ token: callback.searchParams.get("token") ?? "", email, callbackUrl: "/inloggen/verder" })}`,
    );
    await expect(page).toHaveURL(/\/inloggen\?error=Verification/);
    await expect(page.getByRole("alert").filter({ hasText: "Deze inloglink werkt niet meer" })).toBeVisible();
    await expectAccessible(page);
  });
});

test.describe("protected pages", () => {
  for (const path of ["/mijn-groepen", "/beheer", "/wijkagent", "/beheer/e-mail"]) {
    // Over HTTP (the redirect and the page it ends on are the server's; no browser needed).
    test(`${path} sends a signed-out visitor to /inloggen`, async ({ request, baseURL }) => {
      const response = await request.get(path);
      expect(response.url()).toBe(`${baseURL}/inloggen?terug=${encodeURIComponent(path)}`);
      expect(response.status()).toBe(200);
      expect(await response.text()).toMatch(/<h1[^>]*>Inloggen<\/h1>/);
    });
  }

  test("after signing in, the visitor comes back to the page they asked for", async ({ page }) => {
    await page.goto("/beheer");
    await expect(page).toHaveURL("/inloggen?terug=%2Fbeheer");
    const email = "platformbeheer@krimpen.example";
    const before = await signInMessageLinks(page, email);
    await page.goto("/inloggen?terug=%2Fbeheer%2Fe-mail");
    await page.getByLabel("E-mailadres").fill(email);
    await page.getByRole("button", { name: "Stuur mij een inloglink" }).click();
    await expect(page.getByText("Kijk in uw e-mail")).toBeVisible();
    await followNewSignInLink(page, email, before);
    await expect(page).toHaveURL(/\/beheer\/e-mail$/);
    await expect(page.getByRole("heading", { level: 1, name: "Niet afgeleverde e-mail" })).toBeVisible();
    // axe: scanned in a11y.spec.ts "pages": /beheer/e-mail (platform admin).
  });

  test("a page for another role answers 404, not the page", async ({ page }) => {
    await addSession(page.context(), GROUP_ADMIN);
    // In the browser: a 404's page is drawn from the React data, not sent as HTML.
    for (const path of ["/beheer", "/wijkagent", "/beheer/e-mail"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { name: "Deze pagina bestaat niet" })).toBeVisible();
    }
  });

  test("a new address signs in as a new resident, with an httpOnly SameSite=Lax session cookie", async ({ page, context }) => {
    await signInAs(page, `nieuw-${Date.now()}@voorbeeld.nl`);
    await expect(page).toHaveURL(/\/mijn-groepen$/);
    const cookies = await context.cookies();
    const session = cookies.find((c) => c.name.endsWith("authjs.session-token"));
    expect(session, "session cookie").toBeDefined();
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe("Lax");
    // It ends within 7 days (plus a minute of slack).
    expect((session?.expires ?? 0) * 1000).toBeLessThanOrEqual(Date.now() + 7 * 24 * 3600 * 1000 + 60_000);
  });
});

// Signing out ends sessions: these tests use sessions the seed stored for accounts of this spec
// alone (e2e/support/accounts.ts), so the seeded sessions of the demo accounts stay valid.
test.describe("the session", () => {
  test("signing out at /uitloggen ends the session", async ({ page }) => {
    await signIn(page, SIGN_OUT_RESIDENT);
    await expect(page).toHaveURL(/\/mijn-groepen$/);
    await page.goto("/uitloggen");
    await expect(page.getByRole("heading", { level: 1, name: "Uitloggen" })).toBeVisible();
    // axe: scanned in a11y.spec.ts "pages": /uitloggen (signed in).
    await page.getByRole("main").getByRole("button", { name: "Uitloggen", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "U bent uitgelogd" })).toBeVisible();
    await expectAccessible(page);
    await expect(page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Inloggen" })).toBeVisible();
    await page.goto("/mijn-groepen");
    await expect(page).toHaveURL("/inloggen?terug=%2Fmijn-groepen");
  });

  // One staff account with three sessions, as if signed in on three devices.
  test("the header's sign-out button, and signing out on all devices", async ({ browser }) => {
    const [one, two, three] = SIGN_OUT_DEVICES;
    const first = await browser.newContext();
    const second = await browser.newContext();
    const third = await browser.newContext();
    const a = await first.newPage();
    const b = await second.newPage();
    const c = await third.newPage();

    // The header's button signs this device out with one click; the others stay signed in.
    await signIn(c, three);
    await expect(c).toHaveURL(/\/beheer$/);
    await c.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("button", { name: "Uitloggen" }).click();
    await expect(c.getByRole("heading", { level: 1, name: "U bent uitgelogd" })).toBeVisible();
    await c.goto("/beheer");
    await expect(c).toHaveURL("/inloggen?terug=%2Fbeheer");

    // Device A: all devices. Device B, signed in until then, is signed out at its next request.
    await signIn(a, one);
    await signIn(b, two);
    await expect(b).toHaveURL(/\/beheer$/);
    await a.goto("/uitloggen");
    await a.getByRole("button", { name: "Uitloggen op alle apparaten" }).click();
    await expect(a.getByText("U bent nu op al uw apparaten uitgelogd.")).toBeVisible();
    await b.goto("/beheer");
    await expect(b).toHaveURL("/inloggen?terug=%2Fbeheer");
    await Promise.all([first.close(), second.close(), third.close()]);
  });
});
