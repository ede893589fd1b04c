/**
 * Importing a municipality's geography: wijken and buurten, the postcode→wijk table,
 * the number of addresses per wijk. Two steps, both from the same file:
 *
 * 1. previewGeoImport reads the file (lib/domain/geo-import.ts), checks it against what is
 *    stored (unknown wijk codes, postcodes of another municipality) and says what would be
 *    added, changed, moved and removed. Nothing is stored. The preview carries a token: a hash
 *    of the file and of the exact changes.
 * 2. confirmGeoImport gets the file again with that token, reads and checks it again inside one
 *    transaction (under a lock per municipality, so imports of one municipality run one at a
 *    time), and stores it only when the changes are still exactly those of the preview. When
 *    someone changed the wijken in between (another import, a wijk edited by hand), it stores
 *    nothing and answers with the new preview to look at.
 *
 * No state is kept between the two steps, so nothing can be confirmed that was not checked
 * again, and a file does not linger on the server. On any problem nothing is stored.
 *
 * Decisions: a wijk that is not in a wijken file stays (groups and contacts hang on it); the
 * postcode file replaces the municipality's postcode table (postcodes missing from the file are
 * removed, including 4-digit areas); buurten are replaced when the file has buurt columns.
 */
import "server-only";
import { createHash } from "node:crypto";
import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { areaPostcodes, areas, municipalities, neighbourhoods } from "@/db/schema";
import { requirePermission } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";
import { recordAudit } from "@/lib/audit";
import { AppError, isUniqueViolation } from "@/lib/errors";
import {
  MAX_REPORTED_ERRORS,
  parseGeoImport,
  type GeoImportKind,
  type LineError,
  type ParsedFileInfo,
  type ParsedGeoFile,
} from "@/lib/domain/geo-import";
import { slugify } from "@/lib/domain/slug";
import { areaOfPostcode, postcodeAreaKeys } from "@/lib/domain/postcode";
import { lockPostcodeAreas, postcodeClaimError } from "../internal/postcode-claims";
import { municipalityToChange } from "./scope";

/** At most this many lines of each kind of change are listed (all are counted and applied). */
export const MAX_LISTED_CHANGES = 300;
/** First key of the advisory lock that runs one import per municipality at a time. */
const IMPORT_LOCK_NAMESPACE = 180_019;

export interface GeoChangeList {
  count: number;
  /** Dutch lines, at most MAX_LISTED_CHANGES. */
  items: string[];
}

export interface GeoImportPreview {
  kind: GeoImportKind;
  municipality: { id: string; name: string; code: string };
  /** What was read: encoding, separator, lines, skipped lines, remarks. Null when the file could not be read at all. */
  file: Omit<ParsedFileInfo, "notices" | "noticeCount"> | null;
  /** "cbs" (one line per address) or "pc6" (one line per postcode), for postcode files. */
  format?: "cbs" | "pc6";
  errors: LineError[];
  errorCount: number;
  notices: string[];
  noticeCount: number;
  added: GeoChangeList;
  changed: GeoChangeList;
  moved: GeoChangeList;
  removed: GeoChangeList;
  /** Stored things the file does not mention and that stay as they are (wijken, totals). */
  kept: GeoChangeList;
  unchanged: number;
  /** Postcode files: per wijk, how many postcodes it has now and after the import. */
  perArea?: Array<{ code: string; name: string; before: number; after: number }>;
  /** Null when the file has errors (it cannot be confirmed). */
  token: string | null;
}

export type GeoImportOutcome =
  | { status: "saved"; preview: GeoImportPreview }
  /** The file has errors now (e.g. a wijk was removed since the preview): nothing stored. */
  | { status: "invalid"; preview: GeoImportPreview }
  /** The changes differ from those previewed: nothing stored; look at the new preview. */
  | { status: "changed"; preview: GeoImportPreview };

export interface GeoImportInput {
  kind: GeoImportKind;
  municipalityId?: string | null;
  bytes: Uint8Array;
}

class ChangeList {
  count = 0;
  items: string[] = [];
  add(text: string) {
    this.count += 1;
    if (this.items.length < MAX_LISTED_CHANGES) this.items.push(text);
  }
  toJSON(): GeoChangeList {
    return { count: this.count, items: this.items };
  }
}

