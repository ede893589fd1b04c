/**
 * The geography import (issue 19): preview and confirm of wijken and buurten, postcodes and
 * address totals, on PGlite and on PostgreSQL. A bad file (or one that became bad) stores
 * nothing; a re-import shows and makes the moves; a confirm whose changes differ from the
 * preview stores nothing; only staff of the municipality (or a platform admin) may import;
 * dozens of simultaneous confirms for one municipality end in one consistent import.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, setDatabase, type DatabaseHandle } from "@/db";
import { aGroup, aMunicipality, anArea, aUser } from "@/db/seed/builders";
import { areaPostcodes, areas, auditLog, neighbourhoods, type Municipality, type User } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { actorOf } from "@/tests/actors";
import { onPostgres, withTestDatabase } from "@/tests/db";
import { confirmGeoImport, listNeighbourhoodsForStaff, previewGeoImport, type GeoImportPreview } from "./geo-import";

const database = withTestDatabase();
let pool: DatabaseHandle | undefined;
let home: Municipality;
let other: Municipality;
let staff: User;
let otherStaff: User;
let platformAdmin: User;
let resident: User;
let agent: User;

const db = () => (pool ?? database.current.handle).db;
const bytes = (text: string) => new TextEncoder().encode(text);

beforeAll(async () => {
  if (onPostgres) {
    const config = database.current.config;
    if (config.kind !== "postgres") throw new Error("expected a PostgreSQL test database");
    pool = openDatabase({ kind: "postgres", url: config.url });
    setDatabase(pool);
  }
  const { db } = database.current.handle;
  home = await aMunicipality(db, { name: "Importstad", code: "GM0777" });
  other = await aMunicipality(db, { name: "Buurgemeente", code: "GM0778" });
  // Importstad starts with two wijken; the second keeps a 4-digit postcode area.
  const centrum = await anArea(db, home, { code: "WK077701", name: "Centrum", postcodes: ["7701AA"], totalAddresses: 100 });
  await anArea(db, home, { code: "WK077702", name: "Haven", postcodes: ["7702"] });
  await anArea(db, other, { code: "WK077801", name: "Elders", postcodes: ["7801", "7703AA"] });
  staff = await aUser(db, { role: "staff", municipalityId: home.id });
  otherStaff = await aUser(db, { role: "staff", municipalityId: other.id });
  platformAdmin = await aUser(db, { role: "platform_admin" });
  resident = await aUser(db);
  agent = await aUser(db, { role: "wijkagent", municipalityId: home.id });
  await aGroup(db, centrum, { name: "Centrum Waakt", admins: [resident], addresses: [{ postcode: "7701AA", houseNumber: 1 }] });
});

afterAll(async () => {
  if (pool) {
    setDatabase(database.current.handle);
    await pool.close();
  }
});

const previewTokens = (previews: GeoImportPreview[]) => previews.map((p) => p.token).filter(Boolean);

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** The municipality's postcode table as "postcode wijkcode" lines. */
async function postcodeTable(m: Municipality = home): Promise<string[]> {
  const rows = await db()
    .select({ postcode: areaPostcodes.postcode, code: areas.code })
    .from(areaPostcodes)
    .innerJoin(areas, eq(areas.id, areaPostcodes.areaId))
    .where(eq(areas.municipalityId, m.id))
    .orderBy(asc(areaPostcodes.postcode), asc(areas.code));
  return rows.map((r) => `${r.postcode} ${r.code}`);
}

async function wijken(): Promise<string[]> {
  const rows = await db().select({ code: areas.code, name: areas.name, total: areas.totalAddresses }).from(areas).where(eq(areas.municipalityId, home.id)).orderBy(asc(areas.code));
  return rows.map((r) => `${r.code} ${r.name} ${r.total ?? "-"}`);
}

async function importFile(actor: User, kind: "wijken" | "postcodes" | "aantallen", text: string, m: Municipality = home): Promise<GeoImportPreview> {
  const preview = await previewGeoImport(actorOf(actor), { kind, municipalityId: m.id, bytes: bytes(text) });
  expect(preview.errors).toEqual([]);
  const outcome = await confirmGeoImport(actorOf(actor), { kind, municipalityId: m.id, bytes: bytes(text), token: preview.token! });
  expect(outcome.status).toBe("saved");
  return preview;
}

