/**
 * Wijken (name, CBS code, postcodes, number of addresses) and their contacts (wijkagenten and
 * wethouders), kept by staff of the municipality. Platform admins work on the municipality they
 * choose. Every change is audited.
 */
import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { areaPostcodes, areas, contactAreas, contacts, users, type ContactKind } from "@/db/schema";
import { requirePermission } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";
import { recordAudit } from "@/lib/audit";
import { AppError, isUniqueViolation, notFound } from "@/lib/errors";
import { parseBoundaryCollection } from "@/lib/domain/geo";
import type { AreaInput, ContactInput } from "@/lib/validation/staff";
import { contactColumns } from "../internal/contact-columns";
import { assertPostcodesFree, lockPostcodeAreas, postcodeClaimError } from "../internal/postcode-claims";
import { municipalityToChange, resolveStaffMunicipality } from "./scope";

export interface StaffArea {
  id: string;
  code: string;
  name: string;
  slug: string;
  totalAddresses: number | null;
  postcodes: string[];
  groups: number;
  /** Whether an outline for the map is stored. */
  hasBoundary: boolean;
}

export interface StaffContact {
  id: string;
  kind: ContactKind;
  name: string;
  email: string;
  phone: string | null;
  /** Whether the contact signs in with an account (a wijkagent's view of their wijken). */
  hasAccount: boolean;
  areaIds: string[];
}

async function municipalityFor(actor: Actor | null, municipalityId: string | null | undefined, executor: Executor) {
  const m = await resolveStaffMunicipality(actor, municipalityId, executor);
  if (!m) throw notFound();
  return m;
}

export async function listAreasForStaff(
  actor: Actor | null,
  municipalityId?: string | null,
  executor: Executor = db,
): Promise<{ municipality: { id: string; name: string }; areas: StaffArea[]; contacts: StaffContact[] }> {
  requirePermission(actor, "staff.view");
  const municipality = await municipalityFor(actor, municipalityId, executor);
  const areaRows = await executor
    .select({
      id: areas.id,
      code: areas.code,
      name: areas.name,
      slug: areas.slug,
      totalAddresses: areas.totalAddresses,
      hasBoundary: sql<boolean>`${areas.boundary} is not null`,
      // Qualified by hand: drizzle leaves column names unqualified in the select list of a one-table query.
      groups: sql<number>`(select count(*)::int from groups g where g.area_id = ${sql.identifier("areas")}.${sql.identifier("id")} and g.status = 'active')`,
    })
    .from(areas)
    .where(eq(areas.municipalityId, municipality.id))
    .orderBy(asc(areas.name));
  const postcodeRows = areaRows.length
    ? await executor
        .select({ areaId: areaPostcodes.areaId, postcode: areaPostcodes.postcode })
        .from(areaPostcodes)
        .where(inArray(areaPostcodes.areaId, areaRows.map((a) => a.id)))
        .orderBy(asc(areaPostcodes.postcode))
    : [];
  const contactRows = await executor
    .select({ ...contactColumns, userId: contacts.userId })
    .from(contacts)
    .where(eq(contacts.municipalityId, municipality.id))
    .orderBy(asc(contacts.kind), asc(contacts.name));
  const links = contactRows.length
    ? await executor
        .select({ contactId: contactAreas.contactId, areaId: contactAreas.areaId })
        .from(contactAreas)
        .where(inArray(contactAreas.contactId, contactRows.map((c) => c.id)))
    : [];
  return {
    municipality: { id: municipality.id, name: municipality.name },
    areas: areaRows.map((a) => ({
      ...a,
      groups: Number(a.groups),
      postcodes: postcodeRows.filter((p) => p.areaId === a.id).map((p) => p.postcode),
    })),
    contacts: contactRows.map(({ userId, ...c }) => ({
      ...c,
      hasAccount: userId !== null,
      areaIds: links.filter((l) => l.contactId === c.id).map((l) => l.areaId),
    })),
  };
}

function slugFor(name: string, code: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 50)
    .replace(/-+$/g, "");
  return base || code.toLowerCase();
}

