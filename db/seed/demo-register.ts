/**
 * The demo address register: made-up addresses of Krimpen aan den IJssel in the
 * demo's postcode areas, plus a few of Rotterdam and Capelle aan den IJssel for "this address
 * lies in another municipality". It plays the role of the BAG when no ADDRESS_LOOKUP_URL is set.
 *
 * Every street name and number is invented; real postcodes there belong to other streets.
 * Shape, per four-digit area 2921–2926: the postcodes xxxxAA–xxxxAZ and xxxxBA–xxxxBZ, house
 * numbers 1–120, each postcode its own street (so "Lansinghlaan 15" has one postcode); numbers
 * 10–14 of each xxxxAB postcode also have an A and a B; plus 2923 XA and 2924 XY (used by the
 * end-to-end tests). The seeded groups' addresses (db/seed/demo.ts) all lie in it.
 */
import { sql } from "drizzle-orm";
import { selectRows, type Executor } from "../index";

export interface DemoRegisterAddress {
  postcode: string;
  houseNumber: number;
  addition: string;
  street: string;
  town: string;
  municipalityCode: string;
  municipalityName: string;
  areaCode: string | null;
}

const KRIMPEN = { municipalityCode: "GM0542", municipalityName: "Krimpen aan den IJssel", town: "Krimpen aan den IJssel" };

/** The four-digit areas, their demo wijk and the first part of their street names. */
const AREAS: Array<{ digits: string; areaCode: string; names: string[] }> = [
  { digits: "2921", areaCode: "WK054201", names: ["Dijk", "Kerk", "Pont", "Veer", "Molen", "Haven", "Sluis", "Wilgen", "Riet", "Kade", "Schans", "Oever", "Griend"] },
  { digits: "2922", areaCode: "WK054202", names: ["Tiend", "Raadhuis", "Groenen", "Park", "Linden", "Beuken", "Eiken", "Essen", "Iepen", "Hazel", "Vlier", "Berken", "Kastanje"] },
  { digits: "2923", areaCode: "WK054203", names: ["Merel", "Lijster", "Spreeuw", "Vink", "Mees", "Specht", "Zwaluw", "Kievit", "Reiger", "Meeuw", "Gors", "Pieper", "Kwartel"] },
  { digits: "2924", areaCode: "WK054204", names: ["Roos", "Tulp", "Lelie", "Iris", "Dahlia", "Aster", "Viool", "Klaver", "Anjer", "Lavendel", "Hyacint", "Narcis", "Krokus"] },
  { digits: "2925", areaCode: "WK054205", names: ["Lansingh", "Noord", "Zuid", "Oost", "West", "Midden", "Akker", "Weide", "Polder", "Sloot", "Wetering", "Vaart", "Dam"] },
  { digits: "2926", areaCode: "WK054206", names: ["Boveneind", "Hoeve", "Schuur", "Erf", "Gaarde", "Tuin", "Hof", "Bongerd", "Vlonder", "Steiger", "Brug", "Stoep", "Wal"] },
];
const SUFFIXES = ["straat", "laan", "hof", "weg"];
const SPARE_SUFFIXES = ["pad", "kade", "singel", "dreef"];
const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** The seeded groups' streets keep the names the demo always had. */
const FIXED_STREETS: Record<string, string> = {
  "2921AB": "IJsseldijk",
  "2922AB": "Tiendweg",
  "2922AC": "Raadhuisplein",
  "2923AB": "Merelstraat",
  "2923AC": "Lijsterstraat",
  "2925AB": "Lansinghlaan",
  "2925AC": "Lansinghhof",
  "2926AB": "Boveneindseweg",
  "2923XA": "Vogelzang",
  "2924XY": "Rozenpad",
};

const FIXED_NAMES = new Set(Object.values(FIXED_STREETS));

export const DEMO_REGISTER_NUMBERS = 120;

