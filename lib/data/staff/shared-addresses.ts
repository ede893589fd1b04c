/**
 * Staff's decision on addresses that two groups share: by default a shared address
 * counts for a bord only for the group it joined first; staff can make it count for the other
 * group instead, or go back to the first-joined rule. Stored per address with who and when
 * (shared_address_decisions) and in the audit log (counts and ids only, never the address).
 * The count itself is lib/data/internal/counted-addresses.ts.
 */
import "server-only";
import { and, inArray, sql } from "drizzle-orm";
import { db, selectRows } from "@/db";
import { groups, sharedAddressDecisions } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { requirePermission } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";
import { AppError, notFound } from "@/lib/errors";
import type { SharedAddressDecisionInput } from "@/lib/validation/staff";
import { municipalityCondition, staffScope } from "../internal/staff-scope";

export const NOT_SHARED_MESSAGE = "Dit adres staat niet bij allebei de groepen. Kies een adres dat beide groepen hebben.";
export const NOTHING_SHARED_MESSAGE = "Deze groepen hebben geen adressen (meer) samen. Laad de pagina opnieuw.";

export interface SharedAddressOutcome {
  municipalityId: string;
  /** How many shared addresses the decision was about. */
  addresses: number;
}

/**
 * Makes the addresses `groupId` and `otherGroupId` share count for `groupId`, or (countFor
 * "first_joined") for the group each joined first again. Both groups must be active groups of
 * a municipality the actor works for, else not_found (someone else's ids do not exist). Both
 * group rows are locked first (in id order), so a decision and a bord approval of either group
 * run one after the other (lib/data/internal/group-lock.ts).
 */
export async function decideSharedAddresses(actor: Actor, input: SharedAddressDecisionInput, now = new Date()): Promise<SharedAddressOutcome> {
  requirePermission(actor, "address.decide_shared");
  const staff = staffScope(actor);
  return db.transaction(async (tx) => {
    const ids = [input.groupId, input.otherGroupId].sort();
    const rows = await tx
      .select({ id: groups.id, municipalityId: groups.municipalityId, status: groups.status })
      .from(groups)
      .where(and(inArray(groups.id, ids), municipalityCondition(staff, groups.municipalityId)))
      .orderBy(groups.id)
      .for("update");
    const group = rows.find((r) => r.id === input.groupId);
    const other = rows.find((r) => r.id === input.otherGroupId);
    if (!group || !other || group.municipalityId !== other.municipalityId) throw notFound();
    if (group.status !== "active" || other.status !== "active") {
      throw new AppError("conflict", "Een van deze groepen is opgeheven. Laad de pagina opnieuw.");
    }

    const address = input.address;
    const shared = await selectRows<{ postcode: string; house_number: number; addition: string }>(
      tx,
      sql`select a.postcode, a.house_number, a.addition
          from member_addresses a
          join member_addresses b
            on b.group_id = ${other.id}::uuid and b.postcode = a.postcode and b.house_number = a.house_number and b.addition = a.addition
          where a.group_id = ${group.id}::uuid
            ${address ? sql`and a.postcode = ${address.postcode} and a.house_number = ${address.houseNumber} and a.addition = ${address.addition}` : sql``}`,
    );
    if (shared.length === 0) {
      if (address) throw new AppError("bad_request", NOT_SHARED_MESSAGE, { fieldErrors: { postcode: NOT_SHARED_MESSAGE } });
      throw new AppError("conflict", NOTHING_SHARED_MESSAGE);
    }

    if (input.countFor === "group") {
      // One decision per address: a later decision replaces an earlier one.
      for (let i = 0; i < shared.length; i += 1000) {
        await tx
          .insert(sharedAddressDecisions)
          .values(
            shared.slice(i, i + 1000).map((s) => ({
              municipalityId: group.municipalityId,
              postcode: s.postcode,
              houseNumber: Number(s.house_number),
              addition: s.addition,
              groupId: group.id,
              decidedByUserId: actor.id,
              decidedAt: now,
            })),
          )
          .onConflictDoUpdate({
            target: [sharedAddressDecisions.postcode, sharedAddressDecisions.houseNumber, sharedAddressDecisions.addition],
            set: { groupId: group.id, municipalityId: group.municipalityId, decidedByUserId: actor.id, decidedAt: now },
          });
      }
    } else {
      // Back to the first-joined rule: drop the decisions for these addresses that name either group.
      await tx.execute(
        sql`delete from shared_address_decisions d
            using member_addresses a
            join member_addresses b
              on b.group_id = ${other.id}::uuid and b.postcode = a.postcode and b.house_number = a.house_number and b.addition = a.addition
            where a.group_id = ${group.id}::uuid
              and d.postcode = a.postcode and d.house_number = a.house_number and d.addition = a.addition
              and d.group_id in (${group.id}::uuid, ${other.id}::uuid)
              ${address ? sql`and a.postcode = ${address.postcode} and a.house_number = ${address.houseNumber} and a.addition = ${address.addition}` : sql``}`,
      );
    }

    await recordAudit(tx, {
      actorUserId: actor.id,
      action: input.countFor === "group" ? "shared_address.count_for_group" : "shared_address.first_joined",
      subjectType: "group",
      subjectId: group.id,
      municipalityId: group.municipalityId,
      details: { otherGroupId: other.id, addresses: shared.length, oneAddress: address !== null },
    });
    return { municipalityId: group.municipalityId, addresses: shared.length };
  });
}
