import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { configDefaults, defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

const TEST_FOLDERS = ["lib", "db", "app", "components", "tests", "scripts"];
const TEST_FILE = /\.test\.tsx?$/;

/**
 * What makes a test file a database test: it takes a database from tests/db.ts
 * (withTestDatabase, createTestDatabase, createEmptyDatabase) or opens one itself through
 * "@/db". Everything else (domain rules, validation, components, pure helpers) needs none.
 * The "pure" project refuses database use (tests/no-database.ts), so a file put on the wrong
 * side fails with a message instead of quietly opening ./data.
 */
const USES_DATABASE = /["'](?:@\/|(?:\.\.?\/)+)tests\/db["']|\b(?:openDatabase|getDatabase|setDatabase|closeDatabase)\b/;

function testFiles(folder: string): string[] {
  return readdirSync(path.join(root, folder), { recursive: true, encoding: "utf8" })
    .filter((file) => TEST_FILE.test(file) && !file.split(path.sep).includes("node_modules"))
    .map((file) => path.posix.join(folder, file.split(path.sep).join("/")));
}

/** A path as a glob that matches only itself ("app/(public)/groepen/[slug]/…" has glob characters). */
const literalGlob = (file: string) => file.replace(/[()[\]{}*?!+@]/g, "\\$&");

/**
 * What makes a test file need a process of its own: it replaces modules (vi.mock) or globals,
 * or starts the server's schedules (startServer), which would outlive it and act on the files
 * that run after it in the same worker.
 */
const REPLACES_MODULES = /\bvi\.(?:mock|doMock|stubGlobal|stubEnv)\(|\bstartServer\(/;

const source = (file: string) => readFileSync(path.join(root, file), "utf8");
const allTests = TEST_FOLDERS.flatMap(testFiles);
const databaseFiles = allTests.filter((file) => USES_DATABASE.test(source(file)));
const databaseTests = databaseFiles.map(literalGlob);
const isolatedDatabaseTests = databaseFiles.filter((file) => REPLACES_MODULES.test(source(file))).map(literalGlob);
const isolatedPureTests = allTests
  .filter((file) => !databaseFiles.includes(file) && REPLACES_MODULES.test(source(file)))
  .map(literalGlob);

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\/(.*)$/, replacement: `${root}$1` },
      { find: /^server-only$/, replacement: `${root}tests/server-only-stub.ts` },
    ],
  },
  test: {
    environment: "node",
    pool: "forks",
    // Each test file has a database of its own (tests/db.ts), so files run side by side; Vitest
    // would take one worker fewer than the cores, which is one on this 2-core machine.
    maxWorkers: 2,
    // A safety net against a hung test, not a speed check (speed is measured by npm run bench):
    // PGlite tests that open and close a database take 10–25 s on a busy 2-core machine.
    testTimeout: 90_000,
    // next-auth imports "next/server" without an extension, which Node's ESM loader refuses;
    // processed by vite, it resolves.
    server: { deps: { inline: ["next-auth"] } },
    hookTimeout: 120_000,
    // `npm run test:unit` runs both; CI's second run on PostgreSQL runs only "db" (npm run test:db).
    //
    // Files share a worker's module registry (isolate: false): importing the application's
    // modules anew for every file was about half of the suite's CPU time. Files that replace
    // modules or globals run in the isolated projects, each with a registry of its own. Each
    // database file still gets a database of its own (tests/db.ts) and restores what it changes
    // (process.env, the process's database) in its afterAll.
    projects: [
      {
        extends: true,
        test: {
          name: "pure",
          include: [`{${TEST_FOLDERS.join(",")}}/**/*.test.{ts,tsx}`],
          exclude: [...configDefaults.exclude, ...databaseTests, ...isolatedPureTests],
          setupFiles: ["tests/no-database.ts"],
          isolate: false,
        },
      },
      ...(isolatedPureTests.length > 0
        ? [{ extends: true, test: { name: "pure-isolated", include: isolatedPureTests, setupFiles: ["tests/no-database.ts"] } }]
        : []),
      {
        extends: true,
        test: {
          name: "db",
          include: databaseTests,
          exclude: [...configDefaults.exclude, ...isolatedDatabaseTests],
          // Migrates one template database per run; each file gets a copy (tests/db.ts).
          globalSetup: ["tests/db-template.ts"],
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: "db-isolated",
          include: isolatedDatabaseTests,
          globalSetup: ["tests/db-template.ts"],
        },
      },
    ],
  },
});
