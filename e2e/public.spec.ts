import type { Page } from "@playwright/test";
import { expectAccessible } from "./support/axe";
import { seedPersonalData } from "./support/seed-secrets";
import { expect, test } from "./support/test";

/** Each test posts from its own (pretend) IP address, so the join form's rate limit stays out of the way. */
let ipCounter = 10;
test.beforeEach(async ({ context }) => {
  ipCounter += 1;
  await context.setExtraHTTPHeaders({ "x-forwarded-for": `198.51.100.${ipCounter}` });
});
// The context is reused by the worker's next test (playwright.config.ts), which would keep headers set at run time.
test.afterEach(async ({ context }) => context.setExtraHTTPHeaders({}));

/** Text of an HTML attribute or element as the browser reads it (the entities React writes). */
function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replaceAll("&quot;", '"')
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");
}

async function search(page: Page, postcode: string, houseNumber: string, addition = "") {
  await page.goto("/");
  await page.getByLabel("Postcode").fill(postcode);
  await page.getByLabel("Huisnummer").fill(houseNumber);
  if (addition) await page.getByLabel("Toevoeging").fill(addition);
  await page.getByRole("button", { name: "Zoeken" }).click();
  await expect(page.getByRole("heading", { level: 2, name: /^Resultaat voor/ })).toBeVisible();
}

