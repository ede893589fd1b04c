import { describe, expect, it } from "vitest";
import { formatPhoneNl } from "./phone";

describe("formatPhoneNl", () => {
  it("shows Dutch numbers the Dutch way", () => {
    expect(formatPhoneNl("+31612345678")).toBe("06 12345678");
    expect(formatPhoneNl("+31101234567")).toBe("010 1234567");
    expect(formatPhoneNl("+31180123456")).toBe("0180 123456");
    expect(formatPhoneNl("+31900884400")).toBe("0900 884400");
    expect(formatPhoneNl("+31851234567")).toBe("085 1234567");
  });
  it("leaves numbers from abroad, odd values and nothing as they are", () => {
    expect(formatPhoneNl("+32470123456")).toBe("+32470123456");
    expect(formatPhoneNl("0612345678")).toBe("0612345678");
    expect(formatPhoneNl(null)).toBe("");
    expect(formatPhoneNl("")).toBe("");
  });
});
