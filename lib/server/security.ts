/**
 * The HTTP security rules of the site, as pure functions so that proxy.ts, next.config.ts and
 * the tests share one definition (docs/security.md explains them):
 *
 * - a Content-Security-Policy with a fresh nonce per request (scripts only with that nonce),
 * - the fixed headers every response gets (nosniff, referrer policy, permissions policy,
 *   no framing), plus HSTS when the site is served over HTTPS,
 * - the request-forgery rule: a request that changes something (not GET/HEAD/OPTIONS) from
 *   another site is refused.
 *
 * No "server-only" import: next.config.ts loads this file outside the Next.js bundler.
 */

/** Requests that cannot change anything; everything else must come from our own site. */
export const SAFE_METHODS: ReadonlySet<string> = new Set(["GET", "HEAD", "OPTIONS"]);

/** One year, with subdomains: the value browsers' preload lists ask for. */
export const HSTS_VALUE = "max-age=31536000; includeSubDomains";

/**
 * Features no page of the site uses. The address look-up works from typed postcodes, so
 * geolocation stays off too.
 */
export const PERMISSIONS_POLICY = [
  "camera=()",
  "microphone=()",
  "geolocation=()",
  "payment=()",
  "usb=()",
  "serial=()",
  "bluetooth=()",
  "magnetometer=()",
  "gyroscope=()",
  "accelerometer=()",
  "browsing-topics=()",
].join(", ");

/** Headers that are the same for every response (pages, API, files). */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": PERMISSIONS_POLICY,
  // For browsers without CSP frame-ancestors; the CSP says the same.
  "X-Frame-Options": "DENY",
};

/** A new nonce: 16 random bytes, base64 (what CSP's nonce-source allows). */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export interface CspOptions {
  /** `next dev` needs eval for its fast refresh; never in a production build. */
  development?: boolean;
  /** Served over HTTPS: ask browsers to upgrade http: sub-resources. */
  https?: boolean;
  /** Origin of the background map tiles (MAP_TILES_URL), allowed as an image source. */
  mapTilesOrigin?: string;
}

/**
 * The Content-Security-Policy of a page. Scripts only with the request's nonce ('strict-dynamic'
 * lets the scripts Next.js loads itself run); stylesheets only from our own origin or with the
 * nonce; no inline style attributes, no plugins, no framing, forms only to our own origin.
 */
export function contentSecurityPolicy(nonce: string, options: CspOptions = {}): string {
  return cspDirectives(nonce, options).join("; ");
}

/**
 * The same policy as contentSecurityPolicy, with everything but the nonce put together once:
 * proxy.ts calls the returned function per request (no per-request work that can be
 * done once).
 */
export function contentSecurityPolicyFor(options: CspOptions = {}): (nonce: string) => string {
  const marker = "\u0000nonce\u0000";
  const [before, between, after] = contentSecurityPolicy(marker, options).split(marker);
  return (nonce) => before + nonce + between + nonce + after;
}

function cspDirectives(nonce: string, options: CspOptions): string[] {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    `img-src 'self' data: blob:${options.mapTilesOrigin ? ` ${options.mapTilesOrigin}` : ""}`,
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "worker-src 'self'",
    "manifest-src 'self'",
  ];
  if (options.https) directives.push("upgrade-insecure-requests");
  return directives;
}

/** The policy of JSON and other non-HTML answers: nothing may load, nobody may frame them. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/**
 * The security headers of a JSON answer that proxy.ts did not see (it skips plain GETs
 * of /api/v1 and /api/health): the API's fixed policy, and HSTS over HTTPS. next.config.ts sets
 * the policy on every /api answer too (Next.js's own 404 and 405), the route handlers add these.
 */
export function apiSecurityHeaders(appUrl: string): Readonly<Record<string, string>> {
  return servedOverHttps(appUrl) ? API_HEADERS_HTTPS : API_HEADERS;
}
const API_HEADERS: Readonly<Record<string, string>> = { "Content-Security-Policy": API_CSP };
const API_HEADERS_HTTPS: Readonly<Record<string, string>> = { ...API_HEADERS, "Strict-Transport-Security": HSTS_VALUE };

/** Whether the site is served over HTTPS (APP_URL starts with https:). */
export function servedOverHttps(appUrl: string): boolean {
  return appUrl.toLowerCase().startsWith("https:");
}

