import { z } from "zod";

import { MAX_SIGN_THRESHOLD, MIN_SIGN_THRESHOLD } from "@/lib/domain/eligibility";

import { emailField, integerField } from "./fields";

/**
 * A municipality's settings kept by staff: how many distinct addresses a group needs for a
 * bord (1–1000, default 50) and the safety mailbox that receives new bord requests.
 */
export const staffSettingsSchema = z.object({
  signThreshold: integerField(MIN_SIGN_THRESHOLD, MAX_SIGN_THRESHOLD, {
    required: "Vul in hoeveel adressen een groep nodig heeft voor een bord, bijvoorbeeld 50.",
    notANumber: "Vul een heel getal in, bijvoorbeeld 50.",
    outOfRange: `Vul een getal in van ${MIN_SIGN_THRESHOLD} tot en met ${MAX_SIGN_THRESHOLD}.`,
  }),
  safetyMailbox: emailField,
});
export type StaffSettingsFormInput = z.input<typeof staffSettingsSchema>;
export type StaffSettings = z.output<typeof staffSettingsSchema>;
