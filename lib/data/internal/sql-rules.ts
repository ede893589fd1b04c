/**
 * The rules of lib/domain that queries need inside SQL, generated from the same constants as
 * SQL text: the time zone of calendar dates, the open bord-request statuses, and the public
 * bord status of a group. Literals rather than parameters, so that a query's text stays
 * constant (prepared once per connection) and the planner sees the values. Every value is
 * checked to be a plain word before it becomes SQL text.
 */
import "server-only";
import { sql } from "drizzle-orm";
import { DUTCH_TIME_ZONE } from "@/lib/domain/dates";
import { OPEN_BORD_REQUEST_STATUSES } from "@/lib/domain/bord-request";

function literal(value: string): string {
  if (!/^[A-Za-z_/]+$/.test(value)) throw new Error(`not a plain SQL literal: ${value}`);
  return `'${value}'`;
}

/** `'Europe/Amsterdam'`, for `at time zone`. */
export const DUTCH_TIME_ZONE_SQL_TEXT = literal(DUTCH_TIME_ZONE);
export const dutchTimeZone = sql.raw(DUTCH_TIME_ZONE_SQL_TEXT);

/** `'submitted', 'in_review', 'approved'`, for `status in (…)`. */
export const OPEN_BORD_REQUEST_STATUSES_SQL_TEXT = OPEN_BORD_REQUEST_STATUSES.map(literal).join(", ");
export const openBordRequestStatuses = sql.raw(OPEN_BORD_REQUEST_STATUSES_SQL_TEXT);

/**
 * publicBordStatus (lib/domain/bord-request.ts) in SQL, for the group whose id is the SQL
 * expression `groupId` (a column reference such as `g.id`, never input).
 */
export function publicBordStatusSqlText(groupId: string): string {
  return `case
        when exists (select 1 from bord_requests s where s.group_id = ${groupId} and s.status = 'placed') then 'placed'
        when exists (select 1 from bord_requests s where s.group_id = ${groupId} and s.status in (${OPEN_BORD_REQUEST_STATUSES_SQL_TEXT})) then 'requested'
        else 'none' end`;
}
