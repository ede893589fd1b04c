/**
 * Placed borden: the public damage report and the staff forms (maintenance, removal,
 * details). Every message is Dutch B1; form values arrive as strings.
 */
import { z } from "zod";
import { isValidCalendarDate } from "@/lib/domain/dates";
import { honeypotField } from "./fields";
import { pointFieldText, pointFromFields } from "./bord-request";
import { cleanSingleLine, optionalMultiLineText } from "./text";

export const BORD_REPORT_DESCRIPTION_MAX_LENGTH = 1000;
export const BORD_NOTE_MAX_LENGTH = 1000;
export const BORD_TEXT_MAX_LENGTH = 120;

const uuidText = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .pipe(z.uuid({ error: message }));

const dayField = z
  .string({ error: "Vul een datum in." })
  .trim()
  .min(1, { message: "Vul een datum in.", abort: true })
  .refine((v) => isValidCalendarDate(v) && v >= "2000-01-01" && v <= "2100-12-31", {
    message: "Deze datum bestaat niet. Vul een datum in zoals 2026-06-01.",
  });

/** What a resident reports about a bord on the group's public page. */
export const bordReportSchema = z.object({
  bordId: uuidText("Dit bord bestaat niet (meer)."),
  kind: z.enum(["damaged", "missing"], { error: "Kies wat er mis is met het bord." }),
  description: optionalMultiLineText(
    BORD_REPORT_DESCRIPTION_MAX_LENGTH,
    `Dit is te lang. Gebruik hooguit ${BORD_REPORT_DESCRIPTION_MAX_LENGTH} tekens.`,
  ),
});
export type BordReportInput = z.infer<typeof bordReportSchema>;

/** The report form as the server reads it; the honeypot never fails the parse. */
export const bordReportSubmissionSchema = bordReportSchema.extend({
  honeypot: honeypotField,
});

export interface BordReportSubmission extends BordReportInput {
  honeypot?: string;
}

const versionField = z.coerce.number({ error: "Laad de pagina opnieuw." }).int().min(1).max(1_000_000);

/** Maintenance by staff: repaired or replaced, on which day, with a note; it closes the open reports. */
export const bordMaintenanceSchema = z.object({
  bordId: uuidText("Dit bord bestaat niet (meer)."),
  version: versionField,
  kind: z.enum(["repaired", "replaced"], { error: "Kies: gerepareerd of vervangen." }),
  occurredOn: dayField,
  note: optionalMultiLineText(BORD_NOTE_MAX_LENGTH),
});
export type BordMaintenanceInput = z.infer<typeof bordMaintenanceSchema>;

/** The bord was taken away. */
export const bordRemovalSchema = z.object({
  bordId: uuidText("Dit bord bestaat niet (meer)."),
  version: versionField,
  occurredOn: dayField,
  note: optionalMultiLineText(BORD_NOTE_MAX_LENGTH),
});
export type BordRemovalInput = z.infer<typeof bordRemovalSchema>;

const optionalLine = z
  .string({ error: "Vul hier tekst in." })
  .overwrite(cleanSingleLine)
  .max(BORD_TEXT_MAX_LENGTH, { message: `Dit is te lang. Gebruik hooguit ${BORD_TEXT_MAX_LENGTH} tekens.`, abort: true })
  .default("");

/** "12,50", "12.50", "€ 12" or empty: euros to cents. */
const costField = z
  .string({ error: "Vul een bedrag in, zoals 45,00." })
  .trim()
  .default("")
  .transform((value, ctx) => {
    const text = value.replace(/^€\s*/, "").replace(/\s/g, "");
    if (text === "") return null;
    const match = /^(\d{1,7})(?:[.,](\d{1,2}))?$/.exec(text);
    if (!match) {
      ctx.addIssue({ code: "custom", message: "Vul een bedrag in euro's in, zoals 45,00." });
      return z.NEVER;
    }
    return Number(match[1]) * 100 + Number((match[2] ?? "0").padEnd(2, "0"));
  });

/** Owner, cost and who paid: all optional. */
export const bordDetailsSchema = z.object({
  bordId: uuidText("Dit bord bestaat niet (meer)."),
  version: versionField,
  owner: optionalLine,
  cost: costField,
  paidBy: optionalLine,
});
export type BordDetailsInput = z.infer<typeof bordDetailsSchema>;

export const BORD_LOCATION_MAX_LENGTH = 200;

/**
 * Where a placed bord stands (staff, /beheer/geplaatste-borden/[id]): the description of the
 * place (required) and optionally a point, picked on the map or typed as two coordinates.
 */
export const bordLocationSchema = z
  .object({
    bordId: uuidText("Dit bord bestaat niet (meer)."),
    version: versionField,
    location: z
      .string({ error: "Beschrijf waar het bord staat." })
      .overwrite(cleanSingleLine)
      .min(2, { message: "Beschrijf waar het bord staat, bijvoorbeeld: Lansinghlaan bij nummer 10.", abort: true })
      .max(BORD_LOCATION_MAX_LENGTH, `Gebruik hooguit ${BORD_LOCATION_MAX_LENGTH} tekens.`),
    lat: pointFieldText,
    lng: pointFieldText,
  })
  .transform(({ lat, lng, ...rest }, ctx) => ({ ...rest, point: pointFromFields(lat, lng, ctx) }));
export type BordLocationFormInput = z.input<typeof bordLocationSchema>;
export type BordLocationInput = z.output<typeof bordLocationSchema>;