interface Plan {
  errors: LineError[];
  errorCount: number;
  notices: string[];
  added: ChangeList;
  changed: ChangeList;
  moved: ChangeList;
  removed: ChangeList;
  kept: ChangeList;
  unchanged: number;
  perArea?: GeoImportPreview["perArea"];
  /** Every change as a line, for the token (complete, not capped). */
  signature: string[];
  apply: (tx: Executor) => Promise<Record<string, unknown>>;
}

function emptyPlan(): Plan {
  return {
    errors: [],
    errorCount: 0,
    notices: [],
    added: new ChangeList(),
    changed: new ChangeList(),
    moved: new ChangeList(),
    removed: new ChangeList(),
    kept: new ChangeList(),
    unchanged: 0,
    signature: [],
    apply: async () => ({}),
  };
}

function addError(plan: Plan, line: number, message: string) {
  plan.errorCount += 1;
  if (plan.errors.length < MAX_REPORTED_ERRORS) plan.errors.push({ line, message: `Regel ${line}: ${message}` });
}

const shownPostcode = (p: string) => (p.length === 6 ? `${p.slice(0, 4)} ${p.slice(4)}` : p);

function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

type OwnArea = { id: string; code: string; name: string; totalAddresses: number | null };

async function ownAreas(tx: Executor, municipalityId: string): Promise<OwnArea[]> {
  return tx
    .select({ id: areas.id, code: areas.code, name: areas.name, totalAddresses: areas.totalAddresses })
    .from(areas)
    .where(eq(areas.municipalityId, municipalityId))
    .orderBy(asc(areas.code));
}

/** Errors for wijk codes of this municipality that are not among its wijken (first line of each). */
function unknownWijken(plan: Plan, byCode: Map<string, OwnArea>, rows: Array<{ wijkCode: string; line: number }>, municipalityName: string) {
  const seen = new Map<string, { line: number; more: number }>();
  for (const row of rows) {
    if (byCode.has(row.wijkCode)) continue;
    const known = seen.get(row.wijkCode);
    if (known) {
      known.more += 1;
      if (row.line < known.line) known.line = row.line;
    } else seen.set(row.wijkCode, { line: row.line, more: 0 });
  }
  for (const [code, { line, more }] of [...seen].sort((a, b) => a[1].line - b[1].line)) {
    const also = more > 0 ? ` (en op ${more} andere ${more === 1 ? "regel" : "regels"})` : "";
    addError(plan, line, `wijk ${code} bestaat niet bij ${municipalityName}${also}. Lees eerst de wijken in, of voeg de wijk toe op de pagina Wijken.`);
  }
}

// ---------------------------------------------------------------------------------------------
// Wijken and buurten

