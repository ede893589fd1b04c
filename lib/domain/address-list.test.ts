import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { MAX_ADDRESS_LIST_LINES, countAddressListLines, papaFields, parseAddressList, splitFields, summarizeAddressList } from "./address-list";
import { DomainError } from "./errors";
import { NORMALIZED_POSTCODE_PATTERN } from "./postcode";
import { type CanonicalAddress, additionSpelling, canonicalAddress, postcodeSpelling } from "./test-arbitraries";

const RUNS = { numRuns: 1000 };

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof DomainError ? error.code : "not a DomainError";
  }
  return undefined;
}

function only(text: string) {
  const result = parseAddressList(text);
  expect(result).toHaveLength(1);
  return result[0];
}

describe("parseAddressList: free lines", () => {
  it.each([
    ["2922 AB 12 A", "2922AB", 12, "A"],
    ["2922AB,12,a", "2922AB", 12, "A"],
    ["2922ab 12-2", "2922AB", 12, "2"],
    ["2922AB 12 bis", "2922AB", 12, "BIS"],
    ["2922AB;12;A", "2922AB", 12, "A"],
    ["2922AB\t12\tA", "2922AB", 12, "A"],
    ["2922AB\t12\t", "2922AB", 12, ""],
    ["2922AB 12A", "2922AB", 12, "A"],
    ["2922 AB 12", "2922AB", 12, ""],
    ["2922AB12", "2922AB", 12, ""],
    ["  2922ab   12   a  ", "2922AB", 12, "A"],
    ['"2922 AB","12",""', "2922AB", 12, ""],
    ['"2922 AB";"12";"2-hoog"', "2922AB", 12, "2-HOOG"],
    ["2922AB, 12, 2 hoog", "2922AB", 12, "2HOOG"],
    ["2922AB 99999", "2922AB", 99999, ""],
    ["2922AB 1", "2922AB", 1, ""],
    ["2922AB 007", "2922AB", 7, ""],
  ])("reads %j", (text, postcode, houseNumber, addition) => {
    expect(only(text)).toEqual({ line: 1, ok: true, address: { postcode, houseNumber, addition } });
  });

  it.each([
    ["0922AB 12", "postcode"],
    ["2922SA 12", "postcode"],
    ["2922 ss 12", "postcode"],
    ["2922ABC 12", "postcode"],
    ["Dorpsstraat 12, 2922 AB", "postcode vooraan"],
    ["12 2922AB", "postcode vooraan"],
    ["2922AB", "huisnummer ontbreekt"],
    ["2922AB abc", "huisnummer ontbreekt"],
    ["2922AB 0", "huisnummer moet"],
    ["2922AB 100000", "huisnummer moet"],
    ["2922AB 12 ABCDEFG", "toevoeging"],
    ["2922AB 12/2", "toevoeging"],
    ["2922AB,12,A,Krimpen aan den IJssel", "toevoeging"],
  ])("refuses %j with a Dutch message about %s", (text, hint) => {
    const result = only(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.toLowerCase()).toContain(hint.toLowerCase());
  });

  it.each([
    ["Lansinghlaan 15", { street: "Lansinghlaan", houseNumber: 15, addition: "" }],
    ["Lansinghlaan 15 A", { street: "Lansinghlaan", houseNumber: 15, addition: "A" }],
    ["Lansinghlaan 15a", { street: "Lansinghlaan", houseNumber: 15, addition: "A" }],
    ["Burg. Smeetsweg 3 2-hoog", { street: "Burg. Smeetsweg", houseNumber: 3, addition: "2-HOOG" }],
    ["'s-Gravenweg,7", { street: "'s-Gravenweg", houseNumber: 7, addition: "" }],
    ["Van der Hoeven  Straat 120", { street: "Van der Hoeven Straat", houseNumber: 120, addition: "" }],
  ])("reads the street line %j for a look-up of its postcode", (text, street) => {
    const result = only(text);
    expect(result).toMatchObject({ ok: false, street });
    expect(summarizeAddressList([result])).toMatchObject({ errors: 0, streetLines: 1 });
  });

  it.each(["Lansinghlaan", "Lansinghlaan 0", "Lansinghlaan 100000", "Lansinghlaan 15 <script>", "Dorpsstraat 12 2922 AB", "12 Lansinghlaan"])(
    "does not read %j as a street line",
    (text) => {
      const result = only(text);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.street).toBeUndefined();
    },
  );

  it("skips blank lines and keeps the line numbers of the text", () => {
    const text = "\n2922AB 12\n   \r\n;;;\n\"\",\"\"\n2922AB 14\r\n\r\n";
    expect(parseAddressList(text).map((line) => line.line)).toEqual([2, 6]);
  });

  it("returns nothing for an empty text", () => {
    expect(parseAddressList("")).toEqual([]);
    expect(parseAddressList(" \n\n\t\n")).toEqual([]);
  });

  it("reports duplicates with the line of the first one, and does not count them twice", () => {
    const text = ["2922 AB 12 A", "2922AB 14", "2922ab 12a", "oops", "2922AB,12,-a", "2922AB 14"].join("\n");
    const result = parseAddressList(text);
    expect(result.map((line) => (line.ok ? line.duplicateOf ?? null : "error"))).toEqual([null, null, 1, "error", 1, 2]);
    expect(summarizeAddressList(result)).toEqual({ valid: 5, distinct: 2, duplicates: 3, errors: 1, streetLines: 0 });
  });

  it("accepts mixed formats in one list", () => {
    const result = parseAddressList("2922 AB 12 A\n2922AB,13,a\n2922ab;14;\n2922AB\t15\tbis");
    expect(result.every((line) => line.ok)).toBe(true);
  });
});

