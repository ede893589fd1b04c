/**
 * The municipality's settings kept by staff: the bord threshold and the safety mailbox, and the
 * bord settings (borden per group, the group's contribution, the condition).
 */
import "server-only";
import { eq } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { municipalities } from "@/db/schema";
import { requirePermission } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";
import { recordAudit } from "@/lib/audit";
import { notFound } from "@/lib/errors";
import type { BordSettings, StaffSettings } from "@/lib/validation";
import { municipalityToChange, resolveStaffMunicipality } from "./scope";

export interface MunicipalitySettings {
  municipalityId: string;
  municipalityName: string;
  bordThreshold: number;
  safetyEmail: string;
  bordsPerGroup: number;
  contributionCents: number;
  condition: "addresses" | "household_share";
  householdPercent: number | null;
}

export async function getMunicipalitySettings(
  actor: Actor | null,
  municipalityId?: string | null,
  executor: Executor = db,
): Promise<MunicipalitySettings | null> {
  requirePermission(actor, "staff.view");
  const m = await resolveStaffMunicipality(actor, municipalityId, executor);
  if (!m) return null;
  const [row] = await executor
    .select({
      threshold: municipalities.bordThreshold,
      email: municipalities.safetyEmail,
      bordsPerGroup: municipalities.bordsPerGroup,
      contributionCents: municipalities.bordContributionCents,
      condition: municipalities.bordCondition,
      householdPercent: municipalities.bordHouseholdPercent,
    })
    .from(municipalities)
    .where(eq(municipalities.id, m.id));
  return row
    ? {
        municipalityId: m.id,
        municipalityName: m.name,
        bordThreshold: row.threshold,
        safetyEmail: row.email,
        bordsPerGroup: row.bordsPerGroup,
        contributionCents: row.contributionCents,
        condition: row.condition,
        householdPercent: row.householdPercent,
      }
    : null;
}

export async function updateMunicipalitySettings(
  actor: Actor | null,
  input: StaffSettings,
  municipalityId?: string | null,
  executor: Executor = db,
): Promise<void> {
  requirePermission(actor, "settings.edit");
  const { staff, municipality: m } = await municipalityToChange(actor, municipalityId, executor);
  await executor.transaction(async (tx) => {
    const [before] = await tx.select({ threshold: municipalities.bordThreshold }).from(municipalities).where(eq(municipalities.id, m.id));
    await tx
      .update(municipalities)
      .set({ bordThreshold: input.bordThreshold, safetyEmail: input.safetyEmail })
      .where(eq(municipalities.id, m.id));
    await recordAudit(tx, {
      actorUserId: staff.id,
      action: "settings.update",
      subjectType: "municipality",
      subjectId: m.id,
      municipalityId: m.id,
      details: { thresholdFrom: before?.threshold ?? null, thresholdTo: input.bordThreshold },
    });
  });
}

/**
 * Saves the bord settings in one transaction with an audit entry that holds the values before
 * and after. The row is locked first, so simultaneous saves queue and each audit entry's
 * "before" is what the previous save left (the last save wins, as with any settings form).
 */
export async function updateBordSettings(
  actor: Actor | null,
  input: BordSettings,
  municipalityId?: string | null,
  executor: Executor = db,
): Promise<void> {
  requirePermission(actor, "settings.edit");
  const { staff, municipality: m } = await municipalityToChange(actor, municipalityId, executor);
  const after = {
    bordsPerGroup: input.bordsPerGroup,
    contributionCents: input.contribution,
    condition: input.condition,
    householdPercent: input.householdPercent ?? null,
  };
  await executor.transaction(async (tx) => {
    const [before] = await tx
      .select({
        bordsPerGroup: municipalities.bordsPerGroup,
        contributionCents: municipalities.bordContributionCents,
        condition: municipalities.bordCondition,
        householdPercent: municipalities.bordHouseholdPercent,
      })
      .from(municipalities)
      .where(eq(municipalities.id, m.id))
      .for("update");
    if (!before) throw notFound();
    await tx
      .update(municipalities)
      .set({
        bordsPerGroup: after.bordsPerGroup,
        bordContributionCents: after.contributionCents,
        bordCondition: after.condition,
        // Kept when the fixed number applies, so switching back and forth keeps the last percentage.
        bordHouseholdPercent: after.householdPercent ?? before.householdPercent,
      })
      .where(eq(municipalities.id, m.id));
    await recordAudit(tx, {
      actorUserId: staff.id,
      action: "settings.bord_update",
      subjectType: "municipality",
      subjectId: m.id,
      municipalityId: m.id,
      details: { before, after },
    });
  });
}
