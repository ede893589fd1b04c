import { z } from "zod";

import { addressSchema } from "./address";
import {
  acceptedField,
  areaCodeField,
  birthDateField,
  emailField,
  personNameField,
  phoneField,
} from "./fields";
import { MAX_ADDRESS_LIST_LINES, countAddressListLines } from "@/lib/domain/address-list";

import { MAX_CO_ADMIN_INVITES, MAX_GROUP_ADMINS } from "./limits";
import { cleanMultiLine, cleanSingleLine, optionalMultiLineText } from "./text";

export { MAX_CO_ADMIN_INVITES, MAX_GROUP_ADMINS };

export const GROUP_NAME_MIN_LENGTH = 3;
export const GROUP_NAME_MAX_LENGTH = 80;
export const AREA_DESCRIPTION_MAX_LENGTH = 1000;

export const HOUSE_RULES_REQUIRED = "Lees de huisregels en vink aan dat u zich eraan houdt.";

/**
 * Details of one group admin (groepsbeheerder): name, e-mail, phone (mobile or landline, as
 * E.164), date of birth (18+ on `today`) and home address.
 * A factory because of the age rule: pass today's date in the Netherlands (`YYYY-MM-DD`,
 * calendarDateIn(new Date()) from lib/domain).
 */
export function adminDetailsSchema(today: string) {
  return z.object({
    name: personNameField,
    email: emailField,
    phone: phoneField("mobile_or_landline"),
    birthDate: birthDateField(today, "Een groepsbeheerder moet 18 jaar of ouder zijn."),
    address: addressSchema,
  }, { error: "Vul uw gegevens als beheerder in: naam, telefoonnummer, geboortedatum en adres." });
}
export type AdminDetailsFormInput = z.input<ReturnType<typeof adminDetailsSchema>>;

/**
 * Accepting an invitation to become co-admin: the admin's details (the e-mail is the invited
 * one) and the house rules, which the page shows and the person accepts (stored with the version).
 */
export function acceptInvitationSchema(today: string) {
  return adminDetailsSchema(today)
    .omit({ email: true })
    .extend({ acceptHouseRules: acceptedField(HOUSE_RULES_REQUIRED) });
}
/** An admin's own name, phone and address (/mijn-groepen/gegevens); the e-mail and date of birth stay. */
export const ownDetailsSchema = z.object(
  { name: personNameField, phone: phoneField("mobile_or_landline"), address: addressSchema },
  { error: "Vul uw naam, telefoonnummer en adres in." },
);
export type OwnDetailsFormInput = z.input<typeof ownDetailsSchema>;
export type OwnDetails = z.output<typeof ownDetailsSchema>;

/** Accepting a new version of the house rules (/mijn-groepen/huisregels). */
export const acceptHouseRulesSchema = z.object({ acceptHouseRules: acceptedField(HOUSE_RULES_REQUIRED) });
export type AcceptHouseRulesFormInput = z.input<typeof acceptHouseRulesSchema>;

export type AcceptInvitationFormInput = z.input<ReturnType<typeof acceptInvitationSchema>>;
export type AcceptInvitation = z.output<ReturnType<typeof acceptInvitationSchema>>;
export type AdminDetails = z.output<ReturnType<typeof adminDetailsSchema>>;

export const groupNameField = z
  .string({ error: "Vul een naam voor de groep in." })
  .overwrite(cleanSingleLine)
  .min(1, { message: "Vul een naam voor de groep in.", abort: true })
  .min(GROUP_NAME_MIN_LENGTH, { message: `Een groepsnaam heeft minstens ${GROUP_NAME_MIN_LENGTH} tekens, bijvoorbeeld WhatsApp BP Kortland-Noord.`, abort: true })
  .max(GROUP_NAME_MAX_LENGTH, { message: `Deze naam is te lang. Gebruik hooguit ${GROUP_NAME_MAX_LENGTH} tekens.`, abort: true })
  .regex(/\p{L}/u, "Een groepsnaam bevat letters, bijvoorbeeld WhatsApp BP Kortland-Noord.");

const WHATSAPP_INVITE_LINK = /^https:\/\/chat\.whatsapp\.com\/(?:invite\/)?[A-Za-z0-9]{10,40}(?:\?[A-Za-z0-9_=&.-]{0,80})?$/;

/**
 * The group's WhatsApp invite link, stored privately and sent only to accepted residents.
 * Optional: "", null or missing gives null.
 */
export const whatsappInviteLinkField = z
  .string({ error: "Plak de uitnodigingslink van uw WhatsApp-groep." })
  .overwrite(cleanSingleLine)
  .max(200, { message: "Deze link is te lang. Plak alleen de uitnodigingslink van uw WhatsApp-groep.", abort: true })
  .refine((value) => value === "" || WHATSAPP_INVITE_LINK.test(value), {
    message: "Plak de uitnodigingslink van uw WhatsApp-groep. Die begint met https://chat.whatsapp.com/.",
  })
  .nullish()
  .transform((value) => (value ? value : null));