async function planWijken(tx: Executor, m: { id: string; name: string }, file: Extract<ParsedGeoFile, { kind: "wijken" }>): Promise<Plan> {
  const plan = emptyPlan();
  const own = await ownAreas(tx, m.id);
  const byCode = new Map(own.map((a) => [a.code, a]));
  // A wijk code that is taken by another municipality's wijk (only with inconsistent data).
  const newCodes = file.wijken.filter((w) => !byCode.has(w.code)).map((w) => w.code);
  if (newCodes.length > 0) {
    const taken = await tx.select({ code: areas.code }).from(areas).where(and(inArray(areas.code, newCodes), ne(areas.municipalityId, m.id)));
    for (const t of taken) addError(plan, file.wijken.find((w) => w.code === t.code)!.line, `wijkcode ${t.code} hoort al bij een wijk van een andere gemeente.`);
  }
  // Names after the import must be unique within the municipality.
  const finalName = new Map(own.map((a) => [a.code, a.name]));
  for (const w of file.wijken) finalName.set(w.code, w.name);
  const byName = new Map<string, string>();
  for (const [code, name] of finalName) {
    const other = byName.get(name.toLowerCase());
    if (other) {
      const line = file.wijken.find((w) => w.code === code || w.code === other)?.line ?? 2;
      const [a, b] = [other, code].sort();
      addError(plan, line, `na het inlezen zouden wijk ${a} en wijk ${b} allebei '${name}' heten. Twee wijken kunnen niet dezelfde naam hebben.`);
    } else byName.set(name.toLowerCase(), code);
  }

  const toCreate: Array<{ code: string; name: string }> = [];
  const toRename: Array<{ id: string; code: string; name: string }> = [];
  for (const w of file.wijken) {
    const current = byCode.get(w.code);
    if (!current) {
      toCreate.push(w);
      plan.added.add(`Wijk ${w.name} (${w.code})`);
      plan.signature.push(`+wijk ${w.code} ${w.name}`);
    } else if (current.name !== w.name) {
      toRename.push({ id: current.id, code: w.code, name: w.name });
      plan.changed.add(`Wijk ${w.code}: naam ${current.name} wordt ${w.name}`);
      plan.signature.push(`~wijk ${w.code} ${current.name} ${w.name}`);
    } else plan.unchanged += 1;
  }
  const inFile = new Set(file.wijken.map((w) => w.code));
  for (const a of own) if (!inFile.has(a.code)) plan.kept.add(`Wijk ${a.name} (${a.code}) staat niet in het bestand en blijft bestaan`);

  // Buurten: replaced when the file has buurt columns.
  const current = await tx
    .select({ id: neighbourhoods.id, code: neighbourhoods.code, name: neighbourhoods.name, areaCode: areas.code })
    .from(neighbourhoods)
    .innerJoin(areas, eq(areas.id, neighbourhoods.areaId))
    .where(eq(neighbourhoods.municipalityId, m.id))
    .orderBy(asc(neighbourhoods.code));
  const currentByCode = new Map(current.map((b) => [b.code, b]));
  const wijkName = (code: string) => finalName.get(code) ?? code;
  const buurtUpserts: Array<{ code: string; name: string; wijkCode: string }> = [];
  const buurtDeletes: string[] = [];
  if (file.hasBuurten) {
    const newBuurten = file.buurten.filter((b) => !currentByCode.has(b.code)).map((b) => b.code);
    if (newBuurten.length > 0) {
      for (const part of chunks(newBuurten, 5000)) {
        const taken = await tx
          .select({ code: neighbourhoods.code })
          .from(neighbourhoods)
          .where(and(inArray(neighbourhoods.code, part), ne(neighbourhoods.municipalityId, m.id)));
        for (const t of taken) addError(plan, file.buurten.find((b) => b.code === t.code)!.line, `buurtcode ${t.code} hoort al bij een andere gemeente.`);
      }
    }
    for (const b of file.buurten) {
      const was = currentByCode.get(b.code);
      if (!was) {
        plan.added.add(`Buurt ${b.name} (${b.code}) in wijk ${wijkName(b.wijkCode)}`);
        plan.signature.push(`+buurt ${b.code} ${b.name} ${b.wijkCode}`);
        buurtUpserts.push(b);
      } else if (was.areaCode !== b.wijkCode) {
        const renamed = was.name !== b.name ? `, nieuwe naam ${b.name}` : "";
        plan.moved.add(`Buurt ${was.name} (${b.code}) gaat van wijk ${wijkName(was.areaCode)} naar wijk ${wijkName(b.wijkCode)}${renamed}`);
        plan.signature.push(`>buurt ${b.code} ${was.areaCode} ${b.wijkCode} ${b.name}`);
        buurtUpserts.push(b);
      } else if (was.name !== b.name) {
        plan.changed.add(`Buurt ${b.code}: naam ${was.name} wordt ${b.name}`);
        plan.signature.push(`~buurt ${b.code} ${was.name} ${b.name}`);
        buurtUpserts.push(b);
      } else plan.unchanged += 1;
    }
    const buurtInFile = new Set(file.buurten.map((b) => b.code));
    for (const b of current) {
      if (buurtInFile.has(b.code)) continue;
      plan.removed.add(`Buurt ${b.name} (${b.code}) uit wijk ${wijkName(b.areaCode)}`);
      plan.signature.push(`-buurt ${b.code}`);
      buurtDeletes.push(b.id);
    }
  }

  plan.apply = async (t) => {
    const ids = new Map(own.map((a) => [a.code, a.id]));
    for (const w of toCreate) {
      let slug = slugify(w.name) || w.code.toLowerCase();
      const [taken] = await t.select({ id: areas.id }).from(areas).where(eq(areas.slug, slug));
      if (taken) slug = `${slug}-${w.code.slice(2).toLowerCase()}`;
      const [created] = await t.insert(areas).values({ municipalityId: m.id, code: w.code, name: w.name, slug }).returning({ id: areas.id });
      ids.set(w.code, created.id);
    }
    // Two steps, so that two wijken can swap names without a moment of two equal names.
    for (const r of toRename) await t.update(areas).set({ name: `${r.code} (wordt hernoemd)` }).where(eq(areas.id, r.id));
    for (const r of toRename) await t.update(areas).set({ name: r.name }).where(eq(areas.id, r.id));
    for (const part of chunks(buurtDeletes, 5000)) await t.delete(neighbourhoods).where(inArray(neighbourhoods.id, part));
    for (const part of chunks(buurtUpserts, 1000)) {
      await t
        .insert(neighbourhoods)
        .values(part.map((b) => ({ municipalityId: m.id, areaId: ids.get(b.wijkCode)!, code: b.code, name: b.name })))
        .onConflictDoUpdate({
          target: neighbourhoods.code,
          set: { name: sql`excluded.name`, areaId: sql`excluded.area_id` },
          setWhere: eq(neighbourhoods.municipalityId, m.id),
        });
    }
    return { wijkenAdded: toCreate.length, wijkenRenamed: toRename.length, buurtenSaved: buurtUpserts.length, buurtenRemoved: buurtDeletes.length };
  };
  return plan;
}

