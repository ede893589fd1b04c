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

const databaseTests = TEST_FOLDERS.flatMap(testFiles)
  .filter((file) => USES_DATABASE.test(readFileSync(path.join(root, file), "utf8")))
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
    projects: [
      {
        extends: true,
        test: {
          name: "pure",
          include: [`{${TEST_FOLDERS.join(",")}}/**/*.test.{ts,tsx}`],
          exclude: [...configDefaults.exclude, ...databaseTests],
          setupFiles: ["tests/no-database.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "db",
          include: databaseTests,
          // Migrates one template database per run; each file gets a copy (tests/db.ts).
          globalSetup: ["tests/db-template.ts"],
        },
      },
    ],
  },
});