/** An optional description of the area a group covers, in the admin's own words. */
const areaDescriptionField = optionalMultiLineText(
  AREA_DESCRIPTION_MAX_LENGTH,
  `Deze beschrijving is te lang. Gebruik hooguit ${AREA_DESCRIPTION_MAX_LENGTH} tekens.`,
);

function findDuplicateEmails(admins: ReadonlyArray<{ email: string }>): number[] {
  const seen = new Set<string>();
  const duplicates: number[] = [];
  admins.forEach(({ email }, index) => {
    if (seen.has(email)) duplicates.push(index);
    seen.add(email);
  });
  return duplicates;
}

export const REGISTRATION_ADDRESS_LIST_MAX_CHARACTERS = 1_000_000;
const RESIDENTS_STATEMENT_REQUIRED =
  "Vink aan dat de bewoners die meedoen 18 jaar of ouder zijn en op de adressen wonen die u opgeeft.";

/** One co-admin to invite by e-mail (a field array of react-hook-form needs objects). */
export const coAdminInviteSchema = z.object({ email: emailField });
export type CoAdminInviteFormInput = z.input<typeof coAdminInviteSchema>;
export type CoAdminInvite = z.output<typeof coAdminInviteSchema>;

/**
 * The step-by-step form /groep-starten: the group, you as admin (the e-mail comes
 * from the session, so it is not in the form), co-admins by e-mail (they get an invitation
 * link), member addresses as a pasted list (read with parseAddressList; the admin's own address
 * is added too), the house rules and the statement about the residents.
 * Whether the name is free within the municipality is checked by the server (database).
 */
export function registerGroupSchema(today: string) {
  return z.object({
    name: groupNameField,
    areaCode: areaCodeField,
    areaDescription: areaDescriptionField,
    admin: adminDetailsSchema(today).omit({ email: true }),
    coAdmins: z
      .array(coAdminInviteSchema, { error: "Vul de e-mailadressen van de medebeheerders in." })
      .max(MAX_CO_ADMIN_INVITES, { message: `U kunt hooguit ${MAX_CO_ADMIN_INVITES} medebeheerders uitnodigen.`, abort: true })
      .default([])
      .superRefine((admins, ctx) => {
        for (const index of findDuplicateEmails(admins)) {
          ctx.addIssue({ code: "custom", path: [index, "email"], message: "Dit e-mailadres staat er al. Elke beheerder heeft een eigen e-mailadres." });
        }
      }),
    addressList: z
      .string({ error: "Plak hier de adressen, één adres per regel." })
      .overwrite(cleanMultiLine)
      .max(REGISTRATION_ADDRESS_LIST_MAX_CHARACTERS, {
        message: "Deze lijst is te groot. Voeg eerst een deel toe; de rest kan later bij Adressen.",
        abort: true,
      })
      .refine((text) => countAddressListLines(text) <= MAX_ADDRESS_LIST_LINES, {
        message: `Deze lijst heeft meer dan ${MAX_ADDRESS_LIST_LINES.toLocaleString("nl-NL")} adressen. Voeg eerst een deel toe; de rest kan later bij Adressen.`,
      })
      .default(""),
    whatsappInviteLink: whatsappInviteLinkField,
    acceptHouseRules: acceptedField(HOUSE_RULES_REQUIRED),
    residentsConfirmed: acceptedField(RESIDENTS_STATEMENT_REQUIRED),
  });
}
export type RegisterGroupFormInput = z.input<ReturnType<typeof registerGroupSchema>>;
export type RegisterGroup = z.output<ReturnType<typeof registerGroupSchema>>;

/**
 * Editing a group's details. `version` is the version the admin saw: when someone else saved
 * in between, the server refuses (nothing is overwritten silently).
 */
export const groupDetailsSchema = z.object({
  name: groupNameField,
  areaCode: areaCodeField,
  areaDescription: areaDescriptionField,
  whatsappInviteLink: whatsappInviteLinkField,
  /** The group says it is registered on wabp.nl too. Missing means no. */
  wabpRegistered: z.boolean({ error: "Vink aan of laat leeg." }).optional().default(false),
  version: z.coerce.number({ error: "Laad de pagina opnieuw." }).int().min(1).max(2_147_483_647),
});
export type GroupDetailsFormInput = z.input<typeof groupDetailsSchema>;
export type GroupDetails = z.output<typeof groupDetailsSchema>;

/** Dissolving a group: the admin types the group's name to confirm. */
export const dissolveGroupSchema = z.object({
  confirmName: z
    .string({ error: "Typ de naam van de groep om te bevestigen." })
    .overwrite(cleanSingleLine)
    .min(1, { message: "Typ de naam van de groep om te bevestigen.", abort: true })
    .max(GROUP_NAME_MAX_LENGTH + 20, { message: "Typ precies de naam van de groep.", abort: true }),
});
export type DissolveGroupFormInput = z.input<typeof dissolveGroupSchema>;
