/** The municipality's settings kept by staff: the bord threshold and the safety mailbox. */
import "server-only";
import { eq } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { municipalities } from "@/db/schema";
import { requirePermission } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";
import { recordAudit } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import type { StaffSettings } from "@/lib/validation";
import { staffScope } from "../internal/staff-scope";
import { municipalityForChange, resolveStaffMunicipality } from "./scope";

export interface MunicipalitySettings {
  municipalityId: string;
  municipalityName: string;
  signThreshold: number;
  safetyMailbox: string;
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
    .select({ threshold: municipalities.bordThreshold, email: municipalities.safetyEmail })
    .from(municipalities)
    .where(eq(municipalities.id, m.id));
  return row ? { municipalityId: m.id, municipalityName: m.name, signThreshold: row.threshold, safetyMailbox: row.email } : null;
}

export async function updateMunicipalitySettings(
  actor: Actor | null,
  input: StaffSettings,
  municipalityId?: string | null,
  executor: Executor = db,
): Promise<void> {
  requirePermission(actor, "settings.edit");
  const staff = staffScope(actor);
  const m = await municipalityForChange(staff, municipalityId, executor);
  if (!m) throw new AppError("not_found");
  await executor.transaction(async (tx) => {
    const [before] = await tx.select({ threshold: municipalities.bordThreshold }).from(municipalities).where(eq(municipalities.id, m.id));
    await tx
      .update(municipalities)
      .set({ bordThreshold: input.signThreshold, safetyEmail: input.safetyMailbox })
      .where(eq(municipalities.id, m.id));
    await recordAudit(tx, {
      actorUserId: staff.id,
      action: "settings.update",
      subjectType: "municipality",
      subjectId: m.id,
      municipalityId: m.id,
      details: { thresholdFrom: before?.threshold ?? null, thresholdTo: input.signThreshold },
    });
  });
}
