import fc from "fast-check";
import { describe, expect, it } from "vitest";

import {
  mentionPrefilter,
  nationalNumber,
  parseDutchName,
  personMentionMatcher,
  phonePatternSource,
  type PersonIdentity,
} from "./person-mentions";

const MARK = "[verwijderd]";
const sanne: PersonIdentity = { names: ["Sanne de Vries"], phones: ["06-12345678"] };
const redact = (person: PersonIdentity, text: string) => personMentionMatcher(person).redact(text, MARK);
const found = (person: PersonIdentity, text: string) => personMentionMatcher(person).find(text).map((m) => m.text);

describe("parseDutchName", () => {
  it("splits given names, tussenvoegsel and surname", () => {
    expect(parseDutchName("Sanne Maria de Vries")).toEqual({ given: ["Sanne", "Maria"], tussenvoegsel: ["de"], surname: ["Vries"] });
    expect(parseDutchName("  Jan   van der  Berg ")).toEqual({ given: ["Jan"], tussenvoegsel: ["van", "der"], surname: ["Berg"] });
    expect(parseDutchName("Zilverreiger Kwakman")).toEqual({ given: ["Zilverreiger"], tussenvoegsel: [], surname: ["Kwakman"] });
    expect(parseDutchName("Kwakman")).toEqual({ given: [], tussenvoegsel: [], surname: ["Kwakman"] });
    expect(parseDutchName("   ")).toBeNull();
  });
});

describe("finding a name in free text (issue 18, point 6)", () => {
  it("removes the name from the issue's group description", () => {
    expect(redact(sanne, "Mail Sanne de Vries (sanne@example.nl) of bel 06-12345678.")).toBe(
      `Mail ${MARK} (sanne@example.nl) of bel ${MARK}.`,
    );
  });

  const spellings = [
    "Sanne de Vries",
    "Sanne De Vries",
    "SANNE DE VRIES",
    "sanne de vries",
    "Sanne  de   Vries",
    "Sanne\nde Vries",
    "S. de Vries",
    "S.de Vries",
    "S de Vries",
    "S. De Vries",
    "De Vries, Sanne",
    "de Vries, S.",
    "Vries, Sanne de",
  ];
  for (const spelling of spellings) {
    it(`finds ${JSON.stringify(spelling)}`, () => {
      expect(redact(sanne, `Contact: ${spelling}, dank!`)).toBe(`Contact: ${MARK}, dank!`);
    });
  }

  it("finds the surname after a form of address, and keeps the form of address", () => {
    expect(redact(sanne, "Vraag het mevrouw De Vries.")).toBe(`Vraag het mevrouw ${MARK}.`);
    expect(redact(sanne, "mw. de Vries weet het")).toBe(`mw. ${MARK} weet het`);
    expect(redact({ names: ["Piet Kwakman"], phones: [] }, "Bel dhr. Kwakman of de heer Kwakman")).toBe(`Bel dhr. ${MARK} of de heer ${MARK}`);
  });

  it("finds first name + surname and every set of initials of someone with more given names", () => {
    const person = { names: ["Sanne Maria de Vries"], phones: [] };
    for (const spelling of ["Sanne Maria de Vries", "Sanne de Vries", "S.M. de Vries", "S. M. de Vries", "S M de Vries", "S. de Vries"]) {
      expect(redact(person, `(${spelling})`), spelling).toBe(`(${MARK})`);
    }
  });

  it("finds names with accents written with or without them, and apostrophes of any kind", () => {
    expect(redact({ names: ["José Müller"], phones: [] }, "José Müller en Jose Muller")).toBe(`${MARK} en ${MARK}`);
    expect(redact({ names: ["Anne 't Hart"], phones: [] }, "Anne ’t Hart, A. 't Hart")).toBe(`${MARK}, ${MARK}`);
  });

  it("finds a double surname with a hyphen, with or without spaces around it", () => {
    expect(redact({ names: ["Eva Jansen-Smit"], phones: [] }, "Eva Jansen-Smit / Eva Jansen - Smit")).toBe(`${MARK} / ${MARK}`);
  });

  it("does not touch a street or another word that contains the surname", () => {
    for (const text of ["De Vriesstraat 12", "Sanne de Vriesland", "Vriesdijk", "de Vriesweg", "S. de Vriesenlaan"]) {
      expect(found(sanne, text), text).toEqual([]);
    }
    expect(found({ names: ["Piet Berg"], phones: [] }, "Bergweg en Ambergstraat, P. Bergsma")).toEqual([]);
  });

  it("does not touch other people who share the surname or the first name", () => {
    for (const text of ["Jan de Vries", "Sanne Jansen", "P. de Vries", "Sanne", "de Vries", "De Vries, Piet", "familie Vries"]) {
      expect(redact(sanne, text), text).toBe(text);
    }
  });

  it("never erases text on a one- or two-letter name part alone", () => {
    const bo = { names: ["Bo Li"], phones: [] };
    expect(personMentionMatcher(bo).active).toBe(false);
    for (const text of ["Bo Li", "B. Li", "mevrouw Li", "li", "Lindelaan"]) expect(redact(bo, text)).toBe(text);
    const short = { names: ["Sanne Li"], phones: [] };
    // The full name has a long word and is found; the short surname alone, or with initials, is not.
    expect(redact(short, "Sanne Li, S. Li, mevrouw Li")).toBe(`${MARK}, S. Li, mevrouw Li`);
    const single = { names: ["A"], phones: [] };
    expect(redact(single, "A is de eerste letter")).toBe("A is de eerste letter");
  });

  it("ignores a one-word name (it would hit every use of that word), unless after a form of address", () => {
    const person = { names: ["Kwakman"], phones: [] };
    expect(redact(person, "Kwakman en mevrouw Kwakman")).toBe(`Kwakman en mevrouw ${MARK}`);
  });

  it("treats a name's regular-expression characters literally", () => {
    const person = { names: ["Jan (.*) Tester+"], phones: [] };
    expect(redact(person, "a b c")).toBe("a b c");
    expect(redact(person, "Jan (.*) Tester+")).toBe(MARK);
  });
});

