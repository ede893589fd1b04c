/**
 * The one place that knows which database runs: PGlite (embedded PostgreSQL) in DATA_DIR when
 * DATABASE_URL is unset, PostgreSQL through postgres.js when it is set. Everything else imports
 * `db` (or `getDatabase()`) from here.
 *
 * One instance per process: the handle lives on `globalThis`, so Next's separate bundles
 * (instrumentation, route handlers) and hot reloads share it. PGlite has no file locking, so a
 * second process on the same folder is refused (pid lock file).
 */
import { existsSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql, type SQL } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { getEnv } from "@/lib/env";
import { logger } from "@/lib/server/logger";
import { reservedTransactions } from "./transactions";
import { afterStatement, afterTransaction, noteWrite } from "./data-version";
import { preparingClient } from "./prepared-statements";
import * as schema from "./schema";

export type Database = PostgresJsDatabase<typeof schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** A database or a transaction: what a function that only reads or writes needs. */
export type Executor = Database | Transaction;
export type DatabaseKind = "pglite" | "postgres";

export interface DatabaseHandle {
  db: Database;
  kind: DatabaseKind;
  /** Human-readable location, without credentials. */
  location: string;
  /**
   * Runs a constant SQL text with `$1`… parameters past the query builder, as a named prepared
   * statement on PostgreSQL (parsed and planned once per connection). For the busiest reads
   * only (preparedSelect below); everything else goes through `db`.
   */
  query<T>(text: string, parameters: readonly unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export type DatabaseConfig =
  | { kind: "postgres"; url: string; maxConnections?: number }
  | { kind: "pglite"; /** Folder for the data; undefined means in memory. */ dataDir?: string };

export class DatabaseLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `The embedded database in ${dataDir} is in use by another process (pid ${pid}). ` +
        "PGlite cannot be shared between processes: stop the other server first, or start this one " +
        "with another DATA_DIR.",
    );
    this.name = "DatabaseLockedError";
  }
}

const DRIZZLE_OPTIONS = { schema, casing: "snake_case" } as const;

