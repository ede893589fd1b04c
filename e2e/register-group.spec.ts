import { NEW_CO_ADMIN, NEW_RESIDENT, SOMEONE_ELSE } from "./support/accounts";
import { expectAccessible } from "./support/axe";
import { press, tabTo, typeInto } from "./support/keyboard";
import { openMail } from "./support/mailbox";
import { addSession, expect, test } from "./support/test";

const CO_ADMIN = NEW_CO_ADMIN;
const GROUP_NAME = "Buurtpreventie Tiendweg-Zuid";
/** 55 addresses in the demo's Langeland postcode area, one per line, as pasted from a list. */
const ADDRESSES = Array.from({ length: 55 }, (_, i) => `2922 BB ${i + 1}`).join("\n");

test.describe.configure({ mode: "serial" });

test("a visitor who is not signed in is sent to sign in and back", async ({ request }) => {
  // Over HTTP: the redirect is the server's.
  const response = await request.get("/groep-starten");
  expect(response.url()).toMatch(/\/inloggen\?terug=%2Fgroep-starten/);
});

test("a new resident registers a group with the keyboard alone: co-admin, 55 pasted addresses, mails to wijkagent and wethouder", async ({ page }) => {
  test.setTimeout(180_000);
  await addSession(page.context(), NEW_RESIDENT);
  const started = Date.now();
  await page.goto("/groep-starten");
  await expect(page.getByRole("heading", { level: 1, name: "Een buurtpreventiegroep starten" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Stap 1 van 6: Over u" })).toBeVisible();
  // axe: scanned in a11y.spec.ts "pages": /groep-starten (step 1).

  const next = page.getByRole("button", { name: "Volgende stap" });

  // Step 1, with mistakes first: nothing filled in, then under 18 and a postcode that does not exist.
  await press(page, next);
  await expect(page.getByLabel("Uw naam")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Vul een naam in.")).toBeVisible();
  await expectAccessible(page);
  await typeInto(page, page.getByLabel("Uw naam"), "<script>alert('x')</script>");
  await typeInto(page, page.getByLabel("Uw telefoonnummer"), "0612");
  await typeInto(page, page.getByLabel("Postcode"), "1234 SA");
  await typeInto(page, page.getByLabel("Huisnummer"), "0");
  await press(page, next);
  await expect(page.getByText("Dit telefoonnummer klopt niet")).toBeVisible();
  await expect(page.getByText("Deze postcode bestaat niet")).toBeVisible();
  await expect(page.getByText("Een huisnummer is een getal van 1 tot en met 99999.")).toBeVisible();
  await expect(page.getByText("Vul een geboortedatum in.")).toBeVisible();
  await expect(page.getByLabel("Postcode")).toHaveValue("1234 SA");
  // axe: scanned above in this test: step 1 with its messages at the fields.

  await typeInto(page, page.getByLabel("Uw naam"), "Noor Jansen");
  await typeInto(page, page.getByLabel("Uw telefoonnummer"), "06 12345679");
  // The date field is reached with Tab; its day/month/year segments follow the browser's
  // locale, so the value itself is set directly.
  await tabTo(page, page.getByLabel("Uw geboortedatum"));
  await page.getByLabel("Uw geboortedatum").fill("1984-03-14");
  await expect(page.getByLabel("Uw geboortedatum")).toHaveValue("1984-03-14");
  await typeInto(page, page.getByLabel("Postcode"), "2922 bb");
  await typeInto(page, page.getByLabel("Huisnummer"), "60");
  await press(page, next);

  // Step 2: the wijk is suggested from the postcode.
  await expect(page.getByRole("heading", { level: 2, name: "Stap 2 van 6: De groep" })).toBeFocused();
  await expect(page.getByLabel("Wijk")).toHaveValue("WK054202");
  await expect(page.getByText("Bij uw postcode hoort de wijk Langeland.")).toBeVisible();
  await typeInto(page, page.getByLabel("Naam van de groep"), "buurtpreventie langeland-noord");
  await typeInto(page, page.getByLabel("Welke straten doen mee? (niet verplicht)"), "Tiendweg-Zuid en de hofjes <b>erachter</b>");
  await typeInto(page, page.getByLabel("Uitnodigingslink van de WhatsApp-groep (niet verplicht)"), "https://example.com/niet-whatsapp");
  await press(page, next);
  await expect(page.getByText("Plak de uitnodigingslink van uw WhatsApp-groep. Die begint met https://chat.whatsapp.com/.")).toBeVisible();
  // axe: scanned in a11y.spec.ts "group admin forms": step 2 with its message.
  await typeInto(page, page.getByLabel("Uitnodigingslink van de WhatsApp-groep (niet verplicht)"), "https://chat.whatsapp.com/TiendwegZuid2026");
  await press(page, next);

  // Step 3: without a co-admin a warning shows; add one.
  await expect(page.getByText("U bent nu de enige beheerder")).toBeVisible();
  await press(page, page.getByRole("button", { name: "Medebeheerder toevoegen" }));
  await expect(page.getByLabel("E-mailadres medebeheerder 1")).toBeFocused();
  await page.keyboard.insertText("geen-adres");
  await press(page, next);
  await expect(page.getByText("Dit e-mailadres klopt niet.")).toBeVisible();
  await expectAccessible(page);
  await typeInto(page, page.getByLabel("E-mailadres medebeheerder 1"), CO_ADMIN);
  await press(page, next);

  // Step 4: choose a file with a bad line (the file dialog is the browser's own), see the
  // preview, then paste the corrected list and check it.
  await expect(page.getByRole("heading", { level: 2, name: "Stap 4 van 6: Adressen" })).toBeFocused();
  await page.getByLabel("Of kies een bestand (CSV of tekst)").setInputFiles({
    name: "adressen.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(`postcode;huisnummer\n${ADDRESSES.replaceAll(" BB ", " BB;")}\n0123 AB;5\n`),
  });
  await expect(page.getByText("55 adressen gevonden, 1 regel met een fout.")).toBeVisible();
  await expect(page.getByLabel("Adressen (niet verplicht)")).toHaveValue(/^postcode;huisnummer\n2922 BB;1\n/);
  await expect(page.getByText("Fout: Deze postcode bestaat niet.")).toBeVisible();
  await expectAccessible(page);
  // "Volgende stap" refuses a list with errors.
  await press(page, next);
  await expect(page.getByText("Er staan regels met een fout in de lijst.").first()).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Stap 4 van 6: Adressen" })).toBeVisible();
  await expectAccessible(page);
  await typeInto(page, page.getByLabel("Adressen (niet verplicht)"), ADDRESSES);
  // A file chosen over a typed list asks first; "Nee" keeps the typed list.
  await page.getByLabel("Of kies een bestand (CSV of tekst)").setInputFiles({ name: "ander.csv", mimeType: "text/csv", buffer: Buffer.from("2922 BB;99\n") });
  await expect(page.getByText("Er staan al adressen in het veld. Wilt u die vervangen door de adressen uit ander.csv?")).toBeVisible();
  await expect(page.getByRole("button", { name: "Ja, vervangen" })).toBeFocused();
  await press(page, page.getByRole("button", { name: "Nee, mijn lijst houden" }));
  await expect(page.getByLabel("Adressen (niet verplicht)")).toHaveValue(ADDRESSES);
  await press(page, page.getByRole("button", { name: "Controleer de lijst" }));
  await expect(page.getByText("55 adressen gevonden, geen fouten.")).toBeVisible();
  await press(page, next);

  // Step 5: the house rules, both boxes required.
  await expect(page.getByRole("heading", { name: "Werk volgens SAAR" })).toBeVisible();
  await press(page, next);
  await expect(page.getByText("Lees de huisregels en vink aan dat u zich eraan houdt.")).toBeVisible();
  await expectAccessible(page);
  await press(page, page.getByLabel("Ik heb de huisregels gelezen en ik houd me eraan."), "Space");
  await press(page, page.getByLabel("De bewoners die meedoen zijn 18 jaar of ouder en wonen op de adressen die ik opgeef."), "Space");
  await press(page, next);

  // Step 6: the summary, then send.
  await expect(page.getByText("55 adressen, plus uw eigen adres")).toBeVisible();
  await expect(page.getByText(CO_ADMIN)).toBeVisible();
  await expectAccessible(page);
  // Sending with a name another group has brings the name field back with the message.
  await press(page, page.getByRole("button", { name: "Groep aanmelden" }));
  await expect(page.getByText("Deze naam is al in gebruik bij een andere groep in deze gemeente.").first()).toBeVisible();
  await expect(page.locator("#group-name")).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#group-name")).toHaveValue("buurtpreventie langeland-noord");
  await expectAccessible(page);
  await typeInto(page, page.locator("#group-name"), GROUP_NAME);
  for (let i = 0; i < 4; i++) await press(page, next);
  await expect(page.getByRole("heading", { level: 2, name: "Stap 6 van 6: Controleren en versturen" })).toBeVisible();
  await press(page, page.getByRole("button", { name: "Groep aanmelden" }));

  await expect(page).toHaveURL(/\/mijn-groepen\/[0-9a-f-]{36}\?nieuw=1$/);
  await expect(page.getByRole("heading", { level: 1, name: GROUP_NAME })).toBeVisible();
  await expect(page.getByText("Uw groep is aangemeld")).toBeVisible();
  await expect(page.getByRole("link", { name: "56 adressen (drempel 50)" })).toBeVisible();
  console.log(`Registering the group took ${Math.round((Date.now() - started) / 1000)} s in the browser (keyboard only).`);
  await expectAccessible(page);

  const agentMail = await openMail(page, "wijkagent.langeland@krimpen.example", `Nieuwe buurtpreventiegroep in Langeland: ${GROUP_NAME}`);
  expect(agentMail).toContain("Noor Jansen");
  expect(agentMail).toContain(NEW_RESIDENT);
  expect(agentMail).toContain("06 12345679");
  const wethouderMail = await openMail(page, "wethouder.veiligheid@krimpen.example", `Nieuwe buurtpreventiegroep in Langeland: ${GROUP_NAME}`);
  expect(wethouderMail).toContain("Noor Jansen");
  // The registrant's own confirmation.
  const own = await openMail(page, NEW_RESIDENT, `Uw groep is aangemeld: ${GROUP_NAME}`);
  expect(own).toContain("U bent beheerder van de groep.");
  const invitation = await openMail(page, CO_ADMIN, `Uitnodiging: beheerder van ${GROUP_NAME}`);
  expect(invitation).toMatch(/\/uitnodiging\/[A-Za-z0-9_-]{40,}/);
});

test("the invited co-admin accepts with their own account; someone else cannot", async ({ page }) => {
  test.setTimeout(120_000);
  const text = await openMail(page, CO_ADMIN, `Uitnodiging: beheerder van ${GROUP_NAME}`);
  const path = /\/uitnodiging\/[A-Za-z0-9_-]{40,}/.exec(text)![0];

  // Not signed in: a page about the invitation, with a hint of the invited address but not the
  // address itself (the link may have been sent on); the person types it (keyboard).
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1, name: `Uitnodiging voor ${GROUP_NAME}` })).toBeVisible();
  await expect(page.getByText(`Noor Jansen nodigt u uit om samen de buurtpreventiegroep ${GROUP_NAME} in de wijk Langeland te beheren.`)).toBeVisible();
  await expect(page.getByText(`(${CO_ADMIN[0]}…${CO_ADMIN.slice(CO_ADMIN.indexOf("@"))})`)).toBeVisible();
  expect(await page.content()).not.toContain(CO_ADMIN);
  await expect(page.getByLabel("E-mailadres")).toHaveValue("");
  await expectAccessible(page);
  await page.getByLabel("E-mailadres").fill(CO_ADMIN);
  await press(page, page.getByRole("button", { name: "Stuur mij een inloglink" }));
  await expect(page.getByText("Kijk in uw e-mail")).toBeVisible();
  expect(await openMail(page, CO_ADMIN, "Uw inloglink voor WhatsApp Buurtpreventie")).toContain("/inloggen/bevestigen");
  await page.goto("/uitnodiging/bestaat-niet-bestaat-niet-bestaat-niet-bestaat-niet");
  await expect(page.getByRole("heading", { level: 1, name: "Deze uitnodiging werkt niet" })).toBeVisible();

  await addSession(page.context(), SOMEONE_ELSE);
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1, name: "Deze uitnodiging is voor een ander e-mailadres" })).toBeVisible();
  await expectAccessible(page);

  await page.context().clearCookies();
  await addSession(page.context(), CO_ADMIN);
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1, name: `Word beheerder van ${GROUP_NAME}` })).toBeVisible();
  await page.getByRole("button", { name: "Ik word beheerder" }).click();
  await expect(page.getByText("Vul een naam in.")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Uw naam").fill("Daan de Wit");
  await page.getByLabel("Uw telefoonnummer").fill("0101234567");
  await page.getByLabel("Uw geboortedatum").fill("2015-02-01");
  await page.getByLabel("Postcode").fill("2922BC");
  await page.getByLabel("Huisnummer").fill("3");
  await page.getByRole("button", { name: "Ik word beheerder" }).click();
  await expect(page.getByText("Een groepsbeheerder moet 18 jaar of ouder zijn.")).toBeVisible();
  // The house rules are shown on the invitation page and must be accepted (consent on record).
  await expect(page.getByRole("heading", { level: 2, name: "De huisregels" })).toBeVisible();
  await expect(page.getByText("Lees de huisregels en vink aan dat u zich eraan houdt.")).toBeVisible();
  await page.getByLabel("Uw geboortedatum").fill("1970-02-01");
  await page.getByLabel("Ik heb de huisregels gelezen en ik houd me eraan.").check();
  await page.getByRole("button", { name: "Ik word beheerder" }).click();
  await expect(page.getByRole("heading", { level: 1, name: GROUP_NAME })).toBeVisible();
  await expect(page).toHaveURL(/\?welkom=1$/);
  await expect(page.getByText(`Welkom als beheerder van ${GROUP_NAME}`)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Beheerders" }).click();
  await expect(page.getByText("Noor Jansen", { exact: true })).toBeVisible();
  await expect(page.getByText("Daan de Wit (u)")).toBeVisible();
  // axe: scanned in a11y.spec.ts "pages": /mijn-groepen/[id]/beheerders (two admins).
});
