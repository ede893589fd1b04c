/**
 * The JavaScript budgets (issues 20 and 23): every public route may load at most 5 KB (gzip) of
 * JavaScript on top of the chunks every page shares (Next.js's runtime, React, the router, the
 * root layout); every signed-in route (app/(resident), app/beheer, app/wijkagent: the forms
 * behind sign-in) at most 25 KB on top of the same shared chunks. Read from the build output after `npm run build`:
 * - .next/build-manifest.json `rootMainFiles`: the framework chunks every page loads;
 * - .next/server/app/(public)/**\/page_client-reference-manifest.js `entryJSFiles`: the chunks
 *   of each segment of the route (layouts, error boundaries, the page).
 * The shared part is the framework chunks plus the chunks that every public route loads; a
 * route's own part is the rest, each chunk gzipped (level 9, as bench/run.ts measures pages).
 *
 * `npm run check:js` runs it and exits 1 above the budget (CI runs it after the build).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";

export const BUDGET_BYTES = 5 * 1024;
/** The budget of the signed-in routes (their forms), on top of the same shared chunks. */
export const SIGNED_IN_BUDGET_BYTES = 25 * 1024;
/** The folders of the build (under server/app) that hold the signed-in routes. */
const SIGNED_IN_DIRS = ["(resident)", "beheer", "wijkagent"];

/**
 * Public routes known to be over the budget, with why; printed as a warning, not failed on.
 * Keep this list short and remove an entry once its page is light again.
 */
export const KNOWN_OVER = {};
const MANIFEST = "page_client-reference-manifest.js";

/** The route ("/groepen/[slug]") of a manifest under server/app/(public). */
function routeOf(publicDir, file) {
  const rel = path.relative(publicDir, path.dirname(file)).split(path.sep).filter((s) => s && !/^\(.*\)$/.test(s));
  return `/${rel.join("/")}`;
}

function manifestsUnder(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => path.basename(f) === MANIFEST)
    .map((f) => path.join(dir, f));
}

/** The JS chunks (paths relative to .next) a manifest lists for the route's segments. */
function chunksOf(file) {
  const context = { globalThis: {} };
  context.globalThis = context;
  runInNewContext(readFileSync(file, "utf8"), context);
  const manifests = Object.values(context.__RSC_MANIFEST ?? {});
  const chunks = new Set();
  for (const m of manifests) for (const list of Object.values(m.entryJSFiles ?? {})) for (const c of list) chunks.add(c);
  return chunks;
}

/**
 * Measures every public route of the build in `nextDir`. Returns the shared size, each route's
 * own size, and the routes over `budget`.
 */
export function measureJsBudget(nextDir, budget = BUDGET_BYTES, knownOver = KNOWN_OVER, signedInBudget = SIGNED_IN_BUDGET_BYTES) {
  const buildManifest = JSON.parse(readFileSync(path.join(nextDir, "build-manifest.json"), "utf8"));
  const publicDir = path.join(nextDir, "server", "app", "(public)");
  const files = manifestsUnder(publicDir);
  if (files.length === 0) throw new Error(`No public routes found under ${publicDir}: run npm run build first.`);
  const sizes = new Map();
  const gzipped = (chunk) => {
    if (!sizes.has(chunk)) sizes.set(chunk, gzipSync(readFileSync(path.join(nextDir, chunk)), { level: 9 }).length);
    return sizes.get(chunk);
  };
  const routes = files.map((file) => ({ route: routeOf(publicDir, file), chunks: chunksOf(file) })).sort((a, b) => a.route.localeCompare(b.route));
  const everywhere = [...routes[0].chunks].filter((c) => routes.every((r) => r.chunks.has(c)));
  const shared = new Set([...(buildManifest.rootMainFiles ?? []), ...everywhere]);
  const sum = (list) => list.reduce((total, c) => total + gzipped(c), 0);
  const measured = routes.map((r) => {
    const own = [...r.chunks].filter((c) => !shared.has(c));
    return { route: r.route, ownBytes: sum(own), chunks: own };
  });
  const tooHeavy = measured.filter((r) => r.ownBytes > budget);
  // The signed-in routes, against the same shared chunks (the framework and the root layout).
  const appDir = path.join(nextDir, "server", "app");
  const signedIn = SIGNED_IN_DIRS.flatMap((folder) =>
    manifestsUnder(path.join(appDir, folder)).map((file) => {
      const route = routeOf(appDir, file);
      const own = [...chunksOf(file)].filter((c) => !shared.has(c));
      return { route, ownBytes: sum(own), chunks: own };
    }),
  ).sort((a, b) => a.route.localeCompare(b.route));
  const signedInHeavy = signedIn.filter((r) => r.ownBytes > signedInBudget);
  return {
    sharedBytes: sum([...shared]),
    budget,
    signedInBudget,
    routes: measured,
    signedInRoutes: signedIn,
    signedInOver: signedInHeavy.filter((r) => !(r.route in knownOver)),
    over: tooHeavy.filter((r) => !(r.route in knownOver)),
    knownOver: [...tooHeavy, ...signedInHeavy].filter((r) => r.route in knownOver).map((r) => ({ ...r, reason: knownOver[r.route] })),
  };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

function main() {
  const nextDir = path.resolve(process.argv[2] ?? ".next");
  const result = measureJsBudget(nextDir);
  console.log(`Shared JavaScript (framework and root layout): ${kb(result.sharedBytes)} gzip`);
  for (const r of result.routes) console.log(`  ${r.route.padEnd(28)} ${kb(r.ownBytes).padStart(9)} on top${r.ownBytes > result.budget ? (r.route in KNOWN_OVER ? "  over budget (known)" : "  OVER BUDGET") : ""}`);
  console.log(`Signed-in routes (budget ${kb(result.signedInBudget)} on top of the same shared chunks):`);
  for (const r of result.signedInRoutes) console.log(`  ${r.route.padEnd(28)} ${kb(r.ownBytes).padStart(9)} on top${r.ownBytes > result.signedInBudget ? (r.route in KNOWN_OVER ? "  over budget (known)" : "  OVER BUDGET") : ""}`);
  for (const r of result.knownOver) console.warn(`\nKnown and not yet fixed: ${r.route} (${kb(r.ownBytes)}): ${r.reason}.`);
  if (result.over.length > 0 || result.signedInOver.length > 0) {
    if (result.over.length > 0) console.error(`\n${result.over.length} public route(s) load more than ${kb(result.budget)} of JavaScript on top of the shared chunks.`);
    if (result.signedInOver.length > 0) console.error(`\n${result.signedInOver.length} signed-in route(s) load more than ${kb(result.signedInBudget)} on top of the shared chunks.`);
    process.exit(1);
  }
  console.log(`\nEvery public route is within ${kb(result.budget)} and every signed-in route within ${kb(result.signedInBudget)} on top of the shared chunks${result.knownOver.length > 0 ? " (but the known ones above)" : ""}.`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
