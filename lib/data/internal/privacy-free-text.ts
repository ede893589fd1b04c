/**
 * Erasure of a person's name and phone number from free text.
 *
 * Erasing an e-mail address (lib/data/platform/privacy-erasure.ts) removed the address everywhere, but a name
 * or phone number typed into a text stayed: "Mail Sanne de Vries … bel 06-12345678" in a group
 * description was still public after Sanne's erasure. Here:
 *
 * - personIdentity: the names and phone numbers stored with the address (the account, join
 *   requests and wijkagent/wethouder contact entries under that address), read before anything
 *   is deleted;
 * - findFreeTextMentions: every mention of them (lib/domain/person-mentions) in every free-text
 *   column, with the column, the record and the words around it, for the preview;
 * - eraseFreeTextMentions: replaces each mention by "[verwijderd]", and deletes e-mail that
 *   mentions the person (mail bodies are copies of what was sent: they are not rewritten).
 *
 * The free-text columns, from db/schema.ts: groups.name, groups.description,
 * bord_requests.street, .location_description, .note, .reason, .placed_location,
 * bord_request_events.note, bords.location, .owner, .paid_by, bord_reports.description,
 * bord_events.note, join_requests.decline_reason, audit_log.details (every string in it), and
 * mail_outbox.subject, .text, .html, .last_error (lib/data/internal/privacy-free-text.test.ts fails on a
 * text column that is neither here nor named there as not free text). Not free text, and so not searched:
 * names of municipalities, wijken and contacts (other people), addresses from the address
 * service (member_addresses.street, .town), slugs, tokens and codes. Other people's own name
 * fields (users.name, join_requests.name, contacts.name) are left alone on purpose: someone
 * else with the same name is not this person.
 *
 * The database picks the rows worth reading with a wide test (the surname, or the phone's digits
 * with all else removed); the exact matching runs here, in TypeScript, so PGlite and PostgreSQL
 * behave the same.
 */
import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { selectRows, type Executor } from "@/db";
import { mentionPrefilter, personMentionMatcher, type MentionMatcher, type PersonIdentity } from "@/lib/domain";

/** What replaces a name or phone number in free text. The same mark as for an e-mail address. */
export const FREE_TEXT_MARK = "[verwijderd]";
/** How many characters around a mention the preview shows. */
const CONTEXT_CHARS = 30;
/** At most this many mentions in one preview (the erasure itself has no limit). */
export const PREVIEW_MENTION_LIMIT = 200;

export interface FreeTextMention {
  /** Where, in Dutch for the platform admin: "Groep – beschrijving". */
  place: string;
  /** Which record: a group's name, "Bordaanvraag van …", a log entry's action and date. */
  record: string;
  table: string;
  column: string;
  id: string;
  kind: "name" | "phone";
  /** The text around the mention, and the mention itself (to show highlighted). */
  before: string;
  match: string;
  after: string;
  /** "replace": the words become [verwijderd]; "delete": the whole e-mail is deleted. */
  action: "replace" | "delete";
}

interface Source {
  table: string;
  column: string;
  place: string;
  idType: "uuid" | "bigint";
  json?: boolean;
  /** Joins after `from <table> t`, for the record's label. */
  joins: SQL;
  record: SQL;
  action: "replace" | "delete";
}

const groupOf = (alias: string) => sql.raw(`join groups g on g.id = ${alias}.group_id`);
const bordRequestLabel = sql`'Bordaanvraag van ' || g.name`;

