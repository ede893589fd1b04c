/**
 * Signing in with an e-mail link, end to end below the browser: the request queues an e-mail
 * in the outbox, the link in it goes through Auth.js's real callback (its route handler), and
 * the session cookie it sets is what getCurrentUser reads.
 */
import { and, desc, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { auditLog, mailOutbox, sessions, users, verificationTokens } from "@/db/schema";
import { aUser } from "@/db/seed/builders";
import { resetEnvForTests } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { withTestDatabase } from "@/tests/db";
import { sessionCookieName, SIGN_IN_LINK_MAX_AGE_SECONDS } from "./config";
import { handlers } from "./next-auth";
import { actorForSessionToken } from "./session";
import { requestSignInLink, signInLinkIsUsable } from "./sign-in";

const APP_URL = "http://localhost:3999";
const savedEnv = { ...process.env };

beforeAll(() => {
  Object.assign(process.env, {
    APP_URL,
    AUTH_SECRET: "test-secret-".padEnd(48, "x"),
    LOG_LEVEL: "silent",
    SIGN_IN_LIMIT_PER_EMAIL: "5",
    SIGN_IN_LIMIT_PER_IP: "20",
  });
  resetEnvForTests();
});
afterAll(() => {
  process.env = { ...savedEnv };
  resetEnvForTests();
});
afterEach(() => {
  vi.useRealTimers();
});

withTestDatabase();

let ipCounter = 0;
/** A fresh IP address per request, so that the IP limit only matters where a test wants it. */
function freshIp(): string {
  ipCounter += 1;
  return `192.0.2.${ipCounter % 250}-${ipCounter}`;
}

interface MailedLink {
  url: URL;
  email: string;
  token: string;
  returnTo: string | null;
  text: string;
  subject: string;
}

async function signInMails(email: string) {
  return db
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.toAddress, email), eq(mailOutbox.kind, "sign_in_link")))
    .orderBy(desc(mailOutbox.id));
}

async function latestLink(email: string): Promise<MailedLink> {
  const [mail] = await signInMails(email);
  expect(mail, `a sign-in e-mail to ${email}`).toBeDefined();
  const match = mail.text.match(/https?:\/\/\S+\/inloggen\/bevestigen\?\S+/);
  expect(match, "the link in the e-mail").not.toBeNull();
  const url = new URL(match![0]);
  return {
    url,
    email: url.searchParams.get("email") ?? "",
    token: url.searchParams.get("token") ?? "",
    returnTo: url.searchParams.get("terug"),
    text: mail.text,
    subject: mail.subject,
  };
}

/** Clicks "Inloggen" on the confirmation page: Auth.js's callback with the token. */
async function useLink(link: MailedLink, callbackUrl = "/inloggen/verder") {
  const params = new URLSearchParams({ token: link.token, email: link.email, callbackUrl });
  const response = await handlers.GET(
    new Request(`${APP_URL}/api/auth/callback/nodemailer?${params}`) as Parameters<typeof handlers.GET>[0],
  );
  const cookies = response.headers.getSetCookie();
  const session = cookies.find((c) => c.startsWith(`${sessionCookieName()}=`));
  const sessionToken = session ? decodeURIComponent(session.split(";")[0].split("=")[1]) : null;
  return { status: response.status, location: response.headers.get("location") ?? "", session, sessionToken };
}

describe("asking for a sign-in link", () => {
  it("queues one e-mail with a link to the confirmation page, and stores only a hash of the token", async () => {
    const user = await aUser(db, { email: "sanne@voorbeeld.nl" });
    await requestSignInLink({ email: user.email, returnTo: null, ip: freshIp() });

    const mails = await signInMails(user.email);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe("Uw inloglink voor WhatsApp Buurtpreventie");
    expect(mails[0].html).toContain('lang="nl"');
    const link = await latestLink(user.email);
    expect(link.url.origin).toBe(APP_URL);
    expect(link.email).toBe(user.email);
    expect(link.token).toMatch(/^[0-9a-f]{64}$/);
    expect(link.text).toContain("De link werkt 15 minuten.");

    const tokens = await db.select().from(verificationTokens).where(eq(verificationTokens.identifier, user.email));
    expect(tokens).toHaveLength(1);
    expect(tokens[0].token).not.toBe(link.token);
    expect(tokens[0].token).toMatch(/^[0-9a-f]{64}$/);
    expect(mails[0].idempotencyKey).not.toContain(link.token);
  });

  it("answers a known and an unknown address the same way, and sends both the same e-mail", async () => {
    const known = await aUser(db, { email: "bekend@voorbeeld.nl" });
    const unknown = "onbekend@voorbeeld.nl";
    await expect(requestSignInLink({ email: known.email, returnTo: null, ip: freshIp() })).resolves.toBeUndefined();
    await expect(requestSignInLink({ email: unknown, returnTo: null, ip: freshIp() })).resolves.toBeUndefined();

    const a = await latestLink(known.email);
    const b = await latestLink(unknown);
    expect(a.subject).toBe(b.subject);
    const withoutLink = (text: string) => text.replace(/https?:\/\/\S+/g, "<link>");
    expect(withoutLink(a.text)).toBe(withoutLink(b.text));
    // Asking creates no account: only using the link does.
    expect(await db.select().from(users).where(eq(users.email, unknown))).toHaveLength(0);
  });

  it("answers a disabled account the same way, but sends it nothing", async () => {
    const disabled = await aUser(db, { email: "uitgeschakeld@voorbeeld.nl", disabledAt: new Date() });
    await expect(requestSignInLink({ email: disabled.email, returnTo: null, ip: freshIp() })).resolves.toBeUndefined();
    expect(await signInMails(disabled.email)).toHaveLength(0);
  });

  it("answers a filled honeypot (a bot) the same way, but sends nothing", async () => {
    const user = await aUser(db);
    await expect(requestSignInLink({ email: user.email, returnTo: null, ip: freshIp(), honeypot: "https://spam.example" })).resolves.toBeUndefined();
    expect(await signInMails(user.email)).toHaveLength(0);
    await requestSignInLink({ email: user.email, returnTo: null, ip: freshIp(), honeypot: "" });
    expect(await signInMails(user.email)).toHaveLength(1);
  });

  it("carries a safe return path into the link", async () => {
    const user = await aUser(db, { email: "terug@voorbeeld.nl" });
    await requestSignInLink({ email: user.email, returnTo: "/mijn-groepen/12?tab=adressen", ip: freshIp() });
    expect((await latestLink(user.email)).returnTo).toBe("/mijn-groepen/12?tab=adressen");
  });
});

