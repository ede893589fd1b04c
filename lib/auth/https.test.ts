/**
 * Served over HTTPS (APP_URL https://…): the session cookie is Secure with the __Secure-
 * prefix, the CSRF cookie has the __Host- prefix; and, with OIDC configured, only existing
 * staff and platform admins may sign in through the identity provider.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { aMunicipality, aUser } from "@/db/seed/builders";
import { resetEnvForTests } from "@/lib/env";
import { withTestDatabase } from "@/tests/db";
import { authConfig, mayUseOidc, OIDC_PROVIDER_ID, oidcConfigured, sessionCookieName } from "./config";
import { handlers } from "./next-auth";
import { requestSignInLink } from "./sign-in";

const APP_URL = "https://buurtpreventie.example.nl";
const savedEnv = { ...process.env };
beforeAll(() => {
  Object.assign(process.env, {
    APP_URL,
    AUTH_SECRET: "https-secret-".padEnd(48, "z"),
    LOG_LEVEL: "silent",
    OIDC_ISSUER: "https://login.gemeente.example/realms/medewerkers",
    OIDC_CLIENT_ID: "buurtpreventie",
    OIDC_CLIENT_SECRET: "geheim",
  });
  resetEnvForTests();
});
afterAll(() => {
  process.env = { ...savedEnv };
  resetEnvForTests();
});
withTestDatabase();

type Request = Parameters<typeof handlers.GET>[0];

describe("cookies over HTTPS", () => {
  it("sets a Secure, HttpOnly, SameSite=Lax session cookie with the __Secure- prefix", async () => {
    expect(sessionCookieName()).toBe("__Secure-authjs.session-token");
    const user = await aUser(db, { email: "https@voorbeeld.nl" });
    await requestSignInLink({ email: user.email, returnTo: null, ip: "203.0.113.1" });
    const [mail] = await db.query.mailOutbox.findMany({ where: (m, { eq }) => eq(m.toAddress, user.email) });
    const link = new URL(mail.text.match(/https:\/\/\S+\/inloggen\/bevestigen\?\S+/)![0]);
    expect(link.origin).toBe(APP_URL);
    const params = new URLSearchParams({
      token: link.searchParams.get("token")!,
      email: user.email,
      callbackUrl: "/inloggen/verder",
    });
    const response = await handlers.GET(new globalThis.Request(`${APP_URL}/api/auth/callback/nodemailer?${params}`) as Request);
    const session = response.headers.getSetCookie().find((c) => c.startsWith("__Secure-authjs.session-token="));
    expect(session).toBeDefined();
    expect(session).toMatch(/; Secure/i);
    expect(session).toMatch(/; HttpOnly/i);
    expect(session).toMatch(/; SameSite=Lax/i);
  });

  it("gives the CSRF cookie the __Host- prefix", async () => {
    const response = await handlers.GET(new globalThis.Request(`${APP_URL}/api/auth/csrf`) as Request);
    const csrf = response.headers.getSetCookie().find((c) => c.startsWith("__Host-authjs.csrf-token="));
    expect(csrf).toMatch(/; Secure/i);
    expect(csrf).toMatch(/; Path=\//i);
  });
});

describe("signing in with the municipality's identity provider", () => {
  it("is offered when OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are set", () => {
    expect(oidcConfigured()).toBe(true);
    const ids = authConfig().providers.map((p) => (typeof p === "function" ? p().id : (p.options?.id ?? p.id)));
    expect(ids).toContain(OIDC_PROVIDER_ID);
  });

  it("lets in only existing, enabled staff and platform admins with that e-mail address", async () => {
    const municipality = await aMunicipality(db);
    const staff = await aUser(db, { email: "lotte@gemeente.example", role: "staff", municipalityId: municipality.id });
    const admin = await aUser(db, { email: "eva@gemeente.example", role: "platform_admin" });
    const resident = await aUser(db, { email: "bewoner@gemeente.example" });
    const agent = await aUser(db, { email: "agent@gemeente.example", role: "wijkagent", municipalityId: municipality.id });
    const disabled = await aUser(db, {
      email: "oud@gemeente.example",
      role: "staff",
      municipalityId: municipality.id,
      disabledAt: new Date(),
    });
    const signIn = authConfig().callbacks!.signIn!;
    const attempt = (email: string, emailVerified = true) =>
      signIn({
        user: { id: "from-provider", email },
        account: { provider: OIDC_PROVIDER_ID, type: "oidc", providerAccountId: `sub-${email}` },
        profile: { email, email_verified: emailVerified },
      });

    expect(await attempt(staff.email)).toBe(true);
    expect(await attempt("LOTTE@gemeente.example")).toBe(true);
    expect(await attempt(admin.email)).toBe(true);
    expect(await attempt(resident.email)).toBe(false);
    expect(await attempt(agent.email)).toBe(false);
    expect(await attempt(disabled.email)).toBe(false);
    expect(await attempt("onbekend@gemeente.example")).toBe(false);
    expect(await attempt(staff.email, false)).toBe(false);

    expect(mayUseOidc(null)).toBe(false);
    expect(mayUseOidc({ role: "staff", disabledAt: null })).toBe(true);
  });
});