/** Every free-text column a person's name or number may have been typed into. */
export const FREE_TEXT_SOURCES: readonly Source[] = [
  { table: "groups", column: "name", place: "Groep – naam", idType: "uuid", joins: sql``, record: sql`t.name`, action: "replace" },
  { table: "groups", column: "description", place: "Groep – beschrijving", idType: "uuid", joins: sql``, record: sql`t.name`, action: "replace" },
  ...(
    [
      ["street", "Bordaanvraag – straat"],
      ["location_description", "Bordaanvraag – omschrijving van de plek"],
      ["note", "Bordaanvraag – opmerking"],
      ["reason", "Bordaanvraag – reden van afwijzing"],
      ["placed_location", "Bordaanvraag – plek van plaatsing"],
    ] as const
  ).map(([column, place]): Source => ({
    table: "bord_requests",
    column,
    place,
    idType: "uuid",
    joins: groupOf("t"),
    record: bordRequestLabel,
    action: "replace",
  })),
  {
    table: "bord_request_events",
    column: "note",
    place: "Stap in een bordaanvraag – notitie",
    idType: "bigint",
    joins: sql.raw("join bord_requests s on s.id = t.bord_request_id join groups g on g.id = s.group_id"),
    record: bordRequestLabel,
    action: "replace",
  },
  ...(
    [
      ["location", "Geplaatst bord – plek"],
      ["owner", "Geplaatst bord – eigenaar"],
      ["paid_by", "Geplaatst bord – betaald door"],
    ] as const
  ).map(([column, place]): Source => ({
    table: "bords",
    column,
    place,
    idType: "uuid",
    joins: groupOf("t"),
    record: sql`'Bord van ' || g.name`,
    action: "replace",
  })),
  {
    table: "bord_reports",
    column: "description",
    place: "Melding over een bord – omschrijving",
    idType: "uuid",
    joins: sql.raw("join bords s on s.id = t.bord_id join groups g on g.id = s.group_id"),
    record: sql`'Melding over het bord van ' || g.name`,
    action: "replace",
  },
  {
    table: "bord_events",
    column: "note",
    place: "Stap in de geschiedenis van een bord – notitie",
    idType: "bigint",
    joins: sql.raw("join bords s on s.id = t.bord_id join groups g on g.id = s.group_id"),
    record: sql`'Bord van ' || g.name`,
    action: "replace",
  },
  {
    table: "join_requests",
    column: "decline_reason",
    place: "Aanmelding – reden van afwijzing",
    idType: "uuid",
    joins: groupOf("t"),
    record: sql`'Aanmelding bij ' || g.name`,
    action: "replace",
  },
  {
    table: "audit_log",
    column: "details",
    place: "Logboek – details",
    idType: "bigint",
    json: true,
    joins: sql``,
    record: sql`'Logboek: ' || t.action || ' (' || to_char(t.created_at, 'YYYY-MM-DD') || ')'`,
    action: "replace",
  },
  ...(
    [
      ["subject", "E-mail – onderwerp"],
      ["text", "E-mail – tekst"],
      ["html", "E-mail – HTML"],
      ["last_error", "E-mail – foutmelding"],
    ] as const
  ).map(([column, place]): Source => ({
    table: "mail_outbox",
    column,
    place,
    idType: "bigint",
    joins: sql``,
    record: sql`'E-mail (' || t.kind || ', ' || to_char(t.created_at, 'YYYY-MM-DD') || ')'`,
    action: "delete",
  })),
];

/**
 * The names and phone numbers stored with `email` (normalised: trimmed, lower case): the
 * account's, and those given in join requests and contact entries under that address.
 */
export async function personIdentity(executor: Executor, email: string): Promise<PersonIdentity> {
  const rows = await selectRows<{ name: string | null; phone: string | null }>(
    executor,
    sql`select name, phone from users where lower(email) = ${email}
        union select name, phone from join_requests where lower(email) = ${email}
        union select name, phone from contacts where lower(email) = ${email}`,
  );
  const names = [...new Set(rows.map((r) => r.name?.trim()).filter((n): n is string => Boolean(n)))];
  const phones = [...new Set(rows.map((r) => r.phone?.trim()).filter((p): p is string => Boolean(p)))];
  return { names, phones };
}

type Row = { id: string; record: string; value: string };

/** The rows of one source that may mention the person (the database's wide test). */
async function candidateRows(executor: Executor, source: Source, person: PersonIdentity): Promise<Row[]> {
  const { nameWords, phoneDigits } = mentionPrefilter(person);
  const value = sql`t.${sql.identifier(source.column)}::text`;
  const tests = [
    ...nameWords.map((word) => sql`${value} ~* ${word}`),
    ...phoneDigits.map((digits) => sql`regexp_replace(${value}, '[^0-9]', '', 'g') like ${`%${digits}%`}`),
  ];
  if (tests.length === 0) return [];
  return selectRows<Row>(
    executor,
    sql`select t.id::text as id, coalesce(${source.record}, '') as record, ${value} as value
        from ${sql.identifier(source.table)} t ${source.joins}
        where t.${sql.identifier(source.column)} is not null and (${sql.join(tests, sql` or `)})
        order by t.id`,
  );
}

/** The strings inside a JSON value (object values and array items, not keys), with their paths. */
function jsonStrings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(jsonStrings);
  if (value && typeof value === "object") return Object.values(value).flatMap(jsonStrings);
  return [];
}

