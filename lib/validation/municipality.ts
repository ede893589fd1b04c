import { z } from "zod";

import { staffSettingsSchema } from "./settings";
import { cleanSingleLine, singleLineText } from "./text";

/**
 * A municipality as a platform admin adds or edits it (/beheer/gemeenten): its CBS code
 * (GM + four digits), its name, and the settings staff keep too (bord threshold, safety
 * mailbox). The time zone is not a field: every municipality is in the Netherlands.
 */
export const MUNICIPALITY_NAME_MAX_LENGTH = 80;

export const municipalityCodeField = z
  .string({ error: "Vul de CBS-code van de gemeente in, zoals GM0542." })
  .overwrite((value) => cleanSingleLine(value).toUpperCase().replace(/\s+/g, ""))
  .min(1, { message: "Vul de CBS-code van de gemeente in, zoals GM0542.", abort: true })
  .max(6, { message: "Een CBS-code is GM met vier cijfers, zoals GM0542.", abort: true })
  .regex(/^GM[0-9]{4}$/, { message: "Een CBS-code is GM met vier cijfers, zoals GM0542." });

export const municipalitySchema = staffSettingsSchema.extend({
  code: municipalityCodeField,
  name: singleLineText({
    min: 2,
    max: MUNICIPALITY_NAME_MAX_LENGTH,
    required: "Vul de naam van de gemeente in.",
    tooShort: "Vul de hele naam van de gemeente in.",
  }),
});
export type MunicipalityFormInput = z.input<typeof municipalitySchema>;
export type MunicipalityInput = z.output<typeof municipalitySchema>;

export const municipalityIdSchema = z.object({
  municipalityId: z.string({ error: "Deze gemeente bestaat niet." }).trim().pipe(z.uuid({ error: "Deze gemeente bestaat niet." })),
});

export const updateMunicipalitySchema = municipalitySchema.extend(municipalityIdSchema.shape);

export const setMunicipalityEnabledSchema = municipalityIdSchema.extend({
  enabled: z.boolean({ error: "Kies aan of uit." }),
});