/** The headers proxy.ts adds to a response (besides the fixed ones of next.config.ts). */
export function responseSecurityHeaders(options: { csp: string; https: boolean }): Record<string, string> {
  const headers: Record<string, string> = { "Content-Security-Policy": options.csp };
  if (options.https) headers["Strict-Transport-Security"] = HSTS_VALUE;
  return headers;
}

export type ForgeryVerdict = { allowed: true } | { allowed: false; reason: string };

type HeaderSource = Pick<Headers, "get">;

function hostOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return undefined;
    return parsed.host.toLowerCase();
  } catch {
    return undefined;
  }
}

/**
 * The hosts that count as our own site: the host of APP_URL and the Host the browser addressed
 * (a browser sets Host itself; a page on another site cannot change it).
 */
export function ownHosts(headers: HeaderSource, appUrl: string): Set<string> {
  const hosts = new Set<string>();
  const fromAppUrl = hostOf(appUrl);
  if (fromAppUrl) hosts.add(fromAppUrl);
  const host = headers.get("host")?.trim().toLowerCase();
  if (host) hosts.add(host);
  return hosts;
}

/**
 * Whether a request may go on, as far as request forgery goes. GET/HEAD/OPTIONS always may
 * (they change nothing). Any other method is refused when:
 * - `Origin` is "null" (sandboxed frames, data: URLs, some redirects) or not a web address,
 * - `Origin` names another host than our own,
 * - `Origin` is missing and `Referer` names another host (or is not a web address),
 * - the browser says the request is cross-site (`Sec-Fetch-Site: cross-site`).
 * Without Origin and Referer (scripts, curl) the request may go on: a browser always sends
 * Origin with a cross-site POST, so forgery from a web page cannot take that path.
 */
export function checkRequestOrigin(method: string, headers: HeaderSource, appUrl: string): ForgeryVerdict {
  if (SAFE_METHODS.has(method.toUpperCase())) return { allowed: true };
  const own = ownHosts(headers, appUrl);
  if (headers.get("sec-fetch-site")?.trim().toLowerCase() === "cross-site") {
    return { allowed: false, reason: "Sec-Fetch-Site: cross-site" };
  }
  const origin = headers.get("origin");
  if (origin !== null) {
    const trimmed = origin.trim();
    if (trimmed === "" || trimmed.toLowerCase() === "null") return { allowed: false, reason: "Origin: null" };
    const host = hostOf(trimmed);
    if (!host) return { allowed: false, reason: "Origin is not a web address" };
    if (!own.has(host)) return { allowed: false, reason: `Origin ${host} is another site` };
    return { allowed: true };
  }
  const referer = headers.get("referer");
  if (referer !== null && referer.trim() !== "") {
    const host = hostOf(referer.trim());
    if (!host) return { allowed: false, reason: "Referer is not a web address" };
    if (!own.has(host)) return { allowed: false, reason: `Referer ${host} is another site` };
  }
  return { allowed: true };
}

/**
 * The largest request body accepted: Next.js's own limit for server actions (1 MB, the
 * default of experimental.serverActions.bodySizeLimit, which this project keeps). Next.js
 * answers a larger action with a 500; proxy.ts refuses it first, with 413: by its
 * Content-Length, or, for a body sent without one (chunked), by reading it up to the limit.
 */
export const MAX_REQUEST_BODY_BYTES = 1024 * 1024;

/**
 * The larger bodies, each for one route handler (not a server action, so Next.js's action limit
 * does not apply) that checks the session and the permission before it reads the body:
 * - the photo of a placed bord, at most 5 MB (MAX_PHOTO_BYTES) plus the multipart
 *   envelope;
 * - the geography import (/beheer/wijken/import/bestand): a CSV file of up to 8 MB as sent (the
 *   browser gzips it first, so a postcode table of several hundred thousand lines fits). It
 *   stays under the 10 MB that Next.js buffers of a body for proxy.ts
 *   (experimental.proxyClientMaxBodySize); the route unpacks at most 200 MB.
 */
export const MAX_PHOTO_UPLOAD_BODY_BYTES = 5 * 1024 * 1024 + 64 * 1024;
const PHOTO_UPLOAD_PATH = /^\/beheer\/geplaatste-borden\/[0-9a-fA-F-]{36}\/foto$/;
export const GEO_IMPORT_PATH = "/beheer/wijken/import/bestand";
export const MAX_GEO_IMPORT_BODY_BYTES = 8 * 1024 * 1024;

