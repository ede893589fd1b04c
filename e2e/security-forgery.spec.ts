import type { APIRequestContext } from "@playwright/test";
import { mailBarrier } from "./support/mail-barrier";
import { expect, test } from "./support/test";

/**
 * Request forgery over real HTTP against the built server: a server action and the routes
 * refuse a request that changes something from another site (proxy.ts), and nothing is stored.
 * Proof that nothing was stored: the join confirmation e-mail never reaches the demo mailbox,
 * while the same request from our own site does (so the test can fail). "Never" is checked after
 * a mail barrier (e2e/support/mail-barrier.ts): an e-mail queued after the refused requests has
 * been delivered, so one they had queued would be in the mailbox by then.
 *
 * HTTP only: Playwright's request context, no browser.
 */

const GROUP = "/groepen/langeland-noord";

/** The no-JavaScript form fields of the join form's server action, read from the page. */
async function actionFields(request: APIRequestContext): Promise<Record<string, string>> {
  const html = await (await request.get(GROUP)).text();
  const fields: Record<string, string> = {};
  for (const match of html.matchAll(/<input type="hidden" name="(\$ACTION[^"]*)"(?: value="([^"]*)")?/g)) {
    fields[match[1]] = (match[2] ?? "").replaceAll("&quot;", '"').replaceAll("&amp;", "&");
  }
  expect(Object.keys(fields).some((k) => k.startsWith("$ACTION_REF"))).toBe(true);
  return fields;
}

function joinForm(email: string, action: Record<string, string>): Record<string, string> {
  return {
    ...action,
    groupSlug: "langeland-noord",
    website: "",
    name: "Vera Vervalst",
    email,
    phone: "06 12345678",
    "address.postcode": "2922 AB",
    "address.houseNumber": "12",
    "address.addition": "",
    birthDate: "1980-01-01",
    acceptHouseRules: "on",
  };
}

async function mailboxCount(request: APIRequestContext, email: string): Promise<number> {
  const html = await (await request.get(`/dev/mailbox?aan=${encodeURIComponent(email)}`)).text();
  return (html.match(/Bevestiging|aanmelding/gi) ?? []).length;
}

const FOREIGN: [string, Record<string, string>][] = [
  ["Origin of another site", { origin: "https://aanval.example" }],
  ["Origin: null", { origin: "null" }],
  ["no Origin, Referer of another site", { referer: "https://aanval.example/formulier.html" }],
  ["our Origin but Sec-Fetch-Site: cross-site", { "sec-fetch-site": "cross-site" }],
];

test.describe("request forgery", () => {
  let n = 0;
  for (const [what, headers] of FOREIGN) {
    test(`the join action refuses ${what} (no-JavaScript form post and Next-Action call), nothing stored`, async ({ request, baseURL }) => {
      n += 1;
      const email = `vervalst${n}@bewoner.example`;
      const action = await actionFields(request);
      const withOrigin = headers["sec-fetch-site"] ? { origin: baseURL!, ...headers } : headers;
      const form = await request.post(GROUP, { multipart: joinForm(email, action), headers: withOrigin });
      expect(form.status()).toBe(403);
      expect(await form.text()).toContain("Dit verzoek komt niet van deze website");

      const id = JSON.parse(Object.entries(action).find(([k]) => /^\$ACTION_\d+:0$/.test(k))![1]) as { id: string };
      const call = await request.post(GROUP, {
        headers: { ...withOrigin, "next-action": id.id, "content-type": "text/plain;charset=UTF-8" },
        data: JSON.stringify([{ status: "idle" }]),
      });
      expect(call.status()).toBe(403);

      await mailBarrier(request, baseURL!);
      expect(await mailboxCount(request, email)).toBe(0);
    });
  }

  test("the same post from our own site is accepted (the check is not simply refusing everything)", async ({ request, baseURL }) => {
    const email = "eigen.site@bewoner.example";
    const form = await request.post(GROUP, {
      multipart: joinForm(email, await actionFields(request)),
      headers: { origin: baseURL!, "x-forwarded-for": "198.51.100.77" },
    });
    expect(form.status()).toBe(200);
    expect(await form.text()).toContain("Uw aanmelding is verstuurd");
    await expect.poll(() => mailboxCount(request, email), { timeout: 15_000 }).toBeGreaterThan(0);
  });

  test("Next.js checks a server action's Origin itself as well (behind the proxy check)", async ({ request, baseURL }) => {
    const action = await actionFields(request);
    // Our Origin passes proxy.ts; an X-Forwarded-Host that does not match makes Next.js refuse.
    const response = await request.post(GROUP, {
      multipart: joinForm("next.check@bewoner.example", action),
      headers: { origin: baseURL!, "x-forwarded-host": "aanval.example" },
    });
    expect(response.status()).toBeGreaterThanOrEqual(400);
    expect(await response.text()).not.toContain("Uw aanmelding is verstuurd");
  });

  test("a body over 1 MB is refused with 413 (not Next.js's 500) and nothing is stored", async ({ request, baseURL }) => {
    const email = "te.groot@bewoner.example";
    const response = await request.post(GROUP, {
      multipart: { ...joinForm(email, await actionFields(request)), "address.addition": "x".repeat(1_200_000) },
      headers: { origin: baseURL!, "x-forwarded-for": "198.51.100.78" },
    });
    expect(response.status()).toBe(413);
    expect(await response.text()).toContain("te groot");
    await mailBarrier(request, baseURL!);
    expect(await mailboxCount(request, email)).toBe(0);
  });

  test("state-changing requests to other routes are refused too: JSON under /api, Dutch text elsewhere", async ({ request }) => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      const api = await request.fetch("/api/v1/wijken", { method, headers: { origin: "https://aanval.example" } });
      expect(api.status()).toBe(403);
      expect(api.headers()["content-type"]).toContain("application/json");
      expect(((await api.json()) as { error: { code: string } }).error.code).toBe("forbidden");
      expect(api.headers()["x-content-type-options"]).toBe("nosniff");

      const page = await request.fetch("/inloggen", { method, headers: { origin: "null" } });
      expect(page.status()).toBe(403);
      expect(page.headers()["content-type"]).toContain("text/plain");
    }
    const signIn = await request.post("/api/auth/signin/nodemailer", {
      form: { email: "x@example.nl" },
      headers: { origin: "https://aanval.example" },
    });
    expect(signIn.status()).toBe(403);
  });

  test("GET stays open to every origin (the public API is meant to be used from other sites)", async ({ request }) => {
    const response = await request.get("/api/v1/wijken", { headers: { origin: "https://andere-site.example" } });
    expect(response.status()).toBe(200);
    expect(response.headers()["x-content-type-options"]).toBe("nosniff");
    expect(response.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
  });
});