/** Creates a wijk (no areaId) or changes one of the actor's municipality. */
export async function saveArea(
  actor: Actor | null,
  input: AreaInput,
  municipalityId?: string | null,
  executor: Executor = db,
): Promise<{ id: string }> {
  requirePermission(actor, "area.edit");
  const { staff, municipality } = await municipalityToChange(actor, municipalityId, executor);
  try {
    return await executor.transaction(async (tx) => {
      let id: string;
      if (input.areaId) {
        const updated = await tx
          .update(areas)
          .set({ name: input.name, code: input.code, totalAddresses: input.totalAddresses })
          .where(and(eq(areas.id, input.areaId), eq(areas.municipalityId, municipality.id)))
          .returning({ id: areas.id });
        if (updated.length === 0) throw notFound("Deze wijk bestaat niet (meer), of hoort niet bij uw gemeente.");
        id = updated[0].id;
        await tx.delete(areaPostcodes).where(eq(areaPostcodes.areaId, id));
      } else {
        let slug = slugFor(input.name, input.code);
        const [taken] = await tx.select({ id: areas.id }).from(areas).where(eq(areas.slug, slug));
        if (taken) slug = `${slug}-${input.code.slice(2).toLowerCase()}`;
        const [created] = await tx
          .insert(areas)
          .values({ municipalityId: municipality.id, name: input.name, code: input.code, slug, totalAddresses: input.totalAddresses })
          .returning({ id: areas.id });
        id = created.id;
      }
      await lockPostcodeAreas(tx, input.postcodes);
      await assertPostcodesFree(tx, municipality.id, input.postcodes);
      await tx.insert(areaPostcodes).values(input.postcodes.map((postcode) => ({ areaId: id, postcode })));
      await recordAudit(tx, {
        actorUserId: staff.id,
        action: input.areaId ? "area.update" : "area.create",
        subjectType: "area",
        subjectId: id,
        municipalityId: municipality.id,
        details: { postcodes: input.postcodes.length },
      });
      return { id };
    });
  } catch (error) {
    const claimed = postcodeClaimError(error);
    if (claimed) throw claimed;
    if (isUniqueViolation(error, "areas_code_unique")) {
      throw new AppError("conflict", "Deze CBS-code hoort al bij een andere wijk.", { fieldErrors: { code: "Deze CBS-code hoort al bij een andere wijk." } });
    }
    if (isUniqueViolation(error, "areas_municipality_name_unique")) {
      throw new AppError("conflict", "Er is al een wijk met deze naam.", { fieldErrors: { name: "Er is al een wijk met deze naam." } });
    }
    throw error;
  }
}

/** Creates or changes a contact; a wijkagent is linked to the wijkagent account with the same e-mail. */
export async function saveContact(
  actor: Actor | null,
  input: ContactInput,
  municipalityId?: string | null,
  executor: Executor = db,
): Promise<{ id: string }> {
  requirePermission(actor, "area.edit");
  const { staff, municipality } = await municipalityToChange(actor, municipalityId, executor);
  return executor.transaction(async (tx) => {
    const own = await tx
      .select({ id: areas.id })
      .from(areas)
      .where(and(eq(areas.municipalityId, municipality.id), inArray(areas.id, input.areaIds)));
    if (own.length !== new Set(input.areaIds).size) {
      throw new AppError("bad_request", "Kies wijken van uw eigen gemeente.", { fieldErrors: { areaIds: "Kies wijken uit de lijst." } });
    }
    const [account] =
      input.kind === "wijkagent"
        ? await tx
            .select({ id: users.id })
            .from(users)
            .where(and(eq(users.email, input.email), eq(users.role, "wijkagent"), eq(users.municipalityId, municipality.id)))
        : [];
    const values = { kind: input.kind, name: input.name, email: input.email, phone: input.phone, userId: account?.id ?? null };
    let id: string;
    if (input.contactId) {
      const updated = await tx
        .update(contacts)
        .set(values)
        .where(and(eq(contacts.id, input.contactId), eq(contacts.municipalityId, municipality.id)))
        .returning({ id: contacts.id });
      if (updated.length === 0) throw notFound("Deze contactpersoon bestaat niet (meer).");
      id = updated[0].id;
      await tx.delete(contactAreas).where(eq(contactAreas.contactId, id));
    } else {
      const [created] = await tx.insert(contacts).values({ ...values, municipalityId: municipality.id }).returning({ id: contacts.id });
      id = created.id;
    }
    await tx.insert(contactAreas).values([...new Set(input.areaIds)].map((areaId) => ({ contactId: id, areaId })));
    await recordAudit(tx, {
      actorUserId: staff.id,
      action: input.contactId ? "contact.update" : "contact.create",
      subjectType: "contact",
      subjectId: id,
      municipalityId: municipality.id,
      details: { kind: input.kind, areas: input.areaIds.length },
    });
    return { id };
  });
}

