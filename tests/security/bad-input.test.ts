/**
 * Bad input that Next.js or Auth.js would answer with a 500 gets a clear 4xx instead
 * (issue 18, point 7): a path whose percent-encoding does not decode, a body over 1 MB sent
 * without Content-Length, a callbackUrl that does not lead to this site. proxy() is called
 * directly here; e2e/bad-input.spec.ts sends the same requests to the built server.
 */
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { safeCallbackUrl, withSafeCallbackUrl } from "@/lib/auth/callback-url";
import { bodyStreamLongerThan, malformedActionArguments, malformedPath, MAX_REQUEST_BODY_BYTES } from "@/lib/server/security";
import { proxy } from "@/proxy";

const BASE = "http://localhost:3000";

/** A body that arrives in pieces and says nothing of its size (like Transfer-Encoding: chunked). */
function chunked(bytes: number, chunk = 64 * 1024): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      const size = Math.min(chunk, bytes - sent);
      sent += size;
      controller.enqueue(new Uint8Array(size).fill(97));
    },
  });
}

function post(path: string, body: ReadableStream<Uint8Array>, headers: Record<string, string> = {}): NextRequest {
  return new NextRequest(`${BASE}${path}`, { method: "POST", body, headers, duplex: "half" });
}

describe("a path with percent-encoding that does not decode", () => {
  it("is recognised: %ff (no UTF-8), %zz, a lone %", () => {
    for (const path of ["/groepen/%ff", "/api/v1/groepen/%FF", "/groepen/%zz", "/groepen/abc%", "/beheer/groepen/%c3%28"]) {
      expect(malformedPath(path), path).toBe(true);
    }
    for (const path of ["/groepen/krimpen-oost", "/groepen/caf%C3%A9", "/zoeken", "/groepen/%25ff"]) {
      expect(malformedPath(path), path).toBe(false);
    }
  });

  it("gets 400 with a JSON error under /api", async () => {
    const response = await proxy(new NextRequest(`${BASE}/api/v1/groepen/%ff`));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: { code: "bad_request", message: expect.stringMatching(/webadres/) } });
    expect(response.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  it("gets 400 with a Dutch text on every dynamic page", async () => {
    for (const path of ["/groepen/%ff", "/wijken/%ff", "/mijn-groepen/%ff", "/uitnodiging/%ff", "/beheer/borden/%ff", "/beheer/groepen/%ff", "/wijkagent/groepen/%ff", "/dev/mailbox/%ff"]) {
      const response = await proxy(new NextRequest(`${BASE}${path}`));
      expect(response.status, path).toBe(400);
      expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
      expect(await response.text()).toMatch(/Dit webadres klopt niet/);
      expect(response.headers.get("x-frame-options")).toBe("DENY");
    }
  });

  it("still lets a correctly encoded path through", async () => {
    const response = await proxy(new NextRequest(`${BASE}/groepen/caf%C3%A9`));
    expect(response.headers.get("x-middleware-next")).toBe("1");
  });
});

describe("a body sent without Content-Length", () => {
  it("is measured while it is read, and reading stops just past the limit", async () => {
    expect(await bodyStreamLongerThan(chunked(MAX_REQUEST_BODY_BYTES))).toBe(false);
    expect(await bodyStreamLongerThan(chunked(MAX_REQUEST_BODY_BYTES + 1))).toBe(true);
    expect(await bodyStreamLongerThan(null)).toBe(false);

    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(64 * 1024));
      },
    });
    expect(await bodyStreamLongerThan(endless)).toBe(true);
    expect(pulled).toBeLessThanOrEqual(MAX_REQUEST_BODY_BYTES / (64 * 1024) + 2);
  });

  it("counts as not too large when the stream fails (the client went away)", async () => {
    const failing = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.error(new Error("aborted"));
      },
    });
    expect(await bodyStreamLongerThan(failing)).toBe(false);
  });

  it("over 1 MB gets 413 for a server action (Next-Action) and under /api", async () => {
    const action = await proxy(post("/inloggen", chunked(2 * 1024 * 1024), { "next-action": "00ab" }));
    expect(action.status).toBe(413);
    expect(await action.text()).toMatch(/te groot/);
    const api = await proxy(post("/api/auth/signout", chunked(2 * 1024 * 1024)));
    expect(api.status).toBe(413);
    expect(await api.json()).toEqual({ error: { code: "too_large", message: expect.any(String) } });
  });

  it("the geography import's upload route has a limit of its own (8 MB): 2 MB goes on there but nowhere else, over 8 MB gets 413", async () => {
    const upload = await proxy(post("/beheer/wijken/import/bestand", chunked(2 * 1024 * 1024)));
    expect(upload.headers.get("x-middleware-next")).toBe("1");
    const declared = await proxy(
      new NextRequest(`${BASE}/beheer/wijken/import/bestand`, { method: "POST", body: "x", headers: { "content-length": String(8 * 1024 * 1024 + 1) } }),
    );
    expect(declared.status).toBe(413);
    const tooLarge = await proxy(post("/beheer/wijken/import/bestand", chunked(8 * 1024 * 1024 + 1)));
    expect(tooLarge.status).toBe(413);
    // The same 2 MB anywhere else (a sibling path too) is refused.
    expect((await proxy(post("/beheer/wijken/import", chunked(2 * 1024 * 1024)))).status).toBe(413);
    expect((await proxy(post("/beheer/wijken/import/bestand/x", chunked(2 * 1024 * 1024)))).status).toBe(413);
  });

  it("of 1 MB or less goes on, with the nonce and CSP as always", async () => {
    const list = new TextEncoder().encode(`["${"a".repeat(1000)}"]`);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(list);
        controller.close();
      },
    });
    const response = await proxy(post("/inloggen", body, { "next-action": "00ab" }));
    expect(response.headers.get("x-middleware-next")).toBe("1");
    expect(response.headers.get("x-middleware-request-x-nonce")).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });

  it("is still checked for forgery first", async () => {
    const response = await proxy(post("/inloggen", chunked(2 * 1024 * 1024), { origin: "https://evil.example" }));
    expect(response.status).toBe(403);
  });
});

