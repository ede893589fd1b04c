import type { APIRequestContext, Browser, BrowserContext, Page } from "@playwright/test";
import Papa from "papaparse";
import { XSS_PAYLOADS } from "./fixtures/xss-payloads";
import { STAFF, WIJKAGENT, XSS_ADMIN } from "./support/accounts";
import { addSession, expect, test } from "./support/test";

/**
 * XSS in the browser: text with script in it, typed into the forms as a person would, and every
 * kind of page that shows it again opened in chromium under the Content-Security-Policy. On
 * every page: nothing ran (a `__xss` / alert / confirm / prompt trap, dialogs,
 * Content-Security-Policy violations and page errors are recorded), no element carries an
 * event-handler attribute or a javascript: URL, and the text is shown literally.
 *
 * The whole corpus (e2e/fixtures/xss-payloads.ts, 65 payloads) goes through every component,
 * page and e-mail template on the server (renderToStaticMarkup) in
 * tests/security/xss-render.test.ts, where it is cheap. Here each page type gets one sample of
 * it, in the browser, for what only a browser shows: the policy, hydration and client code.
 * The samples: a <script> element after a double-quote breakout, and an <img onerror> after a
 * single-quote breakout (corpus #16 and #17); long text fields also get a javascript: URL and a
 * </textarea> breakout (#11, #20).
 *
 * Page types (each opened with a sample in it):
 * - the registration wizard (steps, summary), the new group's page, the mail to the wijkagent;
 * - the group's name and description: the public group page (title, meta tags), the admin's
 *   group page (form values), flyer, admins, addresses, join requests, bord and dissolve pages,
 *   my groups, the address search result, the wijk page, staff's group list and detail, the
 *   wijkagent's list and detail, the JSON API and both CSV exports;
 * - a join request: the resident's name on the admin's join request page and in the admins'
 *   e-mails, the admin's message in the welcome and the decline e-mail;
 * - a bord request: street, description and note on the admin's bord page (current and earlier
 *   requests), staff's list and detail (with the staff note and the reason of rejection), the
 *   rejection e-mail and the e-mail to team Veiligheid;
 * - staff: a wijk's name on /beheer/wijken, /beheer, /wijken, the wijk page and the JSON API; a
 *   contact's name on /beheer/wijken; an invited account's name on /beheer/gebruikers and in its
 *   e-mail; the audit log;
 * - text in the address bar: search, group, wijk, sign-in return path, mailbox, staff filters, API.
 * Fields whose validation refuses such text (e-mail, phone, postcode, house number, addition,
 * WhatsApp link, wijk code, postcodes, a name without letters) are checked for the clear Dutch
 * refusal; group names that look like spreadsheet formulas for the escaping in both CSV exports.
 */

test.describe.configure({ mode: "serial" });

const ADMIN_POSTCODE = "2922 BC";
const ADMIN_HOUSE_NUMBER = 71;

/** A <script> after a double-quote breakout, an <img onerror> after a single-quote breakout. */
const SAMPLES = ['"><script>__xss(16)</script>', "'><img src=x onerror=__xss(17)>"] as const;
const TEXT_SAMPLES = [...SAMPLES, "javascript:__xss(11)", "</textarea><script>__xss(20)</script>"] as const;
/** Short fields (names, street; 80 characters at most): both samples and a word. */
const sample = (word: string) => `${SAMPLES[0]} ${word} ${SAMPLES[1]}`;
/** Long text fields (description, notes, messages): four lines. */
const longSample = (word: string) => [word, ...TEXT_SAMPLES].join("\n");

const GROUP_NAME = sample("Buurt");
const DESCRIPTION = longSample("Straten");
const ADMIN_NAME = sample("Xander");

/** Whitespace as the browser shows it: any run becomes one space. */
const flat = (text: string) => text.replace(/\s+/g, " ").trim();

