import type { Page } from "@playwright/test";
import { CO_ADMIN, DISSOLVE_ADMIN, DISSOLVE_GROUP, GROUP_ADMIN, RESIDENT_ADMIN } from "./support/accounts";
import { expectAccessible } from "./support/axe";
import { openMail } from "./support/mailbox";
import { addSession, expect, test } from "./support/test";

async function openGroup(page: Page, name: string): Promise<string> {
  if (new URL(page.url()).pathname !== "/mijn-groepen") await page.goto("/mijn-groepen");
  await page.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  return new URL(page.url()).pathname;
}

test("my groups lists the admin's groups; every page of a group opens (axe: a11y.spec.ts)", async ({ page }) => {
  test.setTimeout(120_000);
  await addSession(page.context(), GROUP_ADMIN);
  await page.goto("/mijn-groepen");
  await expect(page.getByRole("heading", { level: 1, name: "Mijn groepen" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Buurtpreventie Kortland Vogelbuurt" })).toHaveCount(0);
  // axe: scanned in a11y.spec.ts "pages": /mijn-groepen (groepsbeheerder@).
  const base = await openGroup(page, "Buurtpreventie Langeland-Noord");
  // axe: scanned in a11y.spec.ts "pages": /mijn-groepen/[id] of Langeland-Noord.
  for (const [path, heading] of [
    ["/beheerders", "Beheerders van Buurtpreventie Langeland-Noord"],
    ["/adressen", "Adressen van Buurtpreventie Langeland-Noord"],
    ["/aanmeldingen", "Aanmeldingen voor Buurtpreventie Langeland-Noord"],
    ["/bord", "Buurtpreventiebord voor Buurtpreventie Langeland-Noord"],
    ["/flyer", "Flyer voor Buurtpreventie Langeland-Noord"],
    ["/opheffen", "Buurtpreventie Langeland-Noord opheffen"],
  ] as const) {
    await page.goto(`${base}${path}`);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    // axe: scanned in a11y.spec.ts "pages": each of these pages of Langeland-Noord as groepsbeheerder@.
  }
});

test("someone else's group is a 404 on every page", async ({ page }) => {
  await addSession(page.context(), GROUP_ADMIN);
  await page.goto("/mijn-groepen");
  const base = (await page.getByRole("link", { name: "Buurtpreventie Langeland-Noord" }).getAttribute("href")) ?? "";
  expect(base).toMatch(/^\/mijn-groepen\/[0-9a-f-]{36}$/);
  // The answers as another group's admin, over HTTP (page.request carries the context's cookies).
  await page.context().clearCookies();
  await addSession(page.context(), RESIDENT_ADMIN);
  for (const path of ["", "/beheerders", "/adressen", "/aanmeldingen", "/bord", "/flyer", "/opheffen"]) {
    const response = await page.request.get(`${base}${path}`);
    expect(response.status(), `${base}${path}`).toBe(404);
  }
  expect((await page.request.get("/mijn-groepen/niet-een-id")).status()).toBe(404);
  expect((await page.request.get("/mijn-groepen/00000000-0000-4000-8000-000000000000/adressen")).status()).toBe(404);
  // …while this admin's own page answers (signed in: no redirect to /inloggen).
  expect((await page.request.get("/mijn-groepen", { maxRedirects: 0 })).status()).toBe(200);
});

// Before React has taken over a page (a slow phone), a form that only works with JavaScript can
// still be sent by the browser itself. It then posts to the page, which shows the form again: what
// was typed (here an e-mail address and a street address) never lands in the address bar, the
// browser's history or the server's logs, as a plain GET would put it, and nothing is stored.
test("a form that needs JavaScript, sent before the page is ready, keeps what was typed out of the address", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  await addSession(context, GROUP_ADMIN);
  const page = await context.newPage();
  const base = await openGroup(page, "Buurtpreventie Langeland-Noord");
  const typed = [
    { path: "/beheerders", field: "E-mailadres van de nieuwe beheerder", value: "nog.niet.klaar@voorbeeld.nl", button: "Uitnodiging versturen" },
    { path: "", field: "Naam van de groep", value: "Naam voor het laden", button: "Gegevens opslaan" },
    { path: "/adressen", field: "Adressen, één per regel", value: "2922 AB 99", button: "Controleren en opslaan" },
  ];
  for (const { path, field, value, button } of typed) {
    await page.goto(`${base}${path}`);
    await page.getByLabel(field, { exact: true }).fill(value);
    const [response] = await Promise.all([page.waitForResponse((r) => r.request().isNavigationRequest()), page.getByRole("button", { name: button }).click()]);
    expect(response.request().method(), `${path}: sent in the body`).toBe("POST");
    expect(response.status(), path).toBe(200);
    await page.waitForLoadState("load");
    expect(page.url()).toBe(new URL(`${base}${path}`, page.url()).href);
    await expect(page.getByLabel(field, { exact: true })).not.toHaveValue(value);
  }
  // Nothing was stored: no invitation, and the group kept its name.
  await page.goto(`${base}/beheerders`);
  await expect(page.getByText("nog.niet.klaar@voorbeeld.nl")).toHaveCount(0);
  await page.goto(base);
  await expect(page.getByRole("heading", { level: 1, name: "Buurtpreventie Langeland-Noord" })).toBeVisible();
  await context.close();
});

test("editing the details: mistakes at the field, and a second editor is told someone else saved", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await addSession(page.context(), GROUP_ADMIN);
  const base = await openGroup(page, "Buurtpreventie Langeland-Noord");

  const name = page.getByLabel("Naam van de groep");
  await name.fill("x".repeat(10_000));
  await page.getByLabel("Uitnodigingslink van de WhatsApp-groep (niet verplicht)").fill("javascript:alert(1)");
  await page.getByRole("button", { name: "Gegevens opslaan" }).click();
  await expect(page.getByText("Deze naam is te lang. Gebruik hooguit 80 tekens.")).toBeVisible();
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Plak de uitnodigingslink van uw WhatsApp-groep.")).toBeVisible();
  // axe: scanned in a11y.spec.ts "group admin forms": this form with its messages (no name, a wrong WhatsApp link).

  // A second admin (the co-admin of the demo group) has the page open at the same time.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await addSession(other, CO_ADMIN);
  await otherPage.goto(base);

  await name.fill("Buurtpreventie Langeland-Noord");
  await page.getByLabel("Uitnodigingslink van de WhatsApp-groep (niet verplicht)").fill("https://chat.whatsapp.com/DEMOlangelandnoord");
  // The seed's own description, so the public pages other specs check stay as seeded.
  await page.getByLabel("Welke straten doen mee?").fill("Tiendweg, Raadhuisplein en de zijstraten tussen de Groenendaal en het park.");
  await page.getByRole("button", { name: "Gegevens opslaan" }).click();
  await expect(page.getByText("De gegevens zijn opgeslagen.")).toBeVisible();

  await otherPage.getByLabel("Welke straten doen mee?").fill("Alleen de Tiendweg.");
  await otherPage.getByRole("button", { name: "Gegevens opslaan" }).click();
  await expect(otherPage.getByText(/Iemand anders heeft dit net gewijzigd/)).toBeVisible();
  await expect(otherPage.getByLabel("Welke straten doen mee?")).toHaveValue("Alleen de Tiendweg.");
  await expectAccessible(otherPage);
  await otherPage.reload();
  await expect(otherPage.getByLabel("Welke straten doen mee?")).toHaveValue("Tiendweg, Raadhuisplein en de zijstraten tussen de Groenendaal en het park.");
  await other.close();
});

test("an admin accepts one join request and declines another; the residents get e-mails", async ({ page }) => {
  test.setTimeout(150_000);
  // Two requests through the public join form of Kortland Vogelbuurt (the Langeland-Noord seed
  // stays as it is for the public pages' specs).
  for (const [name, email, number] of [
    ["Karel Dijkstra", "karel.dijkstra@bewoner.example", "40"],
    ["Petra Kok", "petra.kok@bewoner.example", "41"],
  ] as const) {
    await page.goto("/groepen/kortland-vogelbuurt");
    await page.getByLabel("Uw naam").fill(name);
    await page.getByLabel("E-mailadres").fill(email);
    await page.getByLabel("Mobiel nummer").fill("06 11223344");
    await page.getByLabel("Postcode").fill("2923 AC");
    await page.getByLabel("Huisnummer").fill(number);
    await page.getByLabel("Geboortedatum").fill("1988-08-08");
    await page.getByLabel("Ik heb de huisregels gelezen en houd me eraan.").check();
    await page.getByRole("button", { name: "Aanmelding versturen" }).click();
    await expect(page.getByText("Uw aanmelding is verstuurd")).toBeVisible();
  }

  await addSession(page.context(), RESIDENT_ADMIN);
  const base = await openGroup(page, "Buurtpreventie Kortland Vogelbuurt");
  await page.goto(`${base}/aanmeldingen`);
  await expect(page.getByRole("heading", { level: 2, name: "Karel Dijkstra" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Petra Kok" })).toBeVisible();
  // axe: scanned in a11y.spec.ts "pages": /mijn-groepen/[id]/aanmeldingen with an open join request.

  await page.getByRole("button", { name: "Accepteren: Karel Dijkstra" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Karel Dijkstra" })).toHaveCount(0);
  // A confirmation, and the request in the list of handled requests.
  await expect(page.getByText("De aanmelding is geaccepteerd")).toBeVisible();
  const handled = page.locator("section", { has: page.getByRole("heading", { name: "Afgehandelde aanmeldingen" }) });
  await expect(handled.getByText(/Karel Dijkstra.*geaccepteerd op \d+ \S+ \d{4} door Mohamed El Amrani/)).toBeVisible();
  await expectAccessible(page);

  const message = page.locator("li", { has: page.getByRole("heading", { name: "Petra Kok" }) }).getByLabel("Bericht aan de bewoner (niet verplicht)");
  await message.fill("x".repeat(1001));
  await page.getByRole("button", { name: "Afwijzen: Petra Kok" }).click();
  await expect(page.getByText("Dit bericht is te lang. Gebruik hooguit 1000 tekens.")).toBeVisible();
  await expectAccessible(page);
  await message.fill("Uw adres valt buiten onze straten. Kijk bij de groep Kortland-Zuid.");
  // "Afwijzen" asks first; "Annuleren" keeps the request.
  await page.getByRole("button", { name: "Afwijzen: Petra Kok" }).click();
  const confirm = page.getByRole("group", { name: "Afwijzen bevestigen: Petra Kok" });
  await expect(confirm.getByText("Weet u zeker dat u de aanmelding van Petra Kok wilt afwijzen?")).toBeVisible();
  await expect(confirm.getByRole("button", { name: "Ja, afwijzen" })).toBeFocused();
  await expectAccessible(page);
  await confirm.getByRole("button", { name: "Annuleren" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Petra Kok" })).toBeVisible();
  await page.getByRole("button", { name: "Afwijzen: Petra Kok" }).click();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 2, name: "Petra Kok" })).toHaveCount(0);
  await expect(page.getByText("De aanmelding is afgewezen")).toBeVisible();
  await expect(handled.getByText(/Petra Kok.*afgewezen op/)).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { level: 2, name: "Petra Kok" })).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 2, name: "Karel Dijkstra" })).toHaveCount(0);

  const accepted = await openMail(page, "karel.dijkstra@bewoner.example", "U bent welkom in Buurtpreventie Kortland Vogelbuurt");
  expect(accepted).toContain("De beheerder voegt u toe aan de WhatsApp-groep");
  const declined = await openMail(page, "petra.kok@bewoner.example", "Uw aanmelding bij Buurtpreventie Kortland Vogelbuurt");
  expect(declined).toContain("Uw adres valt buiten onze straten.");
});

