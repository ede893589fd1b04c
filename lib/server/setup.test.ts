/**
 * `npm run setup`: the first platform admin without SQL. On a database that is still empty
 * (setup migrates first), and the printed link signs in through Auth.js's real callback.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase } from "@/db";
import { auditLog, mailOutbox, sessions, users, verificationTokens } from "@/db/schema";
import { aUser } from "@/db/seed/builders";
import { sessionCookieName } from "@/lib/auth/config";
import { handlers } from "@/lib/auth/next-auth";
import { signInLinkIsUsable } from "@/lib/auth/sign-in";
import { resetEnvForTests } from "@/lib/env";
import { createEmptyDatabase, type TestDatabase } from "@/tests/db";
import { describeSetup, runSetup } from "./setup";

const APP_URL = "http://localhost:3998";
const savedEnv = { ...process.env };
let test: TestDatabase;

function useEnv(extra: Record<string, string | undefined> = {}) {
  process.env = { ...savedEnv, APP_URL, AUTH_SECRET: "setup-secret-".padEnd(48, "x"), LOG_LEVEL: "silent", SMTP_URL: undefined, ...extra };
  for (const [k, v] of Object.entries(process.env)) if (v === undefined) delete process.env[k];
  resetEnvForTests();
}

beforeAll(async () => {
  useEnv();
  test = await createEmptyDatabase();
  setDatabase(test.handle);
});
afterAll(async () => {
  setDatabase(undefined);
  await test.drop();
  process.env = { ...savedEnv };
  resetEnvForTests();
});

const db = () => test.handle.db;

describe("npm run setup", () => {
  it("migrates an empty database, creates the platform admin and prints a link that signs in", async () => {
    const outcome = await runSetup(test.handle, test.config, { email: "  Beheer@Gemeente.NL " });
    expect(outcome).toMatchObject({ kind: "created", email: "beheer@gemeente.nl", mailed: false, platformAdmins: 1 });
    if (outcome.kind !== "created") throw new Error("not created");
    const lines = describeSetup(outcome);
    expect(lines[0]).toBe("Platformbeheerder beheer@gemeente.nl is aangemaakt.");
    expect(lines).toContain(outcome.link);

    const [user] = await db().select().from(users).where(eq(users.email, "beheer@gemeente.nl"));
    expect(user).toMatchObject({ role: "platform_admin", municipalityId: null, disabledAt: null });
    const url = new URL(outcome.link!);
    expect(url.origin + url.pathname).toBe(`${APP_URL}/inloggen/bevestigen`);
    const token = url.searchParams.get("token")!;
    expect(await signInLinkIsUsable({ email: "beheer@gemeente.nl", token })).toBe(true);

    // Pressing "Inloggen" on the confirmation page: Auth.js's own callback makes a session.
    const params = new URLSearchParams({ token, email: "beheer@gemeente.nl", callbackUrl: "/inloggen/verder" });
    const response = await handlers.GET(new Request(`${APP_URL}/api/auth/callback/nodemailer?${params}`) as Parameters<typeof handlers.GET>[0]);
    expect(response.headers.getSetCookie().some((c) => c.startsWith(`${sessionCookieName()}=`))).toBe(true);
    expect(await db().select().from(sessions).where(eq(sessions.userId, user!.id))).toHaveLength(1);
    const audit = await db().select().from(auditLog).where(eq(auditLog.subjectId, user!.id));
    expect(audit.map((a) => a.action)).toContain("user.create");
  });

  it("changes nothing the second time and says so, without a new link", async () => {
    const tokensBefore = await db().select().from(verificationTokens);
    const usersBefore = await db().select().from(users);
    const auditBefore = await db().select().from(auditLog);
    const outcome = await runSetup(test.handle, test.config, { email: "beheer@gemeente.nl" });
    expect(outcome).toMatchObject({ kind: "unchanged", link: null, mailed: false, platformAdmins: 1 });
    expect(describeSetup(outcome)[0]).toBe("Er is niets veranderd: beheer@gemeente.nl is al platformbeheerder.");
    expect(await db().select().from(verificationTokens)).toEqual(tokensBefore);
    expect(await db().select().from(users)).toEqual(usersBefore);
    expect(await db().select().from(auditLog)).toEqual(auditBefore);
  });

  it("makes a fresh link on request with --link", async () => {
    const outcome = await runSetup(test.handle, test.config, { email: "beheer@gemeente.nl", newLink: true });
    expect(outcome).toMatchObject({ kind: "unchanged" });
    if (outcome.kind !== "unchanged") throw new Error("changed");
    const token = new URL(outcome.link!).searchParams.get("token")!;
    expect(await signInLinkIsUsable({ email: "beheer@gemeente.nl", token })).toBe(true);
  });

  it("adds a second platform admin later, and promotes an existing resident account", async () => {
    await aUser(db(), { email: "bewoner@gemeente.nl" });
    const outcome = await runSetup(test.handle, test.config, { email: "bewoner@gemeente.nl" });
    expect(outcome).toMatchObject({ kind: "promoted", fromRole: "resident", platformAdmins: 2 });
    expect(describeSetup(outcome)[0]).toBe("Het bestaande account bewoner@gemeente.nl is nu platformbeheerder (was: bewoner).");
    const [user] = await db().select({ role: users.role }).from(users).where(eq(users.email, "bewoner@gemeente.nl"));
    expect(user!.role).toBe("platform_admin");
  });

  it("refuses a wrong address and a disabled account, changing nothing", async () => {
    for (const bad of ["", "geen-adres", "a@b", "<script>alert(1)</script>@x.nl", "x'; drop table users; --@x.nl", `${"a".repeat(300)}@x.nl`]) {
      const outcome = await runSetup(test.handle, test.config, { email: bad });
      expect(outcome.kind, bad).toBe("invalid_email");
      expect(describeSetup(outcome)[0]).toContain("is geen geldig e-mailadres");
    }
    await aUser(db(), { email: "uit@gemeente.nl", disabledAt: new Date() });
    const outcome = await runSetup(test.handle, test.config, { email: "uit@gemeente.nl" });
    expect(outcome.kind).toBe("disabled");
    const [user] = await db().select({ role: users.role }).from(users).where(eq(users.email, "uit@gemeente.nl"));
    expect(user!.role).toBe("resident");
    expect(await db().select().from(users).where(eq(users.role, "platform_admin"))).toHaveLength(2);
  });

  it("with SMTP configured, queues the link in the outbox instead of printing it", async () => {
    useEnv({ SMTP_URL: "smtp://127.0.0.1:2525" });
    try {
      const outcome = await runSetup(test.handle, test.config, { email: "derde@gemeente.nl" });
      expect(outcome).toMatchObject({ kind: "created", link: null, mailed: true });
      expect(describeSetup(outcome)).toContain("De inloglink staat klaar in de wachtrij voor e-mail; de server verstuurt hem naar derde@gemeente.nl.");
      const mails = await db().select().from(mailOutbox).where(eq(mailOutbox.toAddress, "derde@gemeente.nl"));
      expect(mails).toHaveLength(1);
      expect(mails[0]!.text).toContain(`${APP_URL}/inloggen/bevestigen?`);
    } finally {
      useEnv();
    }
  });

  it("two runs at once for one new address make one account", async () => {
    const outcomes = await Promise.all(Array.from({ length: 8 }, () => runSetup(test.handle, test.config, { email: "tegelijk@gemeente.nl" })));
    expect(outcomes.filter((o) => o.kind === "created")).toHaveLength(1);
    expect(outcomes.filter((o) => o.kind === "unchanged")).toHaveLength(7);
    expect(await db().select().from(users).where(eq(users.email, "tegelijk@gemeente.nl"))).toHaveLength(1);
  });
});
