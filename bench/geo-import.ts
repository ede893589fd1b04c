/**
 * Issue 19: import of a municipality's postcode table, the CBS "postcode-huisnummer-wijk-buurt"
 * table of 400,000 lines (one per address; 20,000 postcodes of 20 addresses in 8 wijken, plus
 * lines of a neighbouring municipality that are skipped), target ≤ 10 s. Measured through the
 * code the import page uses (lib/data/staff/geo-import.ts): the preview (read, check, compare)
 * and the confirm (read and check again, then store in one transaction), on a fresh embedded
 * database (PGlite, the default install). The file is generated here.
 *
 * Part "geo-import" of `npm run bench`; alone: `npm run bench:geo` (this part and "verify").
 */
import { openDatabase, setDatabase, type DatabaseHandle } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { areas, municipalities, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/types";
import { confirmGeoImport, previewGeoImport } from "@/lib/data/staff/geo-import";
import type { Figure } from "./run";

export const GEO_IMPORT_LINES = 400_000;

/** The CBS table: PC6;Huisnummer;Buurt2024;Wijk2024;Gemeente2024, codes without letters as CBS writes them. */
export function cbsPostcodeTable(lines: number): Uint8Array {
  const letters = "ABCDEFGHJKLMNPRTVWXZ";
  const out: string[] = ["PC6;Huisnummer;Buurt2024;Wijk2024;Gemeente2024"];
  let n = 0;
  for (let pc4 = 9100; n < lines; pc4++) {
    for (let a = 0; a < letters.length && n < lines; a++) {
      for (let b = 0; b < letters.length && n < lines; b++) {
        const wijk = String((pc4 % 8) + 1).padStart(2, "0");
        // One postcode in 50 lies in the neighbouring municipality (skipped).
        const other = (a * 20 + b) % 50 === 49;
        for (let h = 1; h <= 20 && n < lines; h++, n++) {
          out.push(other ? `${pc4}${letters[a]}${letters[b]};${h};09980101;099801;0998` : `${pc4}${letters[a]}${letters[b]};${h};0999${wijk}01;0999${wijk};0999`);
        }
      }
    }
  }
  return new TextEncoder().encode(out.join("\r\n") + "\r\n");
}

export async function benchGeoImportFigures(restore?: DatabaseHandle): Promise<Figure[]> {
  const handle = openDatabase({ kind: "pglite" });
  try {
    await migrateDatabase(handle);
    setDatabase(handle);
    const [m] = await handle.db
      .insert(municipalities)
      .values({ code: "GM0999", name: "Benchstad", slug: "benchstad", safetyEmail: "veiligheid@benchstad.example" })
      .returning();
    await handle.db.insert(areas).values(
      Array.from({ length: 8 }, (_, i) => ({ municipalityId: m.id, code: `WK0999${String(i + 1).padStart(2, "0")}`, name: `Wijk ${i + 1}`, slug: `benchstad-wijk-${i + 1}` })),
    );
    const [user] = await handle.db.insert(users).values({ email: "bench-staff@benchstad.example", name: "Bench", role: "staff", municipalityId: m.id }).returning();
    const actor: Actor = { id: user.id, email: user.email, name: user.name, role: "staff", municipalityId: m.id };
    const file = cbsPostcodeTable(GEO_IMPORT_LINES);

    const previewStart = performance.now();
    const preview = await previewGeoImport(actor, { kind: "postcodes", municipalityId: m.id, bytes: file });
    const previewMs = Math.round(performance.now() - previewStart);
    if (!preview.token) throw new Error(`geo-import bench: the file has errors: ${preview.errors.slice(0, 3).map((e) => e.message).join(" | ")}`);
    const confirmStart = performance.now();
    const outcome = await confirmGeoImport(actor, { kind: "postcodes", municipalityId: m.id, bytes: file, token: preview.token });
    const confirmMs = Math.round(performance.now() - confirmStart);
    if (outcome.status !== "saved" || outcome.preview.added.count < 19_000) throw new Error(`geo-import bench: ${outcome.status}, ${outcome.preview.added.count} postcodes`);

    // A re-import in which one wijk's postcodes move to another: preview and confirm again.
    const moved = new TextDecoder().decode(file).replace(/;099901;0999/g, ";099902;0999").replace(/;09990101;/g, ";09990201;");
    const movedBytes = new TextEncoder().encode(moved);
    const reStart = performance.now();
    const rePreview = await previewGeoImport(actor, { kind: "postcodes", municipalityId: m.id, bytes: movedBytes });
    const reOutcome = await confirmGeoImport(actor, { kind: "postcodes", municipalityId: m.id, bytes: movedBytes, token: rePreview.token! });
    const reMs = Math.round(performance.now() - reStart);
    if (reOutcome.status !== "saved" || rePreview.moved.count === 0) throw new Error("geo-import bench: the re-import moved nothing");

    return [
      { name: "geo_import_400k_preview_ms", value: previewMs, unit: "ms" },
      { name: "geo_import_400k_confirm_ms", value: confirmMs, unit: "ms" },
      { name: "geo_import_400k_total_ms", value: previewMs + confirmMs, unit: "ms" },
      { name: "geo_reimport_400k_moves_ms", value: reMs, unit: "ms" },
    ];
  } finally {
    setDatabase(restore);
    await handle.close();
  }
}
