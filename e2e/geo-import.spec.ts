import type { APIRequestContext } from "@playwright/test";
import { STAFF, WIJKAGENT } from "./support/accounts";
import { expectAccessible } from "./support/axe";
import { press, tabTo } from "./support/keyboard";
import { addSession, expect, test } from "./support/test";

/**
 * Issue 19: staff import their municipality's geography from a file, in three steps: upload →
 * preview → confirm, by keyboard, with an accessibility scan of each state. The journey changes
 * one wijk's number of addresses (Kortland-Zuid: 2600 → 2650) and puts it back at the end, so
 * other specs see the demo as seeded. The file checks themselves are in
 * lib/domain/geo-import.test.ts and lib/data/staff/geo-import.test.ts.
 */

const SEEDED_TOTAL = 2600;

/** Windows-1252 bytes ("é" as 0xE9), semicolons: one unknown wijk, one line without a number. */
const BAD_FILE = Buffer.concat([
  Buffer.from("wijkcode;wijknaam;aantal woningen\r\nWK054204;Kortland-Zuid;2650\r\nWK054299;Caf", "latin1"),
  Buffer.from([0xe9]),
  Buffer.from("wijk;100\r\nWK054203;Kortland-Noord;.\r\n", "latin1"),
]);

/** A CBS kerncijfers-style extract: commas, quoted fields, a gemeente and a buurt line (skipped). */
const GOOD_FILE = Buffer.from(
  'Codering_3,WijkenEnBuurten,AantalWoningen\n"GM0542","Krimpen aan den IJssel","15.000"\n"WK054204","Kortland-Zuid","2.650"\n"BU05420401","Een buurt","400"\n',
);

async function importTotal(request: APIRequestContext, total: number): Promise<void> {
  const file = `wijkcode;woningen\nWK054204;${total}\n`;
  const preview = await request.post("/beheer/wijken/import/bestand", { multipart: { soort: "aantallen", stap: "voorbeeld", bestand: file } });
  expect(preview.status()).toBe(200);
  const { preview: p } = (await preview.json()) as { preview: { token: string } };
  const saved = await request.post("/beheer/wijken/import/bestand", { multipart: { soort: "aantallen", stap: "opslaan", token: p.token, bestand: file } });
  expect(saved.status()).toBe(200);
}

