/**
 * `npm run bench:geo`: only the issue-19 figures, without the national data set or a server:
 * the import of a 400,000-line postcode table (bench/geo-import.ts, target ≤ 10 s) and the
 * verification of a 500-address pasted list (bench/verify.ts, target ≤ 2 s). Both on a fresh
 * embedded database; prints the figures and writes bench/results/geo.json.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { benchGeoImportFigures } from "./geo-import";
import type { Figure } from "./run";
import { benchVerifyFigures } from "./verify";

const TARGETS: Record<string, number> = { geo_import_400k_total_ms: 10_000, verify_list_500_ms: 2_000 };

async function main() {
  const figures: Figure[] = [...(await benchGeoImportFigures()), ...(await benchVerifyFigures(undefined as never))];
  for (const f of figures) {
    const target = TARGETS[f.name];
    console.log(`${f.name.padEnd(32)} ${String(f.value).padStart(8)} ${f.unit}${target ? `   (target ≤ ${target} ${f.unit}: ${f.value <= target ? "met" : "NOT met"})` : ""}`);
  }
  const out = path.join(import.meta.dirname, "results", "geo.json");
  writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), figures }, null, 2)}\n`);
  console.log(`\nWrote ${path.relative(process.cwd(), out)}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