/** Installs the traps in every page of `context`; returns where they report. */
async function trap(context: BrowserContext): Promise<string[]> {
  const seen: string[] = [];
  await context.addInitScript(() => {
    const w = window as unknown as Record<string, unknown> & { __xssHits: string[] };
    w.__xssHits = [];
    const hit = (what: string) => w.__xssHits.push(what);
    w.__xss = (n: unknown) => hit(`__xss(${String(n)}) ran`);
    w.alert = (m: unknown) => hit(`alert(${String(m)}) ran`);
    w.confirm = (m: unknown) => (hit(`confirm(${String(m)}) ran`), false);
    w.prompt = (m: unknown) => (hit(`prompt(${String(m)}) ran`), null);
    document.addEventListener(
      "securitypolicyviolation",
      (e) => hit(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || "inline"} ${e.sample}`),
      true,
    );
  });
  context.on("page", (page) => watchPage(page, seen));
  return seen;
}

function watchPage(page: Page, seen: string[]) {
  page.on("dialog", (dialog) => {
    seen.push(`dialog ${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on("pageerror", (error) => seen.push(`page error: ${error.message}`));
}

interface Actor {
  context: BrowserContext;
  page: Page;
  seen: string[];
}

async function actor(browser: Browser, email: typeof XSS_ADMIN | typeof STAFF | typeof WIJKAGENT | null): Promise<Actor> {
  const context = await browser.newContext();
  const seen = await trap(context);
  if (email) await addSession(context, email);
  const page = await context.newPage();
  return { context, page, seen };
}

/** Everything on the page now that shows script got in: trap hits and injected markup. */
async function injected(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [...((window as unknown as { __xssHits?: string[] }).__xssHits ?? [])];
    const urlAttributes = ["href", "src", "action", "formaction", "xlink:href", "data", "srcdoc", "background", "poster"];
    for (const el of Array.from(document.querySelectorAll("*"))) {
      const tag = el.tagName.toLowerCase();
      for (const attribute of Array.from(el.attributes)) {
        const name = attribute.name.toLowerCase();
        const value = attribute.value.replace(/[\s\u0000-\u001f]/g, "").toLowerCase();
        if (name.startsWith("on")) found.push(`<${tag} ${name}="${attribute.value}">`);
        // React sets this on forms whose action is a function: it throws if the form is ever submitted natively.
        const reactGuard = name === "action" && attribute.value.startsWith("javascript:throw new Error('A React form was unexpectedly submitted.");
        if (!reactGuard && urlAttributes.includes(name) && /(^|url=)(javascript|vbscript|data:text\/html)/.test(value)) found.push(`<${tag} ${name}="${attribute.value}">`);
        if (name === "content" && el.hasAttribute("http-equiv") && /url=/.test(value)) found.push(`<${tag} http-equiv content="${attribute.value}">`);
        if (name === "style" && /expression\(|javascript:/.test(value)) found.push(`<${tag} style="${attribute.value}">`);
      }
      const text = el.textContent ?? "";
      if ((tag === "script" || tag === "style") && text.includes("__xss") && !text.startsWith("self.__next_f")) found.push(`<${tag}>${text.slice(0, 80)}`);
      if (["iframe", "object", "embed", "base", "frame", "frameset"].includes(tag)) found.push(`<${tag}> element`);
    }
    return found;
  });
}

/**
 * Opens `path` as `who`, lets it settle (images fail, handlers would fire) and checks: nothing
 * ran, nothing injected, and each of `texts` is on the page as text.
 */
async function expectSafe(who: Actor, path: string, texts: readonly string[]): Promise<void> {
  const response = await who.page.goto(path);
  expect(response?.status(), `${path} answers`).toBeLessThan(400);
  await who.page.waitForLoadState("load");
  await who.page.waitForTimeout(100);
  await expectSafeHere(who, texts);
}

async function expectSafeHere(who: Actor, texts: readonly string[]): Promise<void> {
  const where = who.page.url();
  expect([...who.seen, ...(await injected(who.page))], `script or markup got in on ${where}`).toEqual([]);
  const shown = flat(await who.page.locator("body").innerText());
  for (const text of texts) expect(shown, `shown literally on ${where}`).toContain(flat(text));
}

/**
 * GET through the context's request client, once more on ECONNRESET: it reuses kept-alive
 * connections, and Node closes an idle one after 5 s (a race, not an answer of the app).
 */
async function get(request: APIRequestContext, path: string) {
  try {
    return await request.get(path);
  } catch (error) {
    if (!String(error).includes("ECONNRESET")) throw error;
    return request.get(path);
  }
}

/** The CSV at `path` parses, and the cells hold the text (a formula start escaped with '). */
async function expectCsvHolds(request: APIRequestContext, path: string, column: string, texts: readonly string[]) {
  const response = await get(request, path);
  expect(response.status()).toBe(200);
  const body = (await response.text()).replace(/^\uFEFF/, "");
  const parsed = Papa.parse<string[]>(body, { delimiter: ";", skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  const index = parsed.data[0].indexOf(column);
  expect(index, `column ${column} in ${path}`).toBeGreaterThanOrEqual(0);
  const cells = parsed.data.slice(1).map((row) => row[index]);
  for (const cells_ of cells) expect(cells_, "no cell starts like a formula").not.toMatch(/^\s*[=+\-@\t\r]/);
  for (const text of texts) {
    const expected = /^\s*[=+\-@]/.test(text) ? `'${text}` : text;
    expect(cells.some((c) => c === expected || c.split(", ").includes(expected)), `${path} holds ${text}`).toBe(true);
  }
}

/**
 * Waits until the demo mailbox has a message to `to` with `subject` (a part of it) and opens the
 * newest one; with `mark`, the newest one whose text contains it (other specs may have sent the
 * same kind of message to the same address, and the outbox worker delivers a moment later).
 */
async function openMailTo(who: Actor, to: string, subject: string, mark?: string): Promise<void> {
  let href = "";
  await expect(async () => {
    await who.page.goto(`/dev/mailbox?aan=${encodeURIComponent(to)}`);
    const link = who.page.getByRole("link", { name: subject }).first();
    await expect(link).toBeVisible({ timeout: 500 });
    href = (await link.getAttribute("href")) ?? "";
    if (mark) {
      await who.page.goto(href);
      expect(flat(await who.page.locator("body").innerText())).toContain(flat(mark));
    }
  }).toPass({ timeout: 20_000, intervals: [250, 500] });
  if (mark) await who.page.goto(`/dev/mailbox?aan=${encodeURIComponent(to)}`);
  await expectSafeHere(who, []);
  await who.page.goto(href);
}

let anon: Actor;
let admin: Actor;
let staff: Actor;
let agent: Actor;
let groupId = "";
let slug = "";
let groupName = GROUP_NAME;

test.beforeAll(async ({ browser }) => {
  anon = await actor(browser, null);
  admin = await actor(browser, XSS_ADMIN);
  staff = await actor(browser, STAFF);
  agent = await actor(browser, WIJKAGENT);
});

test.afterAll(async () => {
  for (const a of [anon, admin, staff, agent]) await a?.context.close();
});

test("the samples are payloads of the corpus (which the server-render test takes whole)", () => {
  expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(50);
  expect(new Set(XSS_PAYLOADS).size).toBe(XSS_PAYLOADS.length);
  for (const p of TEXT_SAMPLES) expect(XSS_PAYLOADS).toContain(p);
});

test("registering a group: refused fields say so clearly; name, description and admin name are shown as text", async () => {
  test.setTimeout(60_000);
  const page = admin.page;
  await page.goto("/groep-starten");
  const next = page.getByRole("button", { name: "Volgende stap" });
  await page.getByLabel("Uw naam").fill(ADMIN_NAME);
  await page.getByLabel("Uw telefoonnummer").fill("<img src=x onerror=__xss(1)>");
  await page.getByLabel("Uw geboortedatum").fill("1980-05-05");
  await page.getByLabel("Postcode").fill("\"><script>__xss(2)</script>");
  await page.getByLabel("Huisnummer").fill("javascript:__xss(3)");
  await page.getByLabel("Toevoeging (niet verplicht)").fill("<b>x");
  await next.click();
  await expect(page.getByText("Dit telefoonnummer klopt niet")).toBeVisible();
  await expect(page.getByText("Deze postcode is te lang.").or(page.getByText("Deze postcode bestaat niet"))).toBeVisible();
  await expect(page.getByText("Vul bij huisnummer alleen cijfers in")).toBeVisible();
  await expect(page.getByText("Een toevoeging is een letter of hooguit 6 letters en cijfers")).toBeVisible();
  await expectSafeHere(admin, []);

  await page.getByLabel("Uw telefoonnummer").fill("06 12345600");
  await page.getByLabel("Postcode").fill(ADMIN_POSTCODE);
  await page.getByLabel("Huisnummer").fill(String(ADMIN_HOUSE_NUMBER));
  await page.getByLabel("Toevoeging (niet verplicht)").fill("");
  await next.click();

  await expect(page.getByRole("heading", { level: 2, name: /Stap 2 van 6/ })).toBeVisible();
  await page.getByLabel("Naam van de groep").fill(groupName);
  await page.getByLabel("Welke straten doen mee? (niet verplicht)").fill(DESCRIPTION);
  await page.getByLabel("Uitnodigingslink van de WhatsApp-groep (niet verplicht)").fill("javascript:__xss(4)//https://chat.whatsapp.com/abc");
  await next.click();
  await expect(page.getByText("Plak de uitnodigingslink van uw WhatsApp-groep. Die begint met https://chat.whatsapp.com/.")).toBeVisible();
  await page.getByLabel("Uitnodigingslink van de WhatsApp-groep (niet verplicht)").fill("");
  await next.click();

  await page.getByRole("button", { name: "Medebeheerder toevoegen" }).click();
  await page.getByLabel("E-mailadres medebeheerder 1").fill("<svg/onload=__xss(5)>@x.example");
  await next.click();
  await expect(page.getByText("Dit e-mailadres klopt niet.")).toBeVisible();
  await expectSafeHere(admin, []);
  await page.getByRole("button", { name: /Verwijder/ }).first().click();
  await next.click();

  await expect(page.getByRole("heading", { level: 2, name: /Stap 4 van 6/ })).toBeVisible();
  const addresses = Array.from({ length: 55 }, (_, i) => `2922 BC ${i + 1}`);
  await page.getByLabel("Adressen (niet verplicht)").fill([...addresses, "2922 BC 3 <img src=x onerror=__xss(6)>"].join("\n"));
  await page.getByRole("button", { name: "Controleer de lijst" }).click();
  await expect(page.getByText("55 adressen gevonden, 1 regel met een fout.")).toBeVisible();
  await expect(admin.page.getByText("Fout: De toevoeging klopt niet.")).toBeVisible();
  await expectSafeHere(admin, []);
  await page.getByLabel("Adressen (niet verplicht)").fill(addresses.join("\n"));
  await next.click();
  await page.getByLabel("Ik heb de huisregels gelezen en ik houd me eraan.").check();
  await page.getByLabel("De bewoners die meedoen zijn 18 jaar of ouder en wonen op de adressen die ik opgeef.").check();
  await next.click();
  await expectSafeHere(admin, [groupName, ADMIN_NAME, DESCRIPTION]);
  await page.getByRole("button", { name: "Groep aanmelden" }).click();
  await expect(page).toHaveURL(/\/mijn-groepen\/[0-9a-f-]{36}\?nieuw=1$/);
  groupId = /\/mijn-groepen\/([0-9a-f-]{36})/.exec(page.url())![1];
  await expectSafeHere(admin, [groupName]);

  await page.goto(`/mijn-groepen/${groupId}/flyer`);
  slug = /\/groepen\/([a-z0-9-]+)/.exec(await page.locator("main").innerText())![1];

  // The mail to the wijkagent names the group and its admin.
  await openMailTo(admin, WIJKAGENT, "Nieuwe buurtpreventiegroep in Langeland", groupName);
  await expectSafeHere(admin, [groupName, ADMIN_NAME]);
});

test("the group's name and description on every page, answer and export that shows them", async () => {
  test.setTimeout(90_000);
  const pages: Array<[Actor, string, string[]]> = [
    [anon, `/groepen/${slug}`, [groupName, DESCRIPTION]],
    [admin, `/mijn-groepen/${groupId}`, []],
    [admin, `/mijn-groepen/${groupId}/flyer`, [groupName]],
    [staff, `/beheer/groepen/${groupId}`, [groupName]],
    [agent, `/wijkagent/groepen/${groupId}`, [groupName]],
    [anon, `/zoeken?postcode=${encodeURIComponent(ADMIN_POSTCODE)}&huisnummer=${ADMIN_HOUSE_NUMBER}`, [groupName]],
    [anon, "/wijken/langeland", [groupName]],
    [admin, "/mijn-groepen", [groupName]],
    [admin, `/mijn-groepen/${groupId}/beheerders`, [groupName]],
    [admin, `/mijn-groepen/${groupId}/adressen`, [groupName]],
    [admin, `/mijn-groepen/${groupId}/aanmeldingen`, [groupName]],
    [admin, `/mijn-groepen/${groupId}/bord`, [groupName]],
    [admin, `/mijn-groepen/${groupId}/opheffen`, [groupName]],
    [staff, "/beheer/groepen", [groupName]],
    [agent, "/wijkagent", [groupName]],
  ];
  for (const [who, path, texts] of pages) {
    await expectSafe(who, path, texts);
    if (path === `/mijn-groepen/${groupId}`) {
      // The edit form holds the text as its values.
      await expect(admin.page.getByLabel("Naam van de groep")).toHaveValue(groupName);
      await expect(admin.page.getByLabel("Welke straten doen mee?")).toHaveValue(DESCRIPTION);
    }
  }
  // The title and meta tags of the public page hold the name as text.
  await anon.page.goto(`/groepen/${slug}`);
  await expect(anon.page).toHaveTitle(new RegExp(groupName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
  await expect(anon.page.locator('meta[property="og:title"]')).toHaveAttribute("content", new RegExp(groupName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));

  // JSON and CSV carry the text unchanged and stay well-formed.
  const api = await get(anon.context.request, `/api/v1/groepen/${slug}`);
  expect(api.headers()["content-type"]).toContain("application/json");
  const json = (await api.json()) as Record<string, unknown>;
  expect(JSON.stringify(json)).toContain(JSON.stringify(groupName).slice(1, -1));
  await expectCsvHolds(staff.context.request, "/beheer/groepen/export", "Groep", [groupName]);
  await expectCsvHolds(agent.context.request, "/wijkagent/export", "Groep", [groupName]);
  // The admin's name in both exports.
  await expectCsvHolds(staff.context.request, "/beheer/groepen/export", "Beheerders", [ADMIN_NAME]);
  await expectCsvHolds(agent.context.request, "/wijkagent/export", "Beheerders", [ADMIN_NAME]);
});

test("a group named like a spreadsheet formula is escaped in both CSV exports", async () => {
  const formulas = ["=cmd|' /C calc'!A0 Buurt", "+HYPERLINK(\"http://x.example\";\"klik\") Buurt", "-2+3+cmd|' /C calc'!A0", "@SUM(1+1) Buurt"];
  for (const name of formulas) {
    await admin.page.goto(`/mijn-groepen/${groupId}`);
    // (goto waits until React runs the form: e2e/support/test.ts.)
    await admin.page.getByLabel("Naam van de groep").fill(name);
    await admin.page.getByRole("button", { name: "Gegevens opslaan" }).click();
    await expect(admin.page.getByText("De gegevens zijn opgeslagen.")).toBeVisible();
    await expect(admin.page.getByLabel("Naam van de groep")).toHaveValue(name);
    await expectCsvHolds(staff.context.request, "/beheer/groepen/export", "Groep", [name]);
    await expectCsvHolds(agent.context.request, "/wijkagent/export", "Groep", [name]);
  }
  groupName = formulas.at(-1)!;
});

/** The hidden fields of the join form's no-JavaScript post, read from the group page. */
async function joinActionFields(request: APIRequestContext): Promise<Record<string, string>> {
  const html = await (await get(request, `/groepen/${slug}`)).text();
  const fields: Record<string, string> = {};
  for (const match of html.matchAll(/<input type="hidden" name="(\$ACTION[^"]*)"(?: value="([^"]*)")?/g)) {
    fields[match[1]] = (match[2] ?? "").replaceAll("&quot;", '"').replaceAll("&amp;", "&");
  }
  return fields;
}

test("join requests: the resident's name for the admins, the admin's message to the resident", async ({ baseURL }) => {
  test.setTimeout(90_000);
  const request = anon.context.request;
  const action = await joinActionFields(request);
  const names = [sample("Anna"), sample("Bert")];
  const messages = [longSample("Welkom"), longSample("Helaas")];
  const joinFields = (name: string, email: string, houseNumber: string) => ({
    ...action,
    groupSlug: slug,
    website: "",
    name,
    email,
    phone: "06 12345678",
    "address.postcode": "2922 BC",
    "address.houseNumber": houseNumber,
    "address.addition": "",
    birthDate: "1980-01-01",
    acceptHouseRules: "on",
  });
  for (const [i, name] of names.entries()) {
    const response = await request.post(`/groepen/${slug}`, {
      multipart: joinFields(name, `xss.bewoner${i}@bewoner.example`, String(100 + i)),
      headers: { origin: baseURL!, "x-forwarded-for": `198.51.100.${10 + i}` },
    });
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain("Uw aanmelding is verstuurd");
  }
  // A refused name (no letters) comes back with the message, safely.
  const refused = await request.post(`/groepen/${slug}`, {
    multipart: joinFields("<>\"'&;", "xss.geweigerd@bewoner.example", "99"),
    headers: { origin: baseURL!, "x-forwarded-for": "198.51.100.200" },
  });
  expect(await refused.text()).toContain("Een naam bevat letters.");

  await expectSafe(admin, `/mijn-groepen/${groupId}/aanmeldingen`, names);
  // Every admin mail names its resident, as text.
  let links: string[] = [];
  await expect(async () => {
    await admin.page.goto(`/dev/mailbox?aan=${encodeURIComponent(XSS_ADMIN)}`);
    const found = admin.page.getByRole("link", { name: /^Nieuwe aanmelding voor/ });
    links = await Promise.all((await found.all()).map(async (l) => (await l.getAttribute("href")) ?? ""));
    expect(links.length).toBeGreaterThanOrEqual(names.length);
  }).toPass({ timeout: 20_000, intervals: [250, 500] });
  await expectSafeHere(admin, []);
  let mails = "";
  for (const href of links) {
    await expectSafe(admin, href, []);
    mails += flat(await admin.page.locator("main").innerText());
  }
  for (const name of names) expect(mails).toContain(flat(name));

  // Accept the first with a message, decline the second with another.
  await admin.page.goto(`/mijn-groepen/${groupId}/aanmeldingen`);
  for (const [i, decision] of (["Accepteren", "Afwijzen"] as const).entries()) {
    const item = admin.page.getByRole("listitem").filter({ has: admin.page.getByRole("heading", { name: flat(names[i]), exact: true }) });
    await item.getByLabel("Bericht aan de bewoner (niet verplicht)").fill(messages[i]);
    await item.getByRole("button", { name: `${decision}: ${flat(names[i])}` }).click();
    // "Afwijzen" asks first, naming the resident (as text).
    if (decision === "Afwijzen") await admin.page.getByRole("group", { name: `Afwijzen bevestigen: ${flat(names[i])}` }).getByRole("button", { name: "Ja, afwijzen" }).click();
    // Handled, it leaves the list.
    await expect(admin.page.getByRole("heading", { name: flat(names[i]), exact: true })).toHaveCount(0);
    await expectSafeHere(admin, []);
  }
  for (const i of [0, 1]) {
    await openMailTo(anon, `xss.bewoner${i}@bewoner.example`, i === 0 ? "U bent welkom in" : "Uw aanmelding bij");
    await expectSafeHere(anon, [messages[i]]);
  }
});

test("the flyer prints without the site header and navigation (its print style is allowed by the policy)", async () => {
  await expectSafe(admin, `/mijn-groepen/${groupId}/flyer`, [groupName]);
  await admin.page.emulateMedia({ media: "print" });
  await expect(admin.page.getByRole("navigation").first()).toBeHidden();
  await expect(admin.page.getByRole("article", { name: "De flyer" })).toBeVisible();
  await admin.page.emulateMedia({ media: "screen" });
});

test("bord requests: street, description, note, staff note and reason of rejection", async () => {
  test.setTimeout(90_000);
  const page = admin.page;
  const [street, description, note, staffNote, reason] = [sample("Kade"), longSample("Plek"), longSample("Opmerking"), longSample("Notitie"), longSample("Reden")];
  await page.goto(`/mijn-groepen/${groupId}/bord`);
  await page.getByLabel("Straat").fill(street);
  await page.getByLabel("Beschrijf de plek (niet verplicht)").fill(description);
  await page.getByLabel("Opmerking voor de gemeente (niet verplicht)").fill(note);
  await page.getByRole("button", { name: "Bord aanvragen" }).click();
  await expect(page.getByRole("heading", { level: 2, name: /^Uw aanvraag van/ })).toBeVisible();
  await expectSafeHere(admin, [street, description, note]);

  // Staff take it into review with a note, then reject it with a reason.
  await staff.page.goto("/beheer/borden");
  await staff.page.getByRole("link", { name: groupName }).first().click();
  await staff.page.locator("[data-hydrated]").first().waitFor({ state: "attached" });
  await expectSafeHere(staff, [street, description, note]);
  await staff.page.locator("#review-note").fill(staffNote);
  await staff.page.getByRole("button", { name: "Neem in behandeling" }).click();
  await expect(staff.page.getByText("De aanvraag is in behandeling genomen.")).toBeVisible();
  await staff.page.locator("#reject-note").fill(reason);
  await staff.page.getByRole("button", { name: "Wijs af" }).click();
  await expect(staff.page.getByText(/De aanvraag is afgewezen\./).first()).toBeVisible();
  await expectSafe(staff, staff.page.url(), [street, description, staffNote, reason]);

  // A second request, withdrawn by the admin.
  const secondStreet = sample("Dijk");
  await page.goto(`/mijn-groepen/${groupId}/bord`);
  await page.getByLabel("Straat").fill(secondStreet);
  await page.getByRole("button", { name: "Bord aanvragen" }).click();
  await expect(page.getByRole("heading", { level: 2, name: /^Uw aanvraag van/ })).toBeVisible();
  await expectSafeHere(admin, [secondStreet]);
  await openMailTo(staff, "veiligheid@krimpen.example", `Nieuwe bordaanvraag: ${groupName}`, secondStreet);
  await expectSafeHere(staff, [secondStreet]);
  await page.getByRole("button", { name: "Aanvraag intrekken" }).click();
  await page.getByRole("button", { name: "Ja, intrekken" }).click();
  await expect(page.getByRole("heading", { name: "Eerdere aanvragen" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: /^Uw aanvraag van/ })).toHaveCount(0);

  // Every earlier request, with its street, description, note and the municipality's reason.
  await expectSafe(admin, `/mijn-groepen/${groupId}/bord`, [street, secondStreet, description, note, reason]);
  await expectSafe(staff, "/beheer/borden?status=alle", [groupName]);
  await openMailTo(admin, XSS_ADMIN, "Bordaanvraag afgewezen", reason);
  await expectSafeHere(admin, [reason]);
});

test("staff: a wijk name, a contact's name and an invited account's name; refused fields say so", async () => {
  test.setTimeout(90_000);
  const page = staff.page;
  const [areaName, contactName, accountName] = [sample("Wijk"), sample("Contact"), sample("Collega")];
  const newArea = page.locator("details").filter({ has: page.locator("summary", { hasText: "Nieuwe wijk toevoegen" }) });
  await page.goto("/beheer/wijken");
  await page.locator("[data-hydrated]").first().waitFor({ state: "attached" });
  await newArea.locator("summary").click();
  await newArea.getByLabel("Naam").fill(areaName);
  await newArea.getByLabel("CBS-wijkcode").fill("<svg onload=__xss(1)>");
  await newArea.getByLabel("Postcodes").fill("<img src=x onerror=__xss(2)>");
  await newArea.getByRole("button", { name: "Voeg wijk toe" }).click();
  await expect(newArea.getByText("Een CBS-wijkcode is WK met zes cijfers, zoals WK054201.")).toBeVisible();
  await expect(newArea.getByText(/is geen postcode/)).toBeVisible();
  await expectSafeHere(staff, []);
  await newArea.getByLabel("CBS-wijkcode").fill("WK054260");
  await newArea.getByLabel("Postcodes").fill("2940");
  await newArea.getByRole("button", { name: "Voeg wijk toe" }).click();
  await expect(newArea.getByLabel("Naam")).toHaveValue("");
  await expectSafe(staff, "/beheer/wijken", [areaName]);
  await expectSafe(staff, "/beheer", [areaName]);
  await expectSafe(anon, "/wijken", [areaName]);
  const wijkLink = (await anon.page.getByRole("link", { name: flat(areaName), exact: true }).first().getAttribute("href")) ?? "";
  await expectSafe(anon, wijkLink, [areaName]);
  const api = await get(anon.context.request, "/api/v1/wijken");
  const apiText = await api.text();
  expect(() => JSON.parse(apiText)).not.toThrow();
  expect(apiText).toContain(JSON.stringify(areaName).slice(1, -1));

  const newContact = page.locator("details").filter({ has: page.locator("summary", { hasText: "Nieuwe contactpersoon toevoegen" }) });
  await page.goto("/beheer/wijken");
  await page.locator("[data-hydrated]").first().waitFor({ state: "attached" });
  await newContact.locator("summary").click();
  await newContact.getByLabel("Naam").fill(contactName);
  await newContact.getByLabel("E-mailadres").fill("\"><script>__xss(3)</script>@x.example");
  await newContact.getByLabel("Telefoon (niet verplicht)").fill("<img src=x onerror=__xss(4)>");
  await newContact.getByRole("button", { name: "Voeg contactpersoon toe" }).click();
  await expect(newContact.getByText("Dit e-mailadres klopt niet.")).toBeVisible();
  await expect(newContact.getByText("Dit telefoonnummer klopt niet.")).toBeVisible();
  await expectSafeHere(staff, []);
  await newContact.getByLabel("Telefoon (niet verplicht)").fill("");
  await newContact.getByLabel("E-mailadres").fill("xss.contact@krimpen.example");
  await newContact.getByLabel("Langeland").check();
  await newContact.getByRole("button", { name: "Voeg contactpersoon toe" }).click();
  await expect(newContact.getByLabel("Naam")).toHaveValue("");
  await expectSafe(staff, "/beheer/wijken", [contactName]);

  await page.goto("/beheer/gebruikers");
  await page.locator("[data-hydrated]").first().waitFor({ state: "attached" });
  await page.getByLabel("Naam").fill(accountName);
  await page.getByLabel("E-mailadres").fill("xss.account@krimpen.example");
  await page.getByRole("button", { name: "Stuur uitnodiging" }).click();
  await expect(page.getByLabel("Naam")).toHaveValue("");
  await expectSafe(staff, "/beheer/gebruikers", [accountName]);
  await openMailTo(staff, "xss.account@krimpen.example", "Uitnodiging: ");
  await expectSafeHere(staff, [accountName]);
  await expectSafe(staff, "/beheer/audit", []);
});

test("text in the address bar is shown as text too", async () => {
  const payload = encodeURIComponent("\"><img src=x onerror=__xss(1)><script>__xss(2)</script>");
  for (const path of [
    `/zoeken?postcode=${payload}&huisnummer=${payload}&toevoeging=${payload}`,
    `/groepen/${payload}`,
    `/wijken/${payload}`,
    `/inloggen?terug=${encodeURIComponent("javascript:__xss(3)")}`,
    `/inloggen?terug=${payload}`,
    `/dev/mailbox?aan=${payload}`,
  ]) {
    await anon.page.goto(path);
    await anon.page.waitForLoadState("load");
    await expectSafeHere(anon, []);
  }
  for (const path of [`/beheer/groepen?wijk=${payload}&sorteer=${payload}&na=${payload}`, `/beheer/borden?status=${payload}&wijk=${payload}`, `/beheer/audit?actie=${payload}`]) {
    await expectSafe(staff, path, []);
  }
  const api = await get(anon.context.request, `/api/v1/groepen?postcode=${payload}&huisnummer=${payload}`);
  expect(api.status()).toBe(400);
  expect(api.headers()["content-type"]).toContain("application/json");
  const body = (await api.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe("bad_request");
});