test.describe("looking up an address", () => {
  test("a covered demo address (2922 AB 12) finds its group from the home page in one step", async ({ page }) => {
    await search(page, "2922 AB", "12");
    await expect(page).toHaveURL(/\/zoeken\?postcode=2922\+AB&huisnummer=12/);
    await expect(page).toHaveTitle("Groepen voor postcode 2922 AB | WhatsApp Buurtpreventie");
    const street = page.getByRole("region", { name: "Groepen in uw straat (postcode 2922 AB)" });
    await expect(street.getByRole("link", { name: "Buurtpreventie Langeland-Noord" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Start zelf een groep" })).toHaveCount(0);
    // axe: scanned in a11y.spec.ts "pages": /zoeken with the results for 2922 AB 12.
  });

  test("an uncovered demo address (2924 XY 7) gets the invitation to start a group", async ({ page }) => {
    await search(page, "2924xy", "7");
    await expect(page.getByRole("heading", { name: "Resultaat voor postcode 2924 XY" })).toBeVisible();
    await expect(page.getByText("In postcode 2924 XY doet nog geen adres mee met een groep.")).toBeVisible();
    await expect(page.getByText("Deze postcode ligt in de wijk")).toContainText("Kortland-Zuid");
    const invitation = page.getByRole("region", { name: "Start zelf een groep" });
    await expect(invitation.getByRole("link", { name: "Groep aanmelden" })).toHaveAttribute("href", "/groep-starten");
    await expectAccessible(page);
  });

  test("a postcode without members in a wijk with a group shows that group as a group in your wijk", async ({ page }) => {
    await search(page, "2922AZ", "99");
    await expect(page.getByText("In postcode 2922 AZ doet nog geen adres mee met een groep.")).toBeVisible();
    const nearby = page.getByRole("region", { name: "Groepen in uw wijk (Langeland)" });
    await expect(nearby.getByRole("link", { name: "Buurtpreventie Langeland-Noord" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Start zelf een groep" })).toBeVisible();
    await expectAccessible(page);
  });

  test("two houses of one postcode (one taking part, one not) get the same results, to the byte", async ({ page }) => {
    // 2922 AB 12 is on Langeland-Noord's list, 2922 AB 99 is not, 2922 AB 12 A neither.
    const results: string[] = [];
    for (const query of ["huisnummer=12", "huisnummer=99", "huisnummer=12&toevoeging=A"]) {
      await page.goto(`/zoeken?postcode=2922AB&${query}`);
      const section = page.getByRole("region", { name: "Resultaat voor postcode 2922 AB" });
      await expect(section).toBeVisible();
      results.push(await section.evaluate((element) => element.outerHTML));
    }
    expect(results[1]).toBe(results[0]);
    expect(results[2]).toBe(results[0]);
    expect(results[0]).toContain("Buurtpreventie Langeland-Noord");
    expect(results[0]).not.toMatch(/Dit adres|huisnummer 12|2922 AB 12/);
  });

  // Which message each wrong postcode or house number gets (0000AA, 1234SA, 12345, empty, a
  // <script>, 0, 100000, 12abc) is tested on the schema the page uses, in
  // lib/validation/schemas.test.ts (addressLookupQuerySchema). Here: the page puts the messages at
  // the fields, in Dutch, wired up for assistive technology.
  test("shows the Dutch message at each wrong field, linked to it, and keeps what was typed", async ({ page }) => {
    const response = await page.goto(`/zoeken?postcode=${encodeURIComponent("1234SA")}&huisnummer=${encodeURIComponent("12abc")}`);
    expect(response?.status()).toBe(200);
    for (const [field, message] of [
      ["Postcode", "Deze postcode bestaat niet"],
      ["Huisnummer", "Vul bij huisnummer alleen cijfers in"],
    ] as const) {
      const input = page.getByLabel(field);
      await expect(input).toHaveAttribute("aria-invalid", "true");
      await expect(page.getByText(message)).toBeVisible();
      await expect(input, `${field}: the message is the field's description (aria-describedby)`).toHaveAccessibleDescription(new RegExp(message));
    }
    await expect(page.getByLabel("Postcode")).toHaveValue("1234SA");
    await expect(page.getByLabel("Huisnummer")).toHaveValue("12abc");
    await expect(page.getByRole("heading", { name: /^Resultaat voor/ })).toHaveCount(0);
    // axe: scanned in a11y.spec.ts "public forms": /zoeken with the messages at the fields (1234SA, 0).
  });

  test("a postcode of 1,000 characters gets a message, not an error page", async ({ request }) => {
    // Over HTTP: the server's page, with the postcode field marked invalid.
    const response = await request.get(`/zoeken?postcode=${"9".repeat(1000)}&huisnummer=1`);
    expect(response.status()).toBe(200);
    expect(await response.text()).toMatch(/<input[^>]*\bid="postcode"[^>]*\baria-invalid="true"|<input[^>]*\baria-invalid="true"[^>]*\bid="postcode"/);
  });

  test("works without JavaScript, including the message at the field", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/");
    await page.getByLabel("Postcode").fill("2922 ab");
    await page.getByLabel("Huisnummer").fill("12");
    await page.getByRole("button", { name: "Zoeken" }).click();
    await expect(page.getByRole("link", { name: "Buurtpreventie Langeland-Noord" })).toBeVisible();
    // exact: the results ("Resultaat voor postcode …") are labelled with the word too.
    await page.getByLabel("Postcode", { exact: true }).fill("2922 SS");
    await page.getByRole("button", { name: "Zoeken" }).click();
    await expect(page.getByLabel("Postcode", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("Deze postcode bestaat niet")).toBeVisible();
    await context.close();
  });

  test("the API answers the same as the page", async ({ request }) => {
    const response = await request.get("/api/v1/groepen?postcode=2922%20ab&huisnummer=12");
    expect(response.status()).toBe(200);
    expect(response.headers()["access-control-allow-origin"]).toBe("*");
    expect(response.headers()["etag"]).toBeTruthy();
    const body = (await response.json()) as { groups: Array<{ name: string; url: string }> };
    expect(body.groups.map((g) => g.name)).toEqual(["Buurtpreventie Langeland-Noord"]);
    expect(body.groups[0].url).toMatch(/\/groepen\/langeland-noord$/);
    const bad = await request.get("/api/v1/groepen?postcode=1234SA&huisnummer=1");
    expect(bad.status()).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe("bad_request");
    expect((await request.get("/api/v1/openapi.json")).status()).toBe(200);
    const unknown = await request.get("/api/v1/bestaat-niet");
    expect(unknown.status()).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe("not_found");
  });
});

test.describe("a group's page", () => {
  test("shows the group's public facts and the join form (axe: a11y.spec.ts)", async ({ page }) => {
    await search(page, "2922AB", "12");
    await page.getByRole("link", { name: "Buurtpreventie Langeland-Noord" }).click();
    await expect(page).toHaveURL(/\/groepen\/langeland-noord$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Buurtpreventie Langeland-Noord");
    await expect(page).toHaveTitle("Buurtpreventie Langeland-Noord | WhatsApp Buurtpreventie");
    const facts = page.getByRole("region", { name: "Over de groep" });
    await expect(facts).toContainText("Tiendweg, Raadhuisplein");
    await expect(facts).toContainText("62 adressen");
    await expect(facts).toContainText("Bord aangevraagd");
    await expect(facts).toContainText("10 februari 2025");
    await expect(page.getByRole("link", { name: "Langeland" }).first()).toHaveAttribute("href", "/wijken/langeland");
    await expect(page.getByRole("button", { name: "Aanmelding versturen" })).toBeVisible();
    // axe: scanned in a11y.spec.ts "pages": /groepen/langeland-noord.
  });

  test("an unknown or dissolved group gets a Dutch 404 page", async ({ page }) => {
    for (const slug of ["bestaat-niet", "%3Cscript%3E", "x".repeat(300)]) {
      const response = await page.goto(`/groepen/${slug}`);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Deze groep bestaat niet");
    }
    await expectAccessible(page);
  });
});

test.describe("the join form", () => {
  async function fillValid(page: Page, email: string) {
    await page.getByLabel("Uw naam").fill("Eline Bewoner");
    await page.getByLabel("E-mailadres").fill(email);
    await page.getByLabel("Mobiel nummer").fill("06 55512345");
    await page.getByLabel("Postcode").fill("2921 AB");
    await page.getByLabel("Huisnummer").fill("30");
    await page.getByLabel("Geboortedatum").fill("1988-04-09");
    await page.getByLabel("Ik heb de huisregels gelezen en houd me eraan.").check();
  }

  test("shows every problem at its field without sending, keeps what was typed (axe: a11y.spec.ts)", async ({ page }) => {
    await page.goto("/groepen/oud-krimpen-dijkzijde");
    await page.getByLabel("Uw naam").fill("Eline Bewoner");
    await page.getByLabel("Postcode").fill("1234 SA");
    await page.getByLabel("Huisnummer").fill("12abc");
    await page.getByLabel("Geboortedatum").fill("2015-01-01");
    await page.getByRole("button", { name: "Aanmelding versturen" }).click();

    const summary = page.getByRole("alert").filter({ hasText: "Niet alles is goed ingevuld" });
    await expect(summary).toBeVisible();
    await expect(summary.getByRole("link")).toHaveCount(6);
    await expect(page.getByLabel("E-mailadres")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Postcode")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Huisnummer")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Geboortedatum")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("U moet 18 jaar of ouder zijn om mee te doen.").first()).toBeVisible();
    await expect(page.getByText("Lees de huisregels en vink aan dat u zich eraan houdt.").first()).toBeVisible();
    await expect(page.getByLabel("Uw naam")).toHaveValue("Eline Bewoner");
    await expect(page.getByLabel("Uw naam")).not.toHaveAttribute("aria-invalid", "true");
    // axe: scanned in a11y.spec.ts "public forms": the join form with its messages (empty, then a wrong e-mail and postcode).

    // Fixing a field removes its message.
    await page.getByLabel("Postcode").fill("2921 AB");
    await expect(page.getByLabel("Postcode")).not.toHaveAttribute("aria-invalid", "true");
  });

  test("sends a valid request and confirms it, without showing any admin", async ({ page }) => {
    await page.goto("/groepen/oud-krimpen-dijkzijde");
    await fillValid(page, "eline.js@bewoner.example");
    await page.getByRole("button", { name: "Aanmelding versturen" }).click();
    const confirmation = page.getByRole("status").filter({ hasText: "Uw aanmelding is verstuurd" });
    await expect(confirmation).toBeVisible();
    await expect(confirmation).toContainText("De beheerders van Oud-Krimpen Dijkzijde krijgen uw gegevens per e-mail.");
    const html = await page.content();
    for (const secret of ["Fatima Yilmaz", "dijkzijde@krimpen.example", "+31645678901", "06 45678901"]) expect(html).not.toContain(secret);
    await expectAccessible(page);
  });

  test("answers in Dutch at the top of the form when the limit per e-mail address is used up", async ({ page }) => {
    // 3 per e-mail address per group per day; a resent form counts too (and changes nothing).
    for (let i = 0; i < 3; i++) {
      await page.goto("/groepen/boveneind-alert");
      await fillValid(page, "eline.limiet@bewoner.example");
      await page.getByRole("button", { name: "Aanmelding versturen" }).click();
      await expect(page.getByText("Uw aanmelding is verstuurd")).toBeVisible();
    }
    await page.goto("/groepen/boveneind-alert");
    await fillValid(page, "eline.limiet@bewoner.example");
    await page.getByRole("button", { name: "Aanmelding versturen" }).click();
    const message = page.getByRole("alert").filter({ hasText: "Met dit e-mailadres is vandaag al vaak een aanmelding" });
    await expect(message).toBeVisible();
    await expect(page.getByLabel("Uw naam")).toHaveValue("Eline Bewoner");
    await expectAccessible(page);
  });

  test("hides the honeypot from people and keyboards", async ({ page }) => {
    await page.goto("/groepen/boveneind-alert");
    const honeypot = page.locator('input[name="website"]');
    await expect(honeypot).toHaveAttribute("tabindex", "-1");
    await expect(honeypot).not.toBeInViewport();
    expect(await honeypot.evaluate((el) => el.closest("[aria-hidden='true']") !== null)).toBe(true);
  });

  test("works without JavaScript: errors at the fields with the values kept, then sent", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: { "x-forwarded-for": "198.51.100.250" } });
    const page = await context.newPage();
    await page.goto("/groepen/kortland-vogelbuurt");
    await fillValid(page, "eline.nojs@bewoner.example");
    await page.getByLabel("Postcode").fill("0000 AA");
    await page.getByLabel("Mobiel nummer").fill("0900-8844");
    await page.getByRole("button", { name: "Aanmelding versturen" }).click();

    await expect(page.getByLabel("Postcode")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Mobiel nummer")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByRole("alert").filter({ hasText: "Niet alles is goed ingevuld" })).toBeVisible();
    await expect(page.getByLabel("Uw naam")).toHaveValue("Eline Bewoner");
    await expect(page.getByLabel("E-mailadres")).toHaveValue("eline.nojs@bewoner.example");
    await expect(page.getByLabel("Postcode")).toHaveValue("0000 AA");
    await expect(page.getByLabel("Ik heb de huisregels gelezen en houd me eraan.")).toBeChecked();
    // (axe needs JavaScript in the page; the same error state is scanned in the test above.)

    await page.getByLabel("Postcode").fill("2923 AB");
    await page.getByLabel("Mobiel nummer").fill("06 55512345");
    await page.getByRole("button", { name: "Aanmelding versturen" }).click();
    await expect(page.getByText("Uw aanmelding is verstuurd")).toBeVisible();
    await context.close();
  });
});

test.describe("wijken", () => {
  test("/wijken shows every wijk as a table and a chart with the numbers in text", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Wijken" }).click();
    await expect(page).toHaveURL(/\/wijken$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Groepen per wijk");
    const table = page.getByRole("table", { name: "Alle cijfers" });
    await expect(table.getByRole("row")).toHaveCount(7);
    // The demo seeds 62 addresses of 2,800 in Langeland (2.2%); specs that ran before may have
    // registered more groups there, so the chart's figure is read and the table must agree.
    const langeland = table.getByRole("row", { name: /Langeland/ }).first();
    await expect(langeland).toContainText("2.800");
    const chart = page.getByRole("figure", { name: "Deelnemende adressen per wijk" });
    const figure = (await chart.getByRole("listitem").filter({ hasText: "Langeland" }).first().textContent()) ?? "";
    const [, count = "", percent = ""] = /([\d.]+) adressen \((\d+,\d)%\)/.exec(figure) ?? [];
    const addresses = Number(count.replaceAll(".", ""));
    expect(addresses, figure).toBeGreaterThanOrEqual(62);
    expect(Number(percent.replace(",", ".")), figure).toBeCloseTo(Math.round((addresses / 2800) * 1000) / 10, 5);
    await expect(langeland).toContainText(count);
    await expect(langeland).toContainText(`${percent}%`);
    // axe: scanned in a11y.spec.ts "pages": /wijken.
  });

  test("/wijken/[slug] shows a wijk with its groups, or the invitation when it has none", async ({ page }) => {
    await page.goto("/wijken");
    await page.getByRole("table").getByRole("link", { name: "Kortland-Noord" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Wijk Kortland-Noord");
    await expect(page.getByRole("link", { name: "Buurtpreventie Kortland Vogelbuurt" })).toBeVisible();
    // axe: scanned in a11y.spec.ts "pages": /wijken/langeland (a wijk with a group).
    await page.goto("/wijken/kortland-zuid");
    await expect(page.getByText("In deze wijk is nog geen groep aangemeld.")).toBeVisible();
    await expectAccessible(page);
    const missing = await page.goto("/wijken/nergens");
    expect(missing?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Deze wijk bestaat niet");
  });
});

test.describe("information pages", () => {
  test("/informatie explains SAAR, 112, the house rules, Burgernet, starting a group and the municipality's part", async ({ page }) => {
    await page.goto("/informatie");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hoe werkt WhatsApp-buurtpreventie?");
    for (const heading of ["Waarom het werkt", "Iets verdachts? Volg SAAR", "112 of 0900-8844?", "De huisregels", "Burgernet", "Zelf een groep starten", "Wat doet de gemeente?"]) {
      await expect(page.getByRole("heading", { level: 2, name: heading })).toBeVisible();
    }
    await expect(page.getByText("ongeveer 40%")).toBeVisible();
    // The bord rule: Krimpen's 50 addresses, or (once municipalities.spec has added one with
    // another threshold on this server) that it differs per municipality; bordConditionText's
    // own test covers each case.
    await expect(page.getByText(/Doen er (50 adressen of meer|genoeg adressen) mee met uw groep/)).toBeVisible();
    await expect(page.getByRole("link", { name: "veiligheid@krimpen.example" })).toBeVisible();
    // axe: scanned in a11y.spec.ts "pages": /informatie.
  });

  test("/privacy says what is stored, why, how long, who sees it and how to have it removed", async ({ page }) => {
    await page.goto("/privacy");
    await expect(page.getByRole("heading", { name: "Welke gegevens bewaren we, en waarom?" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Wie ziet uw gegevens?" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Uw rechten" })).toBeVisible();
    await expect(page.getByText("binnen 30 dagen")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Wat laat Zoeken op adres zien?" })).toBeVisible();
    await expect(page.getByText("U ziet nooit of een bepaald huis meedoet")).toBeVisible();
    // axe: scanned in a11y.spec.ts "pages": /privacy.
  });

  test("/toegankelijkheid is a statement in the usual form: standard, status, known problems, contact", async ({ page }) => {
    await page.goto("/toegankelijkheid");
    await expect(page.getByText("WCAG) 2.1, niveau A en AA")).toBeVisible();
    await expect(page.getByText("Nalevingsstatus")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Bekende problemen" })).toBeVisible();
    await expect(page.getByRole("link", { name: "veiligheid@krimpen.example" })).toBeVisible();
    // axe: scanned in a11y.spec.ts "pages": /toegankelijkheid.
  });
});

test.describe("metadata, robots.txt and sitemap.xml", () => {
  const pages = ["/", "/zoeken", "/groepen/langeland-noord", "/wijken", "/wijken/langeland", "/informatie", "/privacy", "/toegankelijkheid"];
  // The tags are in the server's HTML (the browser adds none): read over HTTP, without rendering.
  for (const path of pages) {
    test(`${path} has a title, a description and Open Graph data`, async ({ request }) => {
      const response = await request.get(path);
      expect(response.status()).toBe(200);
      const html = await response.text();
      /** The content of every <meta name|property="key">, as the browser reads it. */
      const meta = (attribute: "name" | "property", key: string) =>
        [...html.matchAll(new RegExp(`<meta ${attribute}="${key}" content="([^"]*)"`, "g"))].map((m) => decodeEntities(m[1]));
      const titles = [...html.matchAll(/<title>([^<]*)<\/title>/g)].map((m) => decodeEntities(m[1]));
      expect(titles[0], "the title").toMatch(/WhatsApp Buurtpreventie/);
      for (const [attribute, key, content] of [
        ["name", "description", /.{30,}/],
        ["property", "og:title", /.+/],
        ["property", "og:description", /.+/],
        ["property", "og:url", path === "/" ? /^https?:\/\/[^/]+\/?$/ : new RegExp(`${path}$`)],
        ["property", "og:locale", /^nl_NL$/],
      ] as const) {
        const values = meta(attribute, key);
        expect(values, `one <meta ${attribute}="${key}">`).toHaveLength(1);
        expect(values[0], key).toMatch(content);
      }
      expect(html.match(/<h1[\s>]/g) ?? [], "one h1").toHaveLength(1);
    });
  }

  test("robots.txt points to the sitemap, which lists the public pages, wijken and groups", async ({ request, baseURL }) => {
    const robots = await (await request.get("/robots.txt")).text();
    expect(robots).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
    expect(robots).toContain("Disallow: /beheer");
    const sitemap = await (await request.get("/sitemap.xml")).text();
    for (const path of ["/informatie", "/wijken", "/wijken/langeland", "/groepen/langeland-noord", "/privacy", "/toegankelijkheid"]) {
      expect(sitemap).toContain(`<loc>${baseURL}${path}</loc>`);
    }
    expect(sitemap).not.toContain("/beheer");
  });
});

/**
 * A municipality's team Veiligheid mailbox is an organisation's address, shown on purpose: Krimpen's
 * from the seed, and that of a municipality e2e/municipalities.spec.ts adds on this worker's server.
 */
const SAFETY_MAILBOX = /^veiligheid@(krimpen|proefdorp)\.example$/;

// Over HTTP: the pages as the server sends them, their HTML and the React data in it (all that the
// browser gets to show: no public page fetches more once open, except address suggestions while
// someone types).
test("no public page shows an e-mail address, phone number, date of birth or name of a person from the seed", async ({ request }) => {
  const secrets = seedPersonalData();
  expect(secrets).toEqual(expect.arrayContaining(["groepsbeheerder@krimpen.example", "+31612345678", "1984-03-14", "Sanne de Vries", "Jan de Boer"]));
  const sitemap = await (await request.get("/sitemap.xml")).text();
  const paths = [...sitemap.matchAll(/<loc>https?:\/\/[^/]+([^<]*)<\/loc>/g)].map((m) => m[1] || "/");
  paths.push("/zoeken?postcode=2922AB&huisnummer=12", "/zoeken?postcode=2922AC&huisnummer=3", "/zoeken?postcode=2922AD&huisnummer=41", "/zoeken?postcode=2921AB&huisnummer=8");
  expect(paths.length).toBeGreaterThan(15);
  const leaks: string[] = [];
  for (const path of paths) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    const html = await response.text();
    for (const secret of secrets) if (html.includes(secret)) leaks.push(`${path}: ${secret}`);
    const emails = (html.match(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[a-z]{2,}/g) ?? []).filter((e) => !SAFETY_MAILBOX.test(e));
    leaks.push(...emails.map((e) => `${path}: ${e}`));
  }
  expect(leaks).toEqual([]);
});
