/**
 * The header values themselves (proxy.ts and next.config.ts only pass them on; the browser
 * test e2e/security.spec.ts and the HTTP test tests/security/http.test.ts check they arrive).
 */
import { describe, expect, it } from "vitest";
import nextConfig from "@/next.config";
import {
  API_CSP,
  bodyTooLarge,
  checkRequestOrigin,
  apiSecurityHeaders,
  contentSecurityPolicy,
  contentSecurityPolicyFor,
  createNonce,
  HSTS_VALUE,
  MAX_REQUEST_BODY_BYTES,
  MAX_PHOTO_UPLOAD_BODY_BYTES,
  maxBodyBytesFor,
  responseSecurityHeaders,
  servedOverHttps,
  STATIC_SECURITY_HEADERS,
} from "@/lib/server/security";

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(";").map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name, values] as [string, string[]];
    }),
  );
}

describe("the Content-Security-Policy of a page", () => {
  const nonce = createNonce();
  const csp = directives(contentSecurityPolicy(nonce));

  it("runs scripts only with this request's nonce: no 'unsafe-inline', no 'unsafe-eval'", () => {
    expect(csp.get("script-src")).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
    expect(contentSecurityPolicy(nonce)).not.toContain("unsafe-inline");
    expect(contentSecurityPolicy(nonce)).not.toContain("unsafe-eval");
  });

  it("allows styles only from the site or with the nonce", () => {
    expect(csp.get("style-src")).toEqual(["'self'", `'nonce-${nonce}'`]);
  });

  it("forbids framing, plugins, foreign forms and a foreign <base>", () => {
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(csp.get("default-src")).toEqual(["'self'"]);
  });

  it("adds 'unsafe-eval' only for next dev, and upgrade-insecure-requests only over HTTPS", () => {
    expect(directives(contentSecurityPolicy(nonce, { development: true })).get("script-src")).toContain("'unsafe-eval'");
    expect(csp.has("upgrade-insecure-requests")).toBe(false);
    expect(directives(contentSecurityPolicy(nonce, { https: true })).has("upgrade-insecure-requests")).toBe(true);
  });

  it("allows images from the site only, plus the background map's origin when MAP_TILES_URL is set", () => {
    expect(csp.get("img-src")).toEqual(["'self'", "data:", "blob:"]);
    const withTiles = directives(contentSecurityPolicy(nonce, { mapTilesOrigin: "https://service.pdok.nl" }));
    expect(withTiles.get("img-src")).toEqual(["'self'", "data:", "blob:", "https://service.pdok.nl"]);
    expect(withTiles.get("connect-src")).toEqual(["'self'"]);
  });

  it("gets a new, unguessable nonce for every request", () => {
    const nonces = new Set(Array.from({ length: 1000 }, () => createNonce()));
    expect(nonces.size).toBe(1000);
    for (const n of nonces) expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });

  it("lets JSON answers load nothing and be framed by nobody", () => {
    expect(API_CSP).toBe("default-src 'none'; frame-ancestors 'none'");
  });
});

