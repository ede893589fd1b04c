/**
 * The kinds of entries in the audit log and how each reads as a Dutch sentence.
 *
 * `AUDIT_ACTIONS` is the one list of what the application records; `recordAudit` accepts only
 * these (a new kind fails the type check until it is added here), and `AUDIT_SENTENCES` is a
 * `Record` over the same list, so a kind without a sentence fails the type check too. Rows with a
 * kind this code does not know (old or test rows) get a plain fallback sentence.
 * Pure: no I/O, safe in the browser.
 */

export const AUDIT_ACTIONS = [
  "auth.sign_in",
  "auth.sign_out",
  "auth.sign_out_everywhere",
  "user.create",
  "user.change_role",
  "user.invite",
  "user.accept_invitation",
  "account.update_details",
  "group.register",
  "group.update",
  "group.step_down",
  "group.remove_admin",
  "group.view_join_requests",
  "group.view_admins",
  "group.view_addresses",
  "group.export",
  "group.add_addresses",
  "group.remove_address",
  "group.invite_admin",
  "group.accept_admin_invitation",
  "group.dissolve",
  "join_request.submit",
  "join_request.accept",
  "join_request.decline",
  "house_rules.accept",
  "group_check.ask",
  "group_check.reminded",
  "group_check.unconfirmed",
  "group_check.decision",
  "group_check.confirm",
  "group_check.keep",
  "group_check.run",
  "wijkagent.view_admins",
  "wijkagent.export",
  "municipality.create",
  "municipality.update",
  "municipality.enable",
  "municipality.disable",
  "settings.update",
  "settings.bord_update",
  "area.create",
  "area.update",
  "area.boundaries_import",
  "area.import_wijken",
  "area.import_postcodes",
  "area.import_aantallen",
  "contact.create",
  "contact.update",
  "contact.delete",
  "sign_request.submit",
  "sign_request.withdraw",
  "sign_request.review",
  "sign_request.approve",
  "sign_request.reject",
  "sign_request.place",
  "sign_report.submit",
  "sign.repaired",
  "sign.replaced",
  "sign.remove",
  "sign.details",
  "sign.photo",
  "sign.location",
  "shared_address.count_for_group",
  "shared_address.first_joined",
  "mail.retry",
  "privacy.export",
  "privacy.erase",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}

/** Groups of kinds for the filter: the value is the start of the kind ("group." or an exact kind). */
export const AUDIT_ACTION_FILTERS: ReadonlyArray<readonly [value: string, label: string]> = [
  ["sign_request.", "Bordaanvragen"],
  ["sign.", "Geplaatste borden: onderhoud en weghalen"],
  ["sign_report.", "Meldingen over borden"],
  ["group.view", "Persoonsgegevens van groepen bekeken"],
  ["group.export", "Groepen gedownload"],
  ["group.", "Alles over groepen"],
  ["join_request.", "Aanmeldingen van bewoners"],
  ["group_check.", "Jaarcontrole"],
  ["house_rules.", "Huisregels geaccepteerd"],
  ["wijkagent.", "Wijkagent: bekeken en gedownload"],
  ["area.", "Wijken"],
  ["shared_address.", "Gedeelde adressen: voor welke groep ze tellen"],
  ["contact.", "Contactpersonen"],
  ["municipality.", "Gemeenten"],
  ["settings.", "Instellingen"],
  ["user.", "Accounts en rollen"],
  ["account.", "Eigen gegevens gewijzigd"],
  ["auth.", "Inloggen en uitloggen"],
  ["mail.", "E-mail opnieuw versturen"],
  ["privacy.", "Privacyverzoeken"],
];

export type AuditActorRole = "resident" | "staff" | "wijkagent" | "platform_admin";

/** What the sentence needs to know; names are only present when the reader may see them. */
export interface AuditSentenceInput {
  action: string;
  /** null: nobody signed in (a resident on a public form) or the system (a job). */
  actor: { role: AuditActorRole; name: string | null } | null;
  /** The group the entry is about (directly or through a bord, request or aanmelding). */
  groupName: string | null;
  /** The name of the subject when it is not a group: a municipality, wijk, contact or user. */
  subjectName: string | null;
  details: Record<string, unknown>;
}

const ROLE_NOUN: Record<AuditActorRole, string> = {
  resident: "Bewoner",
  staff: "Medewerker",
  wijkagent: "Wijkagent",
  platform_admin: "Platformbeheerder",
};

