/** The filters of team Veiligheid's list of bord requests (/beheer/borden), read from the URL. */
import { SIGN_REQUEST_STATUSES, type SignRequestStatus } from "@/lib/domain";
import { OPEN_SIGN_REQUEST_STATUSES } from "@/lib/domain/sign-request";
import { dateParam, enumListParam, enumParam, first, textParam, uuidParam, type SearchParams } from "./search-params";

export const SIGN_REQUEST_SORTS = ["oudste", "nieuwste"] as const;
export type SignRequestSort = (typeof SIGN_REQUEST_SORTS)[number];

export interface SignRequestFilters {
  /** Empty: every status. */
  status: SignRequestStatus[];
  areaId?: string;
  /** Submitted on or after / on or before (YYYY-MM-DD, Dutch calendar day). */
  from?: string;
  to?: string;
  /** Part of the group's name or the street. */
  q?: string;
  sort: SignRequestSort;
  cursor?: string;
}

/** The open statuses are the default: what still needs someone's attention. */
export const DEFAULT_SIGN_REQUEST_STATUSES: SignRequestStatus[] = [...OPEN_SIGN_REQUEST_STATUSES];

/** Filters from the URL (?status=submitted,in_review&wijk=…&van=…&tot=…&zoek=…&sorteer=…&na=…). */
export function parseSignRequestFilters(params: SearchParams): SignRequestFilters {
  const statusRaw = first(params, "status");
  const status = statusRaw === "alle" ? [] : enumListParam(params, "status", SIGN_REQUEST_STATUSES);
  return {
    status: statusRaw === undefined || (statusRaw !== "alle" && status.length === 0) ? DEFAULT_SIGN_REQUEST_STATUSES : status,
    areaId: uuidParam(params, "wijk"),
    from: dateParam(params, "van"),
    to: dateParam(params, "tot"),
    q: textParam(params, "zoek"),
    sort: enumParam(params, "sorteer", SIGN_REQUEST_SORTS) ?? "oudste",
    cursor: first(params, "na"),
  };
}
