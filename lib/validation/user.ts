import { z } from "zod";

/** Roles as the forms offer them (the same values as the database enum). */
export const USER_ROLE_VALUES = ["resident", "staff", "wijkagent", "platform_admin"] as const;

const userIdField = z
  .string({ error: "Kies een gebruiker." })
  .trim()
  .min(1, { message: "Kies een gebruiker.", abort: true })
  .max(100, { message: "Deze gebruiker bestaat niet." });

/**
 * A platform admin changes someone's role. Staff and wijkagenten belong to a municipality;
 * residents and platform admins to none (a given municipality is then ignored).
 */
export const userRoleChangeSchema = z
  .object({
    userId: userIdField,
    role: z.enum(USER_ROLE_VALUES, { error: "Kies een rol uit de lijst." }),
    municipalityId: z
      .union([z.uuid({ error: "Kies een gemeente uit de lijst." }), z.literal(""), z.null()])
      .optional()
      .transform((value) => value || null),
  })
  .transform((value, ctx) => {
    const needsMunicipality = value.role === "staff" || value.role === "wijkagent";
    if (needsMunicipality && !value.municipalityId) {
      ctx.addIssue({
        code: "custom",
        path: ["municipalityId"],
        message: "Kies de gemeente waar deze medewerker of wijkagent werkt.",
      });
      return z.NEVER;
    }
    return { ...value, municipalityId: needsMunicipality ? value.municipalityId : null };
  });
export type UserRoleChangeFormInput = z.input<typeof userRoleChangeSchema>;
export type UserRoleChange = z.output<typeof userRoleChangeSchema>;

/** A platform admin disables or enables an account, or ends its sessions. */
export const userAccountSchema = z.object({ userId: userIdField });
export type UserAccount = z.output<typeof userAccountSchema>;
