/**
 * CSV files for staff and wijkagenten, made to open correctly in Excel with Dutch settings:
 * UTF-8 with a byte-order mark (so é, ë and ï survive), `;` between fields (Excel in Dutch uses
 * the comma as decimal sign) and CRLF line ends. Cells that start like a formula (=, +, -, @)
 * are escaped, so a group name cannot run as a formula in a spreadsheet.
 */
import Papa from "papaparse";

/**
 * A cell that a spreadsheet could read as a formula: it starts (after any spaces) with =, +, -,
 * @, a tab or a carriage return. Papa Parse's own `escapeFormulae: true` pattern ends in `.*$`
 * without the `s` flag, so it missed text of several lines (`=cmd|…` followed by a line break).
 */
const FORMULA_START = /^\s*[=+\-@\t\r]/;

export const CSV_BOM = "\uFEFF";
export const CSV_CONTENT_TYPE = "text/csv; charset=utf-8";

export interface CsvColumn<T> {
  label: string;
  value: (row: T) => string | number | boolean | null | undefined;
}

export function toCsv<T>(columns: ReadonlyArray<CsvColumn<T>>, rows: ReadonlyArray<T>): string {
  const body = Papa.unparse(
    {
      fields: columns.map((c) => c.label),
      data: rows.map((row) =>
        columns.map((c) => {
          const value = c.value(row);
          return value === null || value === undefined ? "" : typeof value === "boolean" ? (value ? "ja" : "nee") : value;
        }),
      ),
    },
    { delimiter: ";", newline: "\r\n", escapeFormulae: FORMULA_START, quotes: false },
  );
  return `${CSV_BOM}${body}\r\n`;
}

/** A file name for Content-Disposition: ASCII letters, digits and dashes, with the date. */
export function csvFileName(base: string, now = new Date()): string {
  const safe = base.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "export";
  return `${safe}-${now.toISOString().slice(0, 10)}.csv`;
}

/** Headers for a CSV download that is never cached (it holds personal data). */
export function csvHeaders(fileName: string): HeadersInit {
  return {
    "Content-Type": CSV_CONTENT_TYPE,
    "Content-Disposition": `attachment; filename="${fileName}"`,
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  };
}
