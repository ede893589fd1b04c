/**
 * Demo data for Krimpen aan den IJssel (GM0542): its six wijken with postcodes, a wijkagent per
 * wijk and a wethouder, demo accounts for every role, five groups with addresses (one past the
 * bord threshold with a bord request waiting), one join request.
 *
 * The postcode-to-wijk table, the address counts and all people are illustrative, not real
 * data. Seeding runs once: a row in app_meta, written in the same transaction, marks it done.
 */
import { eq, inArray } from "drizzle-orm";
import type { Database, Executor } from "../index";
import { HOUSE_RULES_VERSION } from "@/lib/domain/house-rules";
import { aContact, addresses as builderAddresses, aGroup, anArea, aBordRequest, aUser, type AddressSpec } from "./builders";
import { demoStreet, seedDemoRegister } from "./demo-register";
import { DEMO_BORD_POINTS, DEMO_BOUNDARIES } from "./demo-boundaries";
import { appMeta, groupChecks, groups, houseRulesAcceptances, joinRequests, municipalities, bordEvents, bordReports, bords, users, type Area, type Group, type UserRole } from "../schema";

/** Builder addresses with the demo register's street of each postcode (every one is in the register). */
function addresses(count: number, base: string): AddressSpec[] {
  return builderAddresses(count, base).map((a) => ({ ...a, street: demoStreet(a.postcode) ?? a.street }));
}

export const DEMO_MUNICIPALITY = {
  code: "GM0542",
  name: "Krimpen aan den IJssel",
  slug: "krimpen-aan-den-ijssel",
  safetyEmail: "veiligheid@krimpen.example",
  bordThreshold: 50,
} as const;

export interface DemoAccount {
  email: string;
  role: UserRole;
  /** How the sign-in page describes the account. */
  label: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: "groepsbeheerder@krimpen.example", role: "resident", label: "Groepsbeheerder (Langeland-Noord)" },
  { email: "bewoner@krimpen.example", role: "resident", label: "Groepsbeheerder (Kortland Vogelbuurt)" },
  { email: "boveneind@krimpen.example", role: "resident", label: "Groepsbeheerder (Boveneind Alert; accepteert eerst de huisregels)" },
  { email: "medewerker@krimpen.example", role: "staff", label: "Medewerker team Veiligheid" },
  { email: "wijkagent.langeland@krimpen.example", role: "wijkagent", label: "Wijkagent Langeland en Oud-Krimpen" },
  { email: "platformbeheer@krimpen.example", role: "platform_admin", label: "Platformbeheerder" },
];

/** The demo wijken with the 4-digit postcode areas the demo assigns to them. */
export const DEMO_AREAS = [
  { code: "WK054201", name: "Oud-Krimpen", slug: "oud-krimpen", postcodes: ["2921"], totalAddresses: 3100 },
  { code: "WK054202", name: "Langeland", slug: "langeland", postcodes: ["2922"], totalAddresses: 2800 },
  { code: "WK054203", name: "Kortland-Noord", slug: "kortland-noord", postcodes: ["2923"], totalAddresses: 2400 },
  { code: "WK054204", name: "Kortland-Zuid", slug: "kortland-zuid", postcodes: ["2924"], totalAddresses: 2600 },
  { code: "WK054205", name: "Lansingh-Zuid", slug: "lansingh-zuid", postcodes: ["2925"], totalAddresses: 2200 },
  { code: "WK054206", name: "Boveneind", slug: "boveneind", postcodes: ["2926"], totalAddresses: 1900 },
] as const;

/** A seeded address that a group covers, for the README and the end-to-end tests. */
export const DEMO_COVERED_ADDRESS = { postcode: "2922AB", houseNumber: 12 } as const;
/** A seeded address in a wijk with a group, not covered by it. */
export const DEMO_UNCOVERED_ADDRESS = { postcode: "2924XY", houseNumber: 7 } as const;

const SEED_KEY = "demo_seed";