describe("the fixed headers", () => {
  it("are nosniff, strict-origin-when-cross-origin, no camera/microphone/geolocation, no framing", () => {
    expect(STATIC_SECURITY_HEADERS["X-Content-Type-Options"]).toBe("nosniff");
    expect(STATIC_SECURITY_HEADERS["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(STATIC_SECURITY_HEADERS["X-Frame-Options"]).toBe("DENY");
    const permissions = STATIC_SECURITY_HEADERS["Permissions-Policy"].split(", ");
    for (const feature of ["camera=()", "microphone=()", "geolocation=()"]) expect(permissions).toContain(feature);
  });

  it("are set by next.config.ts on every path, static files and /api included", async () => {
    const rules = await nextConfig.headers!();
    expect(rules).toHaveLength(2);
    expect(rules[0].source).toBe("/:path*");
    expect(Object.fromEntries(rules[0].headers.map((h) => [h.key, h.value]))).toEqual(STATIC_SECURITY_HEADERS);
    // Issue 23: the API's fixed policy also on the /api answers proxy.ts skips.
    expect(rules[1].source).toBe("/api/:path*");
    expect(Object.fromEntries(rules[1].headers.map((h) => [h.key, h.value]))).toEqual({ "Content-Security-Policy": API_CSP });
  });

  it("the page policy put together once gives the same text as the one per request (issue 23)", () => {
    for (const options of [{}, { https: true }, { development: true, mapTilesOrigin: "https://tiles.example" }]) {
      expect(contentSecurityPolicyFor(options)("abc123==")).toBe(contentSecurityPolicy("abc123==", options));
    }
    expect(apiSecurityHeaders("https://x.example")).toEqual({ "Content-Security-Policy": API_CSP, "Strict-Transport-Security": HSTS_VALUE });
    expect(apiSecurityHeaders("http://localhost:3000")).toEqual({ "Content-Security-Policy": API_CSP });
  });

  it("include HSTS only when APP_URL is https", () => {
    expect(servedOverHttps("https://buurtpreventie.krimpen.nl")).toBe(true);
    expect(servedOverHttps("http://localhost:3000")).toBe(false);
    expect(responseSecurityHeaders({ csp: "x", https: true })["Strict-Transport-Security"]).toBe(HSTS_VALUE);
    expect(responseSecurityHeaders({ csp: "x", https: false })).not.toHaveProperty("Strict-Transport-Security");
    expect(HSTS_VALUE).toMatch(/^max-age=31536000/);
  });
});

describe("the request-forgery rule", () => {
  const APP = "https://buurtpreventie.krimpen.nl";
  const check = (method: string, values: Record<string, string>) =>
    checkRequestOrigin(method, new Headers({ host: "buurtpreventie.krimpen.nl", ...values }), APP).allowed;

  it("lets GET, HEAD and OPTIONS through whatever their origin", () => {
    for (const method of ["GET", "HEAD", "OPTIONS", "get"]) expect(check(method, { origin: "https://evil.example" })).toBe(true);
  });

  const refused: [string, Record<string, string>][] = [
    ["Origin of another site", { origin: "https://evil.example" }],
    ["Origin that only starts like ours", { origin: "https://buurtpreventie.krimpen.nl.evil.example" }],
    ["Origin on another port", { origin: "https://buurtpreventie.krimpen.nl:8443" }],
    ["Origin: null", { origin: "null" }],
    ["empty Origin", { origin: "" }],
    ["Origin that is no web address", { origin: "file://" }],
    ["missing Origin, Referer of another site", { referer: "https://evil.example/form.html" }],
    ["missing Origin, Referer that is no web address", { referer: "javascript:alert(1)" }],
    ["our Origin but Sec-Fetch-Site: cross-site", { origin: APP, "sec-fetch-site": "cross-site" }],
  ];
  for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
    for (const [what, values] of refused) {
      it(`refuses ${method} with ${what}`, () => expect(check(method, values)).toBe(false));
    }
  }

  it("lets our own site through: its Origin, its Referer, or the Host the browser addressed", () => {
    expect(check("POST", { origin: APP })).toBe(true);
    expect(check("POST", { referer: `${APP}/groepen/x` })).toBe(true);
    expect(check("POST", { origin: APP, "sec-fetch-site": "same-origin" })).toBe(true);
    const local = new Headers({ host: "localhost:3101", origin: "http://localhost:3101" });
    expect(checkRequestOrigin("POST", local, APP).allowed).toBe(true);
  });

  it("lets a request without Origin and Referer through (not a browser; browsers send Origin on a cross-site POST)", () => {
    expect(check("POST", {})).toBe(true);
  });
});

describe("the body size limit", () => {
  it("refuses a declared body over 1 MB, and a Content-Length that is not a number", () => {
    expect(MAX_REQUEST_BODY_BYTES).toBe(1024 * 1024);
    expect(bodyTooLarge(new Headers({ "content-length": String(1024 * 1024) }))).toBe(false);
    expect(bodyTooLarge(new Headers({ "content-length": String(1024 * 1024 + 1) }))).toBe(true);
    expect(bodyTooLarge(new Headers({ "content-length": "veel" }))).toBe(true);
    expect(bodyTooLarge(new Headers())).toBe(false);
  });

  it("allows more only on the photo upload of a placed bord (5 MB photo plus the form), nowhere else", () => {
    const id = "3f1c2a9e-1b2c-4d5e-8f90-123456789abc";
    expect(maxBodyBytesFor(`/beheer/geplaatste-borden/${id}/foto`)).toBe(MAX_PHOTO_UPLOAD_BODY_BYTES);
    expect(MAX_PHOTO_UPLOAD_BODY_BYTES).toBeLessThan(6 * 1024 * 1024);
    for (const path of [`/beheer/geplaatste-borden/${id}`, `/beheer/geplaatste-borden/${id}/foto/x`, "/beheer/geplaatste-borden/x/foto", `/x/beheer/geplaatste-borden/${id}/foto`, "/mijn-groepen", "/api/v1/groepen"]) {
      expect(maxBodyBytesFor(path), path).toBe(MAX_REQUEST_BODY_BYTES);
    }
    const limit = maxBodyBytesFor(`/beheer/geplaatste-borden/${id}/foto`);
    expect(bodyTooLarge(new Headers({ "content-length": String(5 * 1024 * 1024) }), limit)).toBe(false);
    expect(bodyTooLarge(new Headers({ "content-length": String(limit + 1) }), limit)).toBe(true);
  });
});
