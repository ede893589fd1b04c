import { z } from "zod";

import { emailField } from "./fields";

/*
 * Schemas of the privacy page for platform admins (/beheer/privacy): export or erase
 * everything stored about one e-mail address. Shared by the form, the server actions and the
 * export route.
 */

const checkbox = z
  .unknown()
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

/** The e-mail address to export or to look at before erasing. */
export const privacyLookupSchema = z.object({ email: emailField });
export type PrivacyLookupFormInput = z.input<typeof privacyLookupSchema>;
export type PrivacyLookup = z.output<typeof privacyLookupSchema>;

/** The confirmed erasure. */
export const privacyEraseSchema = z.object({
  email: emailField,
  confirm: z
    .unknown()
    .refine((v) => v === true || v === "on" || v === "true", { message: "Vink aan dat u alles over dit e-mailadres wilt wissen." })
    .transform(() => true as const),
  dissolveSoleAdminGroups: checkbox,
});
export type PrivacyEraseFormInput = z.input<typeof privacyEraseSchema>;
export type PrivacyErase = z.output<typeof privacyEraseSchema>;