// ---------------------------------------------------------------------------------------------
// Postcodes

async function planPostcodes(tx: Executor, m: { id: string; name: string }, file: Extract<ParsedGeoFile, { kind: "postcodes" }>): Promise<Plan> {
  const plan = emptyPlan();
  const own = await ownAreas(tx, m.id);
  const byCode = new Map(own.map((a) => [a.code, a]));
  const byId = new Map(own.map((a) => [a.id, a]));
  unknownWijken(plan, byCode, file.postcodes, m.name);

  // Postcodes held by a wijk of another municipality (the same postcode, or its 4-digit area).
  const lineOf = new Map(file.postcodes.map((p) => [p.postcode, p.line]));
  const all = file.postcodes.map((p) => p.postcode);
  const held: Array<{ postcode: string; municipalityName: string }> = [];
  for (const part of chunks(all, 5000)) {
    const keys = [...new Set(part.flatMap(postcodeAreaKeys))];
    held.push(
      ...(await tx
        .select({ postcode: areaPostcodes.postcode, municipalityName: municipalities.name })
        .from(areaPostcodes)
        .innerJoin(areas, eq(areas.id, areaPostcodes.areaId))
        .innerJoin(municipalities, eq(municipalities.id, areas.municipalityId))
        .where(and(ne(areas.municipalityId, m.id), inArray(areaPostcodes.postcode, keys)))),
    );
  }
  if (held.length > 0) {
    const heldBy = new Map(held.map((h) => [h.postcode, h.municipalityName]));
    const clashes = file.postcodes
      .map((p) => ({ p, by: areaOfPostcode(p.postcode, (key) => heldBy.get(key)) }))
      .filter((x) => x.by !== undefined)
      .sort((a, b) => a.p.line - b.p.line);
    for (const { p, by } of clashes) {
      addError(plan, lineOf.get(p.postcode)!, `postcode ${shownPostcode(p.postcode)} hoort al bij een wijk van de gemeente ${by}. Een postcode hoort bij één gemeente.`);
    }
  }

  const current = own.length
    ? await tx
        .select({ areaId: areaPostcodes.areaId, postcode: areaPostcodes.postcode })
        .from(areaPostcodes)
        .where(inArray(areaPostcodes.areaId, own.map((a) => a.id)))
    : [];
  // The wijk a key (4 or 6 characters) lies in now; the lowest code wins, as in lib/data/public/postcode-areas.ts.
  const now = new Map<string, OwnArea>();
  for (const row of current) {
    const area = byId.get(row.areaId)!;
    const before = now.get(row.postcode);
    if (!before || area.code < before.code) now.set(row.postcode, area);
  }
  const label = (a: OwnArea) => `${a.name} (${a.code})`;
  const desired = new Map<string, string>(); // postcode → area id
  for (const p of [...file.postcodes].sort((a, b) => a.postcode.localeCompare(b.postcode))) {
    const target = byCode.get(p.wijkCode);
    if (!target) continue;
    desired.set(p.postcode, target.id);
    const before = areaOfPostcode(p.postcode, (key) => now.get(key));
    if (!before) {
      plan.added.add(`${shownPostcode(p.postcode)} bij ${label(target)}`);
      plan.signature.push(`+${p.postcode} ${target.code}`);
    } else if (before.id !== target.id) {
      plan.moved.add(`${shownPostcode(p.postcode)} gaat van ${label(before)} naar ${label(target)}`);
      plan.signature.push(`>${p.postcode} ${before.code} ${target.code}`);
    } else plan.unchanged += 1;
  }
  for (const row of [...current].sort((a, b) => a.postcode.localeCompare(b.postcode))) {
    if (desired.get(row.postcode) === row.areaId) continue;
    if (desired.has(row.postcode)) {
      // The same postcode listed by a second wijk: the row goes, the postcode stays (in its file wijk).
      plan.signature.push(`-${row.postcode} ${byId.get(row.areaId)!.code}`);
      continue;
    }
    const area = byId.get(row.areaId)!;
    plan.removed.add(
      row.postcode.length === 4
        ? `Postcodegebied ${row.postcode} bij ${label(area)} (de postcodes uit het bestand komen ervoor in de plaats)`
        : `${shownPostcode(row.postcode)} bij ${label(area)}`,
    );
    plan.signature.push(`-${row.postcode} ${area.code}`);
  }
  const countBefore = new Map<string, number>();
  for (const row of current) countBefore.set(row.areaId, (countBefore.get(row.areaId) ?? 0) + 1);
  const countAfter = new Map<string, number>();
  for (const id of desired.values()) countAfter.set(id, (countAfter.get(id) ?? 0) + 1);
  plan.perArea = own.map((a) => ({ code: a.code, name: a.name, before: countBefore.get(a.id) ?? 0, after: countAfter.get(a.id) ?? 0 }));

  plan.apply = async (t) => {
    const keys = [...desired.keys(), ...current.map((r) => r.postcode)];
    await lockPostcodeAreas(t, keys);
    const stale = current.filter((r) => desired.get(r.postcode) !== r.areaId);
    const have = new Set(current.map((r) => `${r.areaId} ${r.postcode}`));
    const fresh = [...desired].filter(([postcode, areaId]) => !have.has(`${areaId} ${postcode}`)).map(([postcode, areaId]) => ({ areaId, postcode }));
    const staleByArea = new Map<string, string[]>();
    for (const r of stale) staleByArea.set(r.areaId, [...(staleByArea.get(r.areaId) ?? []), r.postcode]);
    for (const [areaId, list] of staleByArea) {
      for (const part of chunks(list, 5000)) await t.delete(areaPostcodes).where(and(eq(areaPostcodes.areaId, areaId), inArray(areaPostcodes.postcode, part)));
    }
    // Large statements (the claim check of migration 0014 runs once per statement), each with
    // two array parameters instead of two parameters per row. Both lists hold checked values
    // only (uuids of the municipality's wijken, postcodes of the form 1234AB), never a comma,
    // quote or brace, so the array literal is exact.
    for (const part of chunks(fresh, 10_000)) {
      const ids = `{${part.map((r) => r.areaId).join(",")}}`;
      const postcodes = `{${part.map((r) => r.postcode).join(",")}}`;
      await t.execute(sql`insert into area_postcodes (area_id, postcode) select * from unnest(${ids}::uuid[], ${postcodes}::text[])`);
    }
    return { postcodes: desired.size, inserted: fresh.length, deleted: stale.length };
  };
  return plan;
}

