import { parsePhoneNumberFromString, type NumberType } from "libphonenumber-js/max";
import { z } from "zod";

import { MAX_ADDITION_LENGTH, MAX_HOUSE_NUMBER, MIN_HOUSE_NUMBER, normalizeAddition } from "@/lib/domain/address";
import { AREA_CODE_PATTERN } from "@/lib/domain/area";
import { isValidCalendarDate } from "@/lib/domain/dates";
import { isAdultOn } from "@/lib/domain/eligibility";
import { isDomainError } from "@/lib/domain/errors";
import { normalizePostcode } from "@/lib/domain/postcode";

import { ADDITION_INPUT_MAX_LENGTH, POSTCODE_INPUT_MAX_LENGTH } from "./limits";
import { cleanSingleLine } from "./text";

/*
 * Field schemas shared by the form schemas. Every field cleans its input (see text.ts),
 * has a length or range limit and a Dutch message that says how to fix it.
 * Forms send strings: number fields accept "12" as well as 12.
 */

export const EMAIL_MAX_LENGTH = 254;
export const PERSON_NAME_MAX_LENGTH = 100;

function addIssue(ctx: z.RefinementCtx, message: string): typeof z.NEVER {
  ctx.addIssue({ code: "custom", message });
  return z.NEVER;
}

export const postcodeField = z
  .string({ error: "Vul een postcode in zoals 2922 AB." })
  .overwrite(cleanSingleLine)
  .max(POSTCODE_INPUT_MAX_LENGTH, { message: "Deze postcode is te lang. Vul een postcode in zoals 2922 AB.", abort: true })
  .transform((value, ctx) => {
    if (value === "") return addIssue(ctx, "Vul een postcode in zoals 2922 AB.");
    return normalizePostcode(value) ?? addIssue(ctx, "Deze postcode bestaat niet. Vul vier cijfers en twee letters in, zoals 2922 AB.");
  });

interface IntegerMessages {
  required: string;
  notANumber: string;
  outOfRange: string;
}

/**
 * A whole number between `min` and `max`, given as a number or as a string of digits.
 * "12abc", "1e3", "0x10", "12.0" and "" are refused (unlike z.coerce.number()).
 */
export function integerField(min: number, max: number, messages: IntegerMessages) {
  return z
    .union([z.string(), z.number()], { error: messages.required })
    .transform((raw, ctx) => toInteger(raw, ctx, min, max, messages));
}

/** Like integerField, but empty ("" from a form, null, missing) is allowed and gives null. */
export function optionalIntegerField(min: number, max: number, messages: IntegerMessages) {
  return z
    .union([z.string(), z.number(), z.null(), z.undefined()], { error: messages.notANumber })
    .transform((raw, ctx) => {
      if (raw === null || raw === undefined) return null;
      if (typeof raw === "string" && cleanSingleLine(raw) === "") return null;
      return toInteger(raw, ctx, min, max, messages);
    });
}

function toInteger(
  raw: string | number,
  ctx: z.RefinementCtx,
  min: number,
  max: number,
  messages: IntegerMessages,
): number {
  const value = typeof raw === "number" ? raw : parseDigits(cleanSingleLine(raw), ctx, messages);
  if (value === null) return z.NEVER;
  if (!Number.isInteger(value)) return addIssue(ctx, messages.notANumber);
  if (value < min || value > max) return addIssue(ctx, messages.outOfRange);
  return value;
}

function parseDigits(text: string, ctx: z.RefinementCtx, messages: IntegerMessages): number | null {
  const problem = digitsProblem(text, messages);
  if (problem === null) return Number(text);
  addIssue(ctx, problem);
  return null;
}

function digitsProblem(text: string, messages: IntegerMessages): string | null {
  if (text === "") return messages.required;
  if (!/^\d+$/.test(text)) return messages.notANumber;
  if (text.replace(/^0+(?=\d)/, "").length > 9) return messages.outOfRange;
  return null;
}

