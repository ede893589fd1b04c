/**
 * Setup of the "pure" test project (vitest.config.mts): tests there get no database. Any use of
 * `db` or getDatabase() from "@/db" fails at once with the message below, instead of opening
 * ./data. The handle is put where db/index.ts keeps the process's database (a global symbol, so
 * that Next's bundles share it) rather than through setDatabase(): importing "@/db" in every
 * pure test file would load drizzle and both drivers for nothing. tests/no-database.test.ts
 * checks that the two stay in step.
 */
export const NO_DATABASE_MESSAGE =
  'This test uses the database but runs in the "pure" test project. Give it a database with ' +
  'withTestDatabase() from @/tests/db; vitest.config.mts then runs it in the "db" project.';

const refuse = (): never => {
  throw new Error(NO_DATABASE_MESSAGE);
};

(globalThis as Record<symbol, unknown>)[Symbol.for("buurtpreventie.database")] = new Proxy({}, { get: refuse });
