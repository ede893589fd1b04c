/**
 * Global setup of the "db" test project (vitest.config.mts): migrates one template database
 * per run, so that each test file copies it (tests/db.ts) instead of creating and migrating a
 * database of its own.
 *
 * - PGlite: a migrated data folder in a temporary folder; each file copies it and opens the
 *   copy (a new PGlite runs initdb, which takes seconds; opening a copy does not).
 * - PostgreSQL (DATABASE_URL set): a migrated database `bp_tmpl_<pid>_<random>`; each file runs
 *   CREATE DATABASE … TEMPLATE it. Dropped again in the teardown.
 *
 * Beside it a second template with the demo data seeded (db/seed/demo.ts), for the files that
 * test against the demo municipality (`withTestDatabase({ demo: true })`): seeding took 3 s and
 * 4 CPU-seconds per file on PGlite, now once per run.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase, type DatabaseConfig } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { seedDemoData } from "@/db/seed/demo";
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

/** Fills a copy of the migrated template with the demo data. */
async function seeded(config: DatabaseConfig): Promise<void> {
  const handle = openDatabase(config);
  try {
    if (!(await seedDemoData(handle.db))) throw new Error("The demo template was seeded already.");
  } finally {
    // Closed before any file starts: PostgreSQL refuses to copy a template that has sessions,
    // and a PGlite folder must not be copied while it is open.
    await handle.close();
  }
}

async function createTemplate(): Promise<{ template: DatabaseTemplate; remove: () => Promise<void> }> {
  if (testServerUrl) {
    const suffix = `${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    const template = await createServerDatabase(`bp_tmpl_${suffix}`);
    let demo: Awaited<ReturnType<typeof createServerDatabase>> | undefined;
    const remove = async () => {
      await dropServerDatabase(template.name, { template: true });
      if (demo) await dropServerDatabase(demo.name, { template: true });
    };
    // No connections from now on (autovacuum included), so CREATE DATABASE … TEMPLATE can copy it.
    const freeze = (name: string) => serverAdmin((sql) => sql.unsafe(`alter database "${name}" with is_template true allow_connections false`));
    try {
      await migrated(template.config);
      await freeze(template.name);
      demo = await createServerDatabase(`bp_demo_${suffix}`, template.name);
      await seeded(demo.config);
      await freeze(demo.name);
    } catch (error) {
      await remove();
      throw error;
    }
    return { template: { kind: "postgres", name: template.name, demoName: demo.name }, remove };
  }

  const folder = mkdtempSync(path.join(tmpdir(), "bp-vitest-"));
  try {
    const dataDir = path.join(folder, "template");
    await migrated({ kind: "pglite", dataDir });
    const demoDataDir = path.join(folder, "demo");
    cpSync(dataDir, demoDataDir, { recursive: true });
    await seeded({ kind: "pglite", dataDir: demoDataDir });
    const copiesDir = path.join(folder, "copies");
    mkdirSync(copiesDir);
    return { template: { kind: "pglite", dataDir, demoDataDir, copiesDir }, remove: async () => rmSync(folder, { recursive: true, force: true }) };
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
