/** The filters of team Veiligheid's list and export of groups (/beheer/groepen), read from the URL. */
import { BORD_REQUEST_STATUSES } from "@/lib/domain";
import { enumParam, first, intParam, textParam, uuidParam, type SearchParams } from "./search-params";

export const GROUP_SORTS = ["naam", "nieuwste"] as const;
export type GroupSort = (typeof GROUP_SORTS)[number];
export const GROUP_STATUS_FILTERS = ["active", "dissolved", "alle"] as const;
export const BORD_FILTERS = ["geen", ...BORD_REQUEST_STATUSES] as const;
/** The yearly check: "niet-bevestigd" (30 days without an answer, or waiting for a decision), "loopt" (any open check). */
export const CHECK_FILTERS = ["niet-bevestigd", "loopt"] as const;
export type CheckFilter = (typeof CHECK_FILTERS)[number];
export type BordFilter = (typeof BORD_FILTERS)[number];

export interface GroupFilters {
  areaId?: string;
  status: (typeof GROUP_STATUS_FILTERS)[number];
  bord?: BordFilter;
  check?: CheckFilter;
  minAddresses?: number;
  maxAddresses?: number;
  q?: string;
  /** Platform admins: one municipality. */
  municipalityId?: string;
  sort: GroupSort;
  cursor?: string;
}

/** ?wijk=&status=&bord=&controle=&vanaf=&tot=&zoek=&gemeente=&sorteer=&na= — nonsense is ignored. */
export function parseGroupFilters(params: SearchParams): GroupFilters {
  return {
    areaId: uuidParam(params, "wijk"),
    status: enumParam(params, "status", GROUP_STATUS_FILTERS) ?? "active",
    bord: enumParam(params, "bord", BORD_FILTERS),
    check: enumParam(params, "controle", CHECK_FILTERS),
    minAddresses: intParam(params, "vanaf", 0, 10_000_000),
    maxAddresses: intParam(params, "tot", 0, 10_000_000),
    q: textParam(params, "zoek"),
    municipalityId: uuidParam(params, "gemeente"),
    sort: enumParam(params, "sorteer", GROUP_SORTS) ?? "naam",
    cursor: first(params, "na"),
  };
}