describe("a server action call (Next-Action) whose body is not a list of arguments", () => {
  const call = (body: BodyInit, headers: Record<string, string> = { "content-type": "text/plain;charset=UTF-8" }) =>
    new NextRequest(`${BASE}/groepen/langeland-noord`, { method: "POST", body, headers: { "next-action": "00ab", ...headers } });
  const multipart = (fields: Record<string, string>) => {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) form.append(key, value);
    return form;
  };

  it("gets 400 with a Dutch text: a string, a number, an object, null, no JSON, nothing", async () => {
    for (const body of ['"x"', "1", "true", "{}", '{"0":1}', "null", "[1,2", "a=b", ""]) {
      const response = await proxy(call(body));
      expect(response.status, body).toBe(400);
      expect(await response.text()).toMatch(/Dit verzoek klopt niet/);
    }
  });

  it("gets 400 when sent as multipart with a root that is no list, or without a root", async () => {
    const cases: Array<Record<string, string>> = [{ "0": '"x"' }, { "0": "{}" }, { "0": "kapot" }, { _1_email: "a@b.example" }];
    for (const fields of cases) {
      const response = await proxy(call(multipart(fields), {}));
      expect(response.status, JSON.stringify(fields)).toBe(400);
    }
  });

  it("goes on with a list, as React sends it (the action itself refuses odd arguments)", async () => {
    for (const body of ["[]", "[1,2]", '[{"groupId":"x","email":"a@b.example"}]', '["$K1"]']) {
      const response = await proxy(call(body));
      expect(response.headers.get("x-middleware-next"), body).toBe("1");
    }
    const form = await proxy(call(multipart({ _1_email: "a@b.example", "0": '[{"status":"idle"},"$K1"]' }), {}));
    expect(form.headers.get("x-middleware-next")).toBe("1");
  });

  it("is not checked without a Next-Action header (a form posted without JavaScript) or on a GET", async () => {
    const form = await proxy(new NextRequest(`${BASE}/groepen/langeland-noord`, { method: "POST", body: '"x"', headers: { "content-type": "text/plain" } }));
    expect(form.headers.get("x-middleware-next")).toBe("1");
    expect(await malformedActionArguments(new Request(`${BASE}/`, { method: "POST", body: "[]" }))).toBe(false);
  });

  it("sent chunked is still measured first (413 over 1 MB), then checked", async () => {
    const tooLarge = await proxy(post("/groepen/langeland-noord", chunked(2 * 1024 * 1024), { "next-action": "00ab" }));
    expect(tooLarge.status).toBe(413);
    const text = new TextEncoder().encode('"x"');
    const small = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(text);
        controller.close();
      },
    });
    expect((await proxy(post("/groepen/langeland-noord", small, { "next-action": "00ab" }))).status).toBe(400);
  });
});

describe("Auth.js's callbackUrl", () => {
  const ORIGIN = "http://localhost:3000";

  it("is kept when it is a path or an address of this site", () => {
    expect(safeCallbackUrl("/inloggen/verder?terug=%2Fmijn-groepen", ORIGIN)).toBe("/inloggen/verder?terug=%2Fmijn-groepen");
    expect(safeCallbackUrl(`${ORIGIN}/mijn-groepen`, ORIGIN)).toBe(`${ORIGIN}/mijn-groepen`);
  });

  it("is refused when it leads elsewhere or is no address at all", () => {
    for (const value of ["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,x", "https://evil.example/", "//evil.example", "/\\evil.example", "elders", "", `${ORIGIN}.evil.example/`]) {
      expect(safeCallbackUrl(value, ORIGIN), value).toBeNull();
    }
  });

  const make = (url: string, init: RequestInit) => new Request(url, init);

  it("in the query becomes the start page; a good one leaves the request as it was", async () => {
    const bad = new Request(`${ORIGIN}/api/auth/signin?callbackUrl=javascript:alert(1)`);
    const fixed = await withSafeCallbackUrl(bad, make);
    expect(new URL(fixed.url).searchParams.get("callbackUrl")).toBe("/");
    const good = new Request(`${ORIGIN}/api/auth/signin?callbackUrl=%2Fmijn-groepen`);
    expect(await withSafeCallbackUrl(good, make)).toBe(good);
  });

  it("in Auth.js's cookie is dropped; other cookies and the body stay", async () => {
    const request = new Request(`${ORIGIN}/api/auth/signout`, {
      method: "POST",
      headers: {
        cookie: "authjs.csrf-token=abc; authjs.callback-url=javascript%3Aalert(1); __Secure-authjs.callback-url=https%3A%2F%2Fevil.example",
        "content-type": "application/x-www-form-urlencoded",
      },
      body: "csrfToken=abc",
    });
    const fixed = await withSafeCallbackUrl(request, make);
    expect(fixed.headers.get("cookie")).toBe("authjs.csrf-token=abc");
    expect(await fixed.text()).toBe("csrfToken=abc");
    expect(fixed.method).toBe("POST");

    const own = new Request(`${ORIGIN}/api/auth/session`, { headers: { cookie: `authjs.callback-url=${encodeURIComponent(`${ORIGIN}/`)}` } });
    expect(await withSafeCallbackUrl(own, make)).toBe(own);
  });
});
