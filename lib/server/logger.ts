/**
 * A small logger. Messages never contain personal data: log ids and codes, never names,
 * e-mail addresses, phone numbers or addresses.
 */
import { getEnv } from "@/lib/env";

const levels = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
type Level = Exclude<keyof typeof levels, "silent">;

/**
 * A second line of defence: what looks like an e-mail address, a phone number or a postcode is
 * replaced before a line is written, e.g. when an error message from a library quotes a value.
 * (Callers still log ids and codes only; names cannot be recognised this way.)
 */
const REDACTIONS: Array<[RegExp, string]> = [
  [/[^\s<>()[\]"'`,;:=]+@[^\s<>()[\]"'`,;:=]+\.[a-z]{2,}/gi, "[e-mail]"],
  [/(?:\+|\b00)\d{2}[\s-]?\(?0?\)?\d(?:[\s-]?\d){7,11}(?!\w)/g, "[telefoon]"],
  [/(?<![\w-])0\d(?:[\s-]?\d){8}(?![\w-])/g, "[telefoon]"],
  [/\(0\d{1,3}\)\s?\d(?:[\s-]?\d){5,7}(?![\w-])/g, "[telefoon]"],
  [/\b[1-9]\d{3} ?[A-Z]{2}\b/g, "[postcode]"],
];

export function redact(text: string): string {
  return REDACTIONS.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

function log(level: Level, message: string, error?: unknown): void {
  if (levels[level] < levels[getEnv().LOG_LEVEL]) return;
  const line = `[${new Date().toISOString()}] ${level.toUpperCase()} ${redact(`${message}${error === undefined ? "" : ` (${describe(error)})`}`)}`;
  if (level === "error" || level === "warn") console.error(line);
  else console.log(line);
}

export const logger = {
  debug: (message: string) => log("debug", message),
  info: (message: string) => log("info", message),
  warn: (message: string, error?: unknown) => log("warn", message, error),
  error: (message: string, error?: unknown) => log("error", message, error),
};
