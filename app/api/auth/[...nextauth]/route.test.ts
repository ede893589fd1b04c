import { NextRequest } from "next/server";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { mailOutbox, verificationTokens } from "@/db/schema";
import { resetEnvForTests } from "@/lib/env";
import { withTestDatabase } from "@/tests/db";
import { GET, POST } from "./route";

const APP_URL = "http://localhost:3998";
const savedEnv = { ...process.env };
beforeAll(() => {
  Object.assign(process.env, { APP_URL, AUTH_SECRET: "route-secret-".padEnd(48, "y"), LOG_LEVEL: "silent" });
  resetEnvForTests();
});
afterAll(() => {
  process.env = { ...savedEnv };
  resetEnvForTests();
});
withTestDatabase();

describe("/api/auth", () => {
  it("does not send sign-in links itself: only /inloggen (with its rate limits) does", async () => {
    // A complete Auth.js request, with its CSRF token and cookie.
    const csrf = await GET(new NextRequest(`${APP_URL}/api/auth/csrf`));
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const response = await POST(
      new NextRequest(`${APP_URL}/api/auth/signin/nodemailer`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie },
        body: new URLSearchParams({ email: "omweg@voorbeeld.nl", csrfToken }),
      }),
    );
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: "not_found" } });
    expect(await db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, "omweg@voorbeeld.nl"))).toHaveLength(0);
    expect(await db.select().from(verificationTokens)).toHaveLength(0);
  });

  it("answers a callback without a token by sending the visitor to /inloggen, not with an error page", async () => {
    const response = await GET(new NextRequest(`${APP_URL}/api/auth/callback/nodemailer?email=a%40b.nl`));
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toMatch(new RegExp(`^${APP_URL}/inloggen\\?error=`));
  });
});
