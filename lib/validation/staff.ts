import { z } from "zod";

import { AREA_CODE_PATTERN } from "@/lib/domain/area";
import { isValidCalendarDate } from "@/lib/domain/dates";
import { normalizePostcode } from "@/lib/domain/postcode";

import { addressSchema } from "./address";
import { emailField, integerField, optionalIntegerField, personNameField, phoneField } from "./fields";
import { staffDecisionSchema } from "./bord-request";
import { cleanSingleLine, optionalMultiLineText, singleLineText } from "./text";

/*
 * Schemas of the staff pages (/beheer) and the wijkagent view: bord decisions with placement,
 * wijken and contacts, accounts, dissolving a group. Shared by the forms (useActionForm) and the
 * server actions, like the rest of lib/validation.
 */

const uuidField = (message: string) =>
  z
    .string({ error: message })
    .overwrite((value) => value.trim().toLowerCase())
    .pipe(z.uuid({ error: message }));

export const versionField = integerField(1, 1_000_000_000, {
  required: "Laad de pagina opnieuw en probeer het nog eens.",
  notANumber: "Laad de pagina opnieuw en probeer het nog eens.",
  outOfRange: "Laad de pagina opnieuw en probeer het nog eens.",
});

export const PLACED_LOCATION_MAX_LENGTH = 200;
export const MAX_PLACED_BORDS = 20;

/**
 * The extra fields of a staff decision: which request (id and the version the staff member
 * saw) and, for `place`, when, where and how many bords were placed.
 */
const decisionExtrasSchema = z.object({
  requestId: uuidField("Deze aanvraag bestaat niet."),
  version: versionField,
  placedOn: z
    .string({ error: "Vul de datum van plaatsing in." })
    .overwrite(cleanSingleLine)
    .max(10, { message: "Vul een datum in zoals 2026-06-01.", abort: true })
    .optional(),
  placedLocation: z
    .string({ error: "Vul in waar het bord staat." })
    .overwrite(cleanSingleLine)
    .max(PLACED_LOCATION_MAX_LENGTH, {
      message: `Dit is te lang. Gebruik hooguit ${PLACED_LOCATION_MAX_LENGTH} tekens.`,
      abort: true,
    })
    .optional(),
  /** Checked below (only `place` needs it), so that every placement field gets its message at once. */
  placedCount: z.union([z.string().max(12), z.number(), z.null()]).optional(),
});

const placedCountField = integerField(1, MAX_PLACED_BORDS, {
  required: "Vul in hoeveel borden er zijn geplaatst.",
  notANumber: "Vul het aantal borden in als getal, bijvoorbeeld 2.",
  outOfRange: `Vul een aantal in van 1 tot en met ${MAX_PLACED_BORDS}.`,
});

/**
 * A staff decision on a bord request as the form sends it: staffDecisionSchema (action, note
 * — the reason on reject —, expectedStatus) plus the request, its version and, on `place`,
 * the placement (date, where, how many; all three required then).
 */
export const bordDecisionSchema = z
  .intersection(staffDecisionSchema, decisionExtrasSchema)
  .superRefine((value, ctx) => {
    if (value.action !== "place") return;
    if (!value.placedOn) {
      ctx.addIssue({ code: "custom", path: ["placedOn"], message: "Vul de datum van plaatsing in." });
    } else if (!isValidCalendarDate(value.placedOn) || value.placedOn < "2000-01-01" || value.placedOn > "2100-12-31") {
      ctx.addIssue({ code: "custom", path: ["placedOn"], message: "Deze datum bestaat niet. Vul een datum in zoals 2026-06-01." });
    }
    if (!value.placedLocation) {
      ctx.addIssue({ code: "custom", path: ["placedLocation"], message: "Vul in waar het bord staat, bijvoorbeeld Hoek Tiendweg / Raadhuisplein." });
    } else if (value.placedLocation.length < 3) {
      ctx.addIssue({ code: "custom", path: ["placedLocation"], message: "Beschrijf de plek iets preciezer." });
    }
    const count = placedCountField.safeParse(value.placedCount ?? "");
    if (!count.success) {
      ctx.addIssue({ code: "custom", path: ["placedCount"], message: count.error.issues[0]?.message ?? "Vul een aantal in." });
    }
  })
  .transform(({ placedCount, ...value }) => ({
    ...value,
    placedCount: value.action === "place" ? placedCountField.parse(placedCount ?? "") : null,
  }));