const HOUSE_NUMBER_MESSAGES: IntegerMessages = {
  required: "Vul een huisnummer in, bijvoorbeeld 12.",
  notANumber: "Vul bij huisnummer alleen cijfers in, zoals 12. Een letter zoals A hoort bij toevoeging.",
  outOfRange: `Een huisnummer is een getal van ${MIN_HOUSE_NUMBER} tot en met ${MAX_HOUSE_NUMBER}.`,
};

export const houseNumberField = integerField(MIN_HOUSE_NUMBER, MAX_HOUSE_NUMBER, HOUSE_NUMBER_MESSAGES);

/** An optional house number; "" (an empty form field), null and undefined give null. */
export const optionalHouseNumberField = optionalIntegerField(MIN_HOUSE_NUMBER, MAX_HOUSE_NUMBER, HOUSE_NUMBER_MESSAGES);

export const additionField = z
  .string({ error: "Vul een toevoeging in, zoals A, of laat het veld leeg." })
  .max(ADDITION_INPUT_MAX_LENGTH, { message: `Deze toevoeging is te lang. Gebruik hooguit ${MAX_ADDITION_LENGTH} tekens, zoals A of 2-hoog.`, abort: true })
  .nullish()
  .transform((value, ctx) => {
    try {
      return normalizeAddition(value === null || value === undefined ? value : cleanSingleLine(value));
    } catch (error) {
      if (!isDomainError(error)) throw error;
      return addIssue(ctx, "Een toevoeging is een letter of hooguit 6 letters en cijfers, zoals A, bis of 2-hoog.");
    }
  });

/** E-mail address, stored in lower case so that sign-in and look-ups match. */
export const emailField = z
  .string({ error: "Vul een e-mailadres in." })
  .overwrite((value) => cleanSingleLine(value).toLowerCase())
  .min(1, { message: "Vul een e-mailadres in.", abort: true })
  .max(EMAIL_MAX_LENGTH, { message: `Dit e-mailadres is te lang. Gebruik hooguit ${EMAIL_MAX_LENGTH} tekens.`, abort: true })
  .pipe(z.email({ error: "Dit e-mailadres klopt niet. Vul een adres in zoals naam@voorbeeld.nl." }));

export const personNameField = z
  .string({ error: "Vul een naam in." })
  .overwrite(cleanSingleLine)
  .min(1, { message: "Vul een naam in.", abort: true })
  .min(2, { message: "Vul de hele naam in, bijvoorbeeld Sanne de Vries.", abort: true })
  .max(PERSON_NAME_MAX_LENGTH, { message: `Deze naam is te lang. Gebruik hooguit ${PERSON_NAME_MAX_LENGTH} tekens.`, abort: true })
  .regex(/\p{L}/u, "Een naam bevat letters. Vul de naam in, bijvoorbeeld Sanne de Vries.");

const MOBILE_TYPES: readonly NumberType[] = ["MOBILE"];
const MOBILE_OR_LANDLINE_TYPES: readonly NumberType[] = ["MOBILE", "FIXED_LINE", "FIXED_LINE_OR_MOBILE", "VOIP"];
const PHONE_CHARACTERS = /^[0-9\s()+\-./]+$/;

/**
 * A Dutch phone number, returned in E.164 form ("+31612345678"). Accepts the usual spellings:
 * 06-12345678, 06 1234 5678, +31 6 12345678, 0031612345678, (010) 123 45 67.
 * `mobile`: only 06 numbers (not 097 machine-to-machine numbers). `mobile_or_landline`: any
 * Dutch mobile, fixed line or VoIP (085/091) number.
 * Foreign numbers and service numbers (0800, 0900, 088) are refused.
 * Uses the "max" metadata of libphonenumber-js: the number type is not in the smaller sets.
 */
