import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import Papa from "papaparse";
import { STAFF, WIJKAGENT } from "./support/accounts";
import { expectAccessible } from "./support/axe";
import { mailboxLinks } from "./support/mailbox";
import { addSession, expect, test } from "./support/test";
const GROUP = "Buurtpreventie Langeland-Noord";

/** Waits until the staff forms on the page are interactive (React has hydrated them). */
async function hydrated(page: Page) {
  await page.locator("[data-hydrated]").first().waitFor({ state: "attached" });
}

/** Waits until the demo mailbox lists a message to `to` with exactly this subject (read over HTTP). */
async function mailboxHas(page: Page, to: string, subject: string) {
  await expect(async () => {
    const response = await page.request.get(`/dev/mailbox?aan=${encodeURIComponent(to)}`);
    expect(mailboxLinks(await response.text()).map((link) => link.subject)).toContain(subject);
  }).toPass({ timeout: 20_000, intervals: [100, 250, 250, 500] });
}

async function downloadCsv(page: Page, linkName: string): Promise<string[][]> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: linkName }).click()]);
  const file = await download.path();
  const bytes = await readFile(file);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const parsed = Papa.parse<string[]>(bytes.toString("utf8").slice(1), { delimiter: ";", skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

test.describe.serial("team Veiligheid decides on the waiting bord request", () => {
  test.setTimeout(120_000);
  test.use({ signedInAs: STAFF });
  test("overview, list, review, a stale second decision, reject without reason, approve, e-mails, placement, public page", async ({ page, context }) => {
    await page.goto("/beheer");
    await expect(page).toHaveURL(/\/beheer$/);
    await expect(page.getByRole("heading", { level: 1, name: /Beheer: overzicht van Krimpen aan den IJssel/ })).toBeVisible();
    await expect(page.getByRole("table", { name: /Groepen, deelnemende adressen en dekking per wijk/ })).toContainText("Langeland");
    await expect(page.getByRole("figure", { name: "Grafiek: deel van de adressen dat meedoet, per wijk" })).toContainText("Langeland");
    // axe: scanned in a11y.spec.ts "pages": /beheer (staff).

    await page.getByRole("navigation", { name: "Beheer" }).getByRole("link", { name: "Bordaanvragen" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Bordaanvragen" })).toBeVisible();
    // axe: scanned in a11y.spec.ts "pages": /beheer/borden.
    await page.getByRole("link", { name: GROUP }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Bordaanvraag van ${GROUP}` })).toBeVisible();
    await expect(page.getByText("62 adressen (drempel 50)")).toBeVisible();
    await expect(page.getByText("Status: ingediend")).toBeVisible();
    // axe: scanned in a11y.spec.ts "pages": /beheer/borden/[id] (this open request).
    const detailUrl = page.url();
    await hydrated(page);

    // A colleague has the same page open.
    const colleague = await context.newPage();
    await colleague.goto(detailUrl);
    await hydrated(colleague);

    await page.getByRole("button", { name: "Neem in behandeling" }).click();
    await expect(page.getByText("De aanvraag is in behandeling genomen.")).toBeVisible();
    await expect(page.getByText("Status: in behandeling")).toBeVisible();

    await colleague.getByRole("button", { name: "Neem in behandeling" }).click();
    await expect(colleague.getByText("Deze aanvraag is net door iemand anders gewijzigd.")).toBeVisible();
    await colleague.close();

    // Rejecting without a reason: the message at the field, nothing decided.
    await page.getByRole("button", { name: "Wijs af" }).click();
    const reason = page.getByLabel("Reden van afwijzing (verplicht)");
    await expect(reason).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("Schrijf op waarom u de aanvraag afwijst.")).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("button", { name: "Keur goed" }).click();
    await expect(page.getByText(/De aanvraag is goedgekeurd/)).toBeVisible();
    await expect(page.getByText("Status: goedgekeurd")).toBeVisible();

    await mailboxHas(page, "groepsbeheerder@krimpen.example", `Bordaanvraag goedgekeurd: ${GROUP}`);
    await mailboxHas(page, "medebeheerder@krimpen.example", `Bordaanvraag goedgekeurd: ${GROUP}`);
    await mailboxHas(page, "wijkagent.langeland@krimpen.example", `Buurtpreventiebord goedgekeurd in Langeland: ${GROUP}`);
    await mailboxHas(page, "wethouder.veiligheid@krimpen.example", `Buurtpreventiebord goedgekeurd in Langeland: ${GROUP}`);

    await page.goto(detailUrl);
    await hydrated(page);
    await page.getByRole("button", { name: "Leg plaatsing vast" }).click();
    await expect(page.getByText("Vul in waar het bord staat", { exact: false }).first()).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel("Waar staat het bord?").fill("Hoek Tiendweg / Raadhuisplein");
    await page.getByRole("button", { name: "Leg plaatsing vast" }).click();
    await expect(page.getByText(/De plaatsing is vastgelegd/)).toBeVisible();
    await expect(page.getByText("Status: geplaatst")).toBeVisible();
    await expect(page.getByRole("list").filter({ hasText: "van goedgekeurd naar geplaatst" })).toBeVisible();
    await mailboxHas(page, "groepsbeheerder@krimpen.example", `Buurtpreventiebord geplaatst: ${GROUP}`);

    await page.goto("/groepen/langeland-noord");
    await expect(page.getByText("Bord geplaatst")).toBeVisible();
  });

  test("groups: filters in the URL, nonsense ignored, detail with contact details, CSV, dissolve form errors", async ({ page }) => {
    await page.goto("/beheer/groepen?wijk=1%20or%201=1&vanaf=abc&bord=kapot&sorteer=%3Cscript%3E&na=%%%");
    await expect(page.getByRole("heading", { level: 1, name: "Groepen" })).toBeVisible();
    await expect(page.getByRole("link", { name: GROUP })).toBeVisible();
    // axe: scanned in a11y.spec.ts "staff forms": /beheer/groepen with nonsense filters.

    await page.getByLabel("Minstens … adressen").fill("50");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/vanaf=50/);
    await expect(page.getByRole("link", { name: GROUP })).toBeVisible();
    await expect(page.getByRole("link", { name: "Boveneind Alert" })).toHaveCount(0);

    const rows = await downloadCsv(page, "Download als CSV (voor Excel)");
    expect(rows[0]).toEqual(expect.arrayContaining(["Groep", "Wijk", "Adressen", "E-mail beheerders"]));
    const langeland = rows.find((r) => r[0] === GROUP);
    expect(langeland?.[rows[0].indexOf("E-mail beheerders")]).toContain("groepsbeheerder@krimpen.example");
    expect(rows.some((r) => r[0] === "Boveneind Alert")).toBe(false);

    await page.getByRole("link", { name: GROUP }).click();
    await expect(page.getByRole("heading", { level: 1, name: GROUP })).toBeVisible();
    await expect(page.getByText("Sanne de Vries")).toBeVisible();
    await expect(page.getByText("06 12345678")).toBeVisible();
    await hydrated(page);
    await page.getByRole("button", { name: "Hef de groep op" }).click();
    await expect(page.getByText("Vink aan dat u de groep wilt opheffen.")).toBeVisible();
    // axe: scanned in a11y.spec.ts "staff forms": this dissolve form with its message.

    await page.goto("/beheer/audit?actie=group.");
    await expect(page.getByText(`Medewerker L. Jansen bekeek de namen en telefoonnummers van de beheerders van ${GROUP}.`).first()).toBeVisible();
    await expect(page.getByText(/^Medewerker L\. Jansen downloadde het overzicht van groepen/).first()).toBeVisible();
    // The technical detail is folded away until asked for.
    const entry = page.getByRole("listitem").filter({ hasText: "bekeek de namen en telefoonnummers" }).first();
    await expect(entry.getByText("group.view_admins")).toBeHidden();
    await entry.getByText("Technische gegevens").click();
    await expect(entry.getByText("group.view_admins")).toBeVisible();
    await expectAccessible(page);

    // Filters by keyboard: kind of action and role.
    await page.goto("/beheer/audit");
    await page.getByLabel("Soort actie").focus();
    await page.getByLabel("Soort actie").selectOption("sign_request.");
    await page.getByLabel("Rol", { exact: true }).selectOption("medewerker");
    await page.getByLabel("Vanaf").fill("2020-01-01");
    await page.getByLabel("Vanaf").press("Enter");
    await expect(page).toHaveURL(/actie=sign_request\.&rol=medewerker&.*van=2020-01-01/);
    await expect(page.getByText(`Medewerker L. Jansen keurde de bordaanvraag van ${GROUP} goed.`)).toBeVisible();
    await expect(page.getByText(/^Bewoner /)).toHaveCount(0);

    // Nonsense in the filters: a clear message, the list still shows, no error page.
    const bad = await page.goto("/beheer/audit?actie=%3Cscript%3E&rol=koning&van=gisteren&tot=2026-02-30");
    expect(bad?.status()).toBe(200);
    await expect(page.getByText("Niet alle filters konden worden gebruikt")).toBeVisible();
    await expect(page.getByText("Deze rol bestaat niet. Kies er een uit de lijst.")).toBeVisible();
    await expect(page.getByText(/De datum bij 'Vanaf' klopt niet/)).toBeVisible();
    // axe: scanned in a11y.spec.ts "staff forms": /beheer/audit with nonsense filters.

    // Statuses only: over HTTP, with the context's cookies (signed out, these would redirect).
    const missing = await page.request.get(`/beheer/groepen/${crypto.randomUUID()}`, { maxRedirects: 0 });
    expect(missing.status()).toBe(404);
    const missingRequest = await page.request.get("/beheer/borden/niet-een-id", { maxRedirects: 0 });
    expect(missingRequest.status()).toBe(404);
    const nonsense = await page.request.get("/beheer/borden?status=%27;drop&van=2026-99-99&na=xyz&wijk=abc", { maxRedirects: 0 });
    expect(nonsense.status()).toBe(200);
  });

  test("wijken, settings and users: forms show errors at the field (axe: a11y.spec.ts staff forms)", async ({ page }) => {
    // Staff cannot register a group: no "Groep starten" in the menu, no invitation on the home page.
    await page.goto("/");
    await expect(page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Wijken" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Groep starten" })).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "Zelf een groep starten" })).toHaveCount(0);

    await page.goto("/beheer/wijken");
    await expect(page.getByRole("heading", { level: 1, name: /Wijken en contacten/ })).toBeVisible();
    // axe: scanned in a11y.spec.ts "pages": /beheer/wijken.
    await hydrated(page);
    await page.getByText("Nieuwe wijk toevoegen").click();
    await page.getByRole("button", { name: "Voeg wijk toe" }).click();
    await expect(page.locator("#area-new-code")).toHaveAttribute("aria-invalid", "true");
    // axe: scanned in a11y.spec.ts "staff forms": the new wijk form with its messages.

    await page.goto("/beheer/instellingen");
    await expect(page.getByLabel("Drempel voor een bord")).toHaveValue("50");
    // axe: scanned in a11y.spec.ts "pages": /beheer/instellingen.
    await hydrated(page);
    await page.getByLabel("Drempel voor een bord").fill("veel");
    await page.getByLabel("E-mailadres van team Veiligheid").fill("geen-adres");
    await page.getByRole("button", { name: "Sla op" }).click();
    await expect(page.getByLabel("Drempel voor een bord")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("E-mailadres van team Veiligheid")).toHaveValue("geen-adres");
    // axe: scanned in a11y.spec.ts "staff forms": the settings form with its messages.

    // Bord settings, by keyboard: bad input gives messages at the fields and stores nothing.
    await page.goto("/beheer/instellingen");
    await hydrated(page);
    await expect(page.getByLabel("Aantal borden per groep")).toHaveValue("4");
    await expect(page.getByLabel("Eigen bijdrage per bord, in euro")).toHaveValue("0");
    await page.getByLabel("Aantal borden per groep").fill("9");
    await page.getByLabel("Eigen bijdrage per bord, in euro").fill("-5");
    await page.getByLabel("Bij een deel van de huishoudens").check();
    await page.getByLabel("Percentage van de huishoudens in de wijk").fill("");
    await page.getByLabel("Percentage van de huishoudens in de wijk").press("Enter");
    await expect(page.getByText("Vul een getal in van 1 tot en met 4.")).toBeVisible();
    await expect(page.getByText("Vul een bedrag in euro in, zoals 0, 25 of 12,50.")).toBeVisible();
    // axe: scanned in a11y.spec.ts "staff forms": the bord settings form with its messages (amount, percentage).
    // The share of households without a percentage: the message at the percentage.
    await page.getByLabel("Aantal borden per groep").fill("2");
    await page.getByLabel("Eigen bijdrage per bord, in euro").fill("12,50");
    await page.getByLabel("Percentage van de huishoudens in de wijk").press("Enter");
    await expect(page.getByText(/Vul in welk percentage van de huishoudens/)).toBeVisible();
    await expect(page.getByLabel("Percentage van de huishoudens in de wijk")).toHaveAttribute("aria-invalid", "true");
    // axe: scanned in a11y.spec.ts "staff forms": the bord settings form with its messages (amount, percentage).
    // A valid save is stored and audited; then the demo values come back.
    await page.getByLabel("Bij een vast aantal adressen").check();
    await page.getByLabel("Eigen bijdrage per bord, in euro").press("Enter");
    await expect(page.getByText("De instellingen voor borden zijn opgeslagen.")).toBeVisible();
    await page.goto("/beheer/audit?actie=settings.");
    await expect(page.getByText("Medewerker L. Jansen wijzigde de instellingen voor borden van de gemeente Krimpen aan den IJssel.").first()).toBeVisible();
    await page.goto("/beheer/instellingen");
    await hydrated(page);
    await expect(page.getByLabel("Eigen bijdrage per bord, in euro")).toHaveValue("12,50");
    await page.getByLabel("Aantal borden per groep").fill("4");
    await page.getByLabel("Eigen bijdrage per bord, in euro").fill("0");
    await page.getByRole("button", { name: "Sla de instellingen voor borden op" }).click();
    await expect(page.getByText("De instellingen voor borden zijn opgeslagen.")).toBeVisible();

    await page.goto("/beheer/gebruikers");
    await expect(page.getByText("wijkagent.langeland@krimpen.example")).toBeVisible();
    // axe: scanned in a11y.spec.ts "staff forms" (/beheer/gebruikers as staff, with the invitation form's messages) and staff-invitation.spec.ts (with open invitations).
    await hydrated(page);
    await page.getByLabel("Naam", { exact: true }).fill("Nieuwe Collega");
    await page.getByLabel("E-mailadres").fill("nieuwe.collega@krimpen.example");
    await page.getByRole("button", { name: "Stuur uitnodiging" }).click();
    await expect(page.getByText("Uitnodiging verstuurd.", { exact: false })).toBeVisible();
    await mailboxHas(page, "nieuwe.collega@krimpen.example", "Uitnodiging: medewerker voor Krimpen aan den IJssel");
    await page.goto("/beheer/gebruikers");
    await hydrated(page);
    await page.getByRole("button", { name: "Stuur uitnodiging" }).click();
    await expect(page.getByLabel("E-mailadres")).toHaveAttribute("aria-invalid", "true");
    // axe: scanned in a11y.spec.ts "staff forms": the invitation form with its messages.
  });
});

test.describe("the wijkagent", () => {
  test.setTimeout(90_000);
  test.use({ signedInAs: WIJKAGENT });
  test("sees the groups of Langeland and Oud-Krimpen, not the others; CSV; another group is 404", async ({ page, browser }) => {
    // The id of a group outside the officer's wijken, looked up as staff.
    const staffContext = await browser.newContext();
    await addSession(staffContext, STAFF);
    const staffPage = await staffContext.newPage();
    await staffPage.goto("/beheer/groepen?zoek=Vogelbuurt");
    const href = await staffPage.getByRole("link", { name: "Buurtpreventie Kortland Vogelbuurt" }).getAttribute("href");
    await staffContext.close();
    const otherId = href!.split("/").pop()!;

    await page.goto("/wijkagent");
    await expect(page).toHaveURL(/\/wijkagent$/);
    await expect(page.getByRole("heading", { level: 1, name: "Mijn wijken" })).toBeVisible();
    await expect(page.getByRole("link", { name: GROUP })).toBeVisible();
    await expect(page.getByRole("link", { name: "Oud-Krimpen Dijkzijde" })).toBeVisible();
    await expect(page.getByText("Buurtpreventie Kortland Vogelbuurt")).toHaveCount(0);
    await expect(page.getByText("Lansingh-Zuid Let Op Elkaar")).toHaveCount(0);
    await expect(page.getByText("Sanne de Vries: 06 12345678")).toBeVisible();
    // axe: scanned in a11y.spec.ts "pages": /wijkagent.

    // Other specs may register groups in these wijken too; the seeded groups of other wijken must
    // never appear.
    const rows = await downloadCsv(page, "Download als CSV (voor Excel)");
    const names = rows.map((r) => r[0]).slice(1);
    expect(names).toEqual(expect.arrayContaining([GROUP, "Oud-Krimpen Dijkzijde"]));
    for (const outsider of ["Buurtpreventie Kortland Vogelbuurt", "Lansingh-Zuid Let Op Elkaar", "Boveneind Alert"]) {
      expect(names).not.toContain(outsider);
    }

    await page.getByRole("link", { name: GROUP }).click();
    await expect(page.getByRole("heading", { level: 1, name: GROUP })).toBeVisible();
    // axe: scanned in a11y.spec.ts "pages": /wijkagent/groepen/[id] of Langeland-Noord.

    // Statuses only: over HTTP, with the context's cookies (signed out, these would redirect).
    const outside = await page.request.get(`/wijkagent/groepen/${otherId}`, { maxRedirects: 0 });
    expect(outside.status()).toBe(404);
    const staffPageForAgent = await page.request.get("/beheer/borden", { maxRedirects: 0 });
    expect(staffPageForAgent.status()).toBe(404);
  });
});
