import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { groupNameSkeleton, sameGroupName } from "./group-name";

const NAME = "Buurtpreventie Oost";

describe("group names compared by their confusable skeleton (TR39)", () => {
  it("sees look-alikes of a name as the same name", () => {
    const twins = [
      "buurtpreventie oost",
      "BUURTPREVENTIE OOST",
      "Buurtpreventie  Oost ",
      " Buurtpreventie\tOost",
      "Buurtpreventie \u041Eost", // Cyrillic capital O
      "Buurtpreventie O\u043Est", // Cyrillic small o
      "Buurtpreventie \u039Fost", // Greek capital Omicron
      "\uFF22uurtpreventie \uFF2F\uFF4F\uFF53\uFF54", // fullwidth letters
      "Buurtpreventie 0ost", // digit zero
      "Buurtpreven\u200Btie Oost", // zero-width space
      "Buurtpreven\u00ADtie Oost", // soft hyphen
      "Buurtpreventie\u00A0Oost", // no-break space
      "Buurtpr\u0435ventie Oost", // Cyrillic e
    ];
    for (const twin of twins) expect(sameGroupName(twin, NAME), JSON.stringify(twin)).toBe(true);
  });

  it("keeps different names apart", () => {
    for (const other of ["Buurtpreventie West", "Buurtpreventie Oost 2", "Buurtpreventie Oosterhof", "Buurtpreventie Óost", "Buurtpreventie-Oost"]) {
      expect(sameGroupName(other, NAME), other).toBe(false);
    }
  });

  it("treats I, l and 1, and rn and m, as one (they look alike in many fonts)", () => {
    expect(sameGroupName("Lansingh-Zuid", "1ansingh-Zuid")).toBe(true);
    expect(sameGroupName("Langeland", "Langeiand")).toBe(false);
    expect(sameGroupName("Kortland-Noord", "Kortland-Noord".replace("m", "rn"))).toBe(true);
    expect(sameGroupName("Molenwijk", "rnolenwijk")).toBe(true);
  });

  it("ignores case (of ASCII letters), and spaces around and doubled", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme-ascii", maxLength: 40 }), (name) => {
        expect(groupNameSkeleton(name.toUpperCase())).toBe(groupNameSkeleton(name.toLowerCase()));
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 40 }), (name) => {
        expect(groupNameSkeleton(`  ${name.replaceAll(" ", "   ")} `)).toBe(groupNameSkeleton(name));
      }),
    );
  });
});