export function phoneField(kind: "mobile" | "mobile_or_landline") {
  const example = kind === "mobile" ? "06 12345678" : "06 12345678 of 010 1234567";
  const invalid = `Dit telefoonnummer klopt niet. Vul een nummer in zoals ${example}.`;
  const allowed = kind === "mobile" ? MOBILE_TYPES : MOBILE_OR_LANDLINE_TYPES;
  return z
    .string({ error: "Vul een telefoonnummer in." })
    .overwrite(cleanSingleLine)
    .max(32, { message: invalid, abort: true })
    .transform((value, ctx) => {
      if (value === "") return addIssue(ctx, kind === "mobile" ? "Vul uw mobiele nummer in." : "Vul een telefoonnummer in.");
      if (!PHONE_CHARACTERS.test(value)) return addIssue(ctx, invalid);
      const phone = parsePhoneNumberFromString(value, "NL");
      if (!phone || !phone.isValid()) return addIssue(ctx, invalid);
      if (phone.country !== "NL") return addIssue(ctx, "Vul een Nederlands telefoonnummer in, zoals 06 12345678.");
      const type = phone.getType();
      const isDutchMobile = type === "MOBILE" && phone.nationalNumber.startsWith("6");
      if (!type || !allowed.includes(type) || (kind === "mobile" && !isDutchMobile)) {
        return addIssue(
          ctx,
          kind === "mobile"
            ? "Vul een mobiel nummer in dat met 06 begint."
            : "Vul een mobiel of vast nummer in. Servicenummers zoals 0800 en 0900 kunnen niet.",
        );
      }
      return phone.number;
    });
}

/**
 * A date of birth as `YYYY-MM-DD` (what `<input type="date">` sends), of someone who is 18 or
 * older on `today`.
 *
 * Why a factory: the 18+ rule needs "today", and lib/domain and lib/validation never read the
 * clock. The caller passes the date in the Netherlands: on the server
 * `calendarDateIn(new Date())`, in the browser the same. The server's check is the one that
 * counts; the browser's only helps.
 */
export function birthDateField(today: string, underage: string) {
  if (!isValidCalendarDate(today)) throw new TypeError(`birthDateField: today must be YYYY-MM-DD, got "${today}"`);
  return z
    .string({ error: "Vul een geboortedatum in." })
    .overwrite(cleanSingleLine)
    .max(10, { message: "Vul de geboortedatum in met dag, maand en jaar.", abort: true })
    .superRefine((value, ctx) => {
      if (value === "") return void addIssue(ctx, "Vul een geboortedatum in.");
      if (!isValidCalendarDate(value)) return void addIssue(ctx, "Deze datum bestaat niet. Vul de geboortedatum in met dag, maand en jaar.");
      try {
        if (!isAdultOn(value, today)) addIssue(ctx, underage);
      } catch (error) {
        if (!isDomainError(error) || error.code !== "invalid_birth_date") throw error;
        addIssue(ctx, error.message);
      }
    });
}

/**
 * A checkbox that must be ticked: true (react-hook-form) or "on" (a plain HTML form post).
 * The output is always `true`.
 */
export function acceptedField(message: string) {
  return z
    .union([z.boolean(), z.literal("on")], { error: message })
    .refine((value) => value === true || value === "on", { message })
    .transform((): true => true);
}

/** A wijk chosen from the list, by its CBS code ("WK054201"). */
export const areaCodeField = z
  .string({ error: "Kies een wijk." })
  .overwrite((value) => cleanSingleLine(value).toUpperCase())
  .min(1, { message: "Kies een wijk.", abort: true })
  .regex(AREA_CODE_PATTERN, "Kies een wijk uit de lijst.");

/**
 * A form's honeypot: a field people never see; bots fill it in. It never fails the parse (a bot
 * must not learn that it was caught): "" when empty, its text (at most 200 characters) when
 * filled, "filled" for anything that is not text.
 */
export const honeypotField = z
  .unknown()
  .optional()
  .transform((value) => (typeof value === "string" ? value.trim().slice(0, 200) : value == null ? "" : "filled"));
