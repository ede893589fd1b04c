import "server-only";
import { and, asc, count, eq, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { memberAddresses } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { requirePermission } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";
import {
  addressKey,
  formatAddress,
  isDomainError,
  parseAddressList,
  signEligibility,
  type AddressListLine,
  type NormalizedAddress,
} from "@/lib/domain";
import { AppError, notFound } from "@/lib/errors";
import { placeAddresses } from "./internal/address-placement";
import { isAdminOf, isUuid, loadAdminGroup } from "./internal/group-access";
import { countCountedAddresses } from "./internal/eligibility";
import { insertMemberAddresses, otherGroupsWithAddresses } from "./internal/member-addresses";

export const ADDRESS_PAGE_SIZE = 50;


/**
 * Reads a pasted list or CSV for saving: the distinct correct addresses, or an AppError with
 * the first problems at the field `field` (nothing is saved while a line has an error).
 */
export function readAddressListForSaving(text: string, field: string): NormalizedAddress[] {
  let lines: AddressListLine[];
  try {
    lines = parseAddressList(text);
  } catch (error) {
    if (isDomainError(error)) throw new AppError("bad_request", error.message, { fieldErrors: { [field]: error.message } });
    throw error;
  }
  const errors = lines.filter((l): l is Extract<AddressListLine, { ok: false }> => !l.ok);
  if (errors.length > 0) {
    const shown = errors.slice(0, 3).map((l) => `Regel ${l.line}: ${l.error}`);
    const more = errors.length > 3 ? ` En nog ${errors.length - 3} regels met een fout.` : "";
    const message = `${shown.join(" ")}${more} Verbeter of verwijder deze regels. Er is nog niets opgeslagen.`;
    throw new AppError("bad_request", message, { fieldErrors: { [field]: message } });
  }
  const seen = new Set<string>();
  const result: NormalizedAddress[] = [];
  for (const line of lines) {
    if (!line.ok) continue;
    const key = addressKey(line.address);
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(line.address);
  }
  return result;
}

export interface AddressCounts {
  /** All member addresses. */
  total: number;
  /** Addresses inside the municipality that count for a bord (not counted already for a group they joined earlier). */
  counted: number;
  /** Addresses inside the municipality that another active group listed first: they count there. */
  countedElsewhere: number;
  /** Addresses outside the municipality (marked, not counted). */
  outside: number;
  threshold: number;
  /** Still needed for a bord; 0 when the group may ask. */
  missing: number;
}

async function countsFor(executor: Executor, groupId: string, threshold: number): Promise<AddressCounts> {
  const [row] = await executor
    .select({
      total: count(),
      counted: sql<number>`count(*) filter (where ${memberAddresses.inMunicipality})`.mapWith(Number),
    })
    .from(memberAddresses)
    .where(eq(memberAddresses.groupId, groupId));
  const total = row?.total ?? 0;
  const inside = row?.counted ?? 0;
  const counted = await countCountedAddresses(groupId, executor);
  const { missing } = signEligibility({ distinctAddressesInMunicipality: counted, threshold });
  return { total, counted, countedElsewhere: inside - counted, outside: total - inside, threshold, missing };
}

/** The address counter of a group ("n van 50 adressen voor een bord"). */
export async function getAddressCounts(actor: Actor, groupId: string): Promise<AddressCounts> {
  requirePermission(actor, "group.manage");
  const group = await loadAdminGroup(db, actor, groupId);
  return countsFor(db, group.id, group.bordThreshold);
}

export interface MemberAddressRow {
  id: number;
  label: string;
  street: string | null;
  town: string | null;
  inMunicipality: boolean;
  verified: boolean;
}

/** One page of a group's member addresses (sorted by postcode and number), with the counts. */
export async function listMemberAddresses(
  actor: Actor,
  groupId: string,
  options: { page?: number; pageSize?: number } = {},
): Promise<AddressCounts & { items: MemberAddressRow[]; page: number; pageCount: number }> {
  requirePermission(actor, "group.manage");
  const group = await loadAdminGroup(db, actor, groupId);
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
      verified: memberAddresses.verified,
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
      verified: r.verified,
    })),
  };
}

/** Adds one address (with the admin's statement, checked by the schema). */
export async function addMemberAddress(
  actor: Actor,
  groupId: string,
  address: NormalizedAddress,
): Promise<{ inMunicipality: boolean; alsoInGroups: string[] }> {
  requirePermission(actor, "group.manage");
  const ref = await loadAdminGroup(db, actor, groupId);
  const placements = await placeAddresses([address], { id: ref.municipalityId, code: ref.municipalityCode });
  return db.transaction(async (tx) => {
    const group = await loadAdminGroup(tx, actor, groupId);
    const added = await insertMemberAddresses(tx, group, [address], placements, actor.id);
    if (added === 0) {
      throw new AppError("conflict", "Dit adres staat al in de lijst van de groep.", {
        fieldErrors: { postcode: "Dit adres staat al in de lijst van de groep." },
      });
    }
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: "group.add_addresses",
      subjectType: "group",
      subjectId: group.id,
      municipalityId: group.municipalityId,
      details: { added: 1 },
    });
    const others = await otherGroupsWithAddresses(tx, group.id, [address]);
    return { inMunicipality: placements.get(addressKey(address))?.inMunicipality ?? false, alsoInGroups: others.map((o) => o.name) };
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
): Promise<{ added: number; alreadyPresent: number; outside: number; alsoInGroups: Array<{ name: string; addresses: number }> }> {
  requirePermission(actor, "group.manage");
  const ref = await loadAdminGroup(db, actor, groupId);
  const list = readAddressListForSaving(text, "text");
  if (list.length === 0) {
    throw new AppError("bad_request", "Er staan geen adressen in deze lijst.", { fieldErrors: { text: "Er staan geen adressen in deze lijst." } });
  }
  const placements = await placeAddresses(list, { id: ref.municipalityId, code: ref.municipalityCode });
  const outside = list.filter((a) => !placements.get(addressKey(a))?.inMunicipality).length;
  return db.transaction(async (tx) => {
    const group = await loadAdminGroup(tx, actor, groupId);
    const added = await insertMemberAddresses(tx, group, list, placements, actor.id);
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: "group.add_addresses",
      subjectType: "group",
      subjectId: group.id,
      municipalityId: group.municipalityId,
      details: { added, lines: list.length },
    });
    const alsoInGroups = await otherGroupsWithAddresses(tx, group.id, list);
    return { added, alreadyPresent: list.length - added, outside, alsoInGroups };
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
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: "group.remove_address",
      subjectType: "group",
      subjectId: group.id,
      municipalityId: group.municipalityId,
      details: { addressId },
    });
  });
}