describe("wijken and buurten", () => {
  it("previews what is added and renamed (and which wijk stays), stores nothing until confirmed, then stores it and audits it", async () => {
    const file = "wijkcode;wijknaam;buurtcode;buurtnaam\nWK077701;Centrum-Oost;BU07770101;Markt\nWK077701;Centrum-Oost;BU07770102;Kerkbuurt\nWK077703;Nieuwland;BU07770301;Polder\n";
    const before = await wijken();
    const preview = await previewGeoImport(actorOf(staff), { kind: "wijken", municipalityId: home.id, bytes: bytes(file) });
    expect(preview.errors).toEqual([]);
    expect(preview.added.items).toEqual([
      "Wijk Nieuwland (WK077703)",
      "Buurt Markt (BU07770101) in wijk Centrum-Oost",
      "Buurt Kerkbuurt (BU07770102) in wijk Centrum-Oost",
      "Buurt Polder (BU07770301) in wijk Nieuwland",
    ]);
    expect(preview.changed.items).toEqual(["Wijk WK077701: naam Centrum wordt Centrum-Oost"]);
    expect(preview.kept.items).toEqual(["Wijk Haven (WK077702) staat niet in het bestand en blijft bestaan"]);
    expect(preview.token).toMatch(/^[0-9a-f]{64}$/);
    expect(await wijken()).toEqual(before);

    const outcome = await confirmGeoImport(actorOf(staff), { kind: "wijken", municipalityId: home.id, bytes: bytes(file), token: preview.token! });
    expect(outcome.status).toBe("saved");
    expect(await wijken()).toEqual(["WK077701 Centrum-Oost 100", "WK077702 Haven -", "WK077703 Nieuwland -"]);
    const buurten = await listNeighbourhoodsForStaff(actorOf(staff), home.id);
    expect(Object.fromEntries(buurten)).toEqual({
      WK077701: [
        { code: "BU07770101", name: "Markt" },
        { code: "BU07770102", name: "Kerkbuurt" },
      ],
      WK077703: [{ code: "BU07770301", name: "Polder" }],
    });
    const [audit] = await db().select().from(auditLog).where(and(eq(auditLog.action, "area.import_wijken"), eq(auditLog.municipalityId, home.id)));
    expect(audit.details).toMatchObject({ wijkenAdded: 1, wijkenRenamed: 1, buurtenSaved: 3 });
  });

  it("re-import: a buurt renamed and one removed are shown and made; a file without buurt columns leaves buurten alone", async () => {
    const file = "wijkcode;wijknaam;buurtcode;buurtnaam\nWK077701;Centrum-Oost;BU07770101;Marktplein\nWK077703;Nieuwland;BU07770301;Polder\n";
    const preview = await importFile(staff, "wijken", file);
    expect(preview.changed.items).toEqual(["Buurt BU07770101: naam Markt wordt Marktplein"]);
    expect(preview.removed.items).toEqual(["Buurt Kerkbuurt (BU07770102) uit wijk Centrum-Oost"]);
    expect(preview.unchanged).toBe(3);
    const noBuurten = await importFile(staff, "wijken", "wijkcode,wijknaam\nWK077701,Centrum-Oost\n");
    expect(noBuurten.removed.count).toBe(0);
    const rows = await db().select({ code: neighbourhoods.code }).from(neighbourhoods).where(eq(neighbourhoods.municipalityId, home.id)).orderBy(asc(neighbourhoods.code));
    expect(rows.map((r) => r.code)).toEqual(["BU07770101", "BU07770301"]);
  });

  it("two wijken can swap names in one import", async () => {
    await importFile(staff, "wijken", "wijkcode;wijknaam\nWK077702;Nieuwland\nWK077703;Haven\n");
    expect(await wijken()).toEqual(["WK077701 Centrum-Oost 100", "WK077702 Nieuwland -", "WK077703 Haven -"]);
    await importFile(staff, "wijken", "wijkcode;wijknaam\nWK077702;Haven\nWK077703;Nieuwland\n");
    expect(await wijken()).toEqual(["WK077701 Centrum-Oost 100", "WK077702 Haven -", "WK077703 Nieuwland -"]);
  });

  it("refuses a name that another wijk keeps, naming the line; stores nothing", async () => {
    const before = await wijken();
    const preview = await previewGeoImport(actorOf(staff), { kind: "wijken", municipalityId: home.id, bytes: bytes("wijkcode;wijknaam\nWK077704;haven\n") });
    expect(preview.errors.map((e) => e.message)).toEqual([
      "Regel 2: na het inlezen zouden wijk WK077702 en wijk WK077704 allebei 'haven' heten. Twee wijken kunnen niet dezelfde naam hebben.",
    ]);
    expect(preview.token).toBeNull();
    expect(await wijken()).toEqual(before);
  });
});

