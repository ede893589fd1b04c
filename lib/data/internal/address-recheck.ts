/**
 * The re-check of "niet gecontroleerd" member addresses: addresses stored while the
 * address register could not be reached (or a pasted list too long to check one by one) are
 * checked again when it is back. Run by the job in lib/server/address-recheck-job.ts; no actor.
 *
 * - Claiming: one statement takes due rows (`verification = 'unchecked'` and `next_check_at`
 *   passed) with `FOR UPDATE SKIP LOCKED` and moves their `next_check_at` CLAIM_SECONDS ahead,
 *   so two workers (or two servers) never check the same row, and a worker that died leaves
 *   them due again once the claim ran out.
 * - Verified in the group's municipality: verified (it counts from now on), street, town, wijk.
 *   Verified in another municipality: verified but outside (it never counts). Not found:
 *   not_found (shown to the admins and staff; never counts). Still unreachable: tried again
 *   after RETRY_SECONDS.
 * - Each update only changes a row that is still unchecked. Nothing is logged per address.
 */
import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { getDatabase, selectRows, type Executor } from "@/db";
import { areas, memberAddresses } from "@/db/schema";
import type { AddressLookup } from "@/lib/address";
import { addressLookup } from "./address-placement";

export const CLAIM_SECONDS = 120;
export const RETRY_SECONDS = 5 * 60;
/** When no register answers at all (production without ADDRESS_LOOKUP_URL): once an hour. */
export const NOT_CONFIGURED_RETRY_SECONDS = 60 * 60;

export interface RecheckReport {
  claimed: number;
  verified: number;
  outside: number;
  notFound: number;
  stillUnchecked: number;
}

interface ClaimedRow {
  id: number | string;
  postcode: string;
  house_number: number;
  addition: string;
  municipality_id: string;
  municipality_code: string;
}

export async function recheckUncheckedAddresses(
  options: { now?: Date; limit?: number; lookup?: AddressLookup; executor?: Executor } = {},
): Promise<RecheckReport> {
  const now = options.now ?? new Date();
  const limit = Math.max(1, Math.min(options.limit ?? 100, 1000));
  const executor = options.executor ?? getDatabase().db;
  const lookup = options.lookup ?? addressLookup();
  const nowSql = sql`${now.toISOString()}::timestamptz`;
  const claimedUntil = new Date(now.getTime() + CLAIM_SECONDS * 1000).toISOString();

  const claimed = await selectRows<ClaimedRow>(
    executor,
    sql`with due as (
          select id from member_addresses
          where verification = 'unchecked' and next_check_at <= ${nowSql}
          order by next_check_at, id
          limit ${limit}
          for update skip locked
        )
        update member_addresses as m
        set next_check_at = ${claimedUntil}::timestamptz
        from due, groups g, municipalities mu
        where m.id = due.id and g.id = m.group_id and mu.id = g.municipality_id
        returning m.id, m.postcode, m.house_number, m.addition, mu.id as municipality_id, mu.code as municipality_code`,
  );
  const report: RecheckReport = { claimed: claimed.length, verified: 0, outside: 0, notFound: 0, stillUnchecked: 0 };
  if (claimed.length === 0) return report;

  const verifications = await lookup.verifyMany(
    claimed.map((r) => ({ postcode: r.postcode, houseNumber: Number(r.house_number), addition: r.addition })),
  );
  const areaCodes = [...new Set(verifications.flatMap((v) => (v.verified && v.areaCode ? [v.areaCode] : [])))];
  const areaRows = areaCodes.length
    ? await executor.select({ id: areas.id, code: areas.code, municipalityId: areas.municipalityId }).from(areas).where(inArray(areas.code, areaCodes))
    : [];
  const areaByCode = new Map(areaRows.map((a) => [a.code, a]));

  for (const [index, row] of claimed.entries()) {
    const verification = verifications[index];
    const id = Number(row.id);
    const stillUnchecked = and(eq(memberAddresses.id, id), eq(memberAddresses.verification, "unchecked"));
    if (verification.verified) {
      const inMunicipality = verification.municipalityCode === row.municipality_code;
      const area = verification.areaCode ? areaByCode.get(verification.areaCode) : undefined;
      await executor
        .update(memberAddresses)
        .set({
          verification: "verified",
          nextCheckAt: null,
          inMunicipality,
          street: verification.street,
          town: verification.town,
          ...(inMunicipality && area && area.municipalityId === row.municipality_id ? { areaId: area.id } : {}),
        })
        .where(stillUnchecked);
      if (inMunicipality) report.verified += 1;
      else report.outside += 1;
    } else if (verification.reason === "not_found") {
      await executor.update(memberAddresses).set({ verification: "not_found", nextCheckAt: null }).where(stillUnchecked);
      report.notFound += 1;
    } else {
      const wait = verification.reason === "not_configured" ? NOT_CONFIGURED_RETRY_SECONDS : RETRY_SECONDS;
      await executor
        .update(memberAddresses)
        .set({ nextCheckAt: new Date(now.getTime() + wait * 1000) })
        .where(stillUnchecked);
      report.stillUnchecked += 1;
    }
  }
  return report;
}
