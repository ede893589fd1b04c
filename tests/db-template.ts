/**
 * Global setup of the "db" test project (vitest.config.mts): migrates one template database
 * per run, so that each test file copies it (tests/db.ts) instead of creating and migrating a
 * database of its own.
 *
 * - PGlite: a migrated data folder in a temporary folder; each file copies it and opens the
 *   copy (a new PGlite runs initdb, which takes seconds; opening a copy does not).
 * - PostgreSQL (DATABASE_URL set): a migrated database `bp_tmpl_<pid>_<random>`; each file runs
 *   CREATE DATABASE … TEMPLATE it. Dropped again in the teardown.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase, type DatabaseConfig } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { createServerDatabase, dropServerDatabase, serverAdmin, testServerUrl, type DatabaseTemplate } from "./db-server";

async function migrated(config: DatabaseConfig): Promise<void> {
  const handle = openDatabase(config);
  try {
    await migrateDatabase(handle, config);
  } finally {
    // Closed before any file starts: PostgreSQL refuses to copy a template that has sessions,
    // and a PGlite folder must not be copied while it is open.
    await handle.close();
  }
}

async function createTemplate(): Promise<{ template: DatabaseTemplate; remove: () => Promise<void> }> {
  if (testServerUrl) {
    const template = await createServerDatabase(`bp_tmpl_${process.pid}_${Math.random().toString(36).slice(2, 10)}`);
    try {
      await migrated(template.config);
      // No connections from now on (autovacuum included), so CREATE DATABASE … TEMPLATE can copy it.
      await serverAdmin((sql) => sql.unsafe(`alter database "${template.name}" with is_template true allow_connections false`));
    } catch (error) {
      await dropServerDatabase(template.name, { template: true });
      throw error;
    }
    return { template: { kind: "postgres", name: template.name }, remove: () => dropServerDatabase(template.name, { template: true }) };
  }

  const folder = mkdtempSync(path.join(tmpdir(), "bp-vitest-"));
  try {
    const dataDir = path.join(folder, "template");
    await migrated({ kind: "pglite", dataDir });
    const copiesDir = path.join(folder, "copies");
    mkdirSync(copiesDir);
    return { template: { kind: "pglite", dataDir, copiesDir }, remove: async () => rmSync(folder, { recursive: true, force: true }) };
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Both database projects ("db" and "db-isolated") name this setup; Vitest runs it once per
 * project in its main process. They share one template (migrating takes seconds, most of
 * it on one core before any file starts), removed when the last project is done.
 */
const sharedKey = Symbol.for("buurtpreventie.testDatabaseTemplate");
type Shared = { made: ReturnType<typeof createTemplate>; users: number };
type GlobalWithTemplate = typeof globalThis & { [sharedKey]?: Shared };

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const g = globalThis as GlobalWithTemplate;
  const shared = (g[sharedKey] ??= { made: createTemplate(), users: 0 });
  shared.users += 1;
  const { template, remove } = await shared.made;
  project.provide("databaseTemplate", template);
  return async () => {
    shared.users -= 1;
    if (shared.users === 0) {
      g[sharedKey] = undefined;
      await remove();
    }
  };
}