describe("postcodes", () => {
  it("imports the CBS address table: the wijken get their postcodes, the 4-digit area and postcodes missing from the file go", async () => {
    const file = [
      "PC6;Huisnummer;Buurt2024;Wijk2024;Gemeente2024",
      "7701AA;1;07770101;077701;0777",
      "7701AA;2;07770101;077701;0777",
      "7701AB;1;07770101;077701;0777",
      "7702AA;1;07770201;077702;0777",
      "7702AB;1;07770201;077702;0777",
      "7702AB;3;07770301;077703;0777",
      "7702AB;5;07770201;077702;0777",
      "7801AA;1;07780101;077801;0778",
    ].join("\n");
    const preview = await importFile(staff, "postcodes", file);
    expect(preview.format).toBe("cbs");
    expect(preview.file?.skippedOtherMunicipality).toEqual({ count: 1, firstLines: [9] });
    expect(preview.added.items).toEqual(["7701 AB bij Centrum-Oost (WK077701)"]);
    expect(preview.unchanged).toBe(3); // 7701AA, and 7702AA and 7702AB that lay in Haven through its area 7702
    expect(preview.removed.items).toEqual(["Postcodegebied 7702 bij Haven (WK077702) (de postcodes uit het bestand komen ervoor in de plaats)"]);
    expect(preview.notices[0]).toContain("7702 AB heeft adressen in meer dan één wijk");
    expect(preview.perArea).toEqual([
      { code: "WK077701", name: "Centrum-Oost", before: 1, after: 2 },
      { code: "WK077702", name: "Haven", before: 1, after: 2 },
      { code: "WK077703", name: "Nieuwland", before: 0, after: 0 },
    ]);
    expect(await postcodeTable()).toEqual(["7701AA WK077701", "7701AB WK077701", "7702AA WK077702", "7702AB WK077702"]);
  });

  it("a re-import shows what moves from one wijk to another, and moves it", async () => {
    const file = "postcode;wijkcode\n7701AA;WK077701\n7701AB;WK077703\n7702AA;WK077702\n7702AB;WK077703\n7703AB;WK077703\n";
    const preview = await importFile(staff, "postcodes", file);
    expect(preview.moved.items).toEqual(["7701 AB gaat van Centrum-Oost (WK077701) naar Nieuwland (WK077703)", "7702 AB gaat van Haven (WK077702) naar Nieuwland (WK077703)"]);
    expect(preview.added.items).toEqual(["7703 AB bij Nieuwland (WK077703)"]);
    expect(preview.removed.count).toBe(0);
    expect(await postcodeTable()).toEqual(["7701AA WK077701", "7701AB WK077703", "7702AA WK077702", "7702AB WK077703", "7703AB WK077703"]);
    // The same file again: nothing to change.
    const again = await importFile(staff, "postcodes", file);
    expect([again.added.count, again.moved.count, again.removed.count, again.unchanged]).toEqual([0, 0, 0, 5]);
  });

  it("refuses unknown wijk codes, postcodes of another municipality, two wijken for a postcode and bad lines, all in one answer, and stores nothing", async () => {
    const before = await postcodeTable();
    const file = "postcode;wijkcode\n7701AA;WK077709\n7703AA;WK077701\n7801AB;WK077701\n7701AB;WK077701\n7701AB;WK077702\n2921SA;WK077701\n7704AA;WK077709\n";
    const preview = await previewGeoImport(actorOf(staff), { kind: "postcodes", municipalityId: home.id, bytes: bytes(file) });
    expect(preview.errors.map((e) => e.message)).toEqual([
      "Regel 2: wijk WK077709 bestaat niet bij Importstad (en op 1 andere regel). Lees eerst de wijken in, of voeg de wijk toe op de pagina Wijken.",
      "Regel 3: postcode 7703 AA hoort al bij een wijk van de gemeente Buurgemeente. Een postcode hoort bij één gemeente.",
      "Regel 4: postcode 7801 AB hoort al bij een wijk van de gemeente Buurgemeente. Een postcode hoort bij één gemeente.",
      "Regel 6: postcode 7701 AB staat hier bij wijk WK077702, maar op regel 5 bij wijk WK077701. Een postcode hoort bij één wijk.",
      "Regel 7: '2921SA' is geen geldige postcode. Een postcode is 4 cijfers en 2 letters, zoals 2921 AB.",
    ]);
    expect(preview.errorCount).toBe(5);
    expect(preview.token).toBeNull();
    // A confirm of a bad file with a made-up token stores nothing either.
    const outcome = await confirmGeoImport(actorOf(staff), { kind: "postcodes", municipalityId: home.id, bytes: bytes(file), token: "a".repeat(64) });
    expect(outcome.status).toBe("invalid");
    expect(await postcodeTable()).toEqual(before);
  });

  it("does not confirm a preview whose changes are no longer those of the file (another file, or the wijken changed); stores nothing", async () => {
    const before = await postcodeTable();
    const file = "postcode;wijkcode\n7701AA;WK077702\n";
    const preview = await previewGeoImport(actorOf(staff), { kind: "postcodes", municipalityId: home.id, bytes: bytes(file) });
    const otherFile = await confirmGeoImport(actorOf(staff), { kind: "postcodes", municipalityId: home.id, bytes: bytes("postcode;wijkcode\n7701AA;WK077703\n"), token: preview.token! });
    expect(otherFile.status).toBe("changed");
    // Someone edits a wijk in between: the same file now means other changes.
    await db().delete(areaPostcodes).where(eq(areaPostcodes.postcode, "7703AB"));
    const changed = await confirmGeoImport(actorOf(staff), { kind: "postcodes", municipalityId: home.id, bytes: bytes(file), token: preview.token! });
    expect(changed.status).toBe("changed");
    expect(changed.preview.token).not.toBe(preview.token);
    expect(await postcodeTable()).toEqual(before.filter((l) => !l.startsWith("7703AB")));
  });
});