describe("finding a phone number in free text", () => {
  const spellings = [
    "0612345678",
    "06-12345678",
    "06 12345678",
    "06 1234 5678",
    "06-1234 5678",
    "06 12 34 56 78",
    "06-12 34 56 78",
    "06.12.34.56.78",
    "(06) 12345678",
    "(06)-12345678",
    "(06)12345678",
    "+31612345678",
    "+31 6 12345678",
    "+31 6 1234 5678",
    "+31-6-12345678",
    "+31 (0)6 12345678",
    "+31(0)612345678",
    "0031612345678",
    "0031 6 12345678",
    "00 31 6 12 34 56 78",
  ];
  for (const stored of ["06-12345678", "+31612345678", "0612345678", "0031 6 1234 5678"]) {
    it(`finds every spelling of a number stored as ${stored}`, () => {
      const person = { names: [], phones: [stored] };
      for (const spelling of spellings) {
        expect(redact(person, `bel ${spelling}.`), spelling).toBe(`bel ${MARK}.`);
        expect(redact(person, `tel:${spelling}`), spelling).toBe(`tel:${MARK}`);
      }
    });
  }

  it("does not touch another person's number, a longer number, or the digits inside another", () => {
    const person = { names: [], phones: ["06-12345678"] };
    for (const text of ["06-12345679", "06-123456789", "0612345677", "1061234567 8", "NL06123456780", "06-87654321", "+32612345678", "612345678"]) {
      expect(redact(person, text), text).toBe(text);
    }
  });

  it("takes an opening parenthesis only when it closes around the area code", () => {
    const person = { names: [], phones: ["06-11122233"] };
    expect(redact(person, "Kees (06-11122233) doet mee")).toBe(`Kees (${MARK}) doet mee`);
    expect(redact(person, "Kees ((06) 11122233)")).toBe(`Kees (${MARK})`);
  });

  it("finds a landline and a foreign number too", () => {
    expect(redact({ names: [], phones: ["010-1234567"] }, "bel 010 123 45 67 of +31 10 1234567")).toBe(`bel ${MARK} of ${MARK}`);
    expect(redact({ names: [], phones: ["+32 470 12 34 56"] }, "gsm +32470123456, 0032 470 123456")).toBe(`gsm ${MARK}, ${MARK}`);
  });

  it("ignores a phone number that is too short to be one", () => {
    expect(nationalNumber("112")).toBeNull();
    expect(phonePatternSource("06")).toBeNull();
    expect(personMentionMatcher({ names: [], phones: ["12", ""] }).active).toBe(false);
  });

  it("reads the national number from every spelling", () => {
    for (const spelling of spellings) expect(nationalNumber(spelling), spelling).toEqual({ digits: "612345678", dutch: true });
  });
});

