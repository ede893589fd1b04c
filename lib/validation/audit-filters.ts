/** The filters of the audit log (/beheer/audit), read from the URL, with a Dutch message for each value that cannot be used. */
import { dateParam, enumParam, first, textParam, type SearchParams } from "./search-params";

export interface AuditFilters {
  /** Start of the action, e.g. "group." or "sign_request.approve". */
  action?: string;
  subjectType?: string;
  subjectId?: string;
  /** Part of the acting user's e-mail address (or of the name of a staff member or wijkagent). */
  actor?: string;
  /** The acting user's role, or "systeem" for entries without a signed-in user. */
  role?: AuditRoleFilter;
  from?: string;
  to?: string;
  cursor?: string;
  /** Dutch messages about filter values that could not be used (the list ignores them). */
  problems?: string[];
}

export const AUDIT_ROLE_FILTERS = ["medewerker", "wijkagent", "bewoner", "platformbeheerder", "systeem"] as const;
export type AuditRoleFilter = (typeof AUDIT_ROLE_FILTERS)[number];

export function parseAuditFilters(params: SearchParams): AuditFilters {
  const problems: string[] = [];
  const action = textParam(params, "actie", 60);
  const subjectType = textParam(params, "soort", 40);
  const roleText = textParam(params, "rol", 40);
  const role = enumParam(params, "rol", AUDIT_ROLE_FILTERS);
  if (action && !/^[a-z_.]+$/.test(action)) problems.push("Het soort actie bestaat niet. Kies er een uit de lijst.");
  if (roleText && !role) problems.push("Deze rol bestaat niet. Kies er een uit de lijst.");
  const fromText = textParam(params, "van", 40);
  const toText = textParam(params, "tot", 40);
  let from = dateParam(params, "van");
  let to = dateParam(params, "tot");
  if (fromText && !from) problems.push("De datum bij 'Vanaf' klopt niet. Kies een datum in de kalender, bijvoorbeeld 2026-12-04.");
  if (toText && !to) problems.push("De datum bij 'Tot en met' klopt niet. Kies een datum in de kalender, bijvoorbeeld 2026-12-04.");
  if (from && to && from > to) {
    problems.push("De datum bij 'Vanaf' ligt na de datum bij 'Tot en met'. Het overzicht toont daarom alles, zonder periode.");
    from = undefined;
    to = undefined;
  }
  const actor = textParam(params, "door", 100);
  const rawActor = first(params, "door");
  if (rawActor && rawActor.trim().length > 100) problems.push("De zoektekst bij 'Door' is te lang. Gebruik hooguit 100 tekens.");
  return {
    action: action && /^[a-z_.]+$/.test(action) ? action : undefined,
    subjectType: subjectType && /^[a-z_]+$/.test(subjectType) ? subjectType : undefined,
    subjectId: textParam(params, "onderwerp", 100),
    actor,
    role,
    from,
    to,
    cursor: first(params, "na"),
    problems,
  };
}