export type BordDecisionFormInput = z.input<typeof bordDecisionSchema>;
export type BordDecision = z.output<typeof bordDecisionSchema>;

// ---------------------------------------------------------------------------------------------
// Wijken and contacts

/**
 * Postcodes of one wijk in the wijk form. An imported postcode table gives a large wijk
 * up to a few thousand full postcodes, and the form must still save such a wijk (10 bytes a
 * postcode written "2921 AB, ": 50 KB, far under the 1 MB of a server action).
 */
export const MAX_AREA_POSTCODES = 5000;
export const AREA_NAME_MAX_LENGTH = 80;

/**
 * A list of postcodes of a wijk: 4-digit areas (`2921`) or full postcodes (`2921 AB`),
 * separated by commas, spaces or new lines. Returns them normalised, sorted, without doubles.
 */
export const areaPostcodesField = z
  .string({ error: "Vul de postcodes van de wijk in." })
  .max(MAX_AREA_POSTCODES * 10, { message: `Dit zijn te veel postcodes. Gebruik hooguit ${MAX_AREA_POSTCODES}.`, abort: true })
  .transform((raw, ctx) => {
    // "2921 AB" is one postcode: join a 4-digit group with the 2 letters that follow it.
    const tokens = raw
      .toUpperCase()
      .replace(/\b([1-9][0-9]{3})\s+([A-Z]{2})\b/g, "$1$2")
      .split(/[\s,;]+/)
      .filter(Boolean);
    const out = new Set<string>();
    for (const token of tokens) {
      if (/^[1-9][0-9]{3}$/.test(token)) {
        out.add(token);
        continue;
      }
      const full = normalizePostcode(token);
      if (!full) {
        ctx.addIssue({
          code: "custom",
          message: `"${token.slice(0, 12)}" is geen postcode. Gebruik vier cijfers (2921) of een hele postcode (2921 AB).`,
        });
        return z.NEVER;
      }
      out.add(full);
    }
    if (out.size === 0) {
      ctx.addIssue({ code: "custom", message: "Vul minstens één postcode in, bijvoorbeeld 2921." });
      return z.NEVER;
    }
    if (out.size > MAX_AREA_POSTCODES) {
      ctx.addIssue({ code: "custom", message: `Dit zijn te veel postcodes. Gebruik hooguit ${MAX_AREA_POSTCODES}.` });
      return z.NEVER;
    }
    return [...out].sort();
  });

export const areaSchema = z.object({
  /** Empty for a new wijk. */
  areaId: z.union([z.literal(""), uuidField("Deze wijk bestaat niet.")]).optional(),
  name: singleLineText({
    min: 2,
    max: AREA_NAME_MAX_LENGTH,
    required: "Vul de naam van de wijk in.",
    tooShort: "Vul de hele naam van de wijk in.",
  }),
  code: z
    .string({ error: "Vul de CBS-code van de wijk in, zoals WK054201." })
    .overwrite((value) => cleanSingleLine(value).toUpperCase())
    .min(1, { message: "Vul de CBS-code van de wijk in, zoals WK054201.", abort: true })
    .regex(AREA_CODE_PATTERN, "Een CBS-wijkcode is WK met zes cijfers, zoals WK054201."),
  postcodes: areaPostcodesField,
  totalAddresses: optionalIntegerField(0, 10_000_000, {
    required: "Vul het aantal adressen in de wijk in.",
    notANumber: "Vul het aantal adressen in als heel getal, bijvoorbeeld 2800.",
    outOfRange: "Vul een aantal in van 0 tot en met 10.000.000.",
  }),
});
export type AreaFormInput = z.input<typeof areaSchema>;
export type AreaInput = z.output<typeof areaSchema>;