export async function deleteContact(
  actor: Actor | null,
  contactId: string,
  municipalityId?: string | null,
  executor: Executor = db,
): Promise<void> {
  requirePermission(actor, "area.edit");
  const { staff, municipality } = await municipalityToChange(actor, municipalityId, executor);
  await executor.transaction(async (tx) => {
    const deleted = await tx
      .delete(contacts)
      .where(and(eq(contacts.id, contactId), eq(contacts.municipalityId, municipality.id)))
      .returning({ id: contacts.id, kind: contacts.kind });
    if (deleted.length === 0) throw notFound("Deze contactpersoon bestaat niet (meer).");
    await recordAudit(tx, {
      actorUserId: staff.id,
      action: "contact.delete",
      subjectType: "contact",
      subjectId: contactId,
      municipalityId: municipality.id,
      details: { kind: deleted[0].kind },
    });
  });
}

export interface BoundaryImportResult {
  /** Wijk codes whose outline was stored. */
  updated: string[];
  /** Wijk codes in the file that are not wijken of this municipality (left alone). */
  unknown: string[];
  /** Wijken of the municipality that the file has no outline for (kept as they were). */
  missing: string[];
}

/**
 * Stores wijk outlines from a CBS wijk- en buurtkaart GeoJSON FeatureCollection (PDOK; WGS84 or
 * RD New), simplified (lib/domain/geo.ts). Only wijken of the actor's municipality that exist
 * already are updated, matched on their CBS code; the rest of the file is reported, not stored.
 * A file with a problem stores nothing and says what to fix.
 */
export async function importAreaBoundaries(
  actor: Actor | null,
  municipalityId: string | null | undefined,
  geojsonText: string,
  executor: Executor = db,
): Promise<BoundaryImportResult> {
  requirePermission(actor, "area.edit");
  const { staff, municipality } = await municipalityToChange(actor, municipalityId, executor);
  const parsed = parseBoundaryCollection(geojsonText);
  if (!parsed.ok) throw new AppError("bad_request", parsed.message, { fieldErrors: { file: parsed.message } });
  return executor.transaction(async (tx) => {
    const own = await tx
      .select({ id: areas.id, code: areas.code })
      .from(areas)
      .where(eq(areas.municipalityId, municipality.id))
      .orderBy(asc(areas.code));
    const byCode = new Map(own.map((a) => [a.code, a.id]));
    const features = [...parsed.features].sort((a, b) => a.code.localeCompare(b.code));
    const matched = features.filter((f) => byCode.has(f.code));
    if (matched.length === 0) {
      const message = "Geen van de wijkcodes in het bestand hoort bij een wijk van uw gemeente. Voeg eerst de wijken toe, of kies het bestand van uw gemeente.";
      throw new AppError("bad_request", message, { fieldErrors: { file: message } });
    }
    for (const feature of matched) {
      await tx.update(areas).set({ boundary: feature.geometry }).where(eq(areas.id, byCode.get(feature.code)!));
    }
    const inFile = new Set(features.map((f) => f.code));
    const result: BoundaryImportResult = {
      updated: matched.map((f) => f.code),
      unknown: features.filter((f) => !byCode.has(f.code)).map((f) => f.code),
      missing: own.filter((a) => !inFile.has(a.code)).map((a) => a.code),
    };
    await recordAudit(tx, {
      actorUserId: staff.id,
      action: "area.boundaries_import",
      subjectType: "municipality",
      subjectId: municipality.id,
      municipalityId: municipality.id,
      details: { updated: result.updated.length, unknown: result.unknown.length, coordinates: parsed.coordinateSystem },
    });
    return result;
  });
}
