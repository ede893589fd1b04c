/**
 * A small logger. Messages never contain personal data: log ids and codes, never names,
 * e-mail addresses, phone numbers or addresses.
 */
import { getEnv } from "@/lib/env";

const levels = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
type Level = Exclude<keyof typeof levels, "silent">;

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

function log(level: Level, message: string, error?: unknown): void {
  if (levels[level] < levels[getEnv().LOG_LEVEL]) return;
  const line = `[${new Date().toISOString()}] ${level.toUpperCase()} ${message}${error === undefined ? "" : ` (${describe(error)})`}`;
  if (level === "error" || level === "warn") console.error(line);
  else console.log(line);
}

export const logger = {
  debug: (message: string) => log("debug", message),
  info: (message: string) => log("info", message),
  warn: (message: string, error?: unknown) => log("warn", message, error),
  error: (message: string, error?: unknown) => log("error", message, error),
};
