#!/usr/bin/env node
/**
 * `npm start`: builds the application when there is no build yet or the sources changed since
 * the last one (about 30–60 s on 2 cores), then serves it with scripts/server.mjs (Next.js's own
 * request handler, with a short cache of the public pages in front). On first start the
 * server migrates and seeds the embedded database (see instrumentation.ts).
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const buildId = path.join(root, ".next", "BUILD_ID");
const sources = ["app", "components", "lib", "db", "public", "instrumentation.ts", "proxy.ts", "next.config.ts", "postcss.config.mjs", "package-lock.json", "tsconfig.json"];

/** Test files sit beside the code in app/, lib/ and db/ but are not part of the build. */
const TEST_FILE = /\.test\.[cm]?[jt]sx?$/;

function newestMtime(entry) {
  const full = path.join(root, entry);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return TEST_FILE.test(entry) ? 0 : stat.mtimeMs;
  // A folder's own time changes when a file in it is added or removed: a removed page needs a
  // new build too.
  let newest = stat.mtimeMs;
  for (const child of readdirSync(full)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

function buildIsCurrent() {
  if (!existsSync(buildId)) return false;
  const built = statSync(buildId).mtimeMs;
  return sources.every((s) => newestMtime(s) <= built);
}

if (process.env.SKIP_BUILD !== "true" && !buildIsCurrent()) {
  console.log("Building the application (first start or changed sources; about a minute)…");
  const started = Date.now();
  const result = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
  console.log(`Build finished in ${Math.round((Date.now() - started) / 1000)} s.`);
}

/**
 * The server's JavaScript heap is capped (old generation, in MB). Without a cap V8 sizes the heap
 * from the machine's memory and under load lets it fill with garbage before collecting: on the
 * bench (2 cores, 24 GB) the heap grew to 375 MB and the process to 500+ MB while the live data
 * after a collection was 60–120 MB. With 384 MB the process stays under 300 MB at the same
 * throughput (see docs/performance.md). An operator's own NODE_OPTIONS=--max-old-space-size wins.
 */
const HEAP_LIMIT_MB = 384;
const nodeOptions = process.env.NODE_OPTIONS ?? "";
const serverEnv = {
  ...process.env,
  NODE_OPTIONS: /--max-old-space-size/.test(nodeOptions) ? nodeOptions : `--max-old-space-size=${HEAP_LIMIT_MB} ${nodeOptions}`.trim(),
};

// Next.js's own server with the page cache in front (scripts/server.mjs); PORT as for `next start`.
const child = spawn(process.execPath, [path.join(root, "scripts", "server.mjs")], { cwd: root, stdio: "inherit", env: serverEnv });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
