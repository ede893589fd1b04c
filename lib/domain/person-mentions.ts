/**
 * Finding a person's name and phone number in free text: on erasure, a
 * group description like "Mail Sanne de Vries … bel 06-12345678" must lose the name and the
 * number. Pure functions: the data layer reads the text, this module says where the person is
 * mentioned, and what the text becomes without them.
 *
 * What counts as the person's name, for a stored name like "Sanne Maria de Vries":
 * - the full name, and first name + surname ("Sanne de Vries"), with any case and any run of
 *   spaces or line breaks between the words, with or without accents ("José" ~ "Jose");
 * - initials + surname: "S. de Vries", "S de Vries", "S.M. de Vries", "S. M. De Vries";
 * - surname first: "De Vries, Sanne", "de Vries, S.", "Vries, Sanne de";
 * - the surname after a form of address: "mevrouw De Vries", "mw. de Vries", "dhr. Kwakman".
 * Never part of a word ("De Vriesstraat" is a street, not the person), never the surname or the
 * first name on its own (other people share them), and never a pattern whose only name words are
 * one or two letters long ("Bo Li", "A. Li"): too likely to hit other text. Such names are found
 * through the phone number only.
 *
 * A phone number is found in every common Dutch spelling of the same digits: 0612345678,
 * 06-12345678, 06 12345678, 06 1234 5678, (06) 12345678, +31612345678, +31 6 12345678,
 * +31 (0)6 12345678, 0031612345678, 0031 6 12345678 …; never inside a longer run of digits,
 * so 06-123456789 or another person's 06-12345679 is not touched.
 */

/** Dutch (and a few neighbouring) tussenvoegsels, lower case. Multi-word ones are sequences. */
const TUSSENVOEGSELS = new Set([
  "van", "de", "der", "den", "het", "'t", "ter", "ten", "te", "in", "op", "'n", "d'", "von", "vom", "zu",
  "la", "le", "du", "da", "di", "del", "della", "des", "dos", "uit", "aan", "bij", "onder", "over", "voor",
]);

/** Forms of address after which a surname alone refers to this person. */
const SALUTATION = String.raw`(?:mevrouw|mevr\.?|mw\.?|meneer|mijnheer|mnr\.?|dhr\.?|de\s+heer|familie|fam\.?)`;

/** A name word needs at least this many letters before a pattern may rest on it. */
export const MIN_NAME_WORD_LETTERS = 3;

const ACCENTS: Record<string, string> = {
  a: "aàáâäãå",
  e: "eèéêë",
  i: "iìíîï",
  o: "oòóôöõø",
  u: "uùúûü",
  c: "cç",
  n: "nñ",
  y: "yÿý",
};

function baseLetter(char: string): string {
  return char.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, (c) => `\\${c}`);
}

/**
 * A regular expression source that matches `word` literally, case-insensitively with the `i`
 * flag, with or without accents on its letters, any apostrophe for an apostrophe and optional
 * spaces around a hyphen. Only constructs that JavaScript and PostgreSQL (ARE) both read.
 */
export function wordPattern(word: string): string {
  let out = "";
  for (const char of word) {
    const base = baseLetter(char);
    if (base.length === 1 && ACCENTS[base]) out += `[${ACCENTS[base]}${ACCENTS[base].toUpperCase()}]`;
    else if (char === "'" || char === "’" || char === "`") out += "['’`]";
    else if (char === "-") out += "[ ]*-[ ]*";
    else if (char === ".") out += "\\.";
    else out += escapeRegExp(char);
  }
  return out;
}

const letters = (word: string) => (word.match(/\p{L}/gu) ?? []).length;
const SPACE = String.raw`\s+`;

export interface ParsedName {
  given: string[];
  tussenvoegsel: string[];
  surname: string[];
}

/** Splits a full name into given names, tussenvoegsel and surname ("Sanne Maria" "de" "Vries"). */
export function parseDutchName(fullName: string): ParsedName | null {
  const words = fullName.normalize("NFC").trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  if (words.length === 1) return { given: [], tussenvoegsel: [], surname: words };
  for (let i = 1; i < words.length - 1; i += 1) {
    if (!TUSSENVOEGSELS.has(words[i].toLowerCase())) continue;
    let j = i;
    while (j < words.length - 1 && TUSSENVOEGSELS.has(words[j].toLowerCase())) j += 1;
    return { given: words.slice(0, i), tussenvoegsel: words.slice(i, j), surname: words.slice(j) };
  }
  return { given: words.slice(0, -1), tussenvoegsel: [], surname: words.slice(-1) };
}

