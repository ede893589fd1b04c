"use server";

import { revalidatePath } from "next/cache";
import { signedInAction } from "@/lib/actions";
import { createMunicipality, setMunicipalityEnabled, updateMunicipality } from "@/lib/data/platform/municipalities";
import { routes } from "@/lib/routes";
import { municipalitySchema, setMunicipalityEnabledSchema, updateMunicipalitySchema } from "@/lib/validation/municipality";

export async function createMunicipalityAction(input: unknown) {
  return signedInAction("municipality.manage", municipalitySchema, async (value, { user }) => {
    const result = await createMunicipality(user, value);
    revalidatePath(routes.staff.municipalities);
    return result;
  })(input);
}

export async function updateMunicipalityAction(input: unknown) {
  return signedInAction("municipality.manage", updateMunicipalitySchema, async (value, { user }) => {
    const { municipalityId, ...municipality } = value;
    const result = await updateMunicipality(user, municipalityId, municipality);
    revalidatePath(routes.staff.municipality(municipalityId));
    return result;
  })(input);
}

export async function setMunicipalityEnabledAction(input: unknown) {
  return signedInAction("municipality.manage", setMunicipalityEnabledSchema, async (value, { user }) => {
    const result = await setMunicipalityEnabled(user, value);
    revalidatePath(routes.staff.municipality(value.municipalityId));
    return result;
  })(input);
}
