"use server";

import { signedInAction } from "@/lib/actions";
import { erasePersonalData } from "@/lib/data/platform/privacy-erasure";
import { previewErasure } from "@/lib/data/platform/privacy-preview";
import { privacyEraseSchema, privacyLookupSchema } from "@/lib/validation/privacy";

/** "Wissen…": what erasing the address would remove (the confirmation step shows it). */
export async function previewErasureAction(input: unknown) {
  return signedInAction("privacy.manage", privacyLookupSchema, async ({ email }, { user }) =>
    previewErasure(user, email),
  )(input);
}

/** "Definitief wissen": erases everything about the address (after the confirmation). */
export async function erasePersonalDataAction(input: unknown) {
  return signedInAction("privacy.manage", privacyEraseSchema, async (value, { user, now }) =>
    erasePersonalData(user, { email: value.email, dissolveSoleAdminGroups: value.dissolveSoleAdminGroups }, now),
  )(input);
}
