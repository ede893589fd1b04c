import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./support/test";

/**
 * Bad input gets a clear 4xx from the built server, never a 500 (issue 18, point 7; the rules
 * are unit-tested in tests/security/bad-input.test.ts):
 * - a path whose percent-encoding does not decode, on every dynamic route,
 * - a server action body over 1 MB sent without Content-Length (chunked),
 * - a callbackUrl for Auth.js that does not lead to this site, in the query or in its cookie,
 * - a server action call (Next-Action) whose body is not the list of arguments React sends.
 * HTTP only, no browser.
 */

const DYNAMIC_PAGES = [
  "/groepen/%ff",
  "/wijken/%ff",
  "/mijn-groepen/%ff",
  "/mijn-groepen/%ff/adressen",
  "/uitnodiging/%ff",
  "/beheer/borden/%ff",
  "/beheer/groepen/%ff",
  "/wijkagent/groepen/%ff",
  "/dev/mailbox/%ff",
  "/groepen/%zz",
  "/groepen/kapot%",
];
const DYNAMIC_API = ["/api/v1/groepen/%ff", "/api/v1/wijken/%ff", "/api/v1/%ff", "/api/auth/%ff"];

test.describe("a path with percent-encoding that does not decode", () => {
  for (const path of DYNAMIC_API) {
    test(`${path} gets 400 with a JSON error`, async ({ request }) => {
      const response = await request.get(path);
      expect(response.status()).toBe(400);
      expect(await response.json()).toEqual({ error: { code: "bad_request", message: expect.stringMatching(/webadres/) } });
    });
  }

  for (const path of DYNAMIC_PAGES) {
    test(`${path} gets 400 with a Dutch text`, async ({ request }) => {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status()).toBe(400);
      expect(await response.text()).toContain("Dit webadres klopt niet");
      expect(response.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    });
  }
});

test("a method the read-only API does not take gets 405 with a JSON error and Allow, on the built server", async ({ request }) => {
  // The routes export the 405 themselves (unit-tested per route in app/api/v1/api.test.ts); this
  // checks that Next.js hands those methods to them, with and without a body.
  const calls = [
    ["post", "/api/v1/groepen?postcode=2922AB&huisnummer=12"],
    ["delete", "/api/v1/wijken"],
    ["put", "/api/v1/bestaat-niet"],
    ["patch", "/api/v1/wijkgrenzen"],
  ] as const;
  for (const [method, path] of calls) {
    const response = await request[method](path, method === "put" ? { data: { naam: "x" } } : {});
    expect(response.status(), `${method} ${path}`).toBe(405);
    expect(response.headers()["allow"]).toBe("GET, HEAD, OPTIONS");
    expect(await response.json()).toEqual({ error: { code: "method_not_allowed", message: expect.stringContaining("Gebruik GET") } });
  }
});

/** The id of a real server action, read from the join form of a group page. */
async function anActionId(request: APIRequestContext): Promise<string> {
  const html = await (await request.get("/groepen/langeland-noord")).text();
  const id = html.replaceAll("&quot;", '"').match(/"id":"([0-9a-f]{40,42})"/)?.[1];
  expect(id).toBeTruthy();
  return id!;
}

/** A body in 64 KB pieces that says nothing of its size: fetch sends it chunked. */
function chunkedBody(bytes: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      const size = Math.min(64 * 1024, bytes - sent);
      sent += size;
      controller.enqueue(new Uint8Array(size).fill(97));
    },
  });
}

test.describe("a body sent without Content-Length", () => {
  // Playwright's request context always sends Content-Length, so Node's fetch sends these.
  test("over 1 MB to a server action gets 413, not 500", async ({ request, baseURL }) => {
    const actionId = await anActionId(request);
    const response = await fetch(new URL("/groepen/langeland-noord", baseURL), {
      method: "POST",
      headers: { "next-action": actionId, "content-type": "text/plain;charset=UTF-8" },
      body: chunkedBody(2 * 1024 * 1024),
      duplex: "half",
    } as RequestInit & { duplex: "half" });
    expect(response.status).toBe(413);
    expect(await response.text()).toContain("te groot");
  });

  test("over 1 MB to /api gets 413 with a JSON error", async ({ baseURL }) => {
    const response = await fetch(new URL("/api/auth/signout", baseURL), {
      method: "POST",
      body: chunkedBody(2 * 1024 * 1024),
      duplex: "half",
    } as RequestInit & { duplex: "half" });
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe("too_large");
  });
});

test.describe("a server action call whose body is not a list of arguments", () => {
  for (const body of ['"x"', "{}", "1", "null", "[1,2"]) {
    test(`body ${body} gets 400 with a Dutch text, not 500`, async ({ request }) => {
      const actionId = await anActionId(request);
      const response = await request.post("/groepen/langeland-noord", {
        headers: { "next-action": actionId, accept: "text/x-component", "content-type": "text/plain;charset=UTF-8" },
        data: body,
        maxRedirects: 0,
      });
      expect(response.status()).toBe(400);
      expect(await response.text()).toContain("Dit verzoek klopt niet");
    });
  }

  for (const body of ["[]", "[1,2]", '[null,"x"]']) {
    test(`body ${body} reaches the action, which refuses it itself (no 500)`, async ({ request }) => {
      const actionId = await anActionId(request);
      const response = await request.post("/groepen/langeland-noord", {
        headers: { "next-action": actionId, accept: "text/x-component", "content-type": "text/plain;charset=UTF-8" },
        data: body,
        maxRedirects: 0,
      });
      expect(response.status()).toBeLessThan(500);
      expect(await response.text()).toContain('"status":"error"');
    });
  }
});

test.describe("a callbackUrl that does not lead to this site", () => {
  for (const path of ["/api/auth/signin", "/api/auth/signout", "/api/auth/session", "/api/auth/csrf", "/api/auth/providers"]) {
    test(`${path}?callbackUrl=javascript:… is not a 500`, async ({ request }) => {
      const response = await request.get(`${path}?callbackUrl=javascript:alert(1)`, { maxRedirects: 0 });
      expect(response.status()).toBeLessThan(500);
      expect(response.headers()["location"] ?? "").not.toContain("javascript:");
      expect(response.headers()["location"] ?? "").not.toContain("error=Configuration");
    });
  }

  test("a javascript: callback-url cookie does not break the session endpoint", async ({ request }) => {
    const response = await request.get("/api/auth/session", { headers: { cookie: "authjs.callback-url=javascript%3Aalert(1)" } });
    expect(response.status()).toBe(200);
  });

  for (const path of ["/inloggen?terug=javascript:alert(1)", "/inloggen?callbackUrl=javascript:alert(1)", "/uitloggen?callbackUrl=javascript:alert(1)"]) {
    test(`${path} shows the page`, async ({ request }) => {
      const response = await request.get(path);
      expect(response.status()).toBe(200);
      expect(await response.text()).not.toContain("javascript:alert(1)");
    });
  }

  test("/inloggen/verder?terug=javascript:… leads to the sign-in page, not there", async ({ request }) => {
    const response = await request.get("/inloggen/verder?terug=javascript:alert(1)", { maxRedirects: 0 });
    expect(response.status()).toBeGreaterThanOrEqual(300);
    expect(response.status()).toBeLessThan(400);
    expect(response.headers()["location"]).not.toContain("javascript:");
  });
});
