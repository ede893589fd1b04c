/**
 * Dutch display formats, one place for the whole application (pages, e-mails, exports):
 * dates as "4 december 2026", date and time as "4 december 2026 om 14:05" (Dutch time),
 * phone numbers as "06 12345678", and a count against its threshold as "62 adressen (drempel 50)".
 * Pure: no I/O, safe in the browser.
 */
import { DUTCH_TIME_ZONE, isValidCalendarDate } from "@/lib/domain/dates";
import { formatPhoneNl } from "@/lib/domain/phone";

const TIME_ZONE = DUTCH_TIME_ZONE;
const longDate = new Intl.DateTimeFormat("nl-NL", { day: "numeric", month: "long", year: "numeric", timeZone: TIME_ZONE });
const calendarDay = new Intl.DateTimeFormat("nl-NL", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const longDateTime = new Intl.DateTimeFormat("nl-NL", { dateStyle: "long", timeStyle: "short", timeZone: TIME_ZONE });
const numberFormat = new Intl.NumberFormat("nl-NL");

/**
 * A moment (Date) as its day in the Netherlands, or a calendar day ("2026-12-04") as it is:
 * "4 december 2026". Nothing, or something that is not a date, gives "—".
 */
export function formatDate(value: Date | string | null | undefined): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "string") {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !isValidCalendarDate(value)) return "—";
    const [y, m, d] = value.split("-").map(Number);
    return calendarDay.format(new Date(Date.UTC(y, m - 1, d, 12)));
  }
  return Number.isNaN(value.getTime()) ? "—" : longDate.format(value);
}

/** "4 december 2026 om 14:05", in Dutch time. */
export function formatDateTime(value: Date | null | undefined): string {
  if (!value || Number.isNaN(value.getTime())) return "—";
  return longDateTime.format(value);
}

/** A stored phone number (E.164) as a Dutch reader writes it: "06 12345678", "010 1234567". */
export function formatPhone(phone: string | null | undefined): string {
  return formatPhoneNl(phone);
}

/** 2800 → "2.800". */
export function formatCount(value: number): string {
  return numberFormat.format(value);
}

/** "1 adres" / "62 adressen". */
export function addressCount(count: number): string {
  return `${formatCount(count)} ${count === 1 ? "adres" : "adressen"}`;
}

/** A group's counted addresses against the bord threshold: "62 adressen (drempel 50)". */
export function addressesAgainstThreshold(count: number, threshold: number): string {
  return `${addressCount(count)} (drempel ${formatCount(threshold)})`;
}

const PARTICLES = new Set(["van", "de", "der", "den", "het", "ten", "ter", "te", "in", "'t", "op", "la", "le", "du", "da", "di", "von", "vander"]);

/**
 * The surname as it follows a title, with the first particle capitalised:
 * "Anne de Graaf" → "De Graaf", "P. van der Berg" → "Van der Berg", "Yilmaz" → "Yilmaz".
 */
export function surnameAfterTitle(name: string | null | undefined): string {
  const words = (name ?? "").trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return "";
  if (words.length === 1) return words[0];
  const particle = words.findIndex((w) => PARTICLES.has(w.toLocaleLowerCase("nl-NL")));
  const from = particle >= 0 ? particle : words.length - 1;
  const surname = words.slice(from).join(" ");
  return surname.charAt(0).toLocaleUpperCase("nl-NL") + surname.slice(1);
}

/** "Geachte wethouder De Graaf," (or "Geachte wethouder," without a name). */
export function wethouderGreeting(name: string | null | undefined): string {
  const surname = surnameAfterTitle(name);
  return surname ? `Geachte wethouder ${surname},` : "Geachte wethouder,";
}

const euro = new Intl.NumberFormat("nl-NL", { style: "currency", currency: "EUR" });

/** Cents as Dutch money: 2500 → "€ 25,00". */
export function formatEuro(cents: number): string {
  return euro.format(cents / 100);
}

/** How the municipality's bord condition reads for a group (the threshold is already computed). */
export function bordConditionText(input: { condition: "addresses" | "household_share"; householdPercent: number | null; threshold: number; usesShare: boolean }): string {
  if (input.condition === "household_share" && input.usesShare && input.householdPercent !== null) {
    return `minstens ${input.householdPercent}% van de adressen in uw wijk: ${addressCount(input.threshold)}`;
  }
  return `minstens ${addressCount(input.threshold)}`;
}

/**
 * An e-mail address as a hint that does not give it away: the first letter of the name, dots,
 * and the domain ("noor.jansen@voorbeeld.nl" → "n…@voorbeeld.nl"). For pages that anyone who
 * holds a link can open (an invitation may have been sent on).
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at <= 0) return "…";
  return `${email[0]}…${email.slice(at)}`;
}