describe("personMentionMatcher", () => {
  it("reports each mention with its place and kind, overlapping ones merged", () => {
    const text = "Sanne de Vries: 06-12345678";
    expect(personMentionMatcher(sanne).find(text)).toEqual([
      { start: 0, end: 14, text: "Sanne de Vries", kind: "name" },
      { start: 16, end: 27, text: "06-12345678", kind: "phone" },
    ]);
  });

  it("leaves a text without mentions exactly as it was (property)", () => {
    const matcher = personMentionMatcher(sanne);
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."abcdefghijklmnopqrstuwxyz ,.-0123456789") }), (text) => {
        const mentions = matcher.find(text);
        if (mentions.length === 0) expect(matcher.redact(text, MARK)).toBe(text);
        else expect(matcher.redact(text, MARK)).not.toContain(mentions[0].text.trim() === "" ? "\u0000" : mentions[0].text);
      }),
    );
  });

  it("after redaction finds nothing more (property over spellings and surrounding text)", () => {
    const matcher = personMentionMatcher(sanne);
    const mention = fc.constantFrom("Sanne de Vries", "S. de Vries", "06 1234 5678", "+31 6 12345678", "De Vries, Sanne");
    const filler = fc.string({ unit: fc.constantFrom(..."abc xyz,.;:()\n") });
    fc.assert(
      fc.property(filler, mention, filler, (before, name, after) => {
        const redacted = matcher.redact(`${before} ${name} ${after}`, MARK);
        expect(redacted).not.toContain(name);
        expect(matcher.find(redacted)).toEqual([]);
      }),
    );
  });

  it("the database prefilter lets through every text the matcher finds", () => {
    const person = { names: ["Sanne Maria de Vries", "Bo Li"], phones: ["+31 6 12345678"] };
    const { nameWords, phoneDigits } = mentionPrefilter(person);
    expect(phoneDigits).toEqual(["612345678"]);
    expect(nameWords).toHaveLength(1);
    const word = new RegExp(nameWords[0], "iu");
    for (const text of ["S. M. de Vries", "sanne de vries", "mevrouw DE VRIES", "Vries, S. de"]) expect(word.test(text), text).toBe(true);
    for (const text of ["(06) 1234 5678", "0031612345678"]) expect(text.replace(/\D/g, "")).toContain(phoneDigits[0]);
    // The surname, not a longer given name: "Z. Kwakman" and "mevrouw Kwakman" hold no given name.
    const [kwakman, sanneLi] = mentionPrefilter({ names: ["Zilverreiger Kwakman", "Sanne Li"], phones: [] }).nameWords.map((w) => new RegExp(`^${w}$`, "iu"));
    expect(kwakman.test("KWAKMAN")).toBe(true);
    expect(sanneLi.test("sanne")).toBe(true);
  });
});
