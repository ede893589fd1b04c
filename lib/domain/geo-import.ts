/**
 * Reading a municipality's geography files: the CBS wijken and buurten, the
 * postcode→wijk table (the CBS "postcode-huisnummer-wijk-buurt" table, one line per address, or
 * a short PC6→wijkcode list) and the number of addresses per wijk (CBS kerncijfers). Pure: bytes
 * in, rows and line errors out; what the database knows (which wijken exist) is checked in
 * lib/data/staff/geo-import.ts.
 *
 * Accepted: UTF-8 (with or without byte-order mark) or Windows-1252 (detected: text that is not
 * valid UTF-8 is read as Windows-1252), `;`, `,` or tab between fields (detected from the header
 * line), quoted fields (Papa Parse). Column names are matched loosely: case, spaces and
 * punctuation do not matter and a CBS year suffix is allowed (`Wijk2024`, `Gemeente2024`).
 * CBS codes are accepted with or without their letters (`WK054201` or `054201`, as in the CBS
 * postcode table) and with the leading zero a spreadsheet drops (`54201`).
 *
 * Rules, each named with its line number when broken (nothing is stored when any line is wrong):
 * - a line of another municipality (its gemeente column, or a code whose digits are another
 *   municipality's) is skipped and counted, not refused: CBS publishes national files;
 * - a postcode listed twice for the same wijk is counted once (reported); in the short PC6 list
 *   a postcode listed for two wijken is refused; in the CBS address table a postcode whose
 *   addresses lie in two wijken goes to the wijk with most of them (reported);
 * - a wijk code listed twice with two names or two totals is refused.
 */
import Papa from "papaparse";
import { normalizePostcode } from "./postcode";
import type { GeoImportKind } from "./geo-import-kinds";

export { GEO_IMPORT_KIND_LABELS, geoImportKinds, type GeoImportKind } from "./geo-import-kinds";

/** At most this many bad lines are kept (and shown); the total is always counted. */
export const MAX_REPORTED_ERRORS = 200;
/** Longest name of a wijk or buurt. */
export const MAX_NAME_LENGTH = 100;
/** Largest number of addresses in one wijk. */
export const MAX_AREA_TOTAL = 1_000_000;

export interface LineError {
  /** 1-based line number in the file (the header is line 1). */
  line: number;
  message: string;
}

export interface ParseProblem {
  /** Bad lines (at most MAX_REPORTED_ERRORS) and how many there were in all. */
  errors: LineError[];
  errorCount: number;
}

export interface ParsedFileInfo {
  encoding: "utf-8" | "windows-1252";
  delimiter: ";" | "," | "\t";
  /** Data lines read (the header and empty lines not counted). */
  dataLines: number;
  /** Lines of another municipality, skipped: how many and the first few line numbers. */
  skippedOtherMunicipality: { count: number; firstLines: number[] };
  /** Lines about something this import does not cover (a gemeente or buurt row in a kerncijfers file). */
  skippedOtherLevel: { count: number; firstLines: number[] };
  /** Remarks that do not stop the import (duplicates counted once, split postcodes). */
  notices: string[];
  noticeCount: number;
}

export interface ParsedWijk {
  code: string;
  name: string;
  line: number;
}
export interface ParsedBuurt {
  code: string;
  name: string;
  wijkCode: string;
  line: number;
}
export interface ParsedPostcode {
  postcode: string;
  wijkCode: string;
  /** The first line that gave this postcode its wijk. */
  line: number;
}
export interface ParsedTotal {
  wijkCode: string;
  total: number;
  line: number;
}

export type ParsedGeoFile =
  | ({
      kind: "wijken";
      wijken: ParsedWijk[];
      buurten: ParsedBuurt[];
      /** The file has buurt columns: its buurten replace the stored ones (without them, buurten stay as they are). */
      hasBuurten: boolean;
    } & ParsedFileInfo)
  | ({ kind: "postcodes"; format: "cbs" | "pc6"; postcodes: ParsedPostcode[] } & ParsedFileInfo)
  | ({ kind: "aantallen"; totals: ParsedTotal[] } & ParsedFileInfo);

/**
 * The rows, or the bad lines. With bad lines, `partial` holds the good rows when the header
 * could be read, so that the caller can name the problems only the database can see (an unknown
 * wijk code) in the same answer.
 */
