/**
 * The PostgreSQL side of the test databases (DATABASE_URL), without Vitest's test API, so the
 * global setup (tests/db-template.ts, in Vitest's main process) can use it too.
 */
import postgres from "postgres";
import type { DatabaseConfig } from "@/db";

export const testServerUrl = process.env.DATABASE_URL || undefined;

/** The migrated database tests/db-template.ts made for this run. */
export type DatabaseTemplate =
  | {
      kind: "pglite";
      /** the migrated data folder */ dataDir: string;
      /** the same with the demo data (db/seed/demo.ts) */ demoDataDir: string;
      /** where copies go */ copiesDir: string;
    }
  | {
      kind: "postgres";
      /** the template database on the DATABASE_URL server */ name: string;
      /** the same with the demo data */ demoName: string;
    };

declare module "vitest" {
  export interface ProvidedContext {
    databaseTemplate: DatabaseTemplate | undefined;
  }
}

/** Runs `body` with a one-connection client on the DATABASE_URL server's own database. */
export async function serverAdmin<T>(body: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  if (!testServerUrl) throw new Error("DATABASE_URL is not set.");
  const admin = postgres(testServerUrl, { max: 1, onnotice: () => {} });
  try {
    return await body(admin);
  } finally {
    await admin.end();
  }
}

/** "source database … is being accessed by other users": a session on the template is still ending. */
const OBJECT_IN_USE = "55006";

/** Creates database `name` on the DATABASE_URL server (empty, or a copy of `template`). */
export async function createServerDatabase(
  name: string,
  template?: string,
): Promise<{ name: string; config: Extract<DatabaseConfig, { kind: "postgres" }> }> {
  await serverAdmin(async (sql) => {
    const statement = template ? `create database "${name}" template "${template}"` : `create database "${name}"`;
    for (let attempt = 1; ; attempt++) {
      try {
        await sql.unsafe(statement);
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== OBJECT_IN_USE || attempt >= 10) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      }
    }
  });
  const url = new URL(testServerUrl!);
  url.pathname = `/${name}`;
  return { name, config: { kind: "postgres", url: url.toString(), maxConnections: 5 } };
}

export async function dropServerDatabase(name: string, options: { template?: boolean } = {}): Promise<void> {
  await serverAdmin(async (sql) => {
    // PostgreSQL refuses to drop a template database.
    if (options.template) await sql.unsafe(`alter database "${name}" with is_template false`).catch(() => {});
    await sql.unsafe(`drop database if exists "${name}" with (force)`);
  });
}
