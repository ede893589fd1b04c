import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  decodeImportFile,
  detectDelimiter,
  normalizeBuurtCode,
  normalizeMunicipalityCode,
  normalizeWijkCode,
  parseGeoImport,
  type GeoImportKind,
  type ParsedGeoFile,
} from "./geo-import";

const GM = "GM0542";
const utf8 = (text: string) => new TextEncoder().encode(text);
const parse = (kind: GeoImportKind, text: string | Uint8Array) => parseGeoImport(kind, typeof text === "string" ? utf8(text) : text, GM);

function ok(kind: GeoImportKind, text: string | Uint8Array): ParsedGeoFile {
  const result = parse(kind, text);
  if (!result.ok) throw new Error(`expected the file to be read, got: ${result.errors.map((e) => e.message).join(" | ")}`);
  return result.file;
}
function errors(kind: GeoImportKind, text: string | Uint8Array): string[] {
  const result = parse(kind, text);
  if (result.ok) throw new Error("expected errors");
  return result.errors.map((e) => e.message);
}

describe("decodeImportFile", () => {
  it("reads UTF-8 (with or without byte-order mark) and falls back to Windows-1252", () => {
    expect(decodeImportFile(utf8("Café"))).toEqual({ ok: true, text: "Café", encoding: "utf-8" });
    expect(decodeImportFile(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("Café")]))).toEqual({ ok: true, text: "Café", encoding: "utf-8" });
    expect(decodeImportFile(new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x80, 0x93, 0x9f]))).toEqual({ ok: true, text: "Café€“Ÿ", encoding: "windows-1252" });
  });

  it("refuses a spreadsheet, UTF-16 and binary data with a message that says what to do", () => {
    expect(decodeImportFile(new Uint8Array([0x50, 0x4b, 3, 4]))).toMatchObject({ ok: false, message: expect.stringContaining("Excel") });
    expect(decodeImportFile(new Uint8Array([0xff, 0xfe, 0x41, 0]))).toMatchObject({ ok: false, message: expect.stringContaining("UTF-16") });
    expect(decodeImportFile(new Uint8Array([1, 2, 0, 4]))).toMatchObject({ ok: false, message: expect.stringContaining("geen tekstbestand") });
  });
});