test("admins: invite with a wrong address, invite, and the only admin cannot leave", async ({ page }) => {
  await addSession(page.context(), RESIDENT_ADMIN);
  const base = await openGroup(page, "Buurtpreventie Kortland Vogelbuurt");
  await page.goto(`${base}/beheerders`);
  await expect(page.getByText("Deze groep heeft één beheerder")).toBeVisible();
  await expect(page.getByRole("button", { name: "Stoppen als beheerder" })).toHaveCount(0);
  await page.getByLabel("E-mailadres van de nieuwe beheerder").fill("<script>@x");
  await page.getByRole("button", { name: "Uitnodiging versturen" }).click();
  await expect(page.getByText("Dit e-mailadres klopt niet.")).toBeVisible();
  // axe: scanned in a11y.spec.ts "group admin forms": the invitation form with "Dit e-mailadres klopt niet".
  await page.getByLabel("E-mailadres van de nieuwe beheerder").fill("bewoner@krimpen.example");
  await page.getByRole("button", { name: "Uitnodiging versturen" }).click();
  await expect(page.getByText("Deze persoon is al beheerder van de groep.").first()).toBeVisible();
  await page.getByLabel("E-mailadres van de nieuwe beheerder").fill("Buurvrouw@Bewoner.example");
  await page.getByRole("button", { name: "Uitnodiging versturen" }).click();
  await expect(page.getByText("De uitnodiging is verstuurd naar buurvrouw@bewoner.example.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Verstuurde uitnodigingen" })).toBeVisible();
  await expectAccessible(page);
  // With an invitation open the overview no longer says "U bent de enige beheerder".
  await page.goto(base);
  await expect(page.getByText("Er staat een uitnodiging open")).toBeVisible();
  await expect(page.getByText("U bent de enige beheerder")).toHaveCount(0);
});

