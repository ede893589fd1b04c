/**
 * The application's settings, parsed once from the environment. No other file reads
 * `process.env`. This module imports nothing of the application, so `db/` may use it too.
 *
 * Demo mode is running without DATABASE_URL: the embedded database (PGlite) in DATA_DIR, demo
 * data, mail in the demo mailbox. With DATABASE_URL the application runs as in production and
 * AUTH_SECRET, APP_URL and SMTP_URL are required.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const optionalUrl = (name: string) =>
  z
    .string()
    .trim()
    .transform((v) => (v === "" ? undefined : v))
    .pipe(z.url({ message: `${name} moet een volledige URL zijn` }).optional())
    .optional();

const rawSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: optionalUrl("DATABASE_URL"),
  DATA_DIR: z.string().trim().min(1).default("./data"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  APP_URL: optionalUrl("APP_URL"),
  AUTH_SECRET: z.string().trim().min(32, "AUTH_SECRET moet minstens 32 tekens lang zijn").optional(),
  SMTP_URL: optionalUrl("SMTP_URL"),
  MAIL_FROM: z.string().trim().min(3).default("Buurtpreventie <noreply@buurtpreventie.example>"),
  ADDRESS_LOOKUP_URL: optionalUrl("ADDRESS_LOOKUP_URL"),
  MIGRATE_ON_START: booleanFlag.default(true),
  /**
   * Background map tiles behind the wijk maps, a URL template with {z}, {x} and {y} (e.g. the
   * PDOK BRT achtergrondkaart in Web Mercator). Unset: the maps show the wijk outlines only.
   */
  MAP_TILES_URL: z
    .string()
    .trim()
    .transform((v) => (v === "" ? undefined : v))
    .pipe(
      z
        .url({ message: "MAP_TILES_URL moet een volledige URL zijn" })
        .refine((v) => /^https?:/.test(v) && ["{z}", "{x}", "{y}"].every((p) => v.includes(p)), {
          message: "MAP_TILES_URL moet {z}, {x} en {y} bevatten, zoals https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png",
        })
        .optional(),
    )
    .optional(),
  /** Who made the background map, shown under every map that uses MAP_TILES_URL. */
  MAP_TILES_ATTRIBUTION: z.string().trim().max(200).default("Kaart: PDOK (BRT Achtergrondkaart)"),
  OIDC_ISSUER: optionalUrl("OIDC_ISSUER"),
  OIDC_CLIENT_ID: z.string().trim().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().trim().min(1).optional(),
  /** Requests per minute per IP address on the public API; 0 switches the limit off. */
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(600),
  /** Sign-in links per e-mail address per 15 minutes; 0 switches the limit off. */
  SIGN_IN_LIMIT_PER_EMAIL: z.coerce.number().int().min(0).default(5),
  /** Sign-in links per IP address per hour; 0 switches the limit off. */
  SIGN_IN_LIMIT_PER_IP: z.coerce.number().int().min(0).default(20),
  /**
   * Multiplies every limit of lib/server/action-limits.ts (signed-in actions that send e-mail
   * or publish text); 1 keeps the numbers there. For test suites that act far more than a
   * person would (the end-to-end suite), never to switch the limits off.
   */
  ACTION_LIMIT_FACTOR: z.coerce.number().int().min(1).max(1000).default(1),
  /**
   * How many reverse proxies in front of the application append to X-Forwarded-For. 0: none,
   * the header is ignored and the address of the connection is used.
   */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** Days the audit log keeps who did what; older entries are anonymised by the retention job. */
  AUDIT_RETENTION_DAYS: z.coerce.number().int().min(30).max(3650).default(365),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
});

export type Env = z.infer<typeof rawSchema> & {
  /** True without DATABASE_URL: embedded database, demo data, demo mailbox, banner. */
  demoMode: boolean;
  /** Absolute path of DATA_DIR. */
  dataDir: string;
  appUrl: string;
  /** True when mail goes to the demo mailbox instead of an SMTP server. */
  mailboxEnabled: boolean;
};

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

/** Settings that production (a DATABASE_URL) cannot run without. */
const REQUIRED_IN_PRODUCTION = ["AUTH_SECRET", "APP_URL", "SMTP_URL"] as const;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = rawSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new ConfigError(`Ongeldige instelling: ${problems}`);
  }
  const raw = parsed.data;
  const demoMode = raw.DATABASE_URL === undefined;
  return {
    ...raw,
    demoMode,
    dataDir: path.resolve(raw.DATA_DIR),
    appUrl: (raw.APP_URL ?? `http://localhost:${raw.PORT}`).replace(/\/$/, ""),
    mailboxEnabled: demoMode && !raw.SMTP_URL,
  };
}

/**
 * Stops the server's start when production (a DATABASE_URL) lacks a setting it cannot run
 * without; the message names the missing setting(s). Command-line tools skip this check.
 */
export function assertServerSettings(env: Env): void {
  if (env.demoMode) return;
  const missing = REQUIRED_IN_PRODUCTION.filter((name) => !env[name]);
  if (missing.length > 0) {
    throw new ConfigError(
      `Missing required setting${missing.length > 1 ? "s" : ""}: ${missing.join(", ")}. ` +
        "With DATABASE_URL set the application runs as in production; see README.md (Configuration).",
    );
  }
}

let cached: Env | undefined;

/** The settings of this process, parsed on first use. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** For tests that change the environment between cases. */
export function resetEnvForTests(): void {
  cached = undefined;
}

/**
 * The secret that signs sessions and tokens. In demo mode it is generated once and kept in the
 * data folder, so sign-ins survive a restart; otherwise AUTH_SECRET is required.
 */
export function getAuthSecret(): string {
  const env = getEnv();
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  if (!env.demoMode) throw new ConfigError("Missing required setting: AUTH_SECRET");
  const file = path.join(env.dataDir, "auth-secret");
  if (existsSync(file)) {
    const stored = readFileSync(file, "utf8").trim();
    if (stored.length >= 32) return stored;
  }
  mkdirSync(env.dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