// ---------------------------------------------------------------------------------------------
// Totals

async function planTotals(tx: Executor, m: { id: string; name: string }, file: Extract<ParsedGeoFile, { kind: "aantallen" }>): Promise<Plan> {
  const plan = emptyPlan();
  const own = await ownAreas(tx, m.id);
  const byCode = new Map(own.map((a) => [a.code, a]));
  unknownWijken(plan, byCode, file.totals, m.name);
  const updates: Array<{ id: string; total: number }> = [];
  for (const t of file.totals) {
    const area = byCode.get(t.wijkCode);
    if (!area) continue;
    if (area.totalAddresses === t.total) {
      plan.unchanged += 1;
      continue;
    }
    updates.push({ id: area.id, total: t.total });
    const nl = (n: number) => n.toLocaleString("nl-NL");
    if (area.totalAddresses === null) plan.added.add(`${area.name} (${area.code}): ${nl(t.total)} adressen (was onbekend)`);
    else plan.changed.add(`${area.name} (${area.code}): ${nl(area.totalAddresses)} wordt ${nl(t.total)} adressen`);
    plan.signature.push(`~${area.code} ${area.totalAddresses} ${t.total}`);
  }
  const inFile = new Set(file.totals.map((t) => t.wijkCode));
  for (const a of own) {
    if (!inFile.has(a.code)) plan.kept.add(`${a.name} (${a.code}) staat niet in het bestand en houdt ${a.totalAddresses === null ? "geen aantal" : `${a.totalAddresses.toLocaleString("nl-NL")} adressen`}`);
  }
  plan.apply = async (t) => {
    for (const u of updates) await t.update(areas).set({ totalAddresses: u.total }).where(and(eq(areas.id, u.id), eq(areas.municipalityId, m.id)));
    return { updated: updates.length };
  };
  return plan;
}