function redactJson(value: unknown, matcher: MentionMatcher): unknown {
  if (typeof value === "string") return matcher.redact(value, FREE_TEXT_MARK);
  if (Array.isArray(value)) return value.map((item) => redactJson(item, matcher));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactJson(item, matcher)]));
  }
  return value;
}

function textsOf(source: Source, row: Row): string[] {
  return source.json ? jsonStrings(JSON.parse(row.value)) : [row.value];
}

/** Every mention of the person in free text, for the erasure preview (at most PREVIEW_MENTION_LIMIT). */
export async function findFreeTextMentions(executor: Executor, person: PersonIdentity): Promise<FreeTextMention[]> {
  const matcher = personMentionMatcher(person);
  if (!matcher.active) return [];
  const mentions: FreeTextMention[] = [];
  for (const source of FREE_TEXT_SOURCES) {
    for (const row of await candidateRows(executor, source, person)) {
      for (const text of textsOf(source, row)) {
        for (const mention of matcher.find(text)) {
          if (mentions.length >= PREVIEW_MENTION_LIMIT) return mentions;
          const from = Math.max(0, mention.start - CONTEXT_CHARS);
          const to = Math.min(text.length, mention.end + CONTEXT_CHARS);
          mentions.push({
            place: source.place,
            record: row.record,
            table: source.table,
            column: source.column,
            id: row.id,
            kind: mention.kind,
            before: `${from > 0 ? "…" : ""}${text.slice(from, mention.start)}`,
            match: mention.text,
            after: `${text.slice(mention.end, to)}${to < text.length ? "…" : ""}`,
            action: source.action,
          });
        }
      }
    }
  }
  return mentions;
}

export interface FreeTextErasure {
  /** Rows whose text was changed. */
  replaced: number;
  /** E-mails deleted because they mention the person. */
  deletedEmails: number;
}

/** A group name that no other active group of the municipality has (names are unique there). */
async function freeGroupName(executor: Executor, groupId: string, wanted: string): Promise<string> {
  for (let n = 1; n < 1000; n += 1) {
    const candidate = n === 1 ? wanted : `${wanted} (${n})`;
    const [taken] = await selectRows<{ one: number }>(
      executor,
      sql`select 1 as one from groups o join groups g on g.id = ${groupId}::uuid
          where o.id <> g.id and o.municipality_id = g.municipality_id and o.status = 'active' and lower(o.name) = lower(${candidate})
          limit 1`,
    );
    if (!taken) return candidate;
  }
  return `${wanted} (${groupId.slice(0, 8)})`;
}

/**
 * Replaces every mention of the person in free text by [verwijderd], and deletes the e-mails
 * that mention them. Runs inside the erasure's transaction (`executor` is the transaction).
 */
export async function eraseFreeTextMentions(executor: Executor, person: PersonIdentity, now = new Date()): Promise<FreeTextErasure> {
  const matcher = personMentionMatcher(person);
  const result: FreeTextErasure = { replaced: 0, deletedEmails: 0 };
  if (!matcher.active) return result;
  for (const source of FREE_TEXT_SOURCES) {
    for (const row of await candidateRows(executor, source, person)) {
      if (!textsOf(source, row).some((text) => matcher.find(text).length > 0)) continue;
      const id = source.idType === "uuid" ? sql`${row.id}::uuid` : sql`${Number(row.id)}::bigint`;
      const table = sql.identifier(source.table);
      const column = sql.identifier(source.column);
      if (source.action === "delete") {
        const deleted = await selectRows<{ id: string }>(executor, sql`delete from ${table} where id = ${id} returning id::text as id`);
        result.deletedEmails += deleted.length;
        continue;
      }
      let next: SQL;
      if (source.json) next = sql`${JSON.stringify(redactJson(JSON.parse(row.value), matcher))}::jsonb`;
      else if (source.table === "groups" && source.column === "name") {
        next = sql`${await freeGroupName(executor, row.id, matcher.redact(row.value, FREE_TEXT_MARK).slice(0, 80))}`;
      } else next = sql`${matcher.redact(row.value, FREE_TEXT_MARK)}`;
      const touched = source.table === "groups" || source.table === "bord_requests" ? sql`, updated_at = ${now.toISOString()}::timestamptz` : sql``;
      const changed = await selectRows<{ id: string }>(
        executor,
        sql`update ${table} set ${column} = ${next}${touched} where id = ${id} returning id::text as id`,
      );
      result.replaced += changed.length;
    }
  }
  return result;
}
