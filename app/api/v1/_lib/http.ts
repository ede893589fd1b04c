/**
 * What every public API route shares: the per-IP rate limit, JSON with an ETag and a
 * Cache-Control suited to the data, CORS open for GET, and errors as
 * `{"error":{"code","message"}}` with 400 / 404 / 429 (503 when the database is away).
 */
import "server-only";
import { createHash } from "node:crypto";
import { AppError, fromDatabaseError, isAppError } from "@/lib/errors";
import { getEnv } from "@/lib/env";
import type { ApiError, ApiErrorCode } from "@/lib/validation/public-api";
import { clientIp } from "@/lib/server/client-ip";
import { apiSecurityHeaders } from "@/lib/server/security";
import { consumeRateLimit, ipRateLimitKey, type RateLimitRule } from "@/lib/server/rate-limit";
import { logger } from "@/lib/server/logger";

/** How long clients and caches may keep an answer. */
export const CACHE = {
  /** Look-up by address: member addresses change when admins edit their lists. */
  lookup: "public, max-age=60, stale-while-revalidate=300",
  /** A group or wijk, and the list of wijken. */
  data: "public, max-age=300, stale-while-revalidate=3600",
  /** The OpenAPI document changes only with a new version of the application. */
  document: "public, max-age=3600",
  error: "no-store",
} as const;

export const CORS_HEADERS: Record<string, string> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
  "Access-Control-Allow-Headers": "If-None-Match, Accept",
  "Access-Control-Expose-Headers": "ETag, Cache-Control, Retry-After",
  "Access-Control-Max-Age": "86400",
};

let base: { appUrl: string; headers: Readonly<Record<string, string>> } | undefined;

/**
 * CORS and the security headers every answer of the API carries. proxy.ts does not run for a
 * plain GET of the API (see its matcher), so the answers carry them themselves. Put together
 * once per APP_URL.
 */
function baseHeaders(): Readonly<Record<string, string>> {
  const appUrl = getEnv().appUrl;
  if (base?.appUrl !== appUrl) base = { appUrl, headers: { ...CORS_HEADERS, ...apiSecurityHeaders(appUrl) } };
  return base.headers;
}

/** The answer to a CORS preflight request. */
export function preflight(): Response {
  return new Response(null, { status: 204, headers: { ...baseHeaders(), Allow: "GET, HEAD, OPTIONS" } });
}


let rule: RateLimitRule | undefined;

/** Per IP address, counted in this process's memory (see lib/server/rate-limit.ts). */
export function apiRateLimitRule(pointsPerMinute: number): RateLimitRule {
  // The same object for every request while the setting stays (no allocation per request).
  if (rule?.points === pointsPerMinute) return rule;
  return (rule = {
    name: "api",
    store: "memory",
    points: pointsPerMinute,
    durationSeconds: 60,
    message: "U heeft te veel verzoeken gedaan. Wacht een minuut en probeer het dan opnieuw.",
  });
}

export function errorResponse(
  status: number,
  code: ApiErrorCode,
  message: string,
  options: { fields?: Record<string, string>; retryAfter?: number; allow?: string } = {},
): Response {
  const body: ApiError = { error: { code, message, ...(options.fields ? { fields: options.fields } : {}) } };
  const headers: Record<string, string> = {
    ...baseHeaders(),
    "Content-Type": "application/json; charset=utf-8",
    "Cache-Control": CACHE.error,
  };
  if (options.retryAfter !== undefined) headers["Retry-After"] = String(Math.max(1, options.retryAfter));
  if (options.allow) headers.Allow = options.allow;
  return new Response(JSON.stringify(body), { status, headers });
}

/**
 * The answer to POST, PUT, PATCH and DELETE on any route of the API, which only reads: a JSON
 * 405 with `Allow`, CORS and the security headers (HSTS over HTTPS), like every other answer.
 * Without it Next.js answers 405 itself, with an empty body and without HSTS (proxy.ts does not
 * run for a request without a body; see its matcher). Each route exports it under those names.
 */
export function methodNotAllowed(): Response {
  return errorResponse(405, "method_not_allowed", "Deze API kan alleen gegevens geven. Gebruik GET.", { allow: "GET, HEAD, OPTIONS" });
}

function strongEtag(body: string): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
}

function matchesEtag(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  return header.split(",").some((candidate) => candidate.trim().replace(/^W\//, "") === etag);
}

/** The media type of GeoJSON answers (RFC 7946). */
export const GEOJSON = "application/geo+json; charset=utf-8";
const JSON_TYPE = "application/json; charset=utf-8";

export function jsonResponse(request: Request, data: unknown, cacheControl: string, contentType: string = JSON_TYPE): Response {
  const body = JSON.stringify(data);
  const etag = strongEtag(body);
  const headers: Record<string, string> = { ...baseHeaders(), "Cache-Control": cacheControl, ETag: etag };
  if (matchesEtag(request.headers.get("if-none-match"), etag)) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(body, { status: 200, headers: { ...headers, "Content-Type": contentType } });
}

const API_CODES = new Set<string>(["bad_request", "not_found", "rate_limited", "unavailable"]);

/** An AppError (or a database error) as the API's error answer; anything else is a logged 503. */
export function apiError(error: unknown, route: string): Response {
  const mapped = fromDatabaseError(error);
  if (isAppError(mapped) && API_CODES.has(mapped.code)) {
    return errorResponse(mapped.status, mapped.code as ApiErrorCode, mapped.message, {
      fields: mapped.fieldErrors,
      retryAfter: mapped.retryAfter,
    });
  }
  logger.error(`API ${route} failed`, error);
  const unavailable = new AppError("unavailable");
  return errorResponse(503, "unavailable", unavailable.message, { retryAfter: 30 });
}

/**
 * Runs one GET: the rate limit first, then `produce`; its result is sent as JSON with an ETag
 * (304 when the client has it already), its AppErrors as error answers.
 */
export async function handleGet(
  request: Request,
  route: string,
  cacheControl: string,
  produce: () => Promise<unknown>,
  contentType?: string,
): Promise<Response> {
  try {
    const env = getEnv();
    if (env.API_RATE_LIMIT_PER_MINUTE > 0) {
      await consumeRateLimit(apiRateLimitRule(env.API_RATE_LIMIT_PER_MINUTE), ipRateLimitKey(clientIp(request.headers, env.TRUSTED_PROXY_HOPS)));
    }
    return jsonResponse(request, await produce(), cacheControl, contentType);
  } catch (error) {
    return apiError(error, route);
  }
}

/** The first value of a query parameter, or undefined when it is missing. */
export function queryValue(url: URL, name: string): string | undefined {
  return url.searchParams.get(name) ?? undefined;
}

export const MUNICIPALITY_MESSAGE = "Vul een CBS-gemeentecode in zoals GM0542, of laat gemeente weg.";

/**
 * The optional `gemeente` parameter of GET /wijken and /wijkgrenzen: a CBS code in any case
 * (gm0542), answered as GM0542; undefined when absent; a 400 for anything else.
 */
export function municipalityCodeParam(url: URL): string | undefined {
  const raw = queryValue(url, "gemeente");
  if (raw === undefined) return undefined;
  const code = raw.trim().toUpperCase();
  if (!/^GM\d{4}$/.test(code)) throw new AppError("bad_request", MUNICIPALITY_MESSAGE, { fieldErrors: { gemeente: MUNICIPALITY_MESSAGE } });
  return code;
}
