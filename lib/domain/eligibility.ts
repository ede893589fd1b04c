import { type CalendarDate, isLeapYear, requireCalendarDate } from "./dates";
import { DomainError } from "./errors";

export const MINIMUM_AGE = 18;
export const EARLIEST_BIRTH_DATE = "1900-01-01";
/** Default number of distinct addresses a group needs before it may request a bord. */
export const DEFAULT_BORD_THRESHOLD = 50;
export const MIN_BORD_THRESHOLD = 1;
export const MAX_BORD_THRESHOLD = 1000;
/**
 * The highest threshold a share of a wijk's households can give (the database allows a
 * threshold up to 100,000); the fixed number staff type stays within 1–1000.
 */
export const MAX_COMPUTED_BORD_THRESHOLD = 100_000;
export const MIN_HOUSEHOLD_PERCENT = 1;
export const MAX_HOUSEHOLD_PERCENT = 100;
export const MAX_BORDS_PER_GROUP = 4;
/** Largest contribution per bord staff may set: € 1.000. */
export const MAX_BORD_CONTRIBUTION_CENTS = 100_000;
/** Below this number of admins the UI warns that the group depends on one person. */
export const RECOMMENDED_MIN_ADMINS = 2;

/**
 * The date on which someone born on `birth` has their birthday in `year`. A 29 February
 * birthday falls on 1 March in a year without 29 February (Dutch civil practice).
 */
function birthdayIn(birth: CalendarDate, year: number): CalendarDate {
  if (birth.month === 2 && birth.day === 29 && !isLeapYear(year)) return { year, month: 3, day: 1 };
  return { year, month: birth.month, day: birth.day };
}

function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/**
 * Rule 1: participants are 18+. True when someone born on `birthDate` is 18 or older on `on`
 * (both `YYYY-MM-DD`). A birth date after `on` or before 1900-01-01 throws DomainError
 * `invalid_birth_date`, as does a birth date that is not a real date; a bad `on` throws
 * `invalid_date` (that is a programming error, not user input).
 */
export function isAdultOn(birthDate: string, on: string): boolean {
  const today = requireCalendarDate(on, "invalid_date", "De datum van vandaag is ongeldig.");
  const birth = requireCalendarDate(
    birthDate,
    "invalid_birth_date",
    "Vul een geldige geboortedatum in, met dag, maand en jaar.",
  );
  const earliest = requireCalendarDate(EARLIEST_BIRTH_DATE, "invalid_date", "");
  if (compareDates(birth, earliest) < 0) {
    throw new DomainError("invalid_birth_date", "Deze geboortedatum ligt voor 1900. Controleer het jaar.");
  }
  if (compareDates(birth, today) > 0) {
    throw new DomainError("invalid_birth_date", "Deze geboortedatum ligt in de toekomst. Controleer de datum.");
  }
  const adultFrom = birthdayIn(birth, birth.year + MINIMUM_AGE);
  return compareDates(today, adultFrom) >= 0;
}

export interface BordEligibility {
  eligible: boolean;
  /** How many distinct addresses are still needed; 0 when eligible. */
  missing: number;
}

/**
 * Rule 4: a group may request a bord when it has at least `threshold` distinct addresses inside
 * its municipality. Checked when the request is made and again when staff approve it.
 * Throws DomainError `invalid_input` for a negative or fractional count, or a threshold
 * outside 1–1000.
 */
export function bordEligibility(input: {
  distinctAddressesInMunicipality: number;
  threshold: number;
}): BordEligibility {
  const { distinctAddressesInMunicipality: count, threshold } = input;
  if (!Number.isInteger(count) || count < 0) {
    throw new DomainError("invalid_input", "Het aantal adressen moet een heel getal van 0 of meer zijn.");
  }
  if (!Number.isInteger(threshold) || threshold < MIN_BORD_THRESHOLD || threshold > MAX_COMPUTED_BORD_THRESHOLD) {
    throw new DomainError(
      "invalid_input",
      `De drempel voor een bord moet een heel getal zijn van ${MIN_BORD_THRESHOLD} tot en met ${MAX_COMPUTED_BORD_THRESHOLD}.`,
    );
  }
  const missing = Math.max(0, threshold - count);
  return { eligible: missing === 0, missing };
}

export type BordConditionKind = "addresses" | "household_share";

/**
 * The threshold a group must reach, from its municipality's bord settings:
 * - `addresses`: the fixed number (`fixedThreshold`, default 50);
 * - `household_share`: `householdPercent` % of the households of the group's wijk, rounded up
 *   and at least 1. "The group's households" are the addresses of the wijk the group registered
 *   in (areas.total_addresses, the figure the coverage uses): a group names its own streets only
 *   loosely, and the wijk total is the number the municipality already keeps. When the wijk's
 *   total is unknown (or 0), or the percentage is missing, the fixed number applies.
 * Mirrored in SQL by bordThresholdSql (lib/data/internal/bord-settings.ts); a test keeps them equal.
 */
export function bordThresholdFor(input: {
  condition: BordConditionKind;
  fixedThreshold: number;
  householdPercent: number | null;
  areaHouseholds: number | null;
}): number {
  const { condition, fixedThreshold, householdPercent, areaHouseholds } = input;
  if (condition !== "household_share" || householdPercent === null || areaHouseholds === null || areaHouseholds <= 0) return fixedThreshold;
  return Math.min(MAX_COMPUTED_BORD_THRESHOLD, Math.max(1, Math.ceil((areaHouseholds * householdPercent) / 100)));
}

/** Rule 3: fewer than two admins is allowed, but the UI shows a warning. */
export function needsMoreAdmins(adminCount: number): boolean {
  return adminCount < RECOMMENDED_MIN_ADMINS;
}