function initialOf(word: string): string | null {
  const first = word.match(/\p{L}/u)?.[0];
  return first ? first : null;
}

/** The regular expression sources for one name (without the word boundaries around them). */
export function namePatternSources(fullName: string): string[] {
  const parsed = parseDutchName(fullName);
  if (!parsed) return [];
  const { given, tussenvoegsel, surname } = parsed;
  const join = (words: string[]) => words.map(wordPattern).join(SPACE);
  const surnameLong = surname.some((w) => letters(w) >= MIN_NAME_WORD_LETTERS);
  const givenLong = given.some((w) => letters(w) >= MIN_NAME_WORD_LETTERS);
  const withTv = tussenvoegsel.length > 0 ? `${join(tussenvoegsel)}${SPACE}${join(surname)}` : join(surname);
  const sources: string[] = [];

  if (given.length > 0 && (surnameLong || givenLong)) {
    sources.push(join([...given, ...tussenvoegsel, ...surname]));
    if (given.length > 1 && (surnameLong || letters(given[0]) >= MIN_NAME_WORD_LETTERS)) {
      sources.push(`${wordPattern(given[0])}${SPACE}${withTv}`);
    }
  }
  if (!surnameLong) return sources;

  const initials = given.map(initialOf).filter((c): c is string => c !== null);
  if (initials.length > 0) {
    // "S. de Vries", "S de Vries", "S.M. de Vries", "S. M. de Vries": the first initial, then
    // optionally the others, each followed by a dot and/or spaces.
    const afterInitial = String.raw`(?:\.\s*|\s+)`;
    const rest = initials
      .slice(1)
      .reduceRight((inner, initial) => `(?:${wordPattern(initial)}${afterInitial}${inner})?`, "");
    const initialsSource = `${wordPattern(initials[0])}${afterInitial}${rest}`;
    sources.push(`${initialsSource}${withTv}`);
    // Surname first: "De Vries, Sanne", "de Vries, S.", "Vries, Sanne de".
    const firstOrInitials = `(?:${wordPattern(given[0])}|${wordPattern(initials[0])}\\.?(?:\\s*[\\p{L}]\\.)*)`;
    sources.push(`${withTv},\\s*${firstOrInitials}`);
    if (tussenvoegsel.length > 0) sources.push(`${join(surname)},\\s*${firstOrInitials}${SPACE}${join(tussenvoegsel)}`);
  }
  // "mevrouw De Vries": only the surname is the mention; the form of address stays.
  sources.push(`(?<=${SALUTATION}\\s+)${withTv}`);
  return sources;
}

export interface NationalNumber {
  /** Digits after the country code and the trunk 0 ("612345678"), or all digits of a foreign number. */
  digits: string;
  dutch: boolean;
}

/** The number behind a phone number as typed: Dutch numbers without +31/0031/0, others as digits. */
export function nationalNumber(phone: string): NationalNumber | null {
  const trimmed = phone.trim();
  let digits = trimmed.replace(/\D/g, "");
  let dutch = false;
  if (trimmed.startsWith("+")) {
    if (digits.startsWith("31")) {
      digits = digits.slice(2);
      dutch = true;
    }
  } else if (digits.startsWith("0031")) {
    digits = digits.slice(4);
    dutch = true;
  } else if (digits.startsWith("0")) {
    digits = digits.slice(1);
    dutch = true;
  }
  if (dutch && digits.startsWith("0")) digits = digits.slice(1); // +31 (0)6 …
  if (dutch && digits.length !== 9) return digits.length >= 6 ? { digits, dutch: false } : null;
  if (digits.length < 6) return null;
  return { digits, dutch };
}