export const CONTACT_KINDS = ["wijkagent", "wethouder"] as const;

const contactPhoneField = phoneField("mobile_or_landline");

export const contactSchema = z.object({
  /** Empty for a new contact. */
  contactId: z.union([z.literal(""), uuidField("Deze contactpersoon bestaat niet.")]).optional(),
  kind: z.enum(CONTACT_KINDS, { error: "Kies wijkagent of wethouder." }),
  name: personNameField,
  email: emailField,
  /** Optional: empty gives null; anything else must be a Dutch number (a union with "" gave zod's English message). */
  phone: z
    .string({ error: "Vul een telefoonnummer in, of laat het veld leeg." })
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || cleanSingleLine(value) === "") return null;
      const parsed = contactPhoneField.safeParse(value);
      if (parsed.success) return parsed.data;
      for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", message: issue.message });
      return z.NEVER;
    }),
  areaIds: z
    .union([z.string(), z.array(z.string())], { error: "Kies minstens één wijk." })
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
    .pipe(
      z
        .array(uuidField("Kies een wijk uit de lijst."))
        .min(1, "Kies minstens één wijk.")
        .max(200, "Kies hooguit 200 wijken."),
    ),
});
export type ContactFormInput = z.input<typeof contactSchema>;
export type ContactInput = z.output<typeof contactSchema>;

export const deleteContactSchema = z.object({ contactId: uuidField("Deze contactpersoon bestaat niet.") });

// ---------------------------------------------------------------------------------------------
// Accounts of staff and wijkagenten

export const MANAGED_ROLES = ["staff", "wijkagent"] as const;
export type ManagedRole = (typeof MANAGED_ROLES)[number];
export const MANAGED_ROLE_LABELS: Readonly<Record<ManagedRole, string>> = {
  staff: "medewerker",
  wijkagent: "wijkagent",
};

export const inviteUserSchema = z.object({
  name: personNameField,
  email: emailField,
  role: z.enum(MANAGED_ROLES, { error: "Kies medewerker of wijkagent." }),
  /** Platform admins choose the municipality; staff always invite into their own. */
  municipalityId: z.union([z.literal(""), uuidField("Kies een gemeente uit de lijst.")]).optional(),
});
export type InviteUserFormInput = z.input<typeof inviteUserSchema>;
export type InviteUserInput = z.output<typeof inviteUserSchema>;

export const changeUserRoleSchema = z.object({
  userId: z
    .string({ error: "Dit account bestaat niet." })
    .overwrite(cleanSingleLine)
    .min(1, { message: "Dit account bestaat niet.", abort: true })
    .max(100, { message: "Dit account bestaat niet.", abort: true }),
  /** `none`: the account keeps signing in as a resident, without staff or wijkagent rights. */
  role: z.enum([...MANAGED_ROLES, "none"], { error: "Kies een rol." }),
});
export type ChangeUserRoleFormInput = z.input<typeof changeUserRoleSchema>;
export type ChangeUserRoleInput = z.output<typeof changeUserRoleSchema>;

// ---------------------------------------------------------------------------------------------
// Groups

export const DISSOLVE_REASON_MAX_LENGTH = 1000;

export const dissolveGroupSchema = z.object({
  groupId: uuidField("Deze groep bestaat niet."),
  version: versionField,
  reason: optionalMultiLineText(DISSOLVE_REASON_MAX_LENGTH).pipe(
    z.string().min(10, "Schrijf op waarom de groep wordt opgeheven, bijvoorbeeld: op verzoek van de beheerder."),
  ),
  confirm: z
    .unknown()
    .refine((v) => v === true || v === "on" || v === "true", { message: "Vink aan dat u de groep wilt opheffen." })
    .transform(() => true as const),
});
export type DissolveGroupFormInput = z.input<typeof dissolveGroupSchema>;
export type DissolveGroupInput = z.output<typeof dissolveGroupSchema>;

/**
 * Accepting an invitation to a staff or wijkagent role (the link from the e-mail). `leaveGroups`
 * is the person's "yes" to stepping down as admin of their buurtpreventiegroepen (a staff or
 * wijkagent account administers no group).
 */