export type ParseResult = { ok: true; file: ParsedGeoFile } | ({ ok: false; partial?: ParsedGeoFile } & ParseProblem);

// ---------------------------------------------------------------------------------------------
// Bytes to text

/**
 * The file's text: UTF-8 when it is valid UTF-8 (a byte-order mark is dropped), else
 * Windows-1252 (what Excel on Windows writes as "CSV"). Null with a message for a file that
 * is not text (a spreadsheet, UTF-16).
 */
export function decodeImportFile(bytes: Uint8Array): { ok: true; text: string; encoding: "utf-8" | "windows-1252" } | { ok: false; message: string } {
  if (bytes.length >= 2 && bytes[0] === 0x50 && bytes[1] === 0x4b) {
    return { ok: false, message: "Dit is een Excel- of zip-bestand. Sla het in Excel op als 'CSV (gescheiden door lijstscheidingsteken)' en kies dat bestand." };
  }
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return { ok: false, message: "Dit bestand is opgeslagen als UTF-16. Sla het op als CSV in UTF-8 of als gewone CSV, en probeer het opnieuw." };
  }
  if (bytes.subarray(0, 4096).includes(0)) {
    return { ok: false, message: "Dit is geen tekstbestand. Kies een CSV-bestand (tekst met puntkomma's of komma's)." };
  }
  let start = 0;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  const body = bytes.subarray(start);
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(body), encoding: "utf-8" };
  } catch {
    // Some Node.js builds decode the label "windows-1252" as ISO-8859-1 (0x80–0x9F as control
    // characters): those 32 bytes are mapped by hand (€, ‘ ’, “ ”, …, Š, Ž, Ÿ …).
    const text = new TextDecoder("windows-1252").decode(body).replace(/[\u0080-\u009f]/g, (ch) => CP1252_HIGH[ch.charCodeAt(0) - 0x80] || ch);
    return { ok: true, text, encoding: "windows-1252" };
  }
}

/** Windows-1252 bytes 0x80–0x9F (empty: not assigned). */
const CP1252_HIGH = [
  "€", "", "‚", "ƒ", "„", "…", "†", "‡", "ˆ", "‰", "Š", "‹", "Œ", "", "Ž", "",
  "", "‘", "’", "“", "”", "•", "–", "—", "˜", "™", "š", "›", "œ", "", "ž", "Ÿ",
];

/** The field separator of the header line: the one of `;`, tab and `,` that occurs most outside quotes. */
export function detectDelimiter(text: string): ";" | "," | "\t" {
  const end = text.search(/\r?\n/);
  const header = end === -1 ? text : text.slice(0, end);
  const counts = { ";": 0, ",": 0, "\t": 0 };
  let quoted = false;
  for (const ch of header) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ";" || ch === "," || ch === "\t")) counts[ch] += 1;
  }
  if (counts[";"] >= counts[","] && counts[";"] >= counts["\t"] && counts[";"] > 0) return ";";
  if (counts["\t"] > counts[","]) return "\t";
  return ",";
}

// ---------------------------------------------------------------------------------------------
// Codes and columns

