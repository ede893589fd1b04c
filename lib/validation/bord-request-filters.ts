/** The filters of team Veiligheid's list of bord requests (/beheer/borden), read from the URL. */
import { BORD_REQUEST_STATUSES, type BordRequestStatus } from "@/lib/domain";
import { OPEN_BORD_REQUEST_STATUSES } from "@/lib/domain/bord-request";
import { dateParam, enumListParam, enumParam, first, textParam, uuidParam, type SearchParams } from "./search-params";

export const BORD_REQUEST_SORTS = ["oudste", "nieuwste"] as const;
export type BordRequestSort = (typeof BORD_REQUEST_SORTS)[number];

export interface BordRequestFilters {
  /** Empty: every status. */
  status: BordRequestStatus[];
  areaId?: string;
  /** Submitted on or after / on or before (YYYY-MM-DD, Dutch calendar day). */
  from?: string;
  to?: string;
  /** Part of the group's name or the street. */
  q?: string;
  sort: BordRequestSort;
  cursor?: string;
}

/** The open statuses are the default: what still needs someone's attention. */
export const DEFAULT_BORD_REQUEST_STATUSES: BordRequestStatus[] = [...OPEN_BORD_REQUEST_STATUSES];

/** Filters from the URL (?status=submitted,in_review&wijk=…&van=…&tot=…&zoek=…&sorteer=…&na=…). */
export function parseBordRequestFilters(params: SearchParams): BordRequestFilters {
  const statusRaw = first(params, "status");
  const status = statusRaw === "alle" ? [] : enumListParam(params, "status", BORD_REQUEST_STATUSES);
  return {
    status: statusRaw === undefined || (statusRaw !== "alle" && status.length === 0) ? DEFAULT_BORD_REQUEST_STATUSES : status,
    areaId: uuidParam(params, "wijk"),
    from: dateParam(params, "van"),
    to: dateParam(params, "tot"),
    q: textParam(params, "zoek"),
    sort: enumParam(params, "sorteer", BORD_REQUEST_SORTS) ?? "oudste",
    cursor: first(params, "na"),
  };
}