describe("using the link", () => {
  it("signs in once: a session for the user, lastSignInAt and an audit entry; the second use is refused", async () => {
    const user = await aUser(db, { email: "eenmalig@voorbeeld.nl", role: "resident" });
    await requestSignInLink({ email: user.email, returnTo: null, ip: freshIp() });
    const link = await latestLink(user.email);
    expect(await signInLinkIsUsable({ email: link.email, token: link.token })).toBe(true);

    const first = await useLink(link);
    expect(first.status).toBe(302);
    expect(first.location).toBe(`${APP_URL}/inloggen/verder`);
    expect(first.session).toMatch(/HttpOnly/i);
    expect(first.session).toMatch(/SameSite=Lax/i);
    expect(first.session).not.toMatch(/Secure/i); // http://localhost: no Secure flag, no __Secure- prefix
    const actor = await actorForSessionToken(first.sessionToken);
    expect(actor).toEqual({ id: user.id, email: user.email, name: user.name, role: "resident", municipalityId: null });

    const [after] = await db.select().from(users).where(eq(users.id, user.id));
    expect(after.lastSignInAt).not.toBeNull();
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.actorUserId, user.id), eq(auditLog.action, "auth.sign_in")));
    expect(audit).toHaveLength(1);
    expect(audit[0].details).toMatchObject({ method: "nodemailer", newAccount: false });

    expect(await signInLinkIsUsable({ email: link.email, token: link.token })).toBe(false);
    const second = await useLink(link);
    expect(second.status).toBe(302);
    expect(second.location).toBe(`${APP_URL}/inloggen?error=Verification`);
    expect(second.sessionToken).toBeNull();
    expect(await db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(1);
  });

  it("expires after 15 minutes", async () => {
    const user = await aUser(db, { email: "verlopen@voorbeeld.nl" });
    const asked = Date.now();
    await requestSignInLink({ email: user.email, returnTo: null, ip: freshIp() });
    const [token] = await db.select().from(verificationTokens).where(eq(verificationTokens.identifier, user.email));
    expect(token.expires.getTime()).toBeGreaterThan(asked + (SIGN_IN_LINK_MAX_AGE_SECONDS - 60) * 1000);
    expect(token.expires.getTime()).toBeLessThanOrEqual(Date.now() + SIGN_IN_LINK_MAX_AGE_SECONDS * 1000);

    const link = await latestLink(user.email);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date(token.expires.getTime() + 1000));
    expect(await signInLinkIsUsable({ email: link.email, token: link.token })).toBe(false);
    const late = await useLink(link);
    expect(late.location).toBe(`${APP_URL}/inloggen?error=Verification`);
    expect(late.sessionToken).toBeNull();
    expect(await db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
  });

  it("refuses a made-up token and a token for another address", async () => {
    const a = await aUser(db, { email: "a-adres@voorbeeld.nl" });
    const b = await aUser(db, { email: "b-adres@voorbeeld.nl" });
    await requestSignInLink({ email: a.email, returnTo: null, ip: freshIp() });
    const link = await latestLink(a.email);

    const madeUp = await useLink({ ...link, token: "0".repeat(64) });
    expect(madeUp.location).toBe(`${APP_URL}/inloggen?error=Verification`);
    const otherAddress = await useLink({ ...link, email: b.email });
    expect(otherAddress.location).toBe(`${APP_URL}/inloggen?error=Verification`);
    expect(otherAddress.sessionToken).toBeNull();
    // Neither attempt used up the real link.
    expect((await useLink(link)).sessionToken).not.toBeNull();
  });

  it("makes a new resident account for an address it does not know", async () => {
    const email = "nieuwe.bewoner@voorbeeld.nl";
    await requestSignInLink({ email, returnTo: null, ip: freshIp() });
    const result = await useLink(await latestLink(email));
    const actor = await actorForSessionToken(result.sessionToken);
    expect(actor).toMatchObject({ email, role: "resident", municipalityId: null });
    const actions = (await db.select().from(auditLog).where(eq(auditLog.actorUserId, actor!.id))).map((a) => a.action);
    expect(actions.sort()).toEqual(["auth.sign_in", "user.create"]);
  });

  it("refuses a link of an account that was disabled after it was sent", async () => {
    const user = await aUser(db, { email: "later-uit@voorbeeld.nl" });
    await requestSignInLink({ email: user.email, returnTo: null, ip: freshIp() });
    await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, user.id));
    const result = await useLink(await latestLink(user.email));
    expect(result.location).toBe(`${APP_URL}/inloggen?error=AccessDenied`);
    expect(result.sessionToken).toBeNull();
  });

  it("sends the user on to a return path on this site only", async () => {
    const user = await aUser(db, { email: "doorsturen@voorbeeld.nl" });
    await requestSignInLink({ email: user.email, returnTo: null, ip: freshIp() });
    const link = await latestLink(user.email);
    const result = await useLink(link, "https://elders.example/phish");
    expect(result.location).toBe(`${APP_URL}/`);
  });
});