/** The column name as compared: lower case, letters and digits only. */
function columnKey(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

type Column = "postcode" | "houseNumber" | "wijk" | "wijkName" | "buurt" | "buurtName" | "gemeente" | "code" | "total";

const COLUMN_PATTERNS: Record<Column, RegExp> = {
  postcode: /^(pc6|postcode6?|postcode6positie)$/,
  houseNumber: /^(huisnummer|huisnr|nummer)$/,
  wijk: /^wijk(code)?(cbs)?(\d{4})?$/,
  wijkName: /^(wijknaam|naamwijk|wijknaam\d{4})$/,
  buurt: /^buurt(code)?(cbs)?(\d{4})?$/,
  buurtName: /^(buurtnaam|naambuurt|buurtnaam\d{4})$/,
  gemeente: /^gemeente(code)?(cbs)?(\d{4})?$/,
  code: /^(wijkcode|code|codering\d*|gwbcode\d*|regiocode|wijkenenbuurtencode)$/,
  total: /^(aantal)?(woningen|adressen|woningvoorraad|aantalwoningen|aantaladressen)(\d+)?$/,
};

function findColumns(header: string[]): Partial<Record<Column, number>> {
  const keys = header.map(columnKey);
  const found: Partial<Record<Column, number>> = {};
  (Object.keys(COLUMN_PATTERNS) as Column[]).forEach((column) => {
    const index = keys.findIndex((k) => COLUMN_PATTERNS[column].test(k));
    if (index !== -1) found[column] = index;
  });
  return found;
}

/** `GM0542`, `gm0542`, `0542` and `542` are all GM0542; null when it is no municipality code. */
export function normalizeMunicipalityCode(value: string): string | null {
  const m = /^(?:GM)?(\d{1,4})$/i.exec(value.trim());
  return m ? `GM${m[1].padStart(4, "0")}` : null;
}

/** `WK054201`, `054201` and `54201` are all WK054201; null when it is no wijk code. */
export function normalizeWijkCode(value: string): string | null {
  const t = value.trim();
  const m = /^WK(\d{6})$/i.exec(t) ?? /^(\d{5,6})$/.exec(t);
  return m ? `WK${m[1].padStart(6, "0")}` : null;
}

/** `BU05420101`, `05420101` and `5420101` are all BU05420101; null when it is no buurt code. */
export function normalizeBuurtCode(value: string): string | null {
  const t = value.trim();
  const m = /^BU(\d{8})$/i.exec(t) ?? /^(\d{7,8})$/.exec(t);
  return m ? `BU${m[1].padStart(8, "0")}` : null;
}

/** The municipality a wijk or buurt code belongs to: its first four digits. */
export const municipalityOfCode = (code: string) => `GM${code.slice(2, 6)}`;

const shownPostcode = (p: string) => `${p.slice(0, 4)} ${p.slice(4)}`;

/** A name as stored: trimmed, inner spaces collapsed; null when empty, too long or holding control characters. */
function cleanName(value: string): { ok: true; name: string } | { ok: false; message: string } {
  const name = value.trim().replace(/\s+/g, " ");
  if (name === "") return { ok: false, message: "de naam ontbreekt" };
  if (name.length > MAX_NAME_LENGTH) return { ok: false, message: `de naam is langer dan ${MAX_NAME_LENGTH} tekens` };
  if (/[\u0000-\u001f\u007f<>]/.test(name)) return { ok: false, message: "de naam bevat tekens die niet in een naam horen (zoals < of >)" };
  return { ok: true, name };
}

/** A number of addresses: digits, optionally grouped by a dot or space per thousand (12.345). */
function parseTotal(value: string): number | null {
  const t = value.trim();
  if (!/^(\d{1,3}([. ]\d{3})+|\d+)$/.test(t)) return null;
  const n = Number(t.replace(/[. ]/g, ""));
  return Number.isSafeInteger(n) && n <= MAX_AREA_TOTAL ? n : null;
}

// ---------------------------------------------------------------------------------------------
// Reading lines

class Collector {
  errors: LineError[] = [];
  errorCount = 0;
  notices: string[] = [];
  noticeCount = 0;
  otherMunicipality = { count: 0, firstLines: [] as number[] };
  otherLevel = { count: 0, firstLines: [] as number[] };

  error(line: number, message: string) {
    this.errorCount += 1;
    if (this.errors.length < MAX_REPORTED_ERRORS) this.errors.push({ line, message: `Regel ${line}: ${message}` });
  }
  notice(message: string) {
    this.noticeCount += 1;
    if (this.notices.length < MAX_REPORTED_ERRORS) this.notices.push(message);
  }
  skipOther(line: number) {
    this.otherMunicipality.count += 1;
    if (this.otherMunicipality.firstLines.length < 10) this.otherMunicipality.firstLines.push(line);
  }
  skipLevel(line: number) {
    this.otherLevel.count += 1;
    if (this.otherLevel.firstLines.length < 10) this.otherLevel.firstLines.push(line);
  }
}

/**
 * Calls `onRow` for every non-empty line after the header with its fields and 1-based line
 * number (a quoted field may hold a line break: the number is that of the line the row starts
 * on). The first non-empty line is the header and is passed over.
 */
function readRows(text: string, delimiter: string, onRow: (fields: string[], line: number) => void): void {
  let header = false;
  if (!text.includes('"') && (text.includes("\n") || !text.includes("\r"))) {
    // No quotes anywhere: every line is one row, split at the separator (what Papa Parse would
    // do, several times faster on a table of 400,000 lines).
    let start = 0;
    for (let line = 1; start <= text.length; line++) {
      let end = text.indexOf("\n", start);
      if (end === -1) end = text.length;
      const raw = text.slice(start, end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end);
      start = end + 1;
      if (raw.trim() === "") continue;
      if (!header) {
        header = true;
        continue;
      }
      onRow(raw.split(delimiter), line);
    }
    return;
  }
  // Line numbers: count the line breaks between the previous row's end and this row's start.
  let line = 1;
  let counted = 0;
  const countTo = (offset: number) => {
    for (let i = text.indexOf("\n", counted); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) line += 1;
    counted = Math.max(counted, offset);
  };
  let rowStart = 0;
  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: false,
    step: (result) => {
      countTo(rowStart);
      const fields = result.data;
      const here = line;
      rowStart = result.meta.cursor;
      if (fields.length === 1 && fields[0].trim() === "") return;
      if (!header) {
        header = true;
        return;
      }
      onRow(fields, here);
    },
  });
}

