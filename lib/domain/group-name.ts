/**
 * Rule 3 (names are unique within a municipality), against look-alikes: two group names are
 * the same name when their skeletons are equal. The skeleton is the one of Unicode TR39
 * ("confusable detection", section 4), with case and width folded and spaces collapsed:
 *
 *   1. NFKC: fullwidth "Ｏｏｓｔ" and ligatures become plain letters;
 *   2. invisible characters (zero-width space, soft hyphen, joiners…) are dropped and every
 *      run of spaces becomes one space, without spaces at the ends;
 *   3. lower case;
 *   4. NFD, then each character is replaced by its prototype from Unicode's confusables.txt
 *      (the `unhomoglyph` package carries that table): Cyrillic "о", Greek "ο", "0" and "o"
 *      all become one letter; "rn" and "m" too;
 *   5. lower case and NFD again (a prototype may be an upper-case letter or be decomposable).
 *
 * So "Buurtpreventie Oost", "buurtpreventie  oost", "Buurtpreventie Оost" (Cyrillic О) and
 * "Ｂuurtpreventie Oost" have one skeleton. The skeleton is for comparing only, never shown.
 * Accents stay (TR39 keeps them): "Café" and "Cafe" are different names.
 *
 * Server-only in practice (the table is 100 KB): import it from this file, not from
 * lib/domain's index, which client components use.
 */
import unhomoglyph from "unhomoglyph";

/** Characters that show nothing (Default_Ignorable_Code_Point: ZWSP, ZWJ, soft hyphen, …). */
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;
const SPACES = /[\s\p{Zs}]+/gu;

export function groupNameSkeleton(name: string): string {
  const folded = name.normalize("NFKC").replace(INVISIBLE, "").replace(SPACES, " ").trim().toLowerCase();
  return unhomoglyph(folded.normalize("NFD")).toLowerCase().normalize("NFD");
}

/** Whether two group names would be taken for one another (same skeleton). */
export function sameGroupName(a: string, b: string): boolean {
  return groupNameSkeleton(a) === groupNameSkeleton(b);
}