export const acceptStaffInvitationSchema = z.object({
  token: z
    .string({ error: "Deze uitnodiging bestaat niet." })
    .min(20, { message: "Deze uitnodiging bestaat niet.", abort: true })
    .max(100, { message: "Deze uitnodiging bestaat niet.", abort: true })
    .regex(/^[A-Za-z0-9_-]+$/, "Deze uitnodiging bestaat niet."),
  leaveGroups: z
    .unknown()
    .optional()
    .transform((v) => v === true || v === "on" || v === "true"),
});
export type AcceptStaffInvitationFormInput = z.input<typeof acceptStaffInvitationSchema>;
export type AcceptStaffInvitationInput = z.output<typeof acceptStaffInvitationSchema>;

/** The wijk-boundary upload on /beheer/wijken: the text of a GeoJSON file, read in the browser. */
export const boundaryImportSchema = z.object({
  geojson: z
    .string({ error: "Kies een GeoJSON-bestand met de wijkgrenzen." })
    .min(1, { message: "Kies een GeoJSON-bestand met de wijkgrenzen.", abort: true })
    .max(900_000, "Het bestand is te groot (meer dan 900 kB). Kies een bestand met alleen de wijken van uw gemeente."),
});
export type BoundaryImportInput = z.output<typeof boundaryImportSchema>;

/**
 * The fields sent with a geography file (/beheer/wijken/import/bestand): which kind of file,
 * for which municipality (platform admins), preview or confirm, and for a confirm the token of
 * the preview. The file itself is checked by lib/domain/geo-import.ts.
 */
export const geoImportRequestSchema = z.object({
  soort: z.enum(["wijken", "postcodes", "aantallen"], { error: "Kies wat voor bestand het is." }),
  gemeente: z
    .string()
    .max(40)
    .optional()
    .transform((v) => v || null),
  stap: z.enum(["voorbeeld", "opslaan"], { error: "Onbekende stap." }),
  token: z
    .string()
    .regex(/^[0-9a-f]{64}$/, "Bekijk eerst het voorbeeld.")
    .optional(),
});
// ---------------------------------------------------------------------------------------------
// Shared addresses: which group an address that two groups list counts for

export const SHARED_ADDRESS_CHOICES = ["group", "first_joined"] as const;

/**
 * Staff's decision on the addresses two groups share (the overlap list on /beheer/wijken):
 * `countFor: "group"` makes them count for `groupId`, `"first_joined"` removes the decisions so
 * each counts again for the group it joined first. Without an address: every address the two
 * groups share; with one (postcode and house number, addition optional): only that address.
 */
export const sharedAddressDecisionSchema = z
  .object({
    groupId: uuidField("Deze groep bestaat niet."),
    otherGroupId: uuidField("Deze groep bestaat niet."),
    countFor: z.enum(SHARED_ADDRESS_CHOICES, { error: "Kies voor welke groep de gedeelde adressen tellen." }),
    municipalityId: z.string().max(40).optional(),
    postcode: z.string().max(20).optional(),
    houseNumber: z.union([z.string().max(20), z.number()]).optional(),
    addition: z.string().max(20).optional(),
  })
  .transform((value, ctx) => {
    const { postcode, houseNumber, addition, ...rest } = value;
    const hasAddress = [postcode, houseNumber, addition].some((v) => v !== undefined && String(v).trim() !== "");
    if (value.groupId === value.otherGroupId) {
      ctx.addIssue({ code: "custom", path: ["otherGroupId"], message: "Kies twee verschillende groepen." });
      return z.NEVER;
    }
    if (!hasAddress) return { ...rest, address: null };
    const address = addressSchema.safeParse({ postcode, houseNumber, addition });
    if (!address.success) {
      for (const issue of address.error.issues) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
      return z.NEVER;
    }
    return { ...rest, address: address.data };
  });
export type SharedAddressDecisionFormInput = z.input<typeof sharedAddressDecisionSchema>;
export type SharedAddressDecisionInput = z.output<typeof sharedAddressDecisionSchema>;