/** The demo register's street of a postcode (undefined when the register does not know it). */
export function demoStreet(postcode: string): string | undefined {
  if (FIXED_STREETS[postcode]) return FIXED_STREETS[postcode];
  const area = AREAS.find((a) => a.digits === postcode.slice(0, 4));
  const first = LETTERS.indexOf(postcode[4]);
  const second = LETTERS.indexOf(postcode[5]);
  if (!area || first < 0 || first > 1 || second < 0) return undefined;
  const index = first * 26 + second;
  const prefix = area.names[index % area.names.length];
  const suffix = Math.floor(index / area.names.length) % SUFFIXES.length;
  const name = `${prefix}${SUFFIXES[suffix]}`;
  // One street, one postcode: a generated name that a fixed street has gets another ending.
  return FIXED_NAMES.has(name) ? `${prefix}${SPARE_SUFFIXES[suffix]}` : name;
}

export function demoRegisterAddresses(): DemoRegisterAddress[] {
  const rows: DemoRegisterAddress[] = [];
  const add = (postcode: string, street: string, place: Omit<DemoRegisterAddress, "postcode" | "houseNumber" | "addition" | "street">, numbers: number) => {
    for (let n = 1; n <= numbers; n++) {
      rows.push({ postcode, houseNumber: n, addition: "", street, ...place });
      if (postcode.endsWith("AB") && n >= 10 && n <= 14 && place.municipalityCode === KRIMPEN.municipalityCode) {
        for (const addition of ["A", "B"]) rows.push({ postcode, houseNumber: n, addition, street, ...place });
      }
    }
  };
  for (const area of AREAS) {
    for (const first of "AB") {
      for (const second of LETTERS) {
        const postcode = `${area.digits}${first}${second}`;
        add(postcode, demoStreet(postcode)!, { ...KRIMPEN, areaCode: area.areaCode }, DEMO_REGISTER_NUMBERS);
      }
    }
  }
  add("2923XA", FIXED_STREETS["2923XA"], { ...KRIMPEN, areaCode: "WK054203" }, DEMO_REGISTER_NUMBERS);
  add("2924XY", FIXED_STREETS["2924XY"], { ...KRIMPEN, areaCode: "WK054204" }, DEMO_REGISTER_NUMBERS);
  const rotterdam = { municipalityCode: "GM0599", municipalityName: "Rotterdam", town: "Rotterdam", areaCode: null };
  const capelle = { municipalityCode: "GM0502", municipalityName: "Capelle aan den IJssel", town: "Capelle aan den IJssel", areaCode: null };
  ["Coolsingel", "Lijnbaan", "Meent", "Binnenrotte"].forEach((street, i) => add(`3011A${"ABCD"[i]}`, street, rotterdam, 40));
  ["Dorpsstraat", "Kerklaan", "Slotlaan", "Bermweg"].forEach((street, i) => add(`2901A${"ABCD"[i]}`, street, capelle, 40));
  return rows;
}

/** Fills the register (once: it does nothing when the register holds addresses). Returns rows added. */
export async function seedDemoRegister(db: Executor): Promise<number> {
  const existing = await selectRows<{ one: number }>(db, sql`select 1 as one from register_addresses limit 1`);
  if (existing.length > 0) return 0;
  const rows = demoRegisterAddresses();
  const chunk = 10_000;
  for (let i = 0; i < rows.length; i += chunk) {
    const payload = JSON.stringify(rows.slice(i, i + chunk));
    await db.execute(sql`insert into register_addresses
      (postcode, house_number, addition, street, town, municipality_code, municipality_name, area_code)
      select r."postcode", r."houseNumber", r."addition", r."street", r."town", r."municipalityCode", r."municipalityName", r."areaCode"
      from jsonb_to_recordset(${payload}::text::jsonb) as r("postcode" text, "houseNumber" integer, "addition" text, "street" text,
        "town" text, "municipalityCode" text, "municipalityName" text, "areaCode" text)
      on conflict do nothing`);
  }
  return rows.length;
}
