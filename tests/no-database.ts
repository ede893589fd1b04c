/**
 * Setup of the "pure" test project (vitest.config.mts): tests there get no database. Any use of
 * `db` or getDatabase() fails at once with this message, instead of opening ./data.
 */
import { setDatabase, type DatabaseHandle } from "@/db";

const refuse = (): never => {
  throw new Error(
    "This test uses the database but runs in the \"pure\" test project. Give it a database with " +
      "withTestDatabase() from @/tests/db; vitest.config.mts then runs it in the \"db\" project.",
  );
};

setDatabase(new Proxy({} as DatabaseHandle, { get: refuse }));
