import "server-only";
import { and, asc, count, eq, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { memberAddresses, type AddressCheck } from "@/db/schema";
import { countedAddress } from "@/lib/data/internal/counted-addresses";
import { recordAudit } from "@/lib/audit";
import type { AuditAction } from "@/lib/domain/audit-log";
import { requirePermission } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";
import {
  addressKey,
  formatAddress,
  isDomainError,
  parseAddressList,
  bordEligibility,
  type AddressListLine,
  type NormalizedAddress,
  type StreetLine,
} from "@/lib/domain";
import { mapWithLimit, type AddressLookup } from "@/lib/address";
import { AppError, notFound } from "@/lib/errors";
import { addressLookup, placeAddresses, refuseIfRefused, refuseListIfRefused } from "@/lib/data/internal/address-placement";
import { isAdminOf, findAdminGroup, loadAdminGroup } from "@/lib/data/internal/group-access";
import { isUuid } from "@/lib/domain/ids";
import { countCountedAddresses } from "@/lib/data/internal/eligibility";
import { insertMemberAddresses, otherGroupsWithAddresses } from "@/lib/data/internal/member-addresses";

/** The audit entry of a change an admin made to the group's address list. */
function recordAddressListAudit(
  tx: Executor,
  actor: Actor,
  group: { id: string; municipalityId: string },
  action: AuditAction,
  details: Record<string, unknown>,
) {
  return recordAudit(tx, { actorUserId: actor.id, action, subjectType: "group", subjectId: group.id, municipalityId: group.municipalityId, details });
}

export const ADDRESS_PAGE_SIZE = 50;


/** A list read for saving: the distinct addresses and the line each came from. */
export interface AddressListForSaving {
  addresses: NormalizedAddress[];
  lineOf: (address: NormalizedAddress) => number | undefined;
}

const STREET_NOT_FOUND = "deze straat met dit huisnummer staat niet in de landelijke adressenlijst van deze gemeente. Vul de postcode in.";
const STREET_AMBIGUOUS = "deze straat met dit huisnummer bestaat op meer plaatsen in de gemeente. Vul de postcode in.";
const STREET_UNAVAILABLE = "de postcode kon nu niet worden opgezocht. Vul de postcode in of probeer het later opnieuw.";

function listError(field: string, errors: Array<{ line: number; error: string }>): AppError {
  const shown = errors.slice(0, 3).map((l) => `Regel ${l.line}: ${l.error}`);
  const more = errors.length > 3 ? ` En nog ${errors.length - 3} regels met een fout.` : "";
  const message = `${shown.join(" ")}${more} Verbeter of verwijder deze regels. Er is nog niets opgeslagen.`;
  return new AppError("bad_request", message, { fieldErrors: { [field]: message } });
}

/**
 * Reads a pasted list or CSV for saving: the distinct correct addresses, or an AppError with
 * the first problems at the field `field` (nothing is saved while a line has an error). Lines
 * with a street and house number ("Lansinghlaan 15") get their postcode from the address
 * register, within `municipalityCode`.
 */
export async function readAddressListForSaving(
  text: string,
  field: string,
  municipalityCode: string,
  lookup: AddressLookup = addressLookup(),
): Promise<AddressListForSaving> {
  let lines: AddressListLine[];
  try {
    lines = parseAddressList(text);
  } catch (error) {
    if (isDomainError(error)) throw new AppError("bad_request", error.message, { fieldErrors: { [field]: error.message } });
    throw error;
  }
  const errors = lines.filter((l): l is Extract<AddressListLine, { ok: false }> => !l.ok && !l.street);
  const streetLines = lines.filter((l): l is Extract<AddressListLine, { ok: false }> & { street: StreetLine } => !l.ok && !!l.street);
  // Street lines are looked up only when the rest of the list is correct, or to report them with it.
  const resolved = await mapWithLimit(streetLines, 8, (l) => lookup.findStreetAddress({ ...l.street, municipalityCode }));
  const streetErrors = streetLines.flatMap((l, i) => {
    const r = resolved[i];
    if (r.kind === "found") return [];
    const error = r.kind === "ambiguous" ? STREET_AMBIGUOUS : r.kind === "unavailable" ? STREET_UNAVAILABLE : STREET_NOT_FOUND;
    return [{ line: l.line, error }];
  });
  if (errors.length + streetErrors.length > 0) {
    throw listError(field, [...errors, ...streetErrors].sort((a, b) => a.line - b.line));
  }
  const fromStreet = new Map(streetLines.map((l, i) => [l.line, resolved[i]]));
  const lineByKey = new Map<string, number>();
  const result: NormalizedAddress[] = [];
  for (const line of lines) {
    const found = line.ok ? line.address : fromStreet.get(line.line);
    const address = found && "kind" in found ? (found.kind === "found" ? found.address : null) : (found ?? null);
    if (!address) continue;
    const key = addressKey(address);
    if (lineByKey.has(key)) continue;
    lineByKey.set(key, line.line);
    result.push(address);
  }
  return { addresses: result, lineOf: (a) => lineByKey.get(addressKey(a)) };
}

export interface AddressCounts {
  /** All member addresses. */
  total: number;
  /** Verified addresses inside the municipality that count for a bord (not those another group had first). */
  counted: number;
  /** Addresses inside the municipality that another active group listed first: they count there. */
  countedElsewhere: number;
  /** Addresses outside the municipality (marked, not counted). */
  outside: number;
  /** Addresses not yet checked against the address register (not counted until checked). */
  unchecked: number;
  threshold: number;
  /** Still needed for a bord; 0 when the group may ask. */
  missing: number;
}

async function countsFor(executor: Executor, groupId: string, threshold: number): Promise<AddressCounts> {
  const [row] = await executor
    .select({
      total: count(),
      counted: sql<number>`count(*) filter (where ${countedAddress})`.mapWith(Number),
      outside: sql<number>`count(*) filter (where not ${memberAddresses.inMunicipality})`.mapWith(Number),
      unchecked: sql<number>`count(*) filter (where ${memberAddresses.verification} <> 'verified')`.mapWith(Number),
    })
    .from(memberAddresses)
    .where(eq(memberAddresses.groupId, groupId));
  const total = row?.total ?? 0;
  const inside = row?.counted ?? 0;
  const counted = await countCountedAddresses(groupId, executor);
  const { missing } = bordEligibility({ distinctAddressesInMunicipality: counted, threshold });
  return { total, counted, countedElsewhere: inside - counted, outside: row?.outside ?? 0, unchecked: row?.unchecked ?? 0, threshold, missing };
}

/** The address counter of a group ("n van 50 adressen voor een bord"). */
export async function getAddressCounts(actor: Actor, groupId: string): Promise<AddressCounts | null> {
  requirePermission(actor, "group.manage");
  const group = await findAdminGroup(db, actor, groupId);
  if (!group) return null;
  return countsFor(db, group.id, group.bordThreshold);
}

export interface MemberAddressRow {
  id: number;
  label: string;
  street: string | null;
  town: string | null;
  inMunicipality: boolean;
  verification: AddressCheck;
}

/** One page of a group's member addresses (sorted by postcode and number), with the counts. */
export async function listMemberAddresses(
  actor: Actor,
  groupId: string,
  options: { page?: number; pageSize?: number } = {},
): Promise<(AddressCounts & { items: MemberAddressRow[]; page: number; pageCount: number }) | null> {
  requirePermission(actor, "group.manage");
  const group = await findAdminGroup(db, actor, groupId);
  if (!group) return null;
  const pageSize = Math.min(Math.max(options.pageSize ?? ADDRESS_PAGE_SIZE, 1), 500);
  const counts = await countsFor(db, group.id, group.bordThreshold);
  const pageCount = Math.max(1, Math.ceil(counts.total / pageSize));
  const page = Math.min(Math.max(Math.trunc(options.page ?? 1) || 1, 1), pageCount);
  const rows = await db
    .select({
      id: memberAddresses.id,
      postcode: memberAddresses.postcode,
      houseNumber: memberAddresses.houseNumber,
      addition: memberAddresses.addition,
      street: memberAddresses.street,
      town: memberAddresses.town,
      inMunicipality: memberAddresses.inMunicipality,
      verification: memberAddresses.verification,
    })
    .from(memberAddresses)
    .where(eq(memberAddresses.groupId, group.id))
    .orderBy(asc(memberAddresses.postcode), asc(memberAddresses.houseNumber), asc(memberAddresses.addition))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return {
    ...counts,
    page,
    pageCount,
    items: rows.map((r) => ({
      id: r.id,
      label: formatAddress(r),
      street: r.street,
      town: r.town,
      inMunicipality: r.inMunicipality,
      verification: r.verification,
    })),
  };
}

/** Adds one address (with the admin's statement, checked by the schema). */
export async function addMemberAddress(
  actor: Actor,
  groupId: string,
  address: NormalizedAddress,
): Promise<{ inMunicipality: boolean; verification: AddressCheck; alsoInGroups: string[] }> {
  requirePermission(actor, "group.manage");
  const ref = await loadAdminGroup(db, actor, groupId);
  const placements = await placeAddresses([address], { id: ref.municipalityId, code: ref.municipalityCode, name: ref.municipalityName });
  refuseIfRefused(address, placements, "postcode");
  return db.transaction(async (tx) => {
    const group = await loadAdminGroup(tx, actor, groupId);
    const added = await insertMemberAddresses(tx, group, [address], placements, actor.id);
    if (added === 0) {
      throw new AppError("conflict", "Dit adres staat al in de lijst van de groep.", {
        fieldErrors: { postcode: "Dit adres staat al in de lijst van de groep." },
      });
    }
    await recordAddressListAudit(tx, actor, group, "group.add_addresses", { added: 1 });
    const placement = placements.get(addressKey(address));
    const others = await otherGroupsWithAddresses(tx, group.id, [address]);
    return { inMunicipality: placement?.inMunicipality ?? false, verification: placement?.verification ?? "unchecked", alsoInGroups: others.map((o) => o.name) };
  });
}

/**
 * Adds a pasted list or CSV. Nothing is saved while a line has an error; addresses the group
 * has already are skipped and counted.
 */
export async function addMemberAddressList(
  actor: Actor,
  groupId: string,
  text: string,
): Promise<{ added: number; alreadyPresent: number; outside: number; unchecked: number; alsoInGroups: Array<{ name: string; addresses: number }> }> {
  requirePermission(actor, "group.manage");
  const ref = await loadAdminGroup(db, actor, groupId);
  const { addresses: list, lineOf } = await readAddressListForSaving(text, "text", ref.municipalityCode);
  if (list.length === 0) {
    throw new AppError("bad_request", "Er staan geen adressen in deze lijst.", { fieldErrors: { text: "Er staan geen adressen in deze lijst." } });
  }
  const placements = await placeAddresses(list, { id: ref.municipalityId, code: ref.municipalityCode, name: ref.municipalityName });
  refuseListIfRefused(list, placements, "text", lineOf);
  const outside = list.filter((a) => !placements.get(addressKey(a))?.inMunicipality).length;
  const unchecked = list.filter((a) => placements.get(addressKey(a))?.verification !== "verified").length;
  return db.transaction(async (tx) => {
    const group = await loadAdminGroup(tx, actor, groupId);
    const added = await insertMemberAddresses(tx, group, list, placements, actor.id);
    await recordAddressListAudit(tx, actor, group, "group.add_addresses", { added, lines: list.length });
    const alsoInGroups = await otherGroupsWithAddresses(tx, group.id, list);
    return { added, alreadyPresent: list.length - added, outside, unchecked, alsoInGroups };
  });
}

/** Removes one member address of the group. */
export async function removeMemberAddress(actor: Actor, groupId: string, addressId: number): Promise<void> {
  requirePermission(actor, "group.manage");
  if (!isUuid(groupId) || !Number.isSafeInteger(addressId) || addressId < 1) throw notFound("Dit adres bestaat niet (meer).");
  await db.transaction(async (tx) => {
    // The group row is locked first: a bord approval recounts the addresses under the same
    // lock, so it never approves on a count this removal is about to lower.
    const group = await loadAdminGroup(tx, actor, groupId, { lock: true });
    const deleted = await tx
      .delete(memberAddresses)
      .where(and(eq(memberAddresses.id, addressId), eq(memberAddresses.groupId, group.id), isAdminOf(actor, memberAddresses.groupId)))
      .returning({ id: memberAddresses.id });
    if (deleted.length === 0) throw notFound("Dit adres bestaat niet (meer).");
    await recordAddressListAudit(tx, actor, group, "group.remove_address", { addressId });
  });
}