describe("parseAddressList: CSV with a header row", () => {
  it("reads comma-separated columns", () => {
    const result = parseAddressList("postcode,huisnummer,toevoeging\n2922AB,12,A\n2922 ab,14,\n");
    expect(result).toEqual([
      { line: 2, ok: true, address: { postcode: "2922AB", houseNumber: 12, addition: "A" } },
      { line: 3, ok: true, address: { postcode: "2922AB", houseNumber: 14, addition: "" } },
    ]);
  });

  it("reads semicolon-separated columns as Dutch Excel exports them, with a BOM and CRLF", () => {
    const result = parseAddressList("\uFEFFPostcode;Huisnummer;Toevoeging\r\n2922 AB;12;a\r\n;;\r\n2922AC;3;\r\n");
    expect(result).toEqual([
      { line: 2, ok: true, address: { postcode: "2922AB", houseNumber: 12, addition: "A" } },
      { line: 4, ok: true, address: { postcode: "2922AC", houseNumber: 3, addition: "" } },
    ]);
  });

  it("reads tab-separated columns", () => {
    expect(parseAddressList("postcode\thuisnummer\n2922AB\t12")[0]).toMatchObject({ ok: true, line: 2 });
  });

  it("finds the columns by name, in any order, and ignores other columns", () => {
    const result = parseAddressList("straat;huisnummer;postcode;plaats\nDorpsstraat;12;2922AB;Krimpen aan den IJssel");
    expect(result).toEqual([{ line: 2, ok: true, address: { postcode: "2922AB", houseNumber: 12, addition: "" } }]);
  });

  it("joins huisletter and huisnummertoevoeging (as in BAG exports)", () => {
    const result = parseAddressList("postcode,huisnummer,huisletter,huisnummertoevoeging\n2922AB,12,A,2\n2922AB,13,,3");
    expect(result.map((line) => line.ok && line.address.addition)).toEqual(["A2", "3"]);
  });

  it("accepts the addition in the number column when the addition column is empty", () => {
    expect(only("postcode,huisnummer,toevoeging\n2922AB,12 A,")).toMatchObject({ ok: true, address: { addition: "A" } });
  });

  it("refuses an addition in both columns", () => {
    expect(only("postcode,huisnummer,toevoeging\n2922AB,12A,B")).toMatchObject({ ok: false });
  });

  it("reports a bad row with its line number and reads the rest", () => {
    const result = parseAddressList("postcode;huisnummer\n2922AB;12\n2922SA;13\n2922AB;x\n2922AB;14");
    expect(result.map((line) => [line.line, line.ok])).toEqual([
      [2, true],
      [3, false],
      [4, false],
      [5, true],
    ]);
  });

  it("falls back to a free line when a row has no separators", () => {
    expect(parseAddressList("postcode,huisnummer\n2922 AB 12 A")[0]).toMatchObject({ ok: true, address: { addition: "A" } });
  });

  it("skips a header written with spaces only", () => {
    expect(parseAddressList("Postcode Huisnummer Toevoeging\n2922 AB 12 A")).toEqual([
      { line: 2, ok: true, address: { postcode: "2922AB", houseNumber: 12, addition: "A" } },
    ]);
  });

  it("refuses a header without a house number column, parsing nothing", () => {
    expect(codeOf(() => parseAddressList("postcode,plaats\n2922AB,Krimpen"))).toBe("invalid_header");
  });
});

