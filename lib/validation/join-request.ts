import { z } from "zod";

import { addressSchema } from "./address";
import { acceptedField, birthDateField, emailField, honeypotField, personNameField, phoneField } from "./fields";
import { HOUSE_RULES_REQUIRED } from "./group";
import { optionalMultiLineText } from "./text";

/**
 * A resident asking to join a group (aanmelding): name, e-mail, mobile number (E.164; a
 * WhatsApp group needs a mobile), address, date of birth (18+ on `today`) and the house rules
 * accepted. A factory because of the age rule: pass today's date in the Netherlands.
 */
export function joinRequestSchema(today: string) {
  return z.object({
    name: personNameField,
    email: emailField,
    phone: phoneField("mobile"),
    address: addressSchema,
    birthDate: birthDateField(today, "U moet 18 jaar of ouder zijn om mee te doen."),
    acceptHouseRules: acceptedField(HOUSE_RULES_REQUIRED),
  });
}
export type JoinRequestFormInput = z.input<ReturnType<typeof joinRequestSchema>>;
export type JoinRequest = z.output<ReturnType<typeof joinRequestSchema>>;

export interface JoinRequestSubmission extends JoinRequest {
  /** The group's slug (the form sits on /groepen/[slug]). */
  groupSlug: string;
  /** The honeypot: a field people never see; bots fill it in. */
  honeypot?: string;
}

/**
 * The join form as the server reads it: joinRequestSchema(today) plus the group's slug and the
 * honeypot. The honeypot never fails the parse (a bot must not learn that it was caught).
 */
export function joinSubmissionSchema(today: string) {
  return joinRequestSchema(today).extend({
    // Anything that is not a known slug answers not_found (lib/data/public/join.ts).
    groupSlug: z.string().catch(""),
    honeypot: honeypotField,
  });
}

export const JOIN_REQUEST_DECISIONS = ["accept", "decline"] as const;

/** A group admin accepting or declining a join request, with an optional note to the resident. */
export const joinRequestDecisionSchema = z.object({
  decision: z.enum(JOIN_REQUEST_DECISIONS, { error: "Kies of u de aanmelding accepteert of afwijst." }),
  message: optionalMultiLineText(1000, "Dit bericht is te lang. Gebruik hooguit 1000 tekens."),
});
export type JoinRequestDecisionFormInput = z.input<typeof joinRequestDecisionSchema>;
export type JoinRequestDecision = z.output<typeof joinRequestDecisionSchema>;