export async function isSeeded(db: Executor): Promise<boolean> {
  const rows = await db.select().from(appMeta).where(eq(appMeta.key, SEED_KEY)).limit(1);
  return rows.length > 0;
}

/**
 * Seeds the demo data unless it is there already. Returns true when it seeded.
 * Refuses to seed a database that has municipalities but no seed mark (someone's real data).
 */
export async function seedDemoData(db: Database): Promise<boolean> {
  return db.transaction(async (tx) => {
    const mark = await tx
      .insert(appMeta)
      .values({ key: SEED_KEY, value: new Date().toISOString() })
      .onConflictDoNothing()
      .returning();
    if (mark.length === 0) return false;
    const existing = await tx.select({ id: municipalities.id }).from(municipalities).limit(1);
    if (existing.length > 0) {
      throw new Error("The database already holds municipalities; the demo seed only fills an empty database.");
    }
    await insertDemoData(tx);
    return true;
  });
}

async function insertDemoData(tx: Executor): Promise<void> {
  await seedDemoRegister(tx);
  const [municipality] = await tx.insert(municipalities).values(DEMO_MUNICIPALITY).returning();

  const areaRows: Area[] = [];
  for (const spec of DEMO_AREAS) {
    areaRows.push(
      await anArea(tx, municipality, {
        code: spec.code,
        name: spec.name,
        slug: spec.slug,
        postcodes: [...spec.postcodes],
        totalAddresses: spec.totalAddresses,
        boundary: DEMO_BOUNDARIES[spec.code],
      }),
    );
  }
  const area = (name: string) => areaRows.find((a) => a.name === name)!;

  // Demo accounts
  const groupAdmin = await aUser(tx, {
    email: DEMO_ACCOUNTS[0].email,
    name: "Sanne de Vries",
    phone: "+31612345678",
    birthDate: "1984-03-14",
    postcode: "2922AB",
    houseNumber: 12,
  });
  const secondAdmin = await aUser(tx, {
    email: DEMO_ACCOUNTS[1].email,
    name: "Mohamed El Amrani",
    phone: "+31623456789",
    birthDate: "1979-11-02",
    postcode: "2923AC",
    houseNumber: 5,
  });
  const coAdmin = await aUser(tx, {
    email: "medebeheerder@krimpen.example",
    name: "Pieter Bakker",
    phone: "+31634567890",
    birthDate: "1966-07-21",
    postcode: "2922AC",
    houseNumber: 3,
  });
  const oudKrimpenAdmin = await aUser(tx, {
    email: "dijkzijde@krimpen.example",
    name: "Fatima Yilmaz",
    phone: "+31645678901",
    birthDate: "1990-01-30",
    postcode: "2921AB",
    houseNumber: 8,
  });
  const lansinghAdmin = await aUser(tx, {
    email: "lansingh@krimpen.example",
    name: "Joost van Dijk",
    phone: "+31656789012",
    birthDate: "1958-09-09",
    postcode: "2925AB",
    houseNumber: 20,
  });
  const zuidkantAdmin = await aUser(tx, {
    email: "zuidkant@krimpen.example",
    name: "Henk de Wit",
    phone: "+31678901234",
    birthDate: "1962-12-12",
    postcode: "2926AC",
    houseNumber: 40,
  });
  const boveneindAdmin = await aUser(tx, {
    email: DEMO_ACCOUNTS[2].email,
    name: "Anouk Smit",
    phone: "+31667890123",
    birthDate: "1995-05-05",
    postcode: "2926AB",
    houseNumber: 2,
  });
  const staff = await aUser(tx, {
    email: DEMO_ACCOUNTS[3].email,
    name: "Lotte Jansen",
    phone: "+31180123456",
    role: "staff",
    municipalityId: municipality.id,
  });
  const wijkagentUser = await aUser(tx, {
    email: DEMO_ACCOUNTS[4].email,
    name: "Rick Visser",
    phone: "+31900884400",
    role: "wijkagent",
    municipalityId: municipality.id,
  });
  await aUser(tx, { email: DEMO_ACCOUNTS[5].email, name: "Eva Platform", role: "platform_admin" });

  // Wijkagenten and the wethouder. The demo wijkagent account covers Langeland and Oud-Krimpen.
  await aContact(tx, municipality, "wijkagent", [area("Langeland"), area("Oud-Krimpen")], {
    name: wijkagentUser.name!,
    email: wijkagentUser.email,
    phone: "+31900884400",
    userId: wijkagentUser.id,
  });
  const otherAgents = [
    { name: "Kees Mulder", email: "wijkagent.kortland@krimpen.example", areas: ["Kortland-Noord", "Kortland-Zuid"] },
    { name: "Naima Bouzid", email: "wijkagent.lansingh@krimpen.example", areas: ["Lansingh-Zuid", "Boveneind"] },
  ];
  for (const agent of otherAgents) {
    await aContact(tx, municipality, "wijkagent", agent.areas.map(area), {
      name: agent.name,
      email: agent.email,
      phone: "+31900884400",
    });
  }
  await aContact(tx, municipality, "wethouder", areaRows, {
    name: "Wethouder M. de Graaf",
    email: "wethouder.veiligheid@krimpen.example",
    phone: "+31180234567",
  });

  // Groups
  const withOwnAddress = (list: AddressSpec[], admin: { postcode: string | null; houseNumber: number | null }) => [
    ...list,
    { postcode: admin.postcode!, houseNumber: admin.houseNumber!, street: demoStreet(admin.postcode!), town: "Krimpen aan den IJssel" },
  ];

  const langeland = await aGroup(tx, area("Langeland"), {
    name: "Buurtpreventie Langeland-Noord",
    slug: "langeland-noord",
    description: "Tiendweg, Raadhuisplein en de zijstraten tussen de Groenendaal en het park.",
    admins: [groupAdmin, coAdmin],
    addresses: withOwnAddress(addresses(62, "2922"), coAdmin),
    whatsappInviteUrl: "https://chat.whatsapp.com/DEMOlangelandnoord",
    createdAt: new Date("2025-02-10T10:00:00Z"),
  });
  const kortland = await aGroup(tx, area("Kortland-Noord"), {
    name: "Buurtpreventie Kortland Vogelbuurt",
    slug: "kortland-vogelbuurt",
    description: "Merelstraat, Lijsterstraat, Spreeuwstraat en omgeving.",
    admins: [secondAdmin],
    addresses: addresses(23, "2923"),
    createdAt: new Date("2025-09-01T10:00:00Z"),
  });
  await aGroup(tx, area("Oud-Krimpen"), {
    name: "Oud-Krimpen Dijkzijde",
    slug: "oud-krimpen-dijkzijde",
    description: "De huizen aan en achter de IJsseldijk, van de kerk tot de pont.",
    admins: [oudKrimpenAdmin],
    addresses: addresses(35, "2921"),
    createdAt: new Date("2024-11-15T10:00:00Z"),
  });
  const lansingh = await aGroup(tx, area("Lansingh-Zuid"), {
    name: "Lansingh-Zuid Let Op Elkaar",
    slug: "lansingh-zuid-let-op-elkaar",
    description: "Lansinghlaan en de hofjes eromheen.",
    admins: [lansinghAdmin],
    addresses: addresses(54, "2925"),
    createdAt: new Date("2024-03-01T10:00:00Z"),
  });
  const zuidkant = await aGroup(tx, area("Boveneind"), {
    name: "Boveneind Zuidkant",
    slug: "boveneind-zuidkant",
    description: "Boveneindseweg, even kant, en de Zuidkade.",
    admins: [zuidkantAdmin],
    addresses: Array.from({ length: 9 }, (_, i) => ({ postcode: "2926BZ", houseNumber: 2 * i + 2, street: "Zuidkade", town: "Krimpen aan den IJssel" })),
    createdAt: new Date("2024-06-01T10:00:00Z"),
  });
  await aGroup(tx, area("Boveneind"), {
    name: "Boveneind Alert",
    slug: "boveneind-alert",
    description: "Boveneindseweg, oneven kant.",
    admins: [boveneindAdmin],
    addresses: addresses(12, "2926"),
    createdAt: new Date("2026-10-20T10:00:00Z"),
    // Registered before acceptance was stored: Anouk accepts the house rules at her next sign-in.
    houseRulesAccepted: false,
  });

  // The yearly check, as if the job had run before: a group in every stage. Oud-Krimpen
  // Dijkzijde is due and not asked yet (the job asks its admin shortly after start, or staff
  // press "Nu uitvoeren" at /beheer/jaarcontrole); the others were confirmed recently.
  const now = new Date();
  const daysAgo = (n: number) => new Date(now.getTime() - n * 24 * 60 * 60 * 1000);
  const stages: Array<[Group, "asked" | "reminded" | "unconfirmed" | "decision", number]> = [
    [langeland, "asked", 3],
    [kortland, "reminded", 20],
    [lansingh, "unconfirmed", 40],
    [zuidkant, "decision", 100],
  ];
  for (const [group, stage, days] of stages) {
    await tx.insert(groupChecks).values({
      groupId: group.id,
      municipalityId: municipality.id,
      dueAt: daysAgo(days),
      startedAt: daysAgo(days),
      stage,
      stageAt: daysAgo(stage === "asked" ? days : stage === "reminded" ? days - 14 : stage === "unconfirmed" ? days - 30 : days - 90),
    });
  }
  await tx.update(groups).set({ lastConfirmedAt: daysAgo(30) }).where(eq(groups.slug, "boveneind-alert"));

  // Bord requests: one waiting for a decision, one placed.
  await aBordRequest(tx, langeland, {
    status: "submitted",
    requestedBy: groupAdmin,
    street: "Tiendweg",
    nearHouseNumber: 2,
    ...DEMO_BORD_POINTS.langeland,
    bordCount: 2,
    locationDescription: "Aan het begin van de Tiendweg, bij de lantaarnpaal voor nummer 2, en bij de ingang van het park.",
    note: "We zijn met 62 adressen. Graag twee borden, aan beide kanten van de buurt.",
  });
  const lansinghRequest = await aBordRequest(tx, lansingh, {
    status: "placed",
    requestedBy: lansinghAdmin,
    decidedBy: staff,
    street: "Lansinghlaan",
    nearHouseNumber: 1,
    ...DEMO_BORD_POINTS.lansingh,
  });
  // The placed bord has an open report of a resident (/beheer/geplaatste-borden).
  const [lansinghBord] = await tx.select({ id: bords.id }).from(bords).where(eq(bords.bordRequestId, lansinghRequest.id));
  await tx.insert(bordReports).values({ bordId: lansinghBord.id, kind: "damaged", description: "Het bord hangt scheef en is beklad." });
  await tx.insert(bordEvents).values({ bordId: lansinghBord.id, kind: "reported", note: "Het bord is kapot.\nHet bord hangt scheef en is beklad." });

  // One open join request for the big group.
  const [joinRequest] = await tx.insert(joinRequests).values({
    groupId: langeland.id,
    name: "Jan de Boer",
    email: "jan.deboer@bewoner.example",
    phone: "+31611122233",
    birthDate: "1975-04-12",
    postcode: "2922AD",
    houseNumber: 41,
    addition: "",
  }).returning();
  await tx.insert(houseRulesAcceptances).values({ joinRequestId: joinRequest.id, groupId: langeland.id, version: HOUSE_RULES_VERSION, context: "join_request" });
}

/** The seeded demo accounts that exist in this database (for the sign-in page in demo mode). */
export async function listDemoAccounts(db: Executor): Promise<DemoAccount[]> {
  const rows = await db
    .select({ email: users.email })
    .from(users)
    .where(inArray(users.email, DEMO_ACCOUNTS.map((a) => a.email)));
  const present = new Set(rows.map((r) => r.email));
  return DEMO_ACCOUNTS.filter((a) => present.has(a.email));
}
