import { z } from "zod";

import {
  MAX_BORD_CONTRIBUTION_CENTS,
  MAX_HOUSEHOLD_PERCENT,
  MAX_BORD_THRESHOLD,
  MAX_BORDS_PER_GROUP,
  MIN_HOUSEHOLD_PERCENT,
  MIN_BORD_THRESHOLD,
} from "@/lib/domain/eligibility";

import { emailField, integerField, optionalIntegerField } from "./fields";

/**
 * A municipality's settings kept by staff: how many distinct addresses a group needs for a
 * bord (1–1000, default 50) and the safety mailbox that receives new bord requests.
 */
export const staffSettingsSchema = z.object({
  bordThreshold: integerField(MIN_BORD_THRESHOLD, MAX_BORD_THRESHOLD, {
    required: "Vul in hoeveel adressen een groep nodig heeft voor een bord, bijvoorbeeld 50.",
    notANumber: "Vul een heel getal in, bijvoorbeeld 50.",
    outOfRange: `Vul een getal in van ${MIN_BORD_THRESHOLD} tot en met ${MAX_BORD_THRESHOLD}.`,
  }),
  safetyEmail: emailField,
});
export type StaffSettingsFormInput = z.input<typeof staffSettingsSchema>;
export type StaffSettings = z.output<typeof staffSettingsSchema>;

/**
 * A municipality's bord settings: how many borden a group may get (1–4), the group's
 * own contribution per bord in euros (0 when the municipality pays all; at most € 1.000), and
 * the condition: the fixed threshold above, or a percentage (1–100) of the households of the
 * group's wijk. The percentage is required with that condition, and ignored (kept) without it.
 */
const EURO_HELP = "Vul een bedrag in euro in, zoals 0, 25 of 12,50.";
export const euroCentsField = z
  .union([z.string(), z.number()], { error: EURO_HELP })
  .transform((raw, ctx) => {
    const text = typeof raw === "number" ? String(raw) : raw.replace(/[€\s\u00a0]/g, "");
    const match = /^(\d{1,7})(?:[.,](\d{1,2}))?$/.exec(text);
    if (!match) {
      ctx.addIssue({ code: "custom", message: text === "" ? "Vul de eigen bijdrage in. Is die er niet? Vul dan 0 in." : EURO_HELP });
      return z.NEVER;
    }
    const cents = Number(match[1]) * 100 + Number((match[2] ?? "0").padEnd(2, "0"));
    if (cents > MAX_BORD_CONTRIBUTION_CENTS) {
      ctx.addIssue({ code: "custom", message: "De eigen bijdrage kan hooguit € 1.000 per bord zijn." });
      return z.NEVER;
    }
    return cents;
  });

export const bordSettingsShape = {
  bordsPerGroup: integerField(1, MAX_BORDS_PER_GROUP, {
    required: "Vul in hoeveel borden een groep kan krijgen, bijvoorbeeld 1.",
    notANumber: "Vul een heel getal in, bijvoorbeeld 1.",
    outOfRange: `Vul een getal in van 1 tot en met ${MAX_BORDS_PER_GROUP}.`,
  }),
  contribution: euroCentsField,
  condition: z.enum(["addresses", "household_share"], { error: "Kies wanneer een groep een bord kan krijgen." }),
  householdPercent: optionalIntegerField(MIN_HOUSEHOLD_PERCENT, MAX_HOUSEHOLD_PERCENT, {
    required: "Vul een percentage in, bijvoorbeeld 10.",
    notANumber: "Vul een heel getal in, bijvoorbeeld 10 (zonder %-teken).",
    outOfRange: `Vul een percentage in van ${MIN_HOUSEHOLD_PERCENT} tot en met ${MAX_HOUSEHOLD_PERCENT}.`,
  }).optional(),
};

export function requirePercentForShare(value: { condition: string; householdPercent?: number | null }, ctx: z.RefinementCtx) {
  if (value.condition === "household_share" && (value.householdPercent === null || value.householdPercent === undefined)) {
    ctx.addIssue({ code: "custom", path: ["householdPercent"], message: "Vul in welk percentage van de huishoudens in de wijk mee moet doen, bijvoorbeeld 10." });
  }
}

export const bordSettingsSchema = z.object(bordSettingsShape).superRefine(requirePercentForShare);
export type BordSettingsFormInput = z.input<typeof bordSettingsSchema>;
export type BordSettings = z.output<typeof bordSettingsSchema>;
