/**
 * Bord requests as team Veiligheid sees and decides them. Every function takes the acting user;
 * staff see their own municipality, platform admins every municipality; a request elsewhere does
 * not exist for them (not_found).
 */
import "server-only";
import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import { dutchTimeZone } from "../internal/sql-rules";
import { db, selectRows, type Executor } from "@/db";
import {
  areas,
  contactAreas,
  contacts,
  groupAdmins,
  groups,
  municipalities,
  signRequestEvents,
  signRequests,
  users,
} from "@/db/schema";
import { requirePermission } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";
import { recordAudit } from "@/lib/audit";
import { getSignEligibility, type GroupSignEligibility } from "@/lib/data/internal/eligibility";
import { lockGroupRow } from "@/lib/data/internal/group-lock";
import { createSignForPlacement } from "@/lib/data/internal/signs";
import {
  SIGN_REQUEST_STATUSES,
  allowedSignRequestActions,
  formatAddress,
  isDomainError,
  nextSignRequestStatus,
  type SignRequestAction,
  type SignRequestStatus,
} from "@/lib/domain";
import { isUuid } from "@/lib/domain/ids";
import { OPEN_SIGN_REQUEST_STATUSES } from "@/lib/domain/sign-request";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { enqueueMail, type OutgoingMail } from "@/lib/mail/outbox";
import { bordApprovedMail } from "@/lib/mail/templates/bord-approved";
import { bordPlacedMail } from "@/lib/mail/templates/bord-placed";
import { bordRejectedMail } from "@/lib/mail/templates/bord-rejected";
import type { BordDecision } from "@/lib/validation/staff";
import { routes } from "@/lib/routes";
import {
  dateParam,
  decodeCursor,
  enumListParam,
  enumParam,
  first,
  keysetPage,
  likePattern,
  textParam,
  uuidParam,
  type SearchParams,
} from "@/lib/validation/search-params";
import { municipalityCondition, staffScope } from "../internal/staff-scope";

export const CHANGED_BY_SOMEONE_ELSE = "Deze aanvraag is net door iemand anders gewijzigd.";

// ---------------------------------------------------------------------------------------------
// The list

export const SIGN_REQUEST_SORTS = ["oudste", "nieuwste"] as const;
export type SignRequestSort = (typeof SIGN_REQUEST_SORTS)[number];
export const SIGN_REQUEST_PAGE_SIZE = 25;

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

export interface SignRequestListItem {
  id: string;
  status: SignRequestStatus;
  groupId: string;
  groupName: string;
  areaName: string;
  municipalityName: string;
  signCount: number;
  street: string;
  createdAt: Date;
  updatedAt: Date;
  /** Whole days since the request was made. */
  ageDays: number;
}

export interface SignRequestPage {
  items: SignRequestListItem[];
  total: number;
  /** Cursor for the next page, or null on the last page. */
  nextCursor: string | null;
}