/** The largest body accepted for a path. */
export function maxBodyBytesFor(pathname: string): number {
  if (pathname === GEO_IMPORT_PATH) return MAX_GEO_IMPORT_BODY_BYTES;
  return PHOTO_UPLOAD_PATH.test(pathname) ? MAX_PHOTO_UPLOAD_BODY_BYTES : MAX_REQUEST_BODY_BYTES;
}

/** Whether the declared body (Content-Length) is larger than `limit` (MAX_REQUEST_BODY_BYTES unless said). */
export function bodyTooLarge(headers: HeaderSource, limit: number = MAX_REQUEST_BODY_BYTES): boolean {
  const declared = headers.get("content-length");
  if (declared === null) return false;
  const size = Number(declared.trim());
  return !Number.isFinite(size) || size > limit;
}

/**
 * Whether a body whose size was not declared (no Content-Length: `Transfer-Encoding: chunked`)
 * is larger than `limit`: it reads the stream and stops at the first byte over the limit.
 * Next.js does enforce its 1 MB limit on an action body while reading it, but answers with a
 * 500; proxy.ts uses this to answer 413 first. In proxy.ts the body is Next.js's copy of the
 * request body (the route gets its own), so reading it here takes nothing from the route.
 * A stream that fails (the client went away) counts as not too large: Next.js deals with it.
 */
export async function bodyStreamLongerThan(
  body: ReadableStream<Uint8Array> | null,
  limit: number = MAX_REQUEST_BODY_BYTES,
): Promise<boolean> {
  return (await readBodyUpTo(body, limit)).tooLarge;
}

/**
 * Reads a body up to `limit` bytes: `tooLarge` when it is longer (reading stops at the first
 * byte over), else its bytes; `bytes` is null when the stream failed (the client went away).
 */
export async function readBodyUpTo(
  body: ReadableStream<Uint8Array> | null,
  limit: number = MAX_REQUEST_BODY_BYTES,
): Promise<{ tooLarge: boolean; bytes: Uint8Array | null }> {
  if (!body) return { tooLarge: false, bytes: new Uint8Array(0) };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => undefined);
        return { tooLarge: true, bytes: null };
      }
      chunks.push(value);
    }
  } catch {
    return { tooLarge: false, bytes: null };
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { tooLarge: false, bytes };
}

/**
 * Whether a path holds percent-encoding that does not decode to UTF-8 (`/groepen/%ff`,
 * `/groepen/%zz`, a lone `%`). Next.js fails on those with a 500 when it decodes a dynamic
 * segment; proxy.ts answers 400 first.
 */
export function malformedPath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

export const BAD_PATH_MESSAGE =
  "Dit webadres klopt niet: er staan tekens in die niet goed zijn gecodeerd. Controleer het adres en probeer het opnieuw.";

export const TOO_LARGE_MESSAGE = "Wat u verstuurt is te groot. Maak het korter en probeer het opnieuw.";

/** What a refused request gets: JSON for the API, plain Dutch text for everything else. */
export const FORGERY_MESSAGE =
  "Dit verzoek komt niet van deze website en is daarom geweigerd. Ga naar de website zelf en probeer het daar opnieuw.";

export const BAD_ACTION_MESSAGE = "Dit verzoek klopt niet. Laad de pagina opnieuw en probeer het nog eens.";

/**
 * Whether a server action call (a POST with a Next-Action header) carries something other
 * than a list of arguments. Next.js decodes the body (text: JSON; multipart: the field "0")
 * and calls `action.apply(null, decoded)`: a decoded "x", 1 or true makes that a TypeError,
 * answered with a 500, and {} or null calls the action with nothing. React's own client
 * always sends a list, so proxy.ts answers anything else with 400. `[]` and `[1,2]` are lists
 * and go on: every action refuses arguments it does not expect itself
 * (tests/security/action-arguments.test.ts). A body that cannot be read counts as a list:
 * Next.js deals with it.
 */
export async function malformedActionArguments(request: Request): Promise<boolean> {
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  let root: unknown;
  try {
    if (type.startsWith("multipart/form-data")) {
      const form = await request.formData();
      root = form.get("0");
      if (typeof root !== "string") return true;
    } else {
      root = await request.text();
    }
  } catch {
    return type.startsWith("multipart/form-data");
  }
  try {
    return !Array.isArray(JSON.parse(root as string));
  } catch {
    return true;
  }
}