const ROLE_LABEL: Record<string, string> = {
  resident: "bewoner",
  staff: "medewerker",
  wijkagent: "wijkagent",
  platform_admin: "platformbeheerder",
};

/** "Marieke Jansen" → "M. Jansen"; "Jan de Vries" → "J. de Vries"; one word stays as it is. */
export function shortPersonName(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (parts.length < 2) return parts[0] ?? "";
  const [firstName, ...rest] = parts;
  return `${firstName.charAt(0).toLocaleUpperCase("nl-NL")}. ${rest.join(" ")}`;
}

/** "Medewerker M. Jansen", "Een bewoner", "Het systeem". */
export function auditActorPhrase(actor: AuditSentenceInput["actor"], action: string): string {
  if (!actor) return action === "join_request.submit" || action === "sign_report.submit" ? "Een bewoner" : "Het systeem";
  const noun = ROLE_NOUN[actor.role] ?? "Iemand";
  if (!actor.name?.trim()) return actor.role === "resident" ? "Een bewoner" : `Een ${noun.toLowerCase()}`;
  return `${noun} ${shortPersonName(actor.name)}`;
}

function num(details: Record<string, unknown>, key: string): number | null {
  const value = details[key];
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}
function text(details: Record<string, unknown>, key: string): string | null {
  const value = details[key];
  return typeof value === "string" ? value : null;
}
function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
/** " (12 nieuw, 3 gewijzigd, 2 verplaatst, 0 weg)" from a geography import's counts, or "". */
function importCounts(details: Record<string, unknown>): string {
  const parts = (
    [
      ["added", "nieuw"],
      ["changed", "gewijzigd"],
      ["moved", "verplaatst"],
      ["removed", "weg"],
    ] as const
  ).flatMap(([key, word]) => {
    const n = num(details, key);
    return n === null ? [] : [`${n} ${word}`];
  });
  return parts.length > 0 ? ` (${parts.join(", ")})` : "";
}
function roleText(value: string | null): string {
  return (value && ROLE_LABEL[value]) || "een andere rol";
}

type Sentence = (who: string, s: { group: string; subject: string; d: Record<string, unknown> }) => string;

const FIELD_LABELS: Record<string, string> = { name: "naam", phone: "telefoonnummer", address: "adres", postcode: "adres", houseNumber: "adres", addition: "adres" };

