import { describe, expect, it } from "vitest";

import { cleanMultiLine, cleanSingleLine } from "./text";

describe("cleanSingleLine", () => {
  it.each([
    ["  Jan  Jansen ", "Jan Jansen"],
    ["Jan\tJansen", "Jan Jansen"],
    ["Jan\nJansen\r\n", "Jan Jansen"],
    ["Jan\u0000\u0007Jansen", "JanJansen"],
    ["\u202EnesnaJ naJ", "nesnaJ naJ"],
    ["Jan\u200BJansen\uFEFF", "JanJansen"],
    ["Jan\u0085Jansen", "JanJansen"],
    ["Zoë", "Zoë"],
    ["Zoe\u0308", "Zoë"],
  ])("cleans %j to %j", (input, expected) => {
    expect(cleanSingleLine(input)).toBe(expected);
  });
});

describe("cleanMultiLine", () => {
  it("keeps line breaks and tabs, strips other control characters, trims", () => {
    expect(cleanMultiLine("\n a\r\nb\rc\td\u0000\u001B[31m \n")).toBe("a\nb\nc\td[31m");
  });
});
