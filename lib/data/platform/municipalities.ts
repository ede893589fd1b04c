/**
 * Municipalities as platform admins keep them (/beheer/gemeenten, permission
 * "municipality.manage"): add one, edit its code, name, bord threshold and safety mailbox,
 * disable it and enable it again. Staff are assigned with the staff invitation
 * (lib/data/staff/users.ts inviteUser, "users.manage"). Every change is audited.
 *
 * Disabling deletes nothing. While a municipality is disabled: its public pages and the
 * look-up say it no longer takes part, no group can be registered and no join request sent
 * there, and its staff and wijkagenten act as residents (lib/auth/session.ts), so they cannot
 * act on it; their roles come back when it is enabled again.
 */
import "server-only";
import { and, asc, eq, gt, inArray, isNull, ne, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { municipalities, staffInvitations, users, type UserRole } from "@/db/schema";
import { requirePermission } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";
import { recordAudit } from "@/lib/audit";
import { slugify } from "@/lib/domain/slug";
import { AppError, isUniqueViolation, notFound } from "@/lib/errors";
import type { MunicipalityInput } from "@/lib/validation/municipality";
import { isUuid } from "@/lib/domain/ids";

export interface ManagedMunicipality {
  id: string;
  code: string;
  name: string;
  slug: string;
  bordThreshold: number;
  safetyEmail: string;
  disabled: boolean;
  areas: number;
  activeGroups: number;
  staff: number;
}

export interface MunicipalityPerson {
  id: string;
  name: string | null;
  email: string;
  role: UserRole;
  /** An open invitation rather than an account. */
  invited: boolean;
}

// Written out with aliases: drizzle leaves column names unqualified inside sql``, and "id" would
// then be the inner table's own id.
const areaCount = sql<number>`(select count(*)::int from areas a where a.municipality_id = "municipalities"."id")`;
const groupCount = sql<number>`(select count(*)::int from groups g where g.municipality_id = "municipalities"."id" and g.status = 'active')`;
const staffCount = sql<number>`(select count(*)::int from users u where u.municipality_id = "municipalities"."id" and u.role in ('staff', 'wijkagent'))`;

function selectManaged(executor: Executor) {
  return executor
    .select({
      id: municipalities.id,
      code: municipalities.code,
      name: municipalities.name,
      slug: municipalities.slug,
      bordThreshold: municipalities.bordThreshold,
      safetyEmail: municipalities.safetyEmail,
      disabledAt: municipalities.disabledAt,
      areas: areaCount,
      activeGroups: groupCount,
      staff: staffCount,
    })
    .from(municipalities);
}

type ManagedRow = Awaited<ReturnType<ReturnType<typeof selectManaged>["where"]>>[number];
const toManaged = ({ disabledAt, ...row }: ManagedRow): ManagedMunicipality => ({ ...row, disabled: disabledAt !== null });

/** Every municipality, by name. */
export async function listManagedMunicipalities(actor: Actor | null, executor: Executor = db): Promise<ManagedMunicipality[]> {
  requirePermission(actor, "municipality.manage");
  const rows = await selectManaged(executor).orderBy(asc(municipalities.name)).limit(1000);
  return rows.map(toManaged);
}

/** One municipality, or null (unknown id). */
export async function getManagedMunicipality(actor: Actor | null, id: string, executor: Executor = db): Promise<ManagedMunicipality | null> {
  requirePermission(actor, "municipality.manage");
  if (!isUuid(id)) return null;
  const [row] = await selectManaged(executor).where(eq(municipalities.id, id));
  return row ? toManaged(row) : null;
}

/** The staff and wijkagent accounts of a municipality and its open staff invitations. */
export async function listMunicipalityPeople(actor: Actor | null, id: string, now = new Date(), executor: Executor = db): Promise<MunicipalityPerson[]> {
  requirePermission(actor, "municipality.manage");
  if (!isUuid(id)) return [];
  const accounts = await executor
    .select({ id: users.id, name: users.name, email: users.email, role: users.role })
    .from(users)
    .where(and(eq(users.municipalityId, id), inArray(users.role, ["staff", "wijkagent"])))
    .orderBy(asc(users.role), asc(users.email))
    .limit(1000);
  const invitations = await executor
    .select({ id: staffInvitations.id, name: staffInvitations.name, email: staffInvitations.email, role: staffInvitations.role })
    .from(staffInvitations)
    .where(and(eq(staffInvitations.municipalityId, id), isNull(staffInvitations.acceptedAt), gt(staffInvitations.expiresAt, now)))
    .orderBy(asc(staffInvitations.email))
    .limit(1000);
  return [...accounts.map((a) => ({ ...a, invited: false })), ...invitations.map((i) => ({ ...i, invited: true }))];
}

function conflictFor(error: unknown): AppError | null {
  if (isUniqueViolation(error, "municipalities_code_unique")) {
    const message = "Er is al een gemeente met deze CBS-code.";
    return new AppError("conflict", message, { fieldErrors: { code: message } });
  }
  return null;
}

/** A slug no other municipality has: from the name, else with the CBS code added. */
async function freeSlug(tx: Executor, name: string, code: string, exceptId?: string): Promise<string> {
  const base = slugify(name) || code.toLowerCase();
  for (const candidate of [base, `${base}-${code.toLowerCase()}`]) {
    const [taken] = await tx
      .select({ id: municipalities.id })
      .from(municipalities)
      .where(exceptId ? and(eq(municipalities.slug, candidate), ne(municipalities.id, exceptId)) : eq(municipalities.slug, candidate))
      .limit(1);
    if (!taken) return candidate;
  }
  const message = "Er is al een gemeente met deze naam.";
  throw new AppError("conflict", message, { fieldErrors: { name: message } });
}

export async function createMunicipality(actor: Actor | null, input: MunicipalityInput, executor: Executor = db): Promise<{ id: string }> {
  requirePermission(actor, "municipality.manage");
  try {
    return await executor.transaction(async (tx) => {
      const slug = await freeSlug(tx, input.name, input.code);
      const [row] = await tx
        .insert(municipalities)
        .values({ code: input.code, name: input.name, slug, bordThreshold: input.bordThreshold, safetyEmail: input.safetyEmail })
        .returning({ id: municipalities.id });
      await recordAudit(tx, {
        actorUserId: actor.id,
        action: "municipality.create",
        subjectType: "municipality",
        subjectId: row!.id,
        municipalityId: row!.id,
        details: { code: input.code, threshold: input.bordThreshold },
      });
      return { id: row!.id };
    });
  } catch (error) {
    throw conflictFor(error) ?? error;
  }
}

export async function updateMunicipality(
  actor: Actor | null,
  id: string,
  input: MunicipalityInput,
  executor: Executor = db,
): Promise<{ id: string }> {
  requirePermission(actor, "municipality.manage");
  if (!isUuid(id)) throw notFound("Deze gemeente bestaat niet.");
  try {
    return await executor.transaction(async (tx) => {
      const [before] = await tx
        .select({ code: municipalities.code, name: municipalities.name, threshold: municipalities.bordThreshold })
        .from(municipalities)
        .where(eq(municipalities.id, id))
        .for("update");
      if (!before) throw notFound("Deze gemeente bestaat niet.");
      // The slug stays (links to the municipality keep working) unless the name changes.
      const slug = before.name === input.name ? undefined : await freeSlug(tx, input.name, input.code, id);
      await tx
        .update(municipalities)
        .set({ code: input.code, name: input.name, bordThreshold: input.bordThreshold, safetyEmail: input.safetyEmail, ...(slug ? { slug } : {}) })
        .where(eq(municipalities.id, id));
      await recordAudit(tx, {
        actorUserId: actor.id,
        action: "municipality.update",
        subjectType: "municipality",
        subjectId: id,
        municipalityId: id,
        details: { codeFrom: before.code, codeTo: input.code, thresholdFrom: before.threshold, thresholdTo: input.bordThreshold },
      });
      return { id };
    });
  } catch (error) {
    throw conflictFor(error) ?? error;
  }
}

/** Disables or enables a municipality; doing what is already so changes nothing. */
export async function setMunicipalityEnabled(
  actor: Actor | null,
  input: { municipalityId: string; enabled: boolean },
  executor: Executor = db,
): Promise<{ changed: boolean }> {
  requirePermission(actor, "municipality.manage");
  if (!isUuid(input.municipalityId)) throw notFound("Deze gemeente bestaat niet.");
  return executor.transaction(async (tx) => {
    const [row] = await tx
      .update(municipalities)
      .set({ disabledAt: input.enabled ? null : sql`now()` })
      .where(
        and(
          eq(municipalities.id, input.municipalityId),
          input.enabled ? sql`${municipalities.disabledAt} is not null` : isNull(municipalities.disabledAt),
        ),
      )
      .returning({ id: municipalities.id });
    if (!row) {
      const [exists] = await tx.select({ id: municipalities.id }).from(municipalities).where(eq(municipalities.id, input.municipalityId));
      if (!exists) throw notFound("Deze gemeente bestaat niet.");
      return { changed: false };
    }
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: input.enabled ? "municipality.enable" : "municipality.disable",
      subjectType: "municipality",
      subjectId: row.id,
      municipalityId: row.id,
    });
    return { changed: true };
  });
}