export const AUDIT_SENTENCES: Readonly<Record<AuditAction, Sentence>> = {
  "auth.sign_in": (who) => `${who} logde in`,
  "auth.sign_out": (who) => `${who} logde uit`,
  "auth.sign_out_everywhere": (who, { d }) => {
    const n = num(d, "endedSessions");
    return `${who} logde uit op alle apparaten${n !== null ? ` (${plural(n, "sessie", "sessies")} beëindigd)` : ""}`;
  },
  "user.create": (who, { subject, d }) =>
    text(d, "via") === "setup"
      ? `${who} maakte bij de installatie het eerste beheeraccount aan${subject ? ` voor ${subject}` : ""}`
      : `${who} maakte een account aan${subject ? ` voor ${subject}` : ""} bij de eerste keer inloggen`,
  "user.change_role": (who, { subject, d }) =>
    `${who} veranderde de rol van ${subject || "een account"} van ${roleText(text(d, "from"))} in ${roleText(text(d, "to"))}`,
  "user.invite": (who, { d }) => `${who} nodigde iemand uit als ${roleText(text(d, "role"))}`,
  "user.accept_invitation": (who, { d }) => `${who} nam de uitnodiging aan en werd ${roleText(text(d, "role"))}`,
  "account.update_details": (who, { d }) => {
    const fields = Array.isArray(d.fields) ? [...new Set(d.fields.map((f) => FIELD_LABELS[String(f)] ?? "gegevens"))] : [];
    return `${who} wijzigde de eigen gegevens${fields.length ? ` (${fields.join(", ")})` : ""}`;
  },
  "group.register": (who, { group }) => `${who} meldde de groep ${group} aan`,
  "group.update": (who, { group }) => `${who} wijzigde de gegevens van ${group}`,
  "group.step_down": (who, { group, d }) =>
    text(d, "via") === "staff_invitation"
      ? `${who} stopte als beheerder van ${group} door een account als medewerker of wijkagent aan te nemen`
      : `${who} stopte als beheerder van ${group}`,
  "group.remove_admin": (who, { group }) => `${who} haalde een medebeheerder weg bij ${group}`,
  "group.view_join_requests": (who, { group }) => `${who} bekeek de aanmeldingen voor ${group}`,
  "group.view_admins": (who, { group }) => `${who} bekeek de namen en telefoonnummers van de beheerders van ${group}`,
  "group.view_addresses": (who, { group }) => `${who} bekeek de deelnemende adressen van ${group}`,
  "group.export": (who, { d }) => {
    const n = num(d, "rows");
    return `${who} downloadde het overzicht van groepen${n !== null ? ` (${plural(n, "groep", "groepen")})` : ""}`;
  },
  "group.add_addresses": (who, { group, d }) => {
    const n = num(d, "added");
    return `${who} voegde ${n !== null ? plural(n, "adres", "adressen") : "adressen"} toe aan ${group}`;
  },
  "group.remove_address": (who, { group }) => `${who} haalde een adres weg bij ${group}`,
  "group.invite_admin": (who, { group }) => `${who} nodigde een medebeheerder uit voor ${group}`,
  "group.accept_admin_invitation": (who, { group }) => `${who} nam de uitnodiging aan en werd medebeheerder van ${group}`,
  "group.dissolve": (who, { group }) => `${who} hief ${group} op`,
  "join_request.submit": (who, { group }) => `${who} meldde zich aan bij ${group}`,
  "join_request.accept": (who, { group }) => `${who} nam een aanmelding voor ${group} aan`,
  "join_request.decline": (who, { group }) => `${who} wees een aanmelding voor ${group} af`,
  "house_rules.accept": (who, { d }) => {
    const version = text(d, "version") ?? (num(d, "version") !== null ? String(num(d, "version")) : null);
    return `${who} accepteerde de huisregels${version ? ` (versie ${version})` : ""}`;
  },
  "group_check.ask": (who, { group }) => `${who} vroeg de beheerders van ${group} of de groep nog actief is (jaarcontrole)`,
  "group_check.reminded": (who, { group }) => `${who} stuurde de beheerders van ${group} een herinnering voor de jaarcontrole`,
  "group_check.unconfirmed": (who, { group }) =>
    `${who} meldde team Veiligheid en de wijkagent dat ${group} na 30 dagen niet heeft bevestigd dat de groep actief is`,
  "group_check.decision": (who, { group }) => `${who} vroeg team Veiligheid te besluiten over ${group}: houden of opheffen`,
  "group_check.confirm": (who, { group }) => `${who} bevestigde dat ${group} nog actief is`,
  "group_check.keep": (who, { group }) => `${who} besloot ${group} te houden na de jaarcontrole`,
  "group_check.run": (who) => `${who} startte de jaarcontrole met de hand`,
  "wijkagent.view_admins": (who, { group, d }) => {
    if (group !== FALLBACK_GROUP) return `${who} bekeek de namen en telefoonnummers van de beheerders van ${group}`;
    const n = num(d, "groups");
    return `${who} bekeek de beheerders van ${n !== null ? plural(n, "groep", "groepen") : "de groepen"} in de eigen wijken`;
  },
  "wijkagent.export": (who, { d }) => {
    const n = num(d, "groups");
    return `${who} downloadde de groepen in de eigen wijken${n !== null ? ` (${plural(n, "groep", "groepen")})` : ""}`;
  },
  "municipality.create": (who, { subject }) => `${who} voegde de gemeente ${subject || "(onbekend)"} toe`,
  "municipality.update": (who, { subject }) => `${who} wijzigde de gegevens van de gemeente ${subject || "(onbekend)"}`,
  "municipality.enable": (who, { subject }) => `${who} zette de gemeente ${subject || "(onbekend)"} aan`,
  "municipality.disable": (who, { subject }) => `${who} zette de gemeente ${subject || "(onbekend)"} uit`,
  "settings.update": (who, { subject }) => `${who} wijzigde de instellingen${subject ? ` van de gemeente ${subject}` : ""}`,
  "settings.bord_update": (who, { subject }) => `${who} wijzigde de instellingen voor borden${subject ? ` van de gemeente ${subject}` : ""}`,
  "area.create": (who, { subject }) => `${who} voegde de wijk ${subject || "(onbekend)"} toe`,
  "area.update": (who, { subject }) => `${who} wijzigde de wijk ${subject || "(onbekend)"}`,
  "area.boundaries_import": (who, { d }) => {
    const n = num(d, "updated");
    return `${who} las wijkgrenzen in${n !== null ? ` (${plural(n, "wijk", "wijken")} bijgewerkt)` : ""}`;
  },
  "area.import_wijken": (who, { subject, d }) => `${who} las wijken en buurten in${subject ? ` voor de gemeente ${subject}` : ""}${importCounts(d)}`,
  "area.import_postcodes": (who, { subject, d }) => `${who} las de postcodes per wijk in${subject ? ` voor de gemeente ${subject}` : ""}${importCounts(d)}`,
  "area.import_aantallen": (who, { subject, d }) => `${who} las de aantallen adressen per wijk in${subject ? ` voor de gemeente ${subject}` : ""}${importCounts(d)}`,
  "contact.create": (who, { subject, d }) => `${who} voegde ${contactNoun(d)} ${subject || ""}`.trimEnd() + " toe",
  "contact.update": (who, { subject, d }) => `${who} wijzigde de gegevens van ${contactNoun(d)} ${subject || ""}`.trimEnd(),
  "contact.delete": (who, { subject, d }) => `${who} haalde ${contactNoun(d)} ${subject || ""}`.trimEnd() + " weg",
  "sign_request.submit": (who, { group }) => `${who} vroeg een bord aan voor ${group}`,
  "sign_request.withdraw": (who, { group }) => `${who} trok de bordaanvraag van ${group} in`,
  "sign_request.review": (who, { group }) => `${who} nam de bordaanvraag van ${group} in behandeling`,
  "sign_request.approve": (who, { group }) => `${who} keurde de bordaanvraag van ${group} goed`,
  "sign_request.reject": (who, { group }) => `${who} wees de bordaanvraag van ${group} af`,
  "sign_request.place": (who, { group }) => `${who} legde vast dat het bord van ${group} is geplaatst`,
  "sign_report.submit": (who, { group, d }) =>
    `${who} meldde dat het bord van ${group} ${text(d, "kind") === "missing" ? "weg is" : "kapot is"}`,
  "sign.repaired": (who, { group }) => `${who} legde vast dat het bord van ${group} is gerepareerd`,
  "sign.replaced": (who, { group }) => `${who} legde vast dat het bord van ${group} is vervangen`,
  "sign.remove": (who, { group }) => `${who} legde vast dat het bord van ${group} is weggehaald`,
  "sign.details": (who, { group }) => `${who} wijzigde de gegevens van het bord van ${group}`,
  "sign.location": (who, { group }) => `${who} wijzigde de plek van het bord van ${group}`,
  "shared_address.count_for_group": (who, { group, d }) => {
    const n = num(d, "addresses");
    return `${who} besloot dat ${d.oneAddress === true ? "een adres" : n !== null ? plural(n, "adres", "adressen") : "de adressen"} die ${group} met een andere groep deelt, voor ${group} ${n === 1 || d.oneAddress === true ? "telt" : "tellen"}`;
  },
  "shared_address.first_joined": (who, { group, d }) => {
    const n = num(d, "addresses");
    return `${who} zette de keuze terug voor ${d.oneAddress === true ? "een adres" : n !== null ? plural(n, "adres", "adressen") : "de adressen"} die ${group} met een andere groep deelt: ${n === 1 || d.oneAddress === true ? "het telt" : "ze tellen"} weer voor de groep waar ${n === 1 || d.oneAddress === true ? "het" : "ze"} eerst bij kwam`;
  },
  "sign.photo": (who, { group }) => `${who} voegde een foto toe aan het bord van ${group}`,
  "mail.retry": (who) => `${who} liet een e-mail die niet verstuurd kon worden opnieuw versturen`,
  "privacy.export": (who) => `${who} downloadde alle gegevens van een persoon (inzageverzoek)`,
  "privacy.erase": (who) => `${who} wiste de gegevens van een persoon (verzoek om verwijdering)`,
};

const FALLBACK_GROUP = "een groep die niet meer bestaat";

function contactNoun(d: Record<string, unknown>): string {
  const kind = text(d, "kind");
  return kind === "wethouder" ? "wethouder" : kind === "wijkagent" ? "wijkagent" : "contactpersoon";
}

/** The sentence for one entry, ending with a full stop. Unknown kinds get a fallback sentence. */
export function describeAuditEntry(input: AuditSentenceInput): string {
  const who = auditActorPhrase(input.actor, input.action);
  if (!isAuditAction(input.action)) return `${who} deed iets wat dit overzicht nog niet in woorden kan zeggen (${input.action}).`;
  const sentence = AUDIT_SENTENCES[input.action](who, {
    group: input.groupName?.trim() ? input.groupName : FALLBACK_GROUP,
    subject: input.subjectName?.trim() ?? "",
    d: input.details,
  });
  return `${sentence}.`;
}