describe("signing out", () => {
  it("deletes the session and records it in the audit log", async () => {
    const user = await aUser(db, { email: "uitloggen@voorbeeld.nl" });
    await requestSignInLink({ email: user.email, returnTo: null, ip: freshIp() });
    const { sessionToken } = await useLink(await latestLink(user.email));
    expect(await actorForSessionToken(sessionToken)).not.toBeNull();

    // Auth.js's sign-out, as the sign-out action calls it: with its CSRF token and the session cookie.
    type AuthRequest = Parameters<typeof handlers.GET>[0];
    const csrf = await handlers.GET(new Request(`${APP_URL}/api/auth/csrf`) as AuthRequest);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const cookie = [
      ...csrf.headers.getSetCookie().map((c) => c.split(";")[0]),
      `${sessionCookieName()}=${sessionToken}`,
    ].join("; ");
    const response = await handlers.POST(
      new Request(`${APP_URL}/api/auth/signout`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie },
        body: new URLSearchParams({ csrfToken, callbackUrl: "/uitloggen?klaar=1" }),
      }) as AuthRequest,
    );
    expect(response.status).toBe(302);
    expect(response.headers.getSetCookie().some((c) => c.startsWith(`${sessionCookieName()}=;`))).toBe(true);
    expect(await actorForSessionToken(sessionToken)).toBeNull();
    expect(await db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.actorUserId, user.id), eq(auditLog.action, "auth.sign_out")));
    expect(audit).toHaveLength(1);
  });
});

describe("rate limits on sign-in links", () => {
  it("allows 5 links per e-mail address per 15 minutes, then answers with a Dutch message", async () => {
    const email = "vaak@voorbeeld.nl";
    for (let i = 0; i < 5; i++) await requestSignInLink({ email, returnTo: null, ip: freshIp() });
    const refused = requestSignInLink({ email, returnTo: null, ip: freshIp() });
    await expect(refused).rejects.toBeInstanceOf(AppError);
    await expect(refused).rejects.toMatchObject({ code: "rate_limited", status: 429 });
    await expect(refused).rejects.toThrow(/Wacht een kwartier/);
    expect(await signInMails(email)).toHaveLength(5);
    // Another address is not affected; upper case counts as the same address.
    await expect(requestSignInLink({ email: "ander@voorbeeld.nl", returnTo: null, ip: freshIp() })).resolves.toBeUndefined();
    await expect(requestSignInLink({ email: "VAAK@voorbeeld.nl", returnTo: null, ip: freshIp() })).rejects.toMatchObject({
      code: "rate_limited",
    });
  });

  it("allows 20 links per IP address per hour", async () => {
    const ip = "198.51.100.7";
    for (let i = 0; i < 20; i++) {
      await requestSignInLink({ email: `ip-test-${i}@voorbeeld.nl`, returnTo: null, ip });
    }
    const refused = requestSignInLink({ email: "ip-test-20@voorbeeld.nl", returnTo: null, ip });
    await expect(refused).rejects.toMatchObject({ code: "rate_limited" });
    await expect(refused).rejects.toThrow(/internetverbinding/);
    expect(await signInMails("ip-test-20@voorbeeld.nl")).toHaveLength(0);
    await expect(requestSignInLink({ email: "ip-test-20@voorbeeld.nl", returnTo: null, ip: freshIp() })).resolves.toBeUndefined();
  });
});