test("the flyer has the QR code and the link to the public page, and no personal data", async ({ page }) => {
  await addSession(page.context(), GROUP_ADMIN);
  const base = await openGroup(page, "Buurtpreventie Langeland-Noord");
  await page.goto(`${base}/flyer`);
  const flyer = page.getByRole("article", { name: "De flyer" });
  await expect(flyer.getByRole("img", { name: /QR-code naar http:\/\/localhost:\d+\/groepen\/langeland-noord/ })).toBeVisible();
  await expect(flyer.getByText(/\/groepen\/langeland-noord$/)).toBeVisible();
  await expect(flyer.getByText("Signaleer.")).toBeVisible();
  const text = await flyer.innerText();
  expect(text).not.toContain("Sanne");
  expect(text).not.toContain("@");
  expect(text).not.toMatch(/\+31|06 ?\d/);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Flyer printen" })).toBeHidden();
});

test("dissolving a group asks for its name, removes it and tells the wijkagent", async ({ page }) => {
  test.setTimeout(120_000);
  // A group the e2e seed adds for this test (accounts.ts DISSOLVE_GROUP), in the wijk Lansingh-Zuid.
  const { name } = DISSOLVE_GROUP;
  await addSession(page.context(), DISSOLVE_ADMIN);
  const base = await openGroup(page, name);
  await page.goto(`${base}/opheffen`);
  await page.getByRole("button", { name: "Groep definitief opheffen" }).click();
  await expect(page.locator("#dissolve-name-error")).toHaveText(/Typ de naam van de groep om te bevestigen\./);
  await page.getByLabel(/Typ de naam van de groep om te bevestigen/).fill("Een andere groep");
  await page.getByRole("button", { name: "Groep definitief opheffen" }).click();
  await expect(page.getByText(`Typ precies de naam van de groep: ${name}`).first()).toBeVisible();
  // axe: scanned in a11y.spec.ts "group admin forms": the dissolve form with its message (no name typed).
  await page.getByLabel(/Typ de naam van de groep om te bevestigen/).fill(name.toLowerCase());
  await page.getByRole("button", { name: "Groep definitief opheffen" }).click();
  await expect(page).toHaveURL(/\/mijn-groepen\?opgeheven=1$/);
  await expect(page.getByText("De groep is opgeheven.")).toBeVisible();
  await expect(page.getByRole("link", { name })).toHaveCount(0);
  expect((await page.goto(base))?.status()).toBe(404);
  const mail = await openMail(page, "wijkagent.lansingh@krimpen.example", `Buurtpreventiegroep opgeheven: ${name}`);
  expect(mail).toContain("Lansingh-Zuid");
});
