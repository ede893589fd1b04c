"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formDataOrEmpty, signedInAction, type ActionResult } from "@/lib/actions";
import { deleteContact, importAreaBoundaries, saveArea, saveContact } from "@/lib/data/staff/areas";
import { dissolveGroup } from "@/lib/data/staff/groups";
import { decideSharedAddresses } from "@/lib/data/staff/shared-addresses";
import { updateBordSettings, updateMunicipalitySettings } from "@/lib/data/staff/settings";
import { decideBordRequest } from "@/lib/data/staff/bord-request-decision";
import { recordBordMaintenance, recordBordRemoval, updateBordDetails, updateBordLocation } from "@/lib/data/staff/bords";
import { formValues, type BordFormState } from "@/components/bords/form-state";
import { bordDetailsSchema, bordLocationSchema, bordMaintenanceSchema, bordRemovalSchema } from "@/lib/validation/bords";
import { keepGroupAfterCheck, runYearlyCheckNow } from "@/lib/data/staff/yearly-check";
import { changeManagedRole, inviteUser } from "@/lib/data/staff/users";
import { staffSettingsSchema } from "@/lib/validation";
import { bordSettingsShape, requirePercentForShare } from "@/lib/validation/settings";
import {
  areaSchema,
  bordDecisionSchema,
  boundaryImportSchema,
  changeUserRoleSchema,
  contactSchema,
  deleteContactSchema,
  dissolveGroupSchema,
  inviteUserSchema,
  sharedAddressDecisionSchema,
} from "@/lib/validation/staff";
import { routes } from "@/lib/routes";
import { ACTION_LIMITS, limitAction } from "@/lib/server/action-limits";

/** Platform admins say which municipality a wijk, contact or setting belongs to. */
const municipalityField = z
  .string()
  .max(40)
  .optional()
  .transform((v) => v || null);

export async function decideBordRequestAction(input: unknown) {
  return signedInAction("bord.decide", bordDecisionSchema, async (decision, { user, ip }) => {
    await limitAction(ACTION_LIMITS.decideBord, { user, ip });
    const outcome = await decideBordRequest(user, decision);
    revalidatePath(routes.staff.bord(outcome.id));
    return outcome;
  })(input);
}

export async function dissolveGroupAction(input: unknown) {
  return signedInAction("group.dissolve_any", dissolveGroupSchema, async (value, { user }) => {
    const result = await dissolveGroup(user, value);
    revalidatePath(routes.staff.group(result.id));
    return result;
  })(input);
}

export async function saveAreaAction(input: unknown) {
  return signedInAction("area.edit", areaSchema.extend({ municipalityId: municipalityField }), async (value, { user }) => {
    const { municipalityId, ...area } = value;
    const result = await saveArea(user, area, municipalityId);
    revalidatePath(routes.staff.areas);
    return result;
  })(input);
}

export async function importAreaBoundariesAction(input: unknown) {
  return signedInAction("area.edit", boundaryImportSchema.extend({ municipalityId: municipalityField }), async (value, { user }) => {
    const result = await importAreaBoundaries(user, value.municipalityId, value.geojson);
    revalidatePath(routes.staff.areas);
    revalidatePath(routes.areas);
    return result;
  })(input);
}

export async function saveContactAction(input: unknown) {
  return signedInAction("area.edit", contactSchema.extend({ municipalityId: municipalityField }), async (value, { user }) => {
    const { municipalityId, ...contact } = value;
    const result = await saveContact(user, contact, municipalityId);
    revalidatePath(routes.staff.areas);
    return result;
  })(input);
}

export async function deleteContactAction(input: unknown) {
  return signedInAction("area.edit", deleteContactSchema.extend({ municipalityId: municipalityField }), async (value, { user }) => {
    await deleteContact(user, value.contactId, value.municipalityId);
    revalidatePath(routes.staff.areas);
    return null;
  })(input);
}

export async function updateSettingsAction(input: unknown) {
  return signedInAction("settings.edit", staffSettingsSchema.extend({ municipalityId: municipalityField }), async (value, { user }) => {
    const { municipalityId, ...settings } = value;
    await updateMunicipalitySettings(user, settings, municipalityId);
    revalidatePath(routes.staff.settings);
    return null;
  })(input);
}

/** The bord settings of a municipality: borden per group, contribution, condition. */
export async function updateBordSettingsAction(input: unknown) {
  const schema = z.object({ ...bordSettingsShape, municipalityId: municipalityField }).superRefine(requirePercentForShare);
  return signedInAction("settings.edit", schema, async (value, { user }) => {
    const { municipalityId, ...settings } = value;
    await updateBordSettings(user, settings, municipalityId);
    revalidatePath(routes.staff.settings);
    return null;
  })(input);
}

export async function inviteUserAction(input: unknown) {
  return signedInAction("users.manage", inviteUserSchema, async (value, { user, ip }) => {
    await limitAction(ACTION_LIMITS.inviteUser, { user, ip, addresses: [value.email] });
    const result = await inviteUser(user, value);
    revalidatePath(routes.staff.users);
    return result;
  })(input);
}

export async function changeUserRoleAction(input: unknown) {
  return signedInAction("users.manage", changeUserRoleSchema, async (value, { user }) => {
    await changeManagedRole(user, value);
    revalidatePath(routes.staff.users);
    return null;
  })(input);
}

const runYearlyCheckSchema = z.object({ municipalityId: municipalityField });
const keepGroupSchema = z.object({ groupId: z.string().uuid("Deze groep bestaat niet (meer).") });

