/**
 * Builders for rows, shared by the demo seed, the integration tests, the e2e fixtures and the
 * benchmark. Each inserts one thing with sensible defaults and returns the inserted row; pass
 * overrides for what the case is about.
 */
import { sql } from "drizzle-orm";
import type { Executor } from "../index";
import {
  bordEvents,
  bords,
  areaPostcodes,
  areas,
  contactAreas,
  contacts,
  groupAdmins,
  houseRulesAcceptances,
  groups,
  memberAddresses,
  registerAddresses,
  municipalities,
  bordRequestEvents,
  bordRequests,
  users,
  type Area,
  type ContactKind,
  type Group,
  type Municipality,
  type BordRequestStatusValue,
  type User,
  type UserRole,
  type AddressCheck,
} from "../schema";
import { groupNameSkeleton } from "@/lib/domain/group-name";
import { HOUSE_RULES_VERSION } from "@/lib/domain/house-rules";
import { slugify } from "@/lib/domain/slug";

let counter = 0;
/** A number unique within this process, for names and e-mail addresses in tests. */
export function unique(): number {
  counter += 1;
  return counter;
}

export async function aMunicipality(
  db: Executor,
  overrides: Partial<typeof municipalities.$inferInsert> = {},
): Promise<Municipality> {
  const n = unique();
  const name = overrides.name ?? `Testgemeente ${n}`;
  const [row] = await db
    .insert(municipalities)
    .values({
      code: `GM${String(9000 + (n % 1000)).padStart(4, "0")}`,
      name,
      slug: slugify(name),
      safetyEmail: `veiligheid${n}@gemeente.example`,
      ...overrides,
    })
    .returning();
  return row;
}

export async function anArea(
  db: Executor,
  municipality: Pick<Municipality, "id">,
  overrides: Partial<typeof areas.$inferInsert> & { postcodes?: string[] } = {},
): Promise<Area> {
  const { postcodes = [], ...values } = overrides;
  const n = unique();
  const name = values.name ?? `Wijk ${n}`;
  const [row] = await db
    .insert(areas)
    .values({
      municipalityId: municipality.id,
      code: `WK${String(n).padStart(6, "0")}`,
      name,
      slug: slugify(`${name}-${n}`),
      ...values,
    })
    .returning();
  if (postcodes.length > 0) {
    await db.insert(areaPostcodes).values(postcodes.map((postcode) => ({ areaId: row.id, postcode })));
  }
  return row;
}

export async function aUser(db: Executor, overrides: Partial<typeof users.$inferInsert> = {}): Promise<User> {
  const n = unique();
  const [row] = await db
    .insert(users)
    .values({
      email: `gebruiker${n}@test.example`,
      name: `Gebruiker ${n}`,
      role: "resident" as UserRole,
      ...overrides,
    })
    .returning();
  return row;
}

export async function aContact(
  db: Executor,
  municipality: Pick<Municipality, "id">,
  kind: ContactKind,
  areaList: Array<Pick<Area, "id">>,
  overrides: Partial<typeof contacts.$inferInsert> = {},
) {
  const n = unique();
  const [row] = await db
    .insert(contacts)
    .values({
      municipalityId: municipality.id,
      kind,
      name: `${kind === "wijkagent" ? "Wijkagent" : "Wethouder"} ${n}`,
      email: `${kind}${n}@test.example`,
      ...overrides,
    })
    .returning();
  if (areaList.length > 0) {
    await db.insert(contactAreas).values(areaList.map((a) => ({ contactId: row.id, areaId: a.id })));
  }
  return row;
}

export interface AddressSpec {
  postcode: string;
  houseNumber: number;
  addition?: string;
  street?: string;
  town?: string;
  inMunicipality?: boolean;
  /** Default "verified": builder addresses stand for addresses the register knows. */
  verification?: AddressCheck;
}

/**
 * `count` distinct, normalised addresses in postcode `base` (four digits) and a few letter pairs,
 * numbered 1, 2, 3 …, clustered the way real streets are.
 */
export function addresses(count: number, base = "2922", street = "Teststraat"): AddressSpec[] {
  const letterPairs = ["AB", "AC", "AD", "AE", "AG", "AH", "AJ", "AK", "AL", "AM"];
  const perPostcode = 40;
  return Array.from({ length: count }, (_, i) => ({
    postcode: `${base}${letterPairs[Math.floor(i / perPostcode) % letterPairs.length]}`,
    houseNumber: (i % perPostcode) + 1 + Math.floor(i / (perPostcode * letterPairs.length)) * perPostcode,
    street,
    town: "Krimpen aan den IJssel",
  }));
}

/**
 * Puts `list` in the address register (the table the demo register and tests verify against),
 * as addresses of `municipality`: a flow that enters them (registration, address lists) then
 * finds them verified, as the demo does with its seeded register.
 */
export async function inAddressRegister(db: Executor, municipality: Pick<Municipality, "code" | "name">, list: AddressSpec[]): Promise<void> {
  if (list.length === 0) return;
  await db
    .insert(registerAddresses)
    .values(
      list.map((a) => ({
        postcode: a.postcode.replace(/\s+/g, "").toUpperCase(),
        houseNumber: a.houseNumber,
        addition: a.addition ?? "",
        street: a.street ?? "Teststraat",
        town: a.town ?? "Krimpen aan den IJssel",
        municipalityCode: municipality.code,
        municipalityName: municipality.name,
      })),
    )
    .onConflictDoNothing();
}

