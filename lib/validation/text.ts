import { z } from "zod";

// Every schema module builds on this file: loading the zod setting here means a client form that
// imports a schema module directly (not through index.ts) runs zod without eval too.
import "./zod-config";

/**
 * Text cleaning shared by every schema: Unicode NFC, control characters removed, invisible
 * direction and zero-width characters removed (they can disguise a name), trimmed.
 */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const INVISIBLE_FORMATTING = /[\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

/** One line of text: line breaks and tabs become a space, runs of spaces become one. */
export function cleanSingleLine(value: string): string {
  return value
    .normalize("NFC")
    .replace(/[\t\n\r\u2028\u2029]/g, " ")
    .replace(CONTROL_CHARACTERS, "")
    .replace(INVISIBLE_FORMATTING, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** Text of several lines (a textarea, a pasted list): keeps line breaks and tabs. */
export function cleanMultiLine(value: string): string {
  return value
    .normalize("NFC")
    .replace(/\r\n|\r|\u2028|\u2029/g, "\n")
    .replace(CONTROL_CHARACTERS, "")
    .replace(/[\u0085]/g, "")
    .replace(INVISIBLE_FORMATTING, "")
    .trim();
}

interface TextOptions {
  min?: number;
  max: number;
  /** Shown when the field is empty (or missing). */
  required: string;
  /** Shown when the text is shorter than `min` (defaults to `required`). */
  tooShort?: string;
  /** Shown when the text is longer than `max`. */
  tooLong?: string;
}

function tooLongMessage(max: number): string {
  return `Dit is te lang. Gebruik hooguit ${max} tekens.`;
}

/** A required one-line text field, cleaned, with a length between `min` (≥ 1) and `max`. */
export function singleLineText({ min = 1, max, required, tooShort, tooLong }: TextOptions) {
  return z
    .string({ error: required })
    .overwrite(cleanSingleLine)
    .min(1, { message: required, abort: true })
    .min(Math.max(min, 1), { message: tooShort ?? required, abort: true })
    .max(max, { message: tooLong ?? tooLongMessage(max), abort: true });
}

/** An optional text of several lines; missing becomes "". */
export function optionalMultiLineText(max: number, tooLong?: string) {
  return z
    .string({ error: "Vul hier tekst in." })
    .overwrite(cleanMultiLine)
    .max(max, { message: tooLong ?? tooLongMessage(max), abort: true })
    .default("");
}
