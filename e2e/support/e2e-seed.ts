/**
 * Test-only: prepares the data folders of the e2e servers before they start (PGlite cannot be
 * shared with a running server, so this happens before; playwright.config.ts runs it as part of
 * the first server's command). The servers then find the seed mark and leave the data as it is.
 *
 *   tsx e2e/support/e2e-seed.ts              empties .e2e-data and .e2e-authz-data, writes the
 *                                            template, copies it for every demo server, and
 *                                            starts the authorisation server's seed in the
 *                                            background (it adds a second municipality)
 *   tsx e2e/support/e2e-seed.ts wait-authz   waits for that seed (the authorisation server's
 *                                            command), failing when it failed
 *
 * The template holds the demo data and a database session for every account of
 * e2e/support/accounts.ts; the tokens go to e2e-sessions.json in the folder, for the fixtures
 * (e2e/support/test.ts). Seeding once and copying (and seeding the authorisation server's data
 * while the demo servers start) keeps the start of a run short on 2 cores.
 *
 * Not part of the application: nothing under app/, lib/ or db/ imports it, and it only writes
 * PGlite folders (it refuses DATABASE_URL).
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { eq, inArray } from "drizzle-orm";
import { openDatabase } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { aGroup } from "@/db/seed/builders";
import { seedDemoData, DEMO_MUNICIPALITY } from "@/db/seed/demo";
import { areas, municipalities, sessions, users } from "@/db/schema";
import { DEMO_ACCOUNTS_WITH_SESSIONS, DISSOLVE_ADMIN, DISSOLVE_GROUP, NEW_RESIDENTS, SIGN_OUT_DEVICES, SIGN_OUT_STAFF } from "./accounts";
import { AUTHZ_DATA_DIR } from "./authz-fixture";
import { E2E_DATA_ROOT, E2E_TEMPLATE_DIR, e2eServers, SESSIONS_FILE } from "./servers";

const root = path.resolve(__dirname, "..", "..");
const at = (dir: string) => path.join(root, dir);
/** Written when the authorisation server's seed has ended: its exit code. */
const AUTHZ_DONE = at(`${E2E_DATA_ROOT}/authz-seed.done`);
const AUTHZ_LOG = at(`${E2E_DATA_ROOT}/authz-seed.log`);

/** The demo data and the sessions, into an empty PGlite folder. */
async function seedTemplate(dataDir: string): Promise<number> {
  const handle = openDatabase({ kind: "pglite", dataDir });
  try {
    await migrateDatabase(handle);
    await seedDemoData(handle.db);
    const tokens = await handle.db.transaction(async (tx) => {
      const [krimpen] = await tx.select({ id: municipalities.id }).from(municipalities).where(eq(municipalities.code, DEMO_MUNICIPALITY.code));
      const now = new Date();
      // As a first sign-in creates them: the e-mail address, verified; a resident without details.
      await tx.insert(users).values(NEW_RESIDENTS.map((email) => ({ email, emailVerified: now, lastSignInAt: now })));
      await tx.insert(users).values({ email: SIGN_OUT_STAFF.email, name: SIGN_OUT_STAFF.name, role: "staff", municipalityId: krimpen.id });
      // The group e2e/my-group.spec.ts dissolves (accounts.ts DISSOLVE_GROUP): registered today (so
      // the yearly check leaves it alone), three addresses of its own, no bord.
      const [dissolveAdmin] = await tx.insert(users).values({ email: DISSOLVE_ADMIN, name: DISSOLVE_GROUP.adminName, emailVerified: now }).returning();
      const [area] = await tx.select().from(areas).where(eq(areas.name, DISSOLVE_GROUP.area));
      await aGroup(tx, area, {
        name: DISSOLVE_GROUP.name,
        slug: DISSOLVE_GROUP.slug,
        description: "De hofjes achter de Lansinghlaan.",
        admins: [dissolveAdmin],
        addresses: [1, 2, 3].map((houseNumber) => ({ postcode: "2925BX", houseNumber, street: "Hofjespad", town: "Krimpen aan den IJssel" })),
      });

      const emails: string[] = [...DEMO_ACCOUNTS_WITH_SESSIONS, ...NEW_RESIDENTS, DISSOLVE_ADMIN];
      const rows = await tx.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, emails));
      const missing = emails.filter((e) => !rows.some((r) => r.email === e));
      if (missing.length > 0) throw new Error(`e2e-seed: no user for ${missing.join(", ")} (did the demo seed change?)`);
      const result: Record<string, string> = {};
      for (const row of rows) {
        const token = randomBytes(32).toString("hex");
        // A day is longer than any run; a real session lasts 7 days (lib/auth/config.ts).
        await tx.insert(sessions).values({ sessionToken: token, userId: row.id, expires: new Date(Date.now() + 24 * 60 * 60 * 1000) });
        await tx.update(users).set({ lastSignInAt: now }).where(eq(users.id, row.id));
        result[row.email] = token;
      }
      const [signOutStaff] = await tx.select({ id: users.id }).from(users).where(eq(users.email, SIGN_OUT_STAFF.email));
      for (const device of SIGN_OUT_DEVICES) {
        const token = randomBytes(32).toString("hex");
        await tx.insert(sessions).values({ sessionToken: token, userId: signOutStaff.id, expires: new Date(Date.now() + 24 * 60 * 60 * 1000) });
        result[device] = token;
      }
      return result;
    });
    writeFileSync(path.join(dataDir, SESSIONS_FILE), JSON.stringify(tokens, null, 2));
    return Object.keys(tokens).length;
  } finally {
    await handle.close();
  }
}