/** The regular expression source for every common spelling of one phone number. */
export function phonePatternSource(phone: string): string | null {
  const number = nationalNumber(phone);
  if (!number) return null;
  const between = String.raw`[\s\-.()/]*`;
  const body = [...number.digits].join(between);
  if (!number.dutch) return String.raw`(?<![\d+])(?:(?:\+|00)\s*)?${body}(?!\d)`;
  const prefix = String.raw`(?:(?:\+|00)\s*31\s*(?:\(\s*0\s*\)\s*)?[-.\s]*|\(\s*0(?=\s*\d+\s*\))|0)`;
  return String.raw`(?<![\d+])${prefix}${between}${body}(?!\d)`;
}

export interface PersonIdentity {
  names: string[];
  phones: string[];
}

export interface Mention {
  start: number;
  end: number;
  text: string;
  kind: "name" | "phone";
}

export interface MentionMatcher {
  /** True when there is anything to look for (a usable name or phone number). */
  readonly active: boolean;
  /** Every mention in `text`, in order, overlapping ones merged. */
  find(text: string): Mention[];
  /** `text` with every mention replaced by `mark`. */
  redact(text: string, mark: string): string;
}

const BOUNDARY_BEFORE = String.raw`(?<![\p{L}\p{N}])`;
const BOUNDARY_AFTER = String.raw`(?![\p{L}\p{N}])`;

/** A matcher for one person's names and phone numbers (duplicates and unusable ones ignored). */
export function personMentionMatcher(person: PersonIdentity): MentionMatcher {
  const nameSources = [...new Set(person.names.filter(Boolean).flatMap(namePatternSources))];
  const phoneSources = [...new Set(person.phones.filter(Boolean).map(phonePatternSource).filter((s): s is string => s !== null))];
  const nameRegex =
    nameSources.length > 0 ? new RegExp(`${BOUNDARY_BEFORE}(?:${nameSources.join("|")})${BOUNDARY_AFTER}`, "giu") : null;
  const phoneRegex = phoneSources.length > 0 ? new RegExp(`(?:${phoneSources.join("|")})`, "gu") : null;

  function find(text: string): Mention[] {
    const found: Mention[] = [];
    for (const [regex, kind] of [
      [nameRegex, "name"],
      [phoneRegex, "phone"],
    ] as const) {
      if (!regex) continue;
      for (const match of text.matchAll(regex)) {
        if (match[0].length === 0) continue;
        found.push({ start: match.index, end: match.index + match[0].length, text: match[0], kind });
      }
    }
    found.sort((a, b) => a.start - b.start || b.end - a.end);
    const merged: Mention[] = [];
    for (const mention of found) {
      const last = merged.at(-1);
      if (last && mention.start < last.end) {
        if (mention.end > last.end) {
          last.end = mention.end;
          last.text = text.slice(last.start, last.end);
        }
        continue;
      }
      merged.push({ ...mention });
    }
    return merged;
  }

  return {
    active: nameRegex !== null || phoneRegex !== null,
    find,
    redact(text, mark) {
      const mentions = find(text);
      if (mentions.length === 0) return text;
      let out = "";
      let at = 0;
      for (const mention of mentions) {
        out += text.slice(at, mention.start) + mark;
        at = mention.end;
      }
      return out + text.slice(at);
    },
  };
}

/**
 * A cheap, wider test for a database to pick the rows worth reading: a regular expression
 * (PostgreSQL ARE, case-insensitive) for the longest name word of each name, and the phone
 * numbers' digits (to look for in the text with every non-digit removed). Every text the
 * matcher finds passes this test; many that pass it have no mention.
 */
export function mentionPrefilter(person: PersonIdentity): { nameWords: string[]; phoneDigits: string[] } {
  const nameWords = new Set<string>();
  for (const name of person.names) {
    if (namePatternSources(name).length === 0) continue;
    const parsed = parseDutchName(name)!;
    // Every pattern holds the whole surname; only the full name rests on a long given name.
    const long = (words: string[]) => words.filter((w) => letters(w) >= MIN_NAME_WORD_LETTERS).sort((a, b) => letters(b) - letters(a));
    const longest = long(parsed.surname)[0] ?? long(parsed.given)[0];
    if (longest) nameWords.add(longest);
  }
  const phoneDigits = new Set<string>();
  for (const phone of person.phones) {
    const number = nationalNumber(phone);
    if (number) phoneDigits.add(number.digits);
  }
  return { nameWords: [...nameWords].map((word) => wordPattern(word).replace(/\[ \]\*/g, " *")), phoneDigits: [...phoneDigits] };
}