const UTC_TEXT = sql<string>`to_char(${signRequests.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export async function listSignRequestsForStaff(
  actor: Actor | null,
  filters: SignRequestFilters,
  executor: Executor = db,
): Promise<SignRequestPage> {
  requirePermission(actor, "bord.decide");
  const staff = staffScope(actor);
  const conditions: SQL[] = [municipalityCondition(staff, groups.municipalityId)];
  if (filters.status.length > 0) conditions.push(inArray(signRequests.status, filters.status));
  if (filters.areaId) conditions.push(eq(groups.areaId, filters.areaId));
  if (filters.from) conditions.push(sql`${signRequests.createdAt} >= (${filters.from}::date)::timestamp at time zone ${dutchTimeZone}`);
  if (filters.to) {
    conditions.push(sql`${signRequests.createdAt} < ((${filters.to}::date + 1)::timestamp at time zone ${dutchTimeZone})`);
  }
  if (filters.q) {
    const pattern = likePattern(filters.q);
    conditions.push(or(ilike(groups.name, pattern), ilike(signRequests.street, pattern))!);
  }
  const where = and(...conditions);

  const [{ total }] = await executor
    .select({ total: count() })
    .from(signRequests)
    .innerJoin(groups, eq(groups.id, signRequests.groupId))
    .where(where);

  const ascending = filters.sort === "oudste";
  const cursor = decodeCursor(filters.cursor);
  const pageConditions = [where!];
  if (cursor && typeof cursor.value === "string" && typeof cursor.id === "string" && isIsoInstant(cursor.value) && isUuid(cursor.id)) {
    pageConditions.push(
      ascending
        ? sql`(${signRequests.createdAt}, ${signRequests.id}) > (${cursor.value}::timestamptz, ${cursor.id}::uuid)`
        : sql`(${signRequests.createdAt}, ${signRequests.id}) < (${cursor.value}::timestamptz, ${cursor.id}::uuid)`,
    );
  }
  const rows = await executor
    .select({
      id: signRequests.id,
      status: signRequests.status,
      groupId: groups.id,
      groupName: groups.name,
      areaName: areas.name,
      municipalityName: municipalities.name,
      signCount: signRequests.signCount,
      street: signRequests.street,
      createdAt: signRequests.createdAt,
      updatedAt: signRequests.updatedAt,
      createdText: UTC_TEXT,
      ageDays: sql<number>`floor(extract(epoch from (now() - ${signRequests.createdAt})) / 86400)::int`,
    })
    .from(signRequests)
    .innerJoin(groups, eq(groups.id, signRequests.groupId))
    .innerJoin(areas, eq(areas.id, groups.areaId))
    .innerJoin(municipalities, eq(municipalities.id, groups.municipalityId))
    .where(and(...pageConditions))
    .orderBy(...(ascending ? [asc(signRequests.createdAt), asc(signRequests.id)] : [desc(signRequests.createdAt), desc(signRequests.id)]))
    .limit(SIGN_REQUEST_PAGE_SIZE + 1);

  const { page, nextCursor } = keysetPage(rows, SIGN_REQUEST_PAGE_SIZE, (row) => row.createdText);
  return {
    items: page.map((row) => {
      const item: Partial<typeof row> = { ...row };
      delete item.createdText;
      return { ...(item as Omit<typeof row, "createdText">), ageDays: Number(row.ageDays) };
    }),
    total,
    nextCursor,
  };
}

function isIsoInstant(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/.test(value) && !Number.isNaN(Date.parse(value));
}


// ---------------------------------------------------------------------------------------------
// The detail

export interface SignRequestEventItem {
  id: number;
  fromStatus: SignRequestStatus | null;
  toStatus: SignRequestStatus;
  note: string;
  actorName: string | null;
  createdAt: Date;
}

export interface SignRequestDetail {
  id: string;
  status: SignRequestStatus;
  version: number;
  signCount: number;
  street: string;
  nearHouseNumber: number | null;
  locationDescription: string;
  latitude: number | null;
  longitude: number | null;
  note: string;
  reason: string | null;
  placedOn: string | null;
  placedLocation: string | null;
  placedCount: number | null;
  createdAt: Date;
  decidedAt: Date | null;
  requestedByName: string | null;
  group: {
    id: string;
    name: string;
    slug: string;
    status: "active" | "dissolved";
    areaName: string;
    municipalityName: string;
    adminCount: number;
  };
  /** Counted now, against the municipality's threshold (verified addresses inside the municipality only). */
  eligibility: GroupSignEligibility;
  /** Issue 19: how trustworthy the count is. */
  addressReport: SignAddressReport;
  history: SignRequestEventItem[];
  /** What staff may do now (the server checks again on submit). */
  allowedActions: SignRequestAction[];
}

export interface SignAddressReport {
  total: number;
  /** Verified against the address register, inside the municipality: these count. */
  verified: number;
  /** Not yet checked (register unreachable); counted once the re-check verified them. */
  unchecked: number;
  /** A re-check found that they do not exist. */
  notFound: number;
  /** Outside the municipality. */
  outside: number;
  /** Added in the last 14 days (a sudden rise before a request is worth a look). */
  addedRecently: number;
  /** Addresses that also belong to another active group of the municipality (at most SHARED_SHOWN). */
  shared: Array<{ label: string; groups: string[] }>;
  sharedCount: number;
}

export const RECENT_DAYS = 14;
export const SHARED_SHOWN = 50;

async function signAddressReport(executor: Executor, group: { id: string }, now: Date): Promise<SignAddressReport> {
  const since = new Date(now.getTime() - RECENT_DAYS * 24 * 60 * 60 * 1000);
  const [counts] = await selectRows<{ total: number; verified: number; unchecked: number; not_found: number; outside: number; recent: number }>(
    executor,
    sql`select count(*)::int as total,
          count(*) filter (where in_municipality and verification = 'verified')::int as verified,
          count(*) filter (where verification = 'unchecked')::int as unchecked,
          count(*) filter (where verification = 'not_found')::int as not_found,
          count(*) filter (where not in_municipality)::int as outside,
          count(*) filter (where created_at >= ${since.toISOString()}::timestamptz)::int as recent
        from member_addresses where group_id = ${group.id}`,
  );
  const shared = await selectRows<{ postcode: string; house_number: number; addition: string; groups: string[]; shared_count: number }>(
    executor,
    sql`select ma.postcode, ma.house_number, ma.addition, array_agg(distinct g2.name) as groups, count(*) over ()::int as shared_count
        from member_addresses ma
        join groups g on g.id = ma.group_id
        join member_addresses mb on mb.postcode = ma.postcode and mb.house_number = ma.house_number and mb.addition = ma.addition and mb.group_id <> ma.group_id
        join groups g2 on g2.id = mb.group_id and g2.status = 'active' and g2.municipality_id = g.municipality_id
        where ma.group_id = ${group.id}
        group by ma.postcode, ma.house_number, ma.addition
        order by ma.postcode, ma.house_number, ma.addition
        limit ${SHARED_SHOWN}`,
  );
  return {
    total: Number(counts?.total ?? 0),
    verified: Number(counts?.verified ?? 0),
    unchecked: Number(counts?.unchecked ?? 0),
    notFound: Number(counts?.not_found ?? 0),
    outside: Number(counts?.outside ?? 0),
    addedRecently: Number(counts?.recent ?? 0),
    shared: shared.map((r) => ({
      label: formatAddress({ postcode: r.postcode, houseNumber: Number(r.house_number), addition: r.addition }),
      groups: [...r.groups].sort((a, b) => a.localeCompare(b, "nl")),
    })),
    sharedCount: Number(shared[0]?.shared_count ?? 0),
  };
}

export async function getSignRequestForStaff(
  actor: Actor | null,
  requestId: string,
  executor: Executor = db,
): Promise<SignRequestDetail | null> {
  requirePermission(actor, "bord.decide");
  const staff = staffScope(actor);
  if (!isUuid(requestId)) return null;
  const [row] = await executor
    .select({
      request: {
        id: signRequests.id,
        status: signRequests.status,
        version: signRequests.version,
        signCount: signRequests.signCount,
        street: signRequests.street,
        nearHouseNumber: signRequests.nearHouseNumber,
        locationDescription: signRequests.locationDescription,
        latitude: signRequests.latitude,
        longitude: signRequests.longitude,
        note: signRequests.note,
        reason: signRequests.reason,
        placedOn: signRequests.placedOn,
        placedLocation: signRequests.placedLocation,
        placedCount: signRequests.placedCount,
        createdAt: signRequests.createdAt,
        decidedAt: signRequests.decidedAt,
      },
      requestedByName: users.name,
      group: {
        id: groups.id,
        name: groups.name,
        slug: groups.slug,
        status: groups.status,
        areaName: areas.name,
        municipalityName: municipalities.name,
        adminCount: sql<number>`(select count(*)::int from ${groupAdmins} where ${groupAdmins.groupId} = ${groups.id})`,
      },
    })
    .from(signRequests)
    .innerJoin(groups, eq(groups.id, signRequests.groupId))
    .innerJoin(areas, eq(areas.id, groups.areaId))
    .innerJoin(municipalities, eq(municipalities.id, groups.municipalityId))
    .leftJoin(users, eq(users.id, signRequests.requestedByUserId))
    .where(and(eq(signRequests.id, requestId), municipalityCondition(staff, groups.municipalityId)));
  if (!row) return null;

  const eligibility = await getSignEligibility(row.group.id, executor);
  const addressReport = await signAddressReport(executor, row.group, new Date());
  const history = await executor
    .select({
      id: signRequestEvents.id,
      fromStatus: signRequestEvents.fromStatus,
      toStatus: signRequestEvents.toStatus,
      note: signRequestEvents.note,
      actorName: users.name,
      createdAt: signRequestEvents.createdAt,
    })
    .from(signRequestEvents)
    .leftJoin(users, eq(users.id, signRequestEvents.actorUserId))
    .where(eq(signRequestEvents.signRequestId, requestId))
    .orderBy(asc(signRequestEvents.createdAt), asc(signRequestEvents.id));

  return {
    ...row.request,
    requestedByName: row.requestedByName,
    group: { ...row.group, adminCount: Number(row.group.adminCount) },
    eligibility: eligibility!,
    addressReport,
    history,
    allowedActions: row.group.status === "active" ? allowedSignRequestActions(row.request.status, "staff") : [],
  };
}

// ---------------------------------------------------------------------------------------------
// Decisions

export interface DecisionOutcome {
  id: string;
  status: SignRequestStatus;
  version: number;
  /** E-mails queued by this decision. */
  mailsQueued: number;
}

/**
 * Takes one staff decision on a bord request: review, approve, reject or place. One
 * transaction: the guarded update (`where id and version and status` as the staff member saw
 * them), the history entry, the audit entry and the e-mails. A request that changed meanwhile
 * gives conflict "Deze aanvraag is net door iemand anders gewijzigd." and nothing changes.
 * Approval counts the addresses again and refuses (unprocessable) below the threshold.
 */
export async function decideSignRequest(actor: Actor | null, decision: BordDecision, executor: Executor = db): Promise<DecisionOutcome> {
  requirePermission(actor, "bord.decide");
  const staff = staffScope(actor);
  return executor.transaction(async (tx) => {
    const [current] = await tx
      .select({
        id: signRequests.id,
        status: signRequests.status,
        version: signRequests.version,
        signCount: signRequests.signCount,
        street: signRequests.street,
        latitude: signRequests.latitude,
        longitude: signRequests.longitude,
        groupId: groups.id,
        groupName: groups.name,
        groupSlug: groups.slug,
        groupStatus: groups.status,
        areaId: groups.areaId,
        areaName: areas.name,
        municipalityId: groups.municipalityId,
      })
      .from(signRequests)
      .innerJoin(groups, eq(groups.id, signRequests.groupId))
      .innerJoin(areas, eq(areas.id, groups.areaId))
      .where(and(eq(signRequests.id, decision.requestId), municipalityCondition(staff, groups.municipalityId)));
    if (!current) throw new AppError("not_found", "Deze aanvraag bestaat niet (meer), of hoort niet bij uw gemeente.");

    if (current.version !== decision.version || (decision.expectedStatus && decision.expectedStatus !== current.status)) {
      throw new AppError("conflict", CHANGED_BY_SOMEONE_ELSE);
    }
    // The group row is locked before the state and the address count are checked, so an
    // address removal (which takes the same lock) lands either before the recount or after
    // the decision, never in between.
    const group = await lockGroupRow(tx, current.groupId);
    if (!group || group.status !== "active") {
      throw new AppError("unprocessable", "Deze groep is opgeheven. Er kan geen besluit meer over de aanvraag worden genomen.");
    }
    let to: SignRequestStatus;
    try {
      to = nextSignRequestStatus(current.status, decision.action, "staff");
    } catch (error) {
      if (isDomainError(error)) throw new AppError("conflict", error.message);
      throw error;
    }

    if (decision.action === "approve") {
      const eligibility = await getSignEligibility(current.groupId, tx);
      if (!eligibility || !eligibility.eligible) {
        const counted = eligibility?.counted ?? 0;
        const threshold = eligibility?.threshold ?? 0;
        throw new AppError(
          "unprocessable",
          `Deze groep heeft nu ${counted} adressen in de gemeente. Voor een bord zijn er ${threshold} nodig, dus de aanvraag kan niet worden goedgekeurd. U kunt de aanvraag afwijzen of wachten tot de groep groter is.`,
        );
      }
    }

    const now = new Date();
    const decided = decision.action === "approve" || decision.action === "reject" || decision.action === "place";
    const updated = await tx
      .update(signRequests)
      .set({
        status: to,
        version: sql`${signRequests.version} + 1`,
        updatedAt: now,
        ...(decided ? { decidedByUserId: staff.id, decidedAt: now } : {}),
        ...(decision.action === "reject" ? { reason: decision.note } : {}),
        ...(decision.action === "place"
          ? { placedOn: decision.placedOn!, placedLocation: decision.placedLocation!, placedCount: decision.placedCount! }
          : {}),
      })
      .where(
        and(
          eq(signRequests.id, current.id),
          eq(signRequests.version, decision.version),
          eq(signRequests.status, current.status),
        ),
      )
      .returning({ version: signRequests.version });
    if (updated.length === 0) throw new AppError("conflict", CHANGED_BY_SOMEONE_ELSE);

    if (decision.action === "place") {
      await createSignForPlacement(tx, {
        groupId: current.groupId,
        signRequestId: current.id,
        placedOn: decision.placedOn!,
        location: decision.placedLocation!,
        count: decision.placedCount!,
        latitude: current.latitude,
        longitude: current.longitude,
        actorUserId: staff.id,
      });
    }

    const placementNote =
      decision.action === "place"
        ? `Geplaatst op ${decision.placedOn}, ${decision.placedLocation}, ${decision.placedCount} ${decision.placedCount === 1 ? "bord" : "borden"}.`
        : "";
    await tx.insert(signRequestEvents).values({
      signRequestId: current.id,
      actorUserId: staff.id,
      fromStatus: current.status,
      toStatus: to,
      note: [decision.note, placementNote].filter(Boolean).join("\n"),
    });
    await recordAudit(tx, {
      actorUserId: staff.id,
      action: `sign_request.${decision.action}`,
      subjectType: "sign_request",
      subjectId: current.id,
      municipalityId: current.municipalityId,
      details: { from: current.status, to, groupId: current.groupId },
    });

    const mails = await decisionMails(tx, decision, current);
    const mailsQueued = await enqueueMail(tx, mails);
    return { id: current.id, status: to, version: updated[0].version, mailsQueued };
  });
}

interface DecidedRequest {
  id: string;
  signCount: number;
  street: string;
  groupId: string;
  groupName: string;
  groupSlug: string;
  areaId: string;
  areaName: string;
  municipalityId: string;
}

async function decisionMails(tx: Executor, decision: BordDecision, request: DecidedRequest): Promise<OutgoingMail[]> {
  if (decision.action === "review") return [];
  const appUrl = getEnv().appUrl;
  const admins = await tx
    .select({ name: users.name, email: users.email })
    .from(groupAdmins)
    .innerJoin(users, eq(users.id, groupAdmins.userId))
    .where(and(eq(groupAdmins.groupId, request.groupId), sql`${users.disabledAt} is null`))
    .orderBy(asc(users.email));
  const bordUrl = `${appUrl}${routes.myGroups.bord(request.groupId)}`;
  const groupUrl = `${appUrl}${routes.myGroups.group(request.groupId)}`;
  const key = (kind: string, email: string) => `${kind}:${request.id}:${email.toLowerCase()}`;

  if (decision.action === "reject") {
    return admins.map((a) => ({
      idempotencyKey: key("bord-rejected", a.email),
      kind: "bord_rejected",
      to: a.email,
      ...bordRejectedMail({ recipientName: a.name, groupName: request.groupName, reason: decision.note, url: bordUrl }),
    }));
  }
  if (decision.action === "place") {
    return admins.map((a) => ({
      idempotencyKey: key("bord-placed", a.email),
      kind: "bord_placed",
      to: a.email,
      ...bordPlacedMail({
        recipientName: a.name,
        groupName: request.groupName,
        placedOn: decision.placedOn!,
        placedLocation: decision.placedLocation!,
        placedCount: decision.placedCount!,
        url: groupUrl,
      }),
    }));
  }

  // approve: the admins, the wijkagent(s) of the group's wijk and the wethouder(s).
  const areaContacts = await tx
    .selectDistinct({ kind: contacts.kind, name: contacts.name, email: contacts.email })
    .from(contacts)
    .innerJoin(contactAreas, eq(contactAreas.contactId, contacts.id))
    .where(and(eq(contacts.municipalityId, request.municipalityId), eq(contactAreas.areaId, request.areaId)));
  let wethouders = areaContacts.filter((c) => c.kind === "wethouder");
  if (wethouders.length === 0) {
    // No wethouder for this wijk: every wethouder of the municipality hears of it.
    wethouders = await tx
      .select({ kind: contacts.kind, name: contacts.name, email: contacts.email })
      .from(contacts)
      .where(and(eq(contacts.municipalityId, request.municipalityId), eq(contacts.kind, "wethouder")));
  }
  const base = { groupName: request.groupName, areaName: request.areaName, signCount: request.signCount, street: request.street };
  const seen = new Set<string>();
  const out: OutgoingMail[] = [];
  const push = (audience: "group_admin" | "wijkagent" | "wethouder", name: string | null, email: string, url: string) => {
    const address = email.toLowerCase();
    if (seen.has(address)) return;
    seen.add(address);
    out.push({
      idempotencyKey: key("bord-approved", address),
      kind: "bord_approved",
      to: address,
      ...bordApprovedMail({ ...base, audience, recipientName: name, url }),
    });
  };
  for (const a of admins) push("group_admin", a.name, a.email, bordUrl);
  for (const c of areaContacts.filter((c) => c.kind === "wijkagent")) {
    push("wijkagent", c.name, c.email, `${appUrl}${routes.wijkagent.group(request.groupId)}`);
  }
  for (const c of wethouders) push("wethouder", c.name, c.email, `${appUrl}${routes.group(request.groupSlug)}`);
  return out;
}