async function prepare(): Promise<void> {
  rmSync(at(E2E_DATA_ROOT), { recursive: true, force: true });
  rmSync(at(AUTHZ_DATA_DIR), { recursive: true, force: true });
  mkdirSync(at(E2E_DATA_ROOT), { recursive: true });
  const count = await seedTemplate(at(E2E_TEMPLATE_DIR));
  for (const server of e2eServers()) cpSync(at(E2E_TEMPLATE_DIR), at(server.dataDir), { recursive: true });
  cpSync(at(E2E_TEMPLATE_DIR), at(AUTHZ_DATA_DIR), { recursive: true });
  console.log(`e2e-seed: demo data and ${count} sessions for ${e2eServers().length} demo server(s); the authorisation server's data follows`);

  // The authorisation server's own data (e2e/support/authz-seed.ts), while the demo servers
  // start: a shell of its own runs it and writes the exit code, after this process has ended.
  const tsx = path.join(root, "node_modules", ".bin", "tsx");
  const script = `"${tsx}" "${path.join(__dirname, "authz-seed.ts")}" > "${AUTHZ_LOG}" 2>&1; echo $? > "${AUTHZ_DONE}.tmp"; mv "${AUTHZ_DONE}.tmp" "${AUTHZ_DONE}"`;
  spawn("sh", ["-c", script], { cwd: root, env: { ...process.env, DATA_DIR: AUTHZ_DATA_DIR }, stdio: "ignore", detached: true }).unref();
}

async function waitForAuthz(): Promise<void> {
  const deadline = Date.now() + 300_000;
  while (!existsSync(AUTHZ_DONE)) {
    if (Date.now() > deadline) throw new Error(`e2e-seed: the authorisation server's seed did not end within 5 minutes (${AUTHZ_LOG})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const output = existsSync(AUTHZ_LOG) ? readFileSync(AUTHZ_LOG, "utf8").trim() : "";
  if (output) console.log(output);
  const code = Number(readFileSync(AUTHZ_DONE, "utf8"));
  if (code !== 0) throw new Error(`e2e-seed: the authorisation server's seed failed (exit code ${code})`);
}

async function main(): Promise<void> {
  if (process.env.DATABASE_URL) throw new Error("e2e-seed writes the e2e servers' embedded databases only; unset DATABASE_URL.");
  if (process.argv[2] === "wait-authz") await waitForAuthz();
  else await prepare();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