describe("address totals", () => {
  it("sets the totals of the wijken in the file, shows the old and new number, and keeps the rest", async () => {
    const preview = await importFile(staff, "aantallen", "wijkcode;aantal woningen\nWK077701;1.250\nWK077702;800\nGM0777;5000\nWK077801;999\n");
    expect(preview.changed.items).toEqual(["Centrum-Oost (WK077701): 100 wordt 1.250 adressen"]);
    expect(preview.added.items).toEqual(["Haven (WK077702): 800 adressen (was onbekend)"]);
    expect(preview.kept.items).toEqual(["Nieuwland (WK077703) staat niet in het bestand en houdt geen aantal"]);
    expect(preview.file?.skippedOtherLevel.count).toBe(1);
    expect(preview.file?.skippedOtherMunicipality.count).toBe(1);
    expect(await wijken()).toEqual(["WK077701 Centrum-Oost 1250", "WK077702 Haven 800", "WK077703 Nieuwland -"]);
    const [elders] = await db().select({ total: areas.totalAddresses }).from(areas).where(eq(areas.code, "WK077801"));
    expect(elders.total).toBeNull();
  });

  it("refuses an unknown wijk and a bad number, and stores nothing", async () => {
    const before = await wijken();
    const preview = await previewGeoImport(actorOf(staff), { kind: "aantallen", municipalityId: home.id, bytes: bytes("wijkcode;woningen\nWK077701;1\nWK077799;5\nWK077702;veel\n") });
    expect(preview.errors.map((e) => e.message)).toEqual([
      "Regel 3: wijk WK077799 bestaat niet bij Importstad. Lees eerst de wijken in, of voeg de wijk toe op de pagina Wijken.",
      "Regel 4: 'veel' is geen aantal. Vul een heel getal in van 0 tot en met 1.000.000, zoals 2800.",
    ]);
    expect(await wijken()).toEqual(before);
  });
});

