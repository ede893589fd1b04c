import { DomainError, type DomainErrorCode } from "./errors";

/** A calendar date (no time, no zone) as the `YYYY-MM-DD` string it was parsed from. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Parses a strict `YYYY-MM-DD` string of a date that exists; null otherwise ("2023-02-29"). */
export function parseCalendarDate(input: string): CalendarDate | null {
  if (typeof input !== "string") return null;
  const match = ISO_DATE.exec(input);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isValidCalendarDate(input: string): boolean {
  return parseCalendarDate(input) !== null;
}

export function formatCalendarDate({ year, month, day }: CalendarDate): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function requireCalendarDate(input: string, code: DomainErrorCode, message: string): CalendarDate {
  const date = parseCalendarDate(input);
  if (date === null) throw new DomainError(code, message);
  return date;
}

/** Creating an Intl.DateTimeFormat costs far more than using one: one per time zone. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormatFor(timeZone: string): Intl.DateTimeFormat {
  let format = dateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    dateFormats.set(timeZone, format);
  }
  return format;
}

/** The time zone of every calendar date the site shows or checks ("today", registration dates). */
export const DUTCH_TIME_ZONE = "Europe/Amsterdam";

/**
 * The calendar date of an instant in a time zone, as `YYYY-MM-DD`. Pure: the caller passes the
 * instant (`new Date()` at the edge of the system). Server and browser both use this so that
 * "today" means the same day for them: the day in the Netherlands.
 */

export function calendarDateIn(instant: Date, timeZone = DUTCH_TIME_ZONE): string {
  const parts = dateFormatFor(timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value);
  return formatCalendarDate({ year: part("year"), month: part("month"), day: part("day") });
}