/** Connections in the PostgreSQL pool of one server process, unless the config says otherwise. */
export const DEFAULT_POOL_SIZE = 10;

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes the folder for this process: writes our pid to `server.pid`, or refuses when a live
 * process already holds it. A lock left behind by a process that died is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "server.pid");
  const own = String(process.pid);
  try {
    writeFileSync(file, own, { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const holder = Number.parseInt(readFileSync(file, "utf8"), 10);
    if (Number.isInteger(holder) && holder !== process.pid && isProcessAlive(holder)) {
      throw new DatabaseLockedError(dataDir, holder);
    }
    writeFileSync(file, own);
  }
  const release = () => {
    try {
      if (existsSync(file) && readFileSync(file, "utf8") === own) unlinkSync(file);
    } catch {
      // The folder may be gone already (tests); nothing to release then.
    }
  };
  process.once("exit", release);
  return release;
}

/**
 * A notice or warning PostgreSQL sent on one of the pool's connections, logged at warn: the
 * app's own SQL raises none, so one in the log is worth reading (code, severity and text;
 * the logger masks anything that looks like personal data).
 */
export function logNotice(notice: postgres.Notice): void {
  logger.warn(`PostgreSQL ${notice.severity || "NOTICE"} ${notice.code || "-"}: ${notice.message}`);
}

export function openDatabase(config: DatabaseConfig): DatabaseHandle {
  if (config.kind === "postgres") {
    // Leave max_pipeline at postgres.js's default (100): with max_pipeline: 1 every BEGIN queued
    // behind one other query was sent without reserving its connection. Transactions run on a
    // connection reserved first (db/transactions.ts), which closes the rest of that gap.
    const client = postgres(config.url, {
      max: config.maxConnections ?? DEFAULT_POOL_SIZE,
      // "there is already a transaction in progress" and its kin are warnings, not noise.
      onnotice: logNotice,
      connection: { application_name: "buurtpreventie" },
    });
    const url = new URL(config.url);
    return {
      // Prepared statements for drizzle's queries (see db/prepared-statements.ts).
      db: drizzlePostgres({ client: preparingClient(reservedTransactions(client)), ...DRIZZLE_OPTIONS }),
      kind: "postgres",
      location: `${url.hostname}:${url.port || 5432}${url.pathname}`,
      query: async <T,>(text: string, parameters: readonly unknown[]) =>
        (await client.unsafe(text, parameters as postgres.ParameterOrJSON<never>[], { prepare: true })) as unknown as T[],
      close: () => client.end({ timeout: 5 }),
    };
  }

  let release: (() => void) | undefined;
  let client: PGlite;
  if (config.dataDir) {
    const dataDir = path.resolve(config.dataDir);
    release = lockDataDir(dataDir);
    client = new PGlite(path.join(dataDir, "pglite"));
  } else {
    client = new PGlite();
  }
  const db = drizzlePglite({ client: countingPglite(client), ...DRIZZLE_OPTIONS }) as unknown as Database;
  return {
    db,
    kind: "pglite",
    location: config.dataDir ? path.resolve(config.dataDir) : "memory",
    query: async <T,>(text: string, parameters: readonly unknown[]) => (await client.query<T>(text, [...parameters])).rows,
    close: async () => {
      await client.close();
      release?.();
    },
  };
}

/**
 * `client` for drizzle, with its writes and transactions counted for the read caches
 * (db/data-version.ts), as preparingClient does on postgres.js.
 */
function countingPglite(client: PGlite): PGlite {
  return new Proxy(client, {
    get(target, property) {
      const value = Reflect.get(target, property, target) as unknown;
      if (typeof value !== "function") return value;
      if (property === "query" || property === "exec") {
        return (text: string, ...rest: unknown[]) => afterStatement(text, (value as (...a: unknown[]) => Promise<unknown>).call(target, text, ...rest));
      }
      if (property === "transaction") {
        return (...args: unknown[]) => afterTransaction((value as (...a: unknown[]) => Promise<unknown>).apply(target, args));
      }
      return (value as (...a: unknown[]) => unknown).bind(target);
    },
  });
}

/** The configuration this process's settings ask for. */
export function configFromEnv(): DatabaseConfig {
  const env = getEnv();
  return env.DATABASE_URL ? { kind: "postgres", url: env.DATABASE_URL } : { kind: "pglite", dataDir: env.dataDir };
}

const globalKey = Symbol.for("buurtpreventie.database");
type GlobalWithDb = typeof globalThis & { [globalKey]?: DatabaseHandle };

/** The process's database, opened on first use. */
export function getDatabase(): DatabaseHandle {
  const g = globalThis as GlobalWithDb;
  g[globalKey] ??= openDatabase(configFromEnv());
  return g[globalKey];
}

/** Replaces the process's database (tests: a fresh database per file). */
export function setDatabase(handle: DatabaseHandle | undefined): void {
  (globalThis as GlobalWithDb)[globalKey] = handle;
  // Read caches hold answers of the database before.
  noteWrite();
}

export async function closeDatabase(): Promise<void> {
  const g = globalThis as GlobalWithDb;
  const handle = g[globalKey];
  g[globalKey] = undefined;
  await handle?.close();
}

/**
 * The process's database as a drizzle instance. A thin proxy so that importing this module
 * opens nothing (Next's build imports it without a database).
 */
export const db: Database = new Proxy({} as Database, {
  get(_target, property) {
    const real = getDatabase().db as unknown as Record<PropertyKey, unknown>;
    const value = real[property];
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(real) : value;
  },
});

/** Answers whether the database responds within `timeoutMs`. */
export async function pingDatabase(timeoutMs = 2000, handle: DatabaseHandle = getDatabase()): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    const ping = handle.db.execute(sql`select 1`).then(
      () => true,
      () => false,
    );
    return await Promise.race([ping, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Rows of a raw SQL query, the same on both drivers (postgres.js returns an array, PGlite an
 * object with `rows`). Prefer the query builder; this is for what it cannot say.
 */
export async function selectRows<T>(executor: Executor, query: SQL): Promise<T[]> {
  const result = (await executor.execute(query)) as unknown;
  return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
}

/**
 * A read the site runs on nearly every request (the address look-up), as a constant SQL text:
 * no query building per call, and on PostgreSQL one round trip to a statement planned once.
 * Returns a function that runs it on the process's database with the given parameters.
 */
export function preparedSelect<T, P extends readonly unknown[]>(text: string): (...parameters: P) => Promise<T[]> {
  return (...parameters) => getDatabase().query<T>(text, parameters);
}

export { schema };