describe("parseAddressList: size limit", () => {
  const lines = (n: number) => Array.from({ length: n }, (_, i) => `2922AB ${(i % 99_999) + 1}`).join("\n");

  it(`reads ${MAX_ADDRESS_LIST_LINES} lines quickly`, () => {
    const started = performance.now();
    const result = parseAddressList(lines(MAX_ADDRESS_LIST_LINES));
    expect(result).toHaveLength(MAX_ADDRESS_LIST_LINES);
    expect(summarizeAddressList(result).distinct).toBe(MAX_ADDRESS_LIST_LINES);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it(`reads ${MAX_ADDRESS_LIST_LINES} CSV rows under a header`, () => {
    const csv = `postcode;huisnummer;toevoeging\n${Array.from({ length: MAX_ADDRESS_LIST_LINES }, (_, i) => `2922AB;${i + 1};`).join("\n")}`;
    expect(parseAddressList(csv)).toHaveLength(MAX_ADDRESS_LIST_LINES);
  });

  it("refuses one line more with one clear error, parsing nothing", () => {
    let error: unknown;
    try {
      parseAddressList(lines(MAX_ADDRESS_LIST_LINES + 1));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe("too_many_lines");
    expect((error as DomainError).message).toContain("10.000");
  });

  it("does not count blank lines", () => {
    expect(parseAddressList(`${lines(MAX_ADDRESS_LIST_LINES)}\n\n\n\n`)).toHaveLength(MAX_ADDRESS_LIST_LINES);
  });

  it("counts lines the way the parser does", () => {
    expect(countAddressListLines("")).toBe(0);
    expect(countAddressListLines("postcode;huisnummer\n2922AB;1\n\n2922AB;2")).toBe(2);
    expect(countAddressListLines("2922AB 1\n\n2922AB 2\n")).toBe(2);
  });
});

describe("parseAddressList: properties", () => {
  const lineFormat = fc.constantFrom("space", "comma", "semicolon", "tab", "glued", "hyphen");

  function render(address: CanonicalAddress, format: string, postcode: string, addition: string): string {
    const number = String(address.houseNumber);
    switch (format) {
      case "comma":
        return `${postcode},${number},${addition}`;
      case "semicolon":
        return `${postcode};${number};${addition}`;
      case "tab":
        return `${postcode}\t${number}\t${addition}`;
      case "glued": // "12A"; "12" + "2" would read as 22, so digits keep a space
        return /^[A-Za-z]/.test(addition.trim()) ? `${postcode} ${number}${addition.trim()}` : `${postcode} ${number} ${addition}`;
      case "hyphen":
        return `${postcode} ${number}${addition.trim() ? `-${addition.trim()}` : ""}`;
      default:
        return `${postcode} ${number} ${addition}`;
    }
  }

  const spelledLine = canonicalAddress.chain((address) =>
    fc
      .tuple(lineFormat, postcodeSpelling(address.postcode), additionSpelling(address.addition), fc.boolean())
      .map(([format, postcode, addition, blankBefore]) => ({
        address,
        text: render(address, format, postcode.replace(/[\n\t]/g, " "), (addition ?? "").replace(/^-/, "")),
        blankBefore,
      })),
  );

  it("reads every spelling back to the canonical address and marks duplicates (property)", () => {
    fc.assert(
      fc.property(fc.array(spelledLine, { maxLength: 25 }), (entries) => {
        const textLines: string[] = [];
        const expectedLineNumbers: number[] = [];
        for (const entry of entries) {
          if (entry.blankBefore) textLines.push("");
          textLines.push(entry.text);
          expectedLineNumbers.push(textLines.length);
        }
        const result = parseAddressList(textLines.join("\n"));
        expect(result.map((line) => line.line)).toEqual(expectedLineNumbers);
        const firstLine = new Map<string, number>();
        result.forEach((line, i) => {
          const { address } = entries[i];
          expect(line).toMatchObject({ ok: true, address });
          const key = `${address.postcode}|${address.houseNumber}|${address.addition}`;
          expect(line.ok && line.duplicateOf).toBe(firstLine.get(key) ?? undefined);
          if (!firstLine.has(key)) firstLine.set(key, line.line);
        });
        expect(summarizeAddressList(result).distinct).toBe(firstLine.size);
      }),
      RUNS,
    );
  });

  it("never throws on arbitrary text and only returns valid addresses (property)", () => {
    const noisyLine = fc.oneof(fc.string({ maxLength: 30 }), spelledLine.map((entry) => entry.text));
    fc.assert(
      fc.property(fc.array(noisyLine, { maxLength: 20 }), (linesOfText) => {
        const text = linesOfText.join("\n");
        let result;
        try {
          result = parseAddressList(text);
        } catch (error) {
          expect((error as DomainError).code).toBe("invalid_header");
          return;
        }
        for (const line of result) {
          expect(line.line).toBeGreaterThanOrEqual(1);
          if (line.ok) {
            expect(line.address.postcode).toMatch(NORMALIZED_POSTCODE_PATTERN);
            expect(line.address.houseNumber).toBeGreaterThanOrEqual(1);
            expect(line.address.houseNumber).toBeLessThanOrEqual(99_999);
            expect(line.address.addition.length).toBeLessThanOrEqual(6);
          } else {
            expect(line.error.length).toBeGreaterThan(10);
          }
        }
      }),
      RUNS,
    );
  });
});

describe("splitting a line into fields", () => {
  // The unquoted fast path must split exactly as Papa Parse does (which reads quoted fields).
  const piece = fc.constantFrom(",", ";", "\t", "|", "\x1e", "\x1f", " ", "2922", "AB", "12", "a", "bis", "-", "", "x y");
  const unquotedLine = fc.array(piece, { minLength: 1, maxLength: 12 }).map((pieces) => pieces.join(""));

  it("splits a line without quotes as Papa Parse does, with the separator guessed or given", () => {
    fc.assert(
      fc.property(unquotedLine, fc.constantFrom(undefined, ",", ";", "\t"), (line, delimiter) => {
        if (delimiter === undefined && !/[,;\t|"]/.test(line)) return;
        expect(splitFields(line, delimiter)).toEqual(papaFields(line, delimiter));
      }),
      RUNS,
    );
  });

  it("leaves quoted fields to Papa Parse", () => {
    expect(splitFields('"2922 AB";"12";"A"')).toEqual(["2922 AB", "12", "A"]);
    expect(splitFields('2922AB,"12,A"', ",")).toEqual(["2922AB", "12,A"]);
  });
});