describe("who may import", () => {
  const file = bytes("wijkcode;woningen\nWK077701;7\n");

  it("staff of another municipality get not_found for this one (and their own import never touches it); a platform admin may", async () => {
    const error = await refusal(previewGeoImport(actorOf(otherStaff), { kind: "aantallen", municipalityId: home.id, bytes: file }));
    expect(error.code).toBe("not_found");
    const confirm = await refusal(confirmGeoImport(actorOf(otherStaff), { kind: "aantallen", municipalityId: home.id, bytes: file, token: "a".repeat(64) }));
    expect(confirm.code).toBe("not_found");
    // Without a municipality named, their own is used: the file's wijk is not theirs.
    const own = await previewGeoImport(actorOf(otherStaff), { kind: "aantallen", bytes: file });
    expect(own.municipality.id).toBe(other.id);
    expect(own.errors.map((e) => e.message)).toEqual(["Regel 2: geen enkele regel hoort bij gemeente GM0778. Kies het bestand van uw gemeente."]);
    const admin = await previewGeoImport(actorOf(platformAdmin), { kind: "aantallen", municipalityId: home.id, bytes: file });
    expect(admin.changed.items).toEqual(["Centrum-Oost (WK077701): 1.250 wordt 7 adressen"]);
  });

  it("residents, wijkagenten and the public are refused before the file is read", async () => {
    for (const actor of [resident, agent]) {
      expect((await refusal(previewGeoImport(actorOf(actor), { kind: "aantallen", municipalityId: home.id, bytes: file }))).code).toBe("not_found");
      expect((await refusal(confirmGeoImport(actorOf(actor), { kind: "aantallen", municipalityId: home.id, bytes: file, token: "a".repeat(64) }))).code).toBe("not_found");
    }
    expect((await refusal(previewGeoImport(null, { kind: "aantallen", municipalityId: home.id, bytes: file }))).code).toBe("unauthorized");
  });
});

describe("concurrency (truly parallel on PostgreSQL; one connection at a time on PGlite)", () => {
  it("30 simultaneous confirms of two different postcode files: each lands or answers 'changed', and the end state is one whole import", async () => {
    const letters = "ABCDEFGHJKLMNPRTVWXZ";
    const fileA = "postcode;wijkcode\n" + Array.from({ length: 40 }, (_, i) => `7705${letters[i % 20]}${letters[Math.floor(i / 20)]};WK077701`).join("\n");
    const fileB = "postcode;wijkcode\n" + Array.from({ length: 40 }, (_, i) => `7706${letters[i % 20]}${letters[Math.floor(i / 20)]};WK077702`).join("\n");
    expect(previewTokens(await Promise.all([fileA, fileB].map((f) => previewGeoImport(actorOf(staff), { kind: "postcodes", municipalityId: home.id, bytes: bytes(f) }))))).toHaveLength(2);
    const previewA = await previewGeoImport(actorOf(staff), { kind: "postcodes", municipalityId: home.id, bytes: bytes(fileA) });
    const previewB = await previewGeoImport(actorOf(platformAdmin), { kind: "postcodes", municipalityId: home.id, bytes: bytes(fileB) });
    const calls = Array.from({ length: 30 }, (_, i) =>
      i % 2 === 0
        ? confirmGeoImport(actorOf(staff), { kind: "postcodes", municipalityId: home.id, bytes: bytes(fileA), token: previewA.token! })
        : confirmGeoImport(actorOf(platformAdmin), { kind: "postcodes", municipalityId: home.id, bytes: bytes(fileB), token: previewB.token! }),
    );
    const outcomes = await Promise.all(calls);
    const saved = outcomes.filter((o) => o.status === "saved");
    expect(saved).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === "changed")).toHaveLength(29);
    const table = await postcodeTable();
    const wonA = saved[0].preview.token === previewA.token;
    expect(table).toHaveLength(40);
    for (const line of table) expect(line).toMatch(wonA ? /^7705.. WK077701$/ : /^7706.. WK077702$/);
    const audits = await db().select({ id: auditLog.id }).from(auditLog).where(and(eq(auditLog.action, "area.import_postcodes"), eq(auditLog.municipalityId, home.id)));
    expect(audits.length).toBeGreaterThan(0);
  });

  it("24 simultaneous imports of totals for one municipality, each with a fresh preview: every one lands or is told to look again, and the totals are one file's", async () => {
    const results = await Promise.all(
      Array.from({ length: 24 }, async (_, i) => {
        const file = bytes(`wijkcode;woningen\nWK077701;${1000 + i}\nWK077702;${2000 + i}\n`);
        const preview = await previewGeoImport(actorOf(staff), { kind: "aantallen", municipalityId: home.id, bytes: file });
        return { i, outcome: await confirmGeoImport(actorOf(staff), { kind: "aantallen", municipalityId: home.id, bytes: file, token: preview.token! }) };
      }),
    );
    for (const r of results) expect(["saved", "changed"]).toContain(r.outcome.status);
    expect(results.some((r) => r.outcome.status === "saved")).toBe(true);
    const rows = await db().select({ code: areas.code, total: areas.totalAddresses }).from(areas).where(inArray(areas.code, ["WK077701", "WK077702"])).orderBy(asc(areas.code));
    // Both totals come from the same file.
    expect(rows[1].total! - rows[0].total!).toBe(1000);
  });
});