test.describe("geography import (/beheer/wijken/import)", () => {
  test("staff upload a file, see its errors per line, then a good file's preview, and confirm: by keyboard, accessible at each step", async ({ browser, baseURL }) => {
    const context = await browser.newContext({ extraHTTPHeaders: { origin: baseURL! } });
    await addSession(context, STAFF);
    const page = await context.newPage();
    try {
      await page.goto("/beheer/wijken");
      await press(page, page.getByRole("link", { name: "Lees wijken, postcodes en aantallen in uit een bestand" }));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Wijken, postcodes en aantallen inlezen voor Krimpen aan den IJssel");
      await page.locator("[data-hydrated]").first().waitFor({ state: "attached" });
      // axe: scanned in a11y.spec.ts "pages": /beheer/wijken/import.

      // Choose the kind with the keyboard: Tab to the checked radio, arrow down to the next ones.
      const kinds = page.getByRole("radiogroup", { name: "Wat staat er in het bestand?" }).or(page.getByRole("group", { name: "Wat staat er in het bestand?" }));
      await tabTo(page, kinds.getByRole("radio", { name: /Postcodes per wijk/ }));
      await page.keyboard.press("ArrowDown");
      await expect(kinds.getByRole("radio", { name: /Aantal adressen per wijk/ })).toBeChecked();

      // A bad file: each bad line named, nothing stored, nothing to confirm.
      const input = page.getByLabel("CSV-bestand");
      await input.setInputFiles({ name: "aantallen-fout.csv", mimeType: "text/csv", buffer: BAD_FILE });
      await press(page, page.getByRole("button", { name: "Bekijk wat er verandert" }));
      await expect(page.getByRole("heading", { name: "Fouten in het bestand" })).toBeFocused();
      await expect(page.getByText("Er staan 2 fouten in het bestand. Er is niets opgeslagen.")).toBeVisible();
      const errors = page.getByRole("list", { name: "Fouten per regel" });
      await expect(errors.getByRole("listitem").nth(0)).toHaveText(/^Regel 3: wijk WK054299 bestaat niet bij Krimpen aan den IJssel/);
      await expect(errors.getByRole("listitem").nth(1)).toHaveText(/^Regel 4: wijk WK054203 heeft geen aantal/);
      await expect(page.getByText(/Gelezen: 3 regels \(Windows-1252, gescheiden door puntkomma\)/)).toBeVisible();
      await expect(page.getByRole("button", { name: "Bevestig en sla op" })).toHaveCount(0);
      await expectAccessible(page);

      // Another file: the preview says what changes and what was skipped.
      await press(page, page.getByRole("button", { name: "Kies een ander bestand" }));
      await expect(input).toBeFocused();
      await input.setInputFiles({ name: "kerncijfers.csv", mimeType: "text/csv", buffer: GOOD_FILE });
      await press(page, page.getByRole("button", { name: "Bekijk wat er verandert" }));
      await expect(page.getByRole("heading", { name: "Voorbeeld: dit verandert er" })).toBeFocused();
      await expect(page.getByText("Kortland-Zuid (WK054204): 2.600 wordt 2.650 adressen")).toBeVisible();
      await expect(page.getByText(/Gelezen: 3 regels \(UTF-8, gescheiden door komma\)/)).toBeVisible();
      await expect(page.getByText(/Overgeslagen: 2 regels over een gemeente of buurt/)).toBeVisible();
      await expectAccessible(page);

      // Confirm: stored, and the public API shows the new number.
      await press(page, page.getByRole("button", { name: "Bevestig en sla op" }));
      await expect(page.getByText("Opgeslagen: aantal adressen per wijk van het bestand kerncijfers.csv.")).toBeVisible();
      await expect(page.getByRole("status").first()).toBeFocused();
      await expectAccessible(page);
      const area = (await (await context.request.get("/api/v1/wijken/kortland-zuid")).json()) as { totalAddresses: number };
      expect(area.totalAddresses).toBe(2650);
    } finally {
      await importTotal(context.request, SEEDED_TOTAL);
      await context.close();
    }
  });

  test("the upload route: a second confirm of the same preview stores nothing and answers 409 with the new preview; a wijkagent gets 404", async ({ browser, baseURL }) => {
    const context = await browser.newContext({ extraHTTPHeaders: { origin: baseURL! } });
    await addSession(context, STAFF);
    try {
      const file = "wijkcode;woningen\nWK054204;2651\n";
      const preview = await context.request.post("/beheer/wijken/import/bestand", { multipart: { soort: "aantallen", stap: "voorbeeld", bestand: file } });
      const { preview: p } = (await preview.json()) as { preview: { token: string } };
      const confirm = () => context.request.post("/beheer/wijken/import/bestand", { multipart: { soort: "aantallen", stap: "opslaan", token: p.token, bestand: file } });
      expect((await confirm()).status()).toBe(200);
      const again = await confirm();
      expect(again.status()).toBe(409);
      const body = (await again.json()) as { error: { code: string }; preview: { unchanged: number } };
      expect(body.error.code).toBe("conflict");
      expect(body.preview.unchanged).toBe(1);

      // Bad input gets a clear 4xx, never a 5xx, and stores nothing.
      const post = (multipart: Record<string, string | { name: string; mimeType: string; buffer: Buffer }>) =>
        context.request.post("/beheer/wijken/import/bestand", { multipart });
      const cases: Array<[Record<string, string | { name: string; mimeType: string; buffer: Buffer }>, number, RegExp]> = [
        [{ soort: "aantallen", stap: "voorbeeld" }, 400, /Kies een bestand/],
        [{ soort: "straten", stap: "voorbeeld", bestand: file }, 400, /Kies wat voor bestand/],
        [{ soort: "aantallen", stap: "opslaan", bestand: file }, 400, /Bekijk eerst het voorbeeld/],
        [{ soort: "aantallen", stap: "opslaan", token: "'; drop table areas; --", bestand: file }, 400, /Bekijk eerst het voorbeeld/],
        [{ soort: "aantallen", stap: "voorbeeld", gemeente: "00000000-0000-0000-0000-000000000000", bestand: file }, 404, /bestaat niet/],
        [{ soort: "aantallen", stap: "voorbeeld", bestand: { name: "kapot.csv.gz", mimeType: "application/gzip", buffer: Buffer.from([0x1f, 0x8b, 1, 2, 3]) } }, 400, /uitgepakt/],
        [{ soort: "aantallen", stap: "voorbeeld", bestand: "wijkcode;woningen\n<script>alert(1)</script>;1\n' or 1=1 --;2\n" }, 400, /Regel 2: '<script>alert\(1\)<\/sc' is geen wijkcode/],
      ];
      for (const [form, status, message] of cases) {
        const response = await post(form);
        expect(response.status(), JSON.stringify(form)).toBe(status);
        expect(JSON.stringify(await response.json())).toMatch(message);
      }
      const unchanged = (await (await context.request.get("/api/v1/wijken/kortland-zuid")).json()) as { totalAddresses: number };
      expect(unchanged.totalAddresses).toBe(2651);

      const agent = await browser.newContext({ extraHTTPHeaders: { origin: baseURL! } });
      await addSession(agent, WIJKAGENT);
      const refused = await agent.request.post("/beheer/wijken/import/bestand", { multipart: { soort: "aantallen", stap: "voorbeeld", bestand: file } });
      expect(refused.status()).toBe(404);
      await agent.close();
    } finally {
      await importTotal(context.request, SEEDED_TOTAL);
      await context.close();
    }
  });
});
