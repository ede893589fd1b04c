import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { CSV_BOM, csvFileName, toCsv } from "./csv";

describe("CSV for Excel", () => {
  const columns = [
    { label: "Naam", value: (r: { name: string; n: number }) => r.name },
    { label: "Aantal", value: (r: { name: string; n: number }) => r.n },
  ];

  it("starts with a BOM, uses ; and CRLF, and keeps Dutch characters, quotes and separators intact", () => {
    const csv = toCsv(columns, [
      { name: "Buurtpreventie Bloemenbuurt; Zuid", n: 62 },
      { name: 'Café "De Ijssel" – één', n: 3 },
    ]);
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(csv).toContain("\r\n");
    const parsed = Papa.parse<string[]>(csv.slice(1), { delimiter: ";", skipEmptyLines: true });
    expect(parsed.data).toEqual([
      ["Naam", "Aantal"],
      ["Buurtpreventie Bloemenbuurt; Zuid", "62"],
      ['Café "De Ijssel" – één', "3"],
    ]);
  });

  it("escapes cells that would run as a formula", () => {
    const csv = toCsv(columns, [{ name: "=HYPERLINK(\"http://evil\")", n: 1 }]);
    const parsed = Papa.parse<string[]>(csv.slice(1), { delimiter: ";", skipEmptyLines: true });
    expect(parsed.data[1][0].startsWith("'=")).toBe(true);
  });

  it("escapes every formula start, also in text of several lines and after spaces; numbers stay numbers", () => {
    const names = ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(1+1)", "\t=1", "\r=1", "=1+1\nregel 2", "@x\r\ny", "  =1+1"];
    const csv = toCsv(columns, names.map((name) => ({ name, n: -5 })));
    const parsed = Papa.parse<string[]>(csv.slice(1), { delimiter: ";", skipEmptyLines: true });
    expect(parsed.data.slice(1)).toEqual(names.map((name) => [`'${name}`, "-5"]));
    const plain = Papa.parse<string[]>(toCsv(columns, [{ name: "Buurt = veilig", n: 1 }]).slice(1), { delimiter: ";" });
    expect(plain.data[1][0]).toBe("Buurt = veilig");
  });

  it("makes safe file names", () => {
    expect(csvFileName("Groepen Krimpen/../x", new Date("2026-11-25T10:00:00Z"))).toBe("groepen-krimpen-x-2026-11-25.csv");
  });
});
