import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { municipalities } from "@/db/schema";
import { resetEnvForTests } from "@/lib/env";
import { NO_DATABASE_MESSAGE } from "./no-database";

// Should the guard stop working, the database it would open lands here, not in ./data.
const dataDir = mkdtempSync(path.join(tmpdir(), "bp-no-database-"));
process.env.DATA_DIR = dataDir;
delete process.env.DATABASE_URL;
resetEnvForTests();
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("the pure test project", () => {
  it("refuses the database to its tests, naming the way out", () => {
    expect(() => db.select().from(municipalities)).toThrow(NO_DATABASE_MESSAGE);
  });
});