/** "Nu uitvoeren" on /beheer/jaarcontrole: runs the yearly check now; the page then shows what it did. */
export async function runYearlyCheckAction(formData: FormData): Promise<void> {
  const result = await signedInAction("group.check", runYearlyCheckSchema, async (value, { user }) => {
    const report = await runYearlyCheckNow(user, value.municipalityId);
    revalidatePath(routes.staff.yearlyCheck);
    return report;
  })(formDataOrEmpty(formData));
  // Refused (not signed in, not staff, another municipality): nothing happened, nothing to show.
  if (!result.ok && (result.code === "unauthorized" || result.code === "not_found")) return;
  const gemeente = formDataOrEmpty(formData).get("municipalityId");
  const q = typeof gemeente === "string" && /^[0-9a-f-]{36}$/.test(gemeente) ? `&gemeente=${gemeente}` : "";
  redirect(`${routes.staff.yearlyCheck}?${result.ok ? "uitgevoerd=1" : "fout=1"}${q}`);
}

/** "De groep blijft" on a group's staff page: confirms on the admins' behalf and closes the open check. */
export async function keepGroupAction(formData: FormData): Promise<void> {
  const input = formDataOrEmpty(formData);
  const result = await signedInAction("group.check", keepGroupSchema, async (value, { user }) => {
    const outcome = await keepGroupAfterCheck(user, value.groupId);
    revalidatePath(routes.staff.group(outcome.id));
    return outcome;
  })(input);
  if (result.ok) redirect(`${routes.staff.group(result.data.id)}?jaarcontrole=bevestigd`);
  if (result.code === "conflict") {
    const id = String(input.get("groupId"));
    redirect(`${routes.staff.group(id)}?jaarcontrole=geen`);
  }
  // Refused (not signed in, not staff, another municipality's group): nothing happened.
}

// ---------------------------------------------------------------------------------------------
// Placed borden: details, maintenance, removal (forms on /beheer/geplaatste-borden/[id])

const BORD_STEP_FIELDS = ["bordId", "version", "kind", "occurredOn", "note", "owner", "cost", "paidBy", "location", "lat", "lng"];

function bordStepValues(formData: FormData) {
  return formValues(formDataOrEmpty(formData), BORD_STEP_FIELDS);
}

/** After a bord step: its pages are fresh again. */
function revalidateBord(outcome: { id: string }): { id: string } {
  revalidatePath(routes.staff.placedBord(outcome.id));
  revalidatePath(routes.staff.placedBords);
  return outcome;
}

/** A step that worked goes to the bord's page with its message; someone else's change first, to the page with a notice. */
function bordStepOutcome(values: ReturnType<typeof bordStepValues>, done: string, result: ActionResult<{ id: string }>): BordFormState {
  if (result.ok) redirect(`${routes.staff.placedBord(result.data.id)}?gelukt=${done}`);
  if (result.code === "conflict" && typeof values.bordId === "string" && /^[0-9a-f-]{36}$/i.test(values.bordId)) {
    redirect(`${routes.staff.placedBord(values.bordId)}?gewijzigd=1`);
  }
  return { status: "error", ok: false, code: result.code, message: result.message, fieldErrors: result.fieldErrors ?? {}, values };
}

export async function recordBordMaintenanceAction(_previous: BordFormState, formData: FormData): Promise<BordFormState> {
  const values = bordStepValues(formData);
  const done = values.kind === "replaced" ? "vervangen" : "gerepareerd";
  const result = await signedInAction("bord.maintain", bordMaintenanceSchema, async (value, { user }) => revalidateBord(await recordBordMaintenance(user, value)))(values);
  return bordStepOutcome(values, done, result);
}

export async function recordBordRemovalAction(_previous: BordFormState, formData: FormData): Promise<BordFormState> {
  const values = bordStepValues(formData);
  const result = await signedInAction("bord.maintain", bordRemovalSchema, async (value, { user }) => revalidateBord(await recordBordRemoval(user, value)))(values);
  return bordStepOutcome(values, "weggehaald", result);
}

export async function updateBordDetailsAction(_previous: BordFormState, formData: FormData): Promise<BordFormState> {
  const values = bordStepValues(formData);
  const result = await signedInAction("bord.maintain", bordDetailsSchema, async (value, { user }) => revalidateBord(await updateBordDetails(user, value)))(values);
  return bordStepOutcome(values, "gegevens", result);
}

/** Where the bord stands: description and point (picked on the map or typed). */
export async function updateBordLocationAction(_previous: BordFormState, formData: FormData): Promise<BordFormState> {
  const values = bordStepValues(formData);
  const result = await signedInAction("bord.maintain", bordLocationSchema, async (value, { user }) => revalidateBord(await updateBordLocation(user, value)))(values);
  return bordStepOutcome(values, "plek", result);
}

// ---------------------------------------------------------------------------------------------
// Shared addresses (the overlap list on /beheer/wijken)

/**
 * "Tel voor groep X" / "Wie het eerst was" on a pair of groups sharing addresses. A plain form
 * (works without JavaScript): answers with the page and a message. Refused as not signed in or
 * someone else's group: nothing happened, nothing to show.
 */
export async function decideSharedAddressesAction(formData: FormData): Promise<void> {
  const input = formDataOrEmpty(formData);
  const result = await signedInAction("address.decide_shared", sharedAddressDecisionSchema, async (value, { user }) => {
    const outcome = await decideSharedAddresses(user, value);
    revalidatePath(routes.staff.areas);
    return outcome;
  })(input);
  if (!result.ok && (result.code === "unauthorized" || result.code === "not_found")) return;
  const gemeente = input.get("municipalityId");
  const q = typeof gemeente === "string" && /^[0-9a-f-]{36}$/.test(gemeente) ? `&gemeente=${gemeente}` : "";
  redirect(`${routes.staff.areas}?gedeeld=${result.ok ? "bewaard" : "fout"}${q}#gaten`);
}