describe("detectDelimiter and the codes", () => {
  it("takes the separator of the header line, ignoring separators inside quotes", () => {
    expect(detectDelimiter("a;b;c\n1,2;3")).toBe(";");
    expect(detectDelimiter("a,b,c\n1;2;3")).toBe(",");
    expect(detectDelimiter('"a;b",c,d\n')).toBe(",");
    expect(detectDelimiter("a\tb\n")).toBe("\t");
  });

  it("accepts CBS codes with or without letters and with a dropped leading zero", () => {
    expect(normalizeWijkCode("WK054201")).toBe("WK054201");
    expect(normalizeWijkCode("wk054201")).toBe("WK054201");
    expect(normalizeWijkCode("054201")).toBe("WK054201");
    expect(normalizeWijkCode("54201")).toBe("WK054201");
    expect(normalizeWijkCode("WK05420")).toBeNull();
    expect(normalizeWijkCode("'; drop table areas; --")).toBeNull();
    expect(normalizeBuurtCode("5420101")).toBe("BU05420101");
    expect(normalizeBuurtCode("BU0542010")).toBeNull();
    expect(normalizeMunicipalityCode("542")).toBe("GM0542");
    expect(normalizeMunicipalityCode("GM05420")).toBeNull();
  });

  it("never throws on any file and names every error with a line number (property)", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.constantFrom<GeoImportKind>("wijken", "postcodes", "aantallen"), (bytes, kind) => {
        const result = parseGeoImport(kind, bytes, GM);
        if (!result.ok) {
          expect(result.errorCount).toBeGreaterThan(0);
          for (const e of result.errors) expect(e.message).toMatch(/^Regel \d+: |^(Dit|Het)/);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("the fast path for files without quotes", () => {
  it("reads a file without quotes exactly as Papa Parse reads it (property: the same file with a quoted header takes Papa Parse's path)", () => {
    const field = fc.oneof(
      fc.constantFrom("2921AB", "2921 ab", "2921SA", "WK054201", "054202", "WK059901", "", " ", "x", "1", "0", "<b>", "'--"),
      fc.string({ unit: fc.constantFrom("2", "9", "A", "b", " ", ",", ";", "\t", "W", "K") , maxLength: 8 }),
    );
    const line = fc.array(field, { minLength: 0, maxLength: 4 }).map((fields) => fields.join(";"));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.constantFrom("\n", "\r\n"), (lines, newline) => {
        const plain = ["postcode;wijkcode;huisnummer", ...lines].join(newline);
        const quoted = ['"postcode";wijkcode;huisnummer', ...lines].join(newline);
        expect(parse("postcodes", plain)).toEqual(parse("postcodes", quoted));
      }),
      { numRuns: 300 },
    );
  });
});

describe("postcode files", () => {
  it("reads the CBS postcode-huisnummer table: one postcode per PC6, rows of other municipalities skipped", () => {
    const file = ok(
      "postcodes",
      "PC6;Huisnummer;Buurt2024;Wijk2024;Gemeente2024\n2921AA;1;05420101;054201;0542\n2921AA;2;05420101;054201;0542\n2921AB;1;05420201;054202;0542\n3011AA;1;05990101;059901;0599\n",
    );
    expect(file).toMatchObject({ kind: "postcodes", format: "cbs", dataLines: 4, encoding: "utf-8", delimiter: ";" });
    expect(file.skippedOtherMunicipality).toEqual({ count: 1, firstLines: [5] });
    if (file.kind !== "postcodes") throw new Error();
    expect(file.postcodes).toEqual([
      { postcode: "2921AA", wijkCode: "WK054201", line: 2 },
      { postcode: "2921AB", wijkCode: "WK054202", line: 4 },
    ]);
  });

  it("gives a postcode whose addresses lie in two wijken to the wijk with most of them, and says so", () => {
    const file = ok("postcodes", "PC6;Huisnummer;Wijk2024\n2921AA;1;054201\n2921AA;2;054202\n2921AA;3;054202\n");
    if (file.kind !== "postcodes") throw new Error();
    expect(file.postcodes).toEqual([{ postcode: "2921AA", wijkCode: "WK054202", line: 2 }]);
    expect(file.notices[0]).toContain("2921 AA heeft adressen in meer dan één wijk (WK054201: 1, WK054202: 2)");
  });

  it("reads a short PC6 list with commas, quotes, lower case and spaces; a doubled postcode of one wijk counts once", () => {
    const file = ok("postcodes", 'postcode,wijkcode\n"2921 ab",WK054201\n2921AB,WK054201\n\n"2921AC","054202"\n');
    if (file.kind !== "postcodes") throw new Error();
    expect(file.format).toBe("pc6");
    expect(file.postcodes.map((p) => [p.postcode, p.wijkCode, p.line])).toEqual([
      ["2921AB", "WK054201", 2],
      ["2921AC", "WK054202", 5],
    ]);
    expect(file.notices).toEqual(["Postcode 2921 AB staat twee keer in het bestand (regels 2 en 3), bij dezelfde wijk; die telt één keer."]);
  });

  it("names each bad line: a postcode in two wijken, a bad postcode, a missing wijk code, a short line, a bad house number", () => {
    expect(
      errors("postcodes", "postcode;wijkcode\n2921AB;WK054201\n2921AB;WK054202\n2921SA;WK054201\n1234;WK054201\n2921AC;\n2921AD\n<script>;WK054201\n"),
    ).toEqual([
      "Regel 3: postcode 2921 AB staat hier bij wijk WK054202, maar op regel 2 bij wijk WK054201. Een postcode hoort bij één wijk.",
      "Regel 4: '2921SA' is geen geldige postcode. Een postcode is 4 cijfers en 2 letters, zoals 2921 AB.",
      "Regel 5: '1234' is geen geldige postcode. Een postcode is 4 cijfers en 2 letters, zoals 2921 AB.",
      "Regel 6: de wijkcode ontbreekt.",
      "Regel 7: er staat 1 kolom op deze regel, de eerste regel heeft er 2. Kijk of het scheidingsteken (;) klopt.",
      "Regel 8: '<script>' is geen geldige postcode. Een postcode is 4 cijfers en 2 letters, zoals 2921 AB.",
    ]);
    expect(errors("postcodes", "PC6;Huisnummer;Wijk2024\n2921AA;0;054201\n2921AA;;054201\n")).toEqual([
      "Regel 2: '0' is geen huisnummer (1 tot en met 99999).",
      "Regel 3: het huisnummer ontbreekt.",
    ]);
  });

  it("keeps the line numbers right when a quoted field holds a line break", () => {
    expect(errors("postcodes", 'postcode;wijkcode;opmerking\n2921AA;WK054201;"twee\nregels"\n2921SA;WK054201;x\n')).toEqual([
      "Regel 4: '2921SA' is geen geldige postcode. Een postcode is 4 cijfers en 2 letters, zoals 2921 AB.",
    ]);
  });

  it("refuses a file without the columns, an empty file, and a file of another municipality only", () => {
    expect(errors("postcodes", "a;b\n1;2\n")[0]).toMatch(/^Regel 1: De eerste regel moet de kolomnamen hebben: postcode/);
    expect(errors("postcodes", "")[0]).toMatch(/leeg/);
    expect(errors("postcodes", "postcode;wijkcode\n")).toEqual(["Regel 2: er staan geen gegevens onder de kolomnamen."]);
    expect(errors("postcodes", "PC6;Huisnummer;Wijk2024;Gemeente2024\n3011AA;1;059901;0599\n")).toEqual([
      "Regel 2: geen enkele regel hoort bij gemeente GM0542. Kies het bestand van uw gemeente.",
    ]);
  });

  it("keeps at most 200 errors but counts them all", () => {
    const lines = ["postcode;wijkcode", ...Array.from({ length: 500 }, () => "0000AA;WK054201")];
    const result = parse("postcodes", lines.join("\n"));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errorCount).toBe(500);
    expect(result.errors).toHaveLength(200);
  });

  it("reads 100,000 lines of the CBS table", () => {
    const lines = ["PC6;Huisnummer;Buurt2024;Wijk2024;Gemeente2024"];
    for (let i = 0; i < 100_000; i++) {
      const letters = "ABCDEFGHJKLMNPRTVWXZ";
      const pc = `${2921 + (i % 5)}${letters[(i >> 3) % 20]}${letters[(i >> 8) % 20]}`;
      lines.push(`${pc};${(i % 8) + 1};0542010${i % 5};05420${(i % 5) + 1};0542`);
    }
    const file = ok("postcodes", lines.join("\r\n"));
    expect(file.dataLines).toBe(100_000);
  });
});

describe("wijken and buurten files", () => {
  it("reads wijken with their buurten (Windows-1252, semicolons), a wijk without buurten, and skips other municipalities", () => {
    const bytes = new Uint8Array([
      ...utf8("Gemeentecode;Wijkcode;Wijknaam;Buurtcode;Buurtnaam\r\nGM0542;WK054201;Oud-Krimpen;BU05420101;Centrum\r\n0542;54201;Oud-Krimpen;5420102;Dijk\r\nGM0542;WK054202;Lange"),
      0xeb, // ë in Windows-1252
      ...utf8("land;;\r\nGM0599;WK059901;Elders;BU05990101;Ergens\r\n"),
    ]);
    const file = ok("wijken", bytes);
    if (file.kind !== "wijken") throw new Error();
    expect(file.encoding).toBe("windows-1252");
    expect(file.hasBuurten).toBe(true);
    expect(file.wijken.map((w) => [w.code, w.name])).toEqual([
      ["WK054201", "Oud-Krimpen"],
      ["WK054202", "Langeëland"],
    ]);
    expect(file.buurten.map((b) => [b.code, b.name, b.wijkCode])).toEqual([
      ["BU05420101", "Centrum", "WK054201"],
      ["BU05420102", "Dijk", "WK054201"],
    ]);
    expect(file.skippedOtherMunicipality.count).toBe(1);
  });

  it("names each bad line: two names for one wijk, one name for two wijken, a buurt of another wijk, bad codes, a missing or too long name, markup", () => {
    expect(
      errors(
        "wijken",
        [
          "wijkcode;wijknaam;buurtcode;buurtnaam",
          "WK054201;Oud-Krimpen;BU05420101;Centrum",
          "WK054201;Oud Krimpen;;",
          "WK054202;oud-krimpen;;",
          "WK054203;Kortland;BU05420401;Verkeerd",
          "WK54;Naam;;",
          "WK054204;;;",
          `WK054205;${"x".repeat(101)};;`,
          "WK054206;<img src=x onerror=alert(1)>;;",
          "WK054201;Oud-Krimpen;BU05420101;Anders",
        ].join("\n"),
      ),
    ).toEqual([
      "Regel 3: wijk WK054201 heet hier 'Oud Krimpen', op regel 2 'Oud-Krimpen'. Geef een wijk één naam.",
      "Regel 4: de naam 'oud-krimpen' heeft ook wijk WK054201 (regel 2). Twee wijken kunnen niet dezelfde naam hebben.",
      "Regel 5: buurt BU05420401 hoort volgens zijn code bij wijk WK054204, niet bij WK054203. De eerste 6 cijfers van een buurtcode zijn die van de wijk.",
      "Regel 6: 'WK54' is geen wijkcode. Een wijkcode is WK en 6 cijfers, zoals WK054201.",
      "Regel 7: wijk WK054204: de naam ontbreekt.",
      "Regel 8: wijk WK054205: de naam is langer dan 100 tekens.",
      "Regel 9: wijk WK054206: de naam bevat tekens die niet in een naam horen (zoals < of >).",
      "Regel 10: buurt BU05420101 staat ook op regel 2, met een andere naam ('Centrum').",
    ]);
  });

  it("needs both buurt columns or neither", () => {
    expect(errors("wijken", "wijkcode;wijknaam;buurtcode\nWK054201;A;BU05420101\n")[0]).toMatch(/buurtcode of de buurtnaam/);
    const file = ok("wijken", "wijkcode;wijknaam\nWK054201;A\n");
    expect(file.kind === "wijken" && file.hasBuurten).toBe(false);
  });
});

describe("address totals files", () => {
  it("reads a kerncijfers extract: wijk lines only (gemeente and buurt lines skipped), thousands separators", () => {
    const file = ok("aantallen", 'Codering_3,WijkenEnBuurten,AantalWoningen\nGM0542,Krimpen,"15.000"\nWK054201,Oud-Krimpen,"3.150"\nBU05420101,Centrum,400\nWK054202,Langeland,2800\n');
    if (file.kind !== "aantallen") throw new Error();
    expect(file.totals.map((t) => [t.wijkCode, t.total])).toEqual([
      ["WK054201", 3150],
      ["WK054202", 2800],
    ]);
    expect(file.skippedOtherLevel.count).toBe(2);
  });

  it("names each bad line: no number (CBS's dot), not a number, too large, two numbers for one wijk", () => {
    expect(errors("aantallen", "wijkcode;adressen\nWK054201;.\nWK054202;12,5\nWK054203;99999999\nWK054204;10\nWK054204;11\nWK054205;-3\n")).toEqual([
      "Regel 2: wijk WK054201 heeft geen aantal. Vul het aantal woningen of adressen in, of haal de regel weg.",
      "Regel 3: '12,5' is geen aantal. Vul een heel getal in van 0 tot en met 1.000.000, zoals 2800.",
      "Regel 4: '99999999' is geen aantal. Vul een heel getal in van 0 tot en met 1.000.000, zoals 2800.",
      "Regel 6: wijk WK054204 staat ook op regel 5, met een ander aantal (10).",
      "Regel 7: '-3' is geen aantal. Vul een heel getal in van 0 tot en met 1.000.000, zoals 2800.",
    ]);
  });
});

describe("the sample files of the README (docs/samples)", () => {
  it.each([
    ["wijken", "wijken-en-buurten.csv"],
    ["postcodes", "postcode-huisnummer-wijk-buurt.csv"],
    ["postcodes", "postcodes-per-wijk.csv"],
    ["aantallen", "aantal-adressen-per-wijk.csv"],
  ] as const)("%s: %s is read without errors", (kind, name) => {
    const file = ok(kind, new Uint8Array(readFileSync(`docs/samples/${name}`)));
    expect(file.dataLines).toBeGreaterThan(5);
  });
});