export async function addAddresses(
  db: Executor,
  group: Pick<Group, "id" | "areaId">,
  list: AddressSpec[],
  addedByUserId?: string,
): Promise<void> {
  const chunk = 1000;
  for (let i = 0; i < list.length; i += chunk) {
    await db
      .insert(memberAddresses)
      .values(
        list.slice(i, i + chunk).map((a) => ({
          groupId: group.id,
          postcode: a.postcode,
          houseNumber: a.houseNumber,
          addition: a.addition ?? "",
          street: a.street ?? null,
          town: a.town ?? null,
          areaId: group.areaId,
          inMunicipality: a.inMunicipality ?? true,
          verification: a.verification ?? "verified",
          addedByUserId: addedByUserId ?? null,
        })),
      )
      .onConflictDoNothing();
  }
}

export async function aGroup(
  db: Executor,
  area: Pick<Area, "id" | "municipalityId">,
  overrides: Partial<typeof groups.$inferInsert> & {
    admins?: Array<Pick<User, "id">>;
    addresses?: AddressSpec[];
    /** Whether the admins' acceptance of the current house rules is on record (default true). */
    houseRulesAccepted?: boolean;
  } = {},
): Promise<Group> {
  const { admins = [], addresses: addressList = [], houseRulesAccepted = true, ...values } = overrides;
  const n = unique();
  const name = values.name ?? `Buurtpreventie Testgroep ${n}`;
  const [row] = await db
    .insert(groups)
    .values({
      municipalityId: area.municipalityId,
      areaId: area.id,
      name,
      slug: values.slug ?? slugify(`${name}-${n}`),
      description: "De straten rond het testplein.",
      ...values,
      nameSkeleton: values.nameSkeleton ?? groupNameSkeleton(name),
    })
    .returning();
  if (admins.length > 0) {
    await db.insert(groupAdmins).values(admins.map((u) => ({ groupId: row.id, userId: u.id })));
    if (houseRulesAccepted) {
      await db.insert(houseRulesAcceptances).values(
        admins.map((u) => ({ userId: u.id, groupId: row.id, version: HOUSE_RULES_VERSION, context: "registration" as const, acceptedAt: row.createdAt })),
      );
    }
  }
  if (addressList.length > 0) await addAddresses(db, row, addressList, admins[0]?.id);
  return row;
}

/** A bord request with its history up to `status`, as if each step had been taken in turn. */
export async function aBordRequest(
  db: Executor,
  group: Pick<Group, "id">,
  overrides: Partial<typeof bordRequests.$inferInsert> & {
    status?: BordRequestStatusValue;
    requestedBy?: Pick<User, "id">;
    decidedBy?: Pick<User, "id">;
  } = {},
) {
  const { requestedBy, decidedBy, status = "submitted", ...values } = overrides;
  const path: BordRequestStatusValue[] =
    status === "submitted" || status === "withdrawn"
      ? ["submitted"]
      : status === "rejected"
        ? ["submitted", "in_review"]
        : ["submitted", "in_review", "approved", "placed"].slice(
            0,
            ["submitted", "in_review", "approved", "placed"].indexOf(status) + 1,
          ) as BordRequestStatusValue[];
  if (status === "withdrawn" || status === "rejected") path.push(status);
  const [row] = await db
    .insert(bordRequests)
    .values({
      groupId: group.id,
      status,
      street: "Teststraat",
      nearHouseNumber: 1,
      locationDescription: "Bij de ingang van de straat, aan de lantaarnpaal.",
      requestedByUserId: requestedBy?.id ?? null,
      decidedByUserId: ["approved", "placed", "rejected"].includes(status) ? (decidedBy?.id ?? null) : null,
      decidedAt: ["approved", "placed", "rejected"].includes(status) ? sql`now()` : null,
      reason: status === "rejected" ? "Er staat al een bord in deze straat." : null,
      placedOn: status === "placed" ? "2026-06-01" : null,
      placedCount: status === "placed" ? 1 : null,
      placedLocation: status === "placed" ? "Hoek Teststraat / Testplein" : null,
      version: path.length,
      ...values,
    })
    .returning();
  let from: BordRequestStatusValue | null = null;
  for (const to of path) {
    await db.insert(bordRequestEvents).values({
      bordRequestId: row.id,
      actorUserId: to === "submitted" || to === "withdrawn" ? (requestedBy?.id ?? null) : (decidedBy?.id ?? null),
      fromStatus: from,
      toStatus: to,
      note: to === "rejected" ? (row.reason ?? "") : "",
    });
    from = to;
  }
  if (status === "placed" && row.placedOn) {
    // A placed bord has its own record, as decideBordRequest makes it.
    const [bord] = await db
      .insert(bords)
      .values({
        groupId: group.id,
        bordRequestId: row.id,
        placedOn: row.placedOn,
        location: row.placedLocation ?? row.street,
        count: row.placedCount ?? 1,
        latitude: row.latitude,
        longitude: row.longitude,
      })
      .returning({ id: bords.id });
    await db.insert(bordEvents).values({
      bordId: bord.id,
      kind: "placed",
      actorUserId: decidedBy?.id ?? null,
      occurredOn: row.placedOn,
      note: `${row.placedCount ?? 1} ${(row.placedCount ?? 1) === 1 ? "bord" : "borden"} geplaatst: ${row.placedLocation ?? row.street}.`,
    });
  }
  return row;
}