function missingColumns(kind: GeoImportKind): string {
  switch (kind) {
    case "wijken":
      return "De eerste regel moet de kolomnamen hebben, met ten minste wijkcode en wijknaam (en voor buurten: buurtcode en buurtnaam). Zie het voorbeeldbestand.";
    case "postcodes":
      return "De eerste regel moet de kolomnamen hebben: postcode (of PC6) en wijkcode (of Wijk2024). Zie het voorbeeldbestand.";
    case "aantallen":
      return "De eerste regel moet de kolomnamen hebben: wijkcode en het aantal woningen of adressen. Zie het voorbeeldbestand.";
  }
}

const field = (fields: string[], index: number | undefined) => (index === undefined ? "" : (fields[index] ?? "").trim());

/**
 * Reads one geography file for `municipalityCode` (e.g. GM0542). Every bad line is named; the
 * result holds the rows only when no line was wrong.
 */
export function parseGeoImport(kind: GeoImportKind, bytes: Uint8Array, municipalityCode: string): ParseResult {
  const decoded = decodeImportFile(bytes);
  if (!decoded.ok) return { ok: false, errors: [{ line: 1, message: decoded.message }], errorCount: 1 };
  const delimiter = detectDelimiter(decoded.text);
  const c = new Collector();
  let dataLines = 0;
  let columns: Partial<Record<Column, number>> = {};
  let width = 0;
  const own = (code: string) => municipalityOfCode(code) === municipalityCode;

  // Per kind: what the rows build up.
  const wijken = new Map<string, ParsedWijk>();
  const buurten = new Map<string, ParsedBuurt>();
  const simple = new Map<string, ParsedPostcode>();
  const perAddress = new Map<string, { counts: Map<string, number>; line: number }>();
  const totals = new Map<string, ParsedTotal>();
  let format: "cbs" | "pc6" = "pc6";
  let headerProblem: string | null = null;

  const onRow = (fields: string[], line: number) => {
    if (headerProblem) return;
    dataLines += 1;
    if (fields.length < width) {
      c.error(line, `er ${fields.length === 1 ? "staat 1 kolom" : `staan ${fields.length} kolommen`} op deze regel, de eerste regel heeft er ${width}. Kijk of het scheidingsteken (${delimiter === "\t" ? "tab" : delimiter}) klopt.`);
      return;
    }
    const gemeente = field(fields, columns.gemeente);
    if (columns.gemeente !== undefined && gemeente !== "") {
      const gm = normalizeMunicipalityCode(gemeente);
      if (!gm) {
        c.error(line, `'${gemeente.slice(0, 20)}' is geen gemeentecode. Een gemeentecode is GM en 4 cijfers, zoals ${municipalityCode}.`);
        return;
      }
      if (gm !== municipalityCode) {
        c.skipOther(line);
        return;
      }
    }
    if (kind === "wijken") readWijkRow(fields, line);
    else if (kind === "postcodes") readPostcodeRow(fields, line);
    else readTotalRow(fields, line);
  };

  const wijkCodeAt = (fields: string[], line: number, index: number | undefined): string | null | "other" => {
    const raw = field(fields, index);
    if (raw === "") {
      c.error(line, "de wijkcode ontbreekt.");
      return null;
    }
    const code = normalizeWijkCode(raw);
    if (!code) {
      c.error(line, `'${raw.slice(0, 20)}' is geen wijkcode. Een wijkcode is WK en 6 cijfers, zoals WK${municipalityCode.slice(2)}01.`);
      return null;
    }
    return own(code) ? code : "other";
  };

  function readWijkRow(fields: string[], line: number) {
    const code = wijkCodeAt(fields, line, columns.wijk);
    if (code === null) return;
    if (code === "other") return c.skipOther(line);
    const name = cleanName(field(fields, columns.wijkName));
    if (!name.ok) return c.error(line, `wijk ${code}: ${name.message}.`);
    const known = wijken.get(code);
    if (known && known.name !== name.name) {
      return c.error(line, `wijk ${code} heet hier '${name.name}', op regel ${known.line} '${known.name}'. Geef een wijk één naam.`);
    }
    if (!known) {
      const sameName = [...wijken.values()].find((w) => w.name.toLowerCase() === name.name.toLowerCase());
      if (sameName) return c.error(line, `de naam '${name.name}' heeft ook wijk ${sameName.code} (regel ${sameName.line}). Twee wijken kunnen niet dezelfde naam hebben.`);
      wijken.set(code, { code, name: name.name, line });
    }
    const rawBuurt = field(fields, columns.buurt);
    if (rawBuurt === "") return;
    const buurt = normalizeBuurtCode(rawBuurt);
    if (!buurt) return c.error(line, `'${rawBuurt.slice(0, 20)}' is geen buurtcode. Een buurtcode is BU en 8 cijfers, zoals BU${code.slice(2)}01.`);
    if (buurt.slice(2, 8) !== code.slice(2)) {
      return c.error(line, `buurt ${buurt} hoort volgens zijn code bij wijk WK${buurt.slice(2, 8)}, niet bij ${code}. De eerste 6 cijfers van een buurtcode zijn die van de wijk.`);
    }
    const buurtName = cleanName(field(fields, columns.buurtName));
    if (!buurtName.ok) return c.error(line, `buurt ${buurt}: ${buurtName.message}.`);
    const knownBuurt = buurten.get(buurt);
    if (knownBuurt) {
      if (knownBuurt.name !== buurtName.name) return c.error(line, `buurt ${buurt} staat ook op regel ${knownBuurt.line}, met een andere naam ('${knownBuurt.name}').`);
      return c.notice(`Buurt ${buurt} staat twee keer in het bestand (regels ${knownBuurt.line} en ${line}); die telt één keer.`);
    }
    buurten.set(buurt, { code: buurt, name: buurtName.name, wijkCode: code, line });
  }

  function readPostcodeRow(fields: string[], line: number) {
    const raw = field(fields, columns.postcode);
    const postcode = normalizePostcode(raw);
    if (!postcode) {
      return c.error(line, raw === "" ? "de postcode ontbreekt." : `'${raw.slice(0, 20)}' is geen geldige postcode. Een postcode is 4 cijfers en 2 letters, zoals 2921 AB.`);
    }
    if (format === "cbs") {
      const number = field(fields, columns.houseNumber);
      if (!/^\d{1,5}$/.test(number) || Number(number) < 1) {
        return c.error(line, number === "" ? "het huisnummer ontbreekt." : `'${number.slice(0, 20)}' is geen huisnummer (1 tot en met 99999).`);
      }
    }
    const code = wijkCodeAt(fields, line, columns.wijk);
    if (code === null) return;
    if (code === "other") return c.skipOther(line);
    if (format === "cbs") {
      const entry = perAddress.get(postcode);
      if (!entry) perAddress.set(postcode, { counts: new Map([[code, 1]]), line });
      else entry.counts.set(code, (entry.counts.get(code) ?? 0) + 1);
      return;
    }
    const known = simple.get(postcode);
    if (!known) {
      simple.set(postcode, { postcode, wijkCode: code, line });
    } else if (known.wijkCode === code) {
      c.notice(`Postcode ${shownPostcode(postcode)} staat twee keer in het bestand (regels ${known.line} en ${line}), bij dezelfde wijk; die telt één keer.`);
    } else {
      c.error(line, `postcode ${shownPostcode(postcode)} staat hier bij wijk ${code}, maar op regel ${known.line} bij wijk ${known.wijkCode}. Een postcode hoort bij één wijk.`);
    }
  }

  function readTotalRow(fields: string[], line: number) {
    const raw = field(fields, columns.code ?? columns.wijk);
    if (/^(GM|BU)/i.test(raw)) return c.skipLevel(line);
    const code = wijkCodeAt(fields, line, columns.code ?? columns.wijk);
    if (code === null) return;
    if (code === "other") return c.skipOther(line);
    const rawTotal = field(fields, columns.total);
    const total = parseTotal(rawTotal);
    if (total === null) {
      return c.error(
        line,
        rawTotal === "" || rawTotal === "."
          ? `wijk ${code} heeft geen aantal. Vul het aantal woningen of adressen in, of haal de regel weg.`
          : `'${rawTotal.slice(0, 20)}' is geen aantal. Vul een heel getal in van 0 tot en met ${MAX_AREA_TOTAL.toLocaleString("nl-NL")}, zoals 2800.`,
      );
    }
    const known = totals.get(code);
    if (known && known.total !== total) return c.error(line, `wijk ${code} staat ook op regel ${known.line}, met een ander aantal (${known.total}).`);
    if (known) return c.notice(`Wijk ${code} staat twee keer in het bestand (regels ${known.line} en ${line}), met hetzelfde aantal.`);
    totals.set(code, { wijkCode: code, total, line });
  }

  // The header first (the first line that is not empty), then every row with the columns known.
  const first = Papa.parse<string[]>(decoded.text, { delimiter, preview: 1, skipEmptyLines: "greedy" }).data[0];
  if (!first) return { ok: false, errors: [{ line: 1, message: "Regel 1: het bestand is leeg. Kies het bestand met de kolomnamen op de eerste regel." }], errorCount: 1 };
  columns = findColumns(first);
  const required: Column[] = kind === "wijken" ? ["wijk", "wijkName"] : kind === "postcodes" ? ["postcode", "wijk"] : ["total"];
  const hasCode = kind !== "aantallen" || columns.code !== undefined || columns.wijk !== undefined;
  if (!required.every((col) => columns[col] !== undefined) || !hasCode) headerProblem = missingColumns(kind);
  if (kind === "wijken" && (columns.buurt === undefined) !== (columns.buurtName === undefined)) {
    headerProblem = "Er is wel een kolom voor de buurtcode of de buurtnaam, maar niet voor allebei. Voeg de ontbrekende kolom toe.";
  }
  if (headerProblem) return { ok: false, errors: [{ line: 1, message: `Regel 1: ${headerProblem}` }], errorCount: 1 };
  format = kind === "postcodes" && columns.houseNumber !== undefined ? "cbs" : "pc6";
  width = Math.max(...Object.values(columns).map((i) => (i ?? 0) + 1));
  readRows(decoded.text, delimiter, onRow);

  if (c.errorCount === 0 && dataLines === 0) c.error(2, "er staan geen gegevens onder de kolomnamen.");
  if (c.errorCount === 0 && dataLines > 0 && dataLines === c.otherMunicipality.count) {
    c.error(2, `geen enkele regel hoort bij gemeente ${municipalityCode}. Kies het bestand van uw gemeente.`);
  }
  const info: ParsedFileInfo = {
    encoding: decoded.encoding,
    delimiter,
    dataLines,
    skippedOtherMunicipality: c.otherMunicipality,
    skippedOtherLevel: c.otherLevel,
    notices: c.notices,
    noticeCount: c.noticeCount,
  };
  const done = (file: ParsedGeoFile): ParseResult =>
    c.errorCount > 0 ? { ok: false, errors: c.errors, errorCount: c.errorCount, partial: file } : { ok: true, file };
  if (kind === "wijken") return done({ kind, wijken: [...wijken.values()], buurten: [...buurten.values()], hasBuurten: columns.buurt !== undefined, ...info });
  if (kind === "aantallen") return done({ kind, totals: [...totals.values()], ...info });
  let postcodes: ParsedPostcode[];
  if (format === "cbs") {
    postcodes = [];
    for (const [postcode, { counts, line }] of perAddress) {
      let best = "";
      let most = -1;
      for (const [code, n] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
        if (n > most) [best, most] = [code, n];
      }
      if (counts.size > 1) {
        const parts = [...counts].map(([code, n]) => `${code}: ${n}`).join(", ");
        info.noticeCount += 1;
        if (info.notices.length < MAX_REPORTED_ERRORS) {
          info.notices.push(`Postcode ${shownPostcode(postcode)} heeft adressen in meer dan één wijk (${parts}); hij hoort bij ${best}, de wijk met de meeste adressen.`);
        }
      }
      postcodes.push({ postcode, wijkCode: best, line });
    }
  } else {
    postcodes = [...simple.values()];
  }
  return done({ kind, format, postcodes, ...info });
}