// ---------------------------------------------------------------------------------------------
// The two steps

async function importTarget(actor: Actor | null, municipalityId: string | null | undefined, executor: Executor) {
  requirePermission(actor, "area.edit");
  return municipalityToChange(actor, municipalityId, executor);
}

function fileHash(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * The last few files read, by their hash: reading is pure (the same bytes give the same rows),
 * so a confirm of the file just previewed skips reading 400,000 lines a second time. What the
 * database says (wijken, postcodes) is always checked again. Another server process simply
 * reads the file itself.
 */
const recentlyParsed = new Map<string, ReturnType<typeof parseGeoImport>>();
const RECENT_FILES = 4;

function parseCached(kind: GeoImportKind, bytes: Uint8Array, municipalityCode: string): ReturnType<typeof parseGeoImport> {
  const key = `${kind}:${municipalityCode}:${fileHash(bytes)}`;
  const known = recentlyParsed.get(key);
  if (known) return known;
  const parsed = parseGeoImport(kind, bytes, municipalityCode);
  recentlyParsed.set(key, parsed);
  while (recentlyParsed.size > RECENT_FILES) recentlyParsed.delete(recentlyParsed.keys().next().value!);
  return parsed;
}

async function buildPreview(
  executor: Executor,
  municipality: { id: string; name: string; code: string },
  kind: GeoImportKind,
  bytes: Uint8Array,
): Promise<{ preview: GeoImportPreview; plan: Plan | null }> {
  const parsed = parseCached(kind, bytes, municipality.code);
  const base = {
    kind,
    municipality,
    added: { count: 0, items: [] },
    changed: { count: 0, items: [] },
    moved: { count: 0, items: [] },
    removed: { count: 0, items: [] },
    kept: { count: 0, items: [] },
    unchanged: 0,
  };
  if (!parsed.ok && !parsed.partial) {
    return { preview: { ...base, file: null, errors: parsed.errors, errorCount: parsed.errorCount, notices: [], noticeCount: 0, token: null }, plan: null };
  }
  const file = parsed.ok ? parsed.file : parsed.partial!;
  const plan =
    file.kind === "wijken" ? await planWijken(executor, municipality, file) : file.kind === "postcodes" ? await planPostcodes(executor, municipality, file) : await planTotals(executor, municipality, file);
  if (!parsed.ok) {
    // The file's own errors and those only the database sees, in the order of their lines.
    plan.errors = [...parsed.errors, ...plan.errors].sort((a, b) => a.line - b.line).slice(0, MAX_REPORTED_ERRORS);
    plan.errorCount += parsed.errorCount;
  }
  const info = {
    encoding: file.encoding,
    delimiter: file.delimiter,
    dataLines: file.dataLines,
    skippedOtherMunicipality: file.skippedOtherMunicipality,
    skippedOtherLevel: file.skippedOtherLevel,
  };
  const ok = plan.errorCount === 0;
  const token = ok
    ? createHash("sha256")
        .update(`${kind}\n${municipality.id}\n${fileHash(bytes)}\n`)
        .update(plan.signature.join("\n"))
        .digest("hex")
    : null;
  return {
    preview: {
      ...base,
      file: info,
      format: file.kind === "postcodes" ? file.format : undefined,
      errors: plan.errors,
      errorCount: plan.errorCount,
      notices: file.notices,
      noticeCount: file.noticeCount,
      added: plan.added.toJSON(),
      changed: plan.changed.toJSON(),
      moved: plan.moved.toJSON(),
      removed: plan.removed.toJSON(),
      kept: plan.kept.toJSON(),
      unchanged: plan.unchanged,
      perArea: plan.perArea,
      token,
    },
    plan: ok ? plan : null,
  };
}

/** What importing `bytes` would change; stores nothing. */
export async function previewGeoImport(actor: Actor | null, input: GeoImportInput, executor: Executor = db): Promise<GeoImportPreview> {
  const { municipality } = await importTarget(actor, input.municipalityId, executor);
  return (await buildPreview(executor, municipality, input.kind, input.bytes)).preview;
}

/**
 * Stores the import of `bytes` when it still gives exactly the changes of the preview whose
 * `token` is given; else stores nothing and returns the new preview ("changed" or "invalid").
 */
export async function confirmGeoImport(
  actor: Actor | null,
  input: GeoImportInput & { token: string },
  executor: Executor = db,
): Promise<GeoImportOutcome> {
  const { staff, municipality } = await importTarget(actor, input.municipalityId, executor);
  try {
    return await executor.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${IMPORT_LOCK_NAMESPACE}::int, hashtext(${municipality.id}))`);
      const { preview, plan } = await buildPreview(tx, municipality, input.kind, input.bytes);
      if (!plan) return { status: "invalid", preview } satisfies GeoImportOutcome;
      if (preview.token !== input.token) return { status: "changed", preview } satisfies GeoImportOutcome;
      const details = await plan.apply(tx);
      await recordAudit(tx, {
        actorUserId: staff.id,
        action: `area.import_${input.kind}`,
        subjectType: "municipality",
        subjectId: municipality.id,
        municipalityId: municipality.id,
        details: {
          ...details,
          lines: preview.file?.dataLines ?? 0,
          added: preview.added.count,
          changed: preview.changed.count,
          moved: preview.moved.count,
          removed: preview.removed.count,
        },
      });
      return { status: "saved", preview } satisfies GeoImportOutcome;
    });
  } catch (error) {
    // A hand edit that landed between the checks and the writes is refused by the database.
    const claimed = postcodeClaimError(error);
    if (claimed) throw claimed;
    if (isUniqueViolation(error)) throw new AppError("conflict", "Iemand anders heeft de wijken net gewijzigd. Bekijk het voorbeeld opnieuw en bevestig dan.");
    throw error;
  }
}

/** The buurten of the municipality, per wijk code (for the wijken page). */
export async function listNeighbourhoodsForStaff(
  actor: Actor | null,
  municipalityId?: string | null,
  executor: Executor = db,
): Promise<Map<string, Array<{ code: string; name: string }>>> {
  requirePermission(actor, "staff.view");
  const { municipality: m } = await municipalityToChange(actor, municipalityId, executor);
  const rows = await executor
    .select({ code: neighbourhoods.code, name: neighbourhoods.name, areaCode: areas.code })
    .from(neighbourhoods)
    .innerJoin(areas, eq(areas.id, neighbourhoods.areaId))
    .where(eq(neighbourhoods.municipalityId, m.id))
    .orderBy(asc(neighbourhoods.code));
  const out = new Map<string, Array<{ code: string; name: string }>>();
  for (const r of rows) out.set(r.areaCode, [...(out.get(r.areaCode) ?? []), { code: r.code, name: r.name }]);
  return out;
}

