/**
 * Runs before every request (Next.js 16's successor to middleware.ts):
 *
 * 1. Request forgery: a request that changes something (not GET/HEAD/OPTIONS) from another site
 *    is refused with 403 (JSON under /api, a Dutch text elsewhere). Server actions are checked
 *    again by Next.js itself.
 *    A body over 1 MB gets 413 before Next.js reads it: by its Content-Length, or, sent without
 *    one (chunked), by reading Next.js's copy of it up to the limit. The two upload routes (the
 *    geography import, 8 MB; a placed bord's photo, 5 MB) have a limit of their own
 *    (lib/server/security.ts maxBodyBytesFor).
 * 2. Bad input Next.js would answer with a 500: a path with percent-encoding that does not
 *    decode (`/groepen/%ff`) gets 400, and so does a server action call (Next-Action) whose
 *    body is not a list of arguments (`"x"`, `{}`).
 * 3. Client address: without trusted proxies (TRUSTED_PROXY_HOPS=0) the X-Forwarded-For and
 *    X-Real-IP a client sent are removed, so that Next.js fills in the connection's address.
 * 4. Content-Security-Policy with a fresh nonce, passed on to the render in the request headers
 *    (Next.js reads it there and puts it on its own scripts), plus HSTS over HTTPS.
 *
 * This is a first line only: authorisation happens in lib/data, never here.
 */
import { NextResponse, type NextRequest } from "next/server";
import { getEnv } from "@/lib/env";
import { CLIENT_IP_HEADERS } from "@/lib/server/client-ip";
import type { Env } from "@/lib/env";
import type { ApiErrorCode } from "@/lib/validation/public-api";
import {
  API_CSP,
  BAD_ACTION_MESSAGE,
  BAD_PATH_MESSAGE,
  bodyTooLarge,
  checkRequestOrigin,
  contentSecurityPolicyFor,
  createNonce,
  FORGERY_MESSAGE,
  malformedActionArguments,
  malformedPath,
  maxBodyBytesFor,
  readBodyUpTo,
  responseSecurityHeaders,
  SAFE_METHODS,
  servedOverHttps,
  HSTS_VALUE,
  STATIC_SECURITY_HEADERS,
  TOO_LARGE_MESSAGE,
} from "@/lib/server/security";

function isApi(pathname: string): boolean {
  return pathname === "/api" || pathname.startsWith("/api/");
}

function refuse(
  request: NextRequest,
  refusal: { status: 400 | 403 | 413; code: ApiErrorCode; message: string },
  csp: string,
  https: boolean,
): NextResponse {
  const headers = { ...STATIC_SECURITY_HEADERS, ...responseSecurityHeaders({ csp, https }), "Cache-Control": "no-store" };
  if (isApi(request.nextUrl.pathname)) {
    return NextResponse.json({ error: { code: refusal.code, message: refusal.message } }, { status: refusal.status, headers });
  }
  return new NextResponse(refusal.message, {
    status: refusal.status,
    headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" },
  });
}

const TOO_LARGE = { status: 413, code: "too_large", message: TOO_LARGE_MESSAGE } as const;
const BAD_ACTION = { status: 400, code: "bad_request", message: BAD_ACTION_MESSAGE } as const;

/** What the settings decide, worked out once per settings object (not per request). */
interface Settings {
  env: Env;
  https: boolean;
  policy: (nonce: string) => string;
  /** The response headers of an API answer (fixed policy, HSTS over HTTPS). */
  apiHeaders: Array<[string, string]>;
}
let settings: Settings | undefined;

function settingsOf(env: Env): Settings {
  if (settings?.env === env) return settings;
  const https = servedOverHttps(env.appUrl);
  settings = {
    env,
    https,
    policy: contentSecurityPolicyFor({
      development: env.NODE_ENV === "development",
      https,
      mapTilesOrigin: env.MAP_TILES_URL ? new URL(env.MAP_TILES_URL.replace(/[{}]/g, "")).origin : undefined,
    }),
    apiHeaders: Object.entries(responseSecurityHeaders({ csp: API_CSP, https })),
  };
  return settings;
}

export function proxy(request: NextRequest): NextResponse | Promise<NextResponse> {
  const env = getEnv();
  const { https, policy } = settingsOf(env);
  const api = isApi(request.nextUrl.pathname);
  // JSON answers need no nonce: their policy is fixed (API_CSP).
  const nonce = api ? "" : createNonce();
  const csp = api ? API_CSP : policy(nonce);
  const passOn: PassOn = { api, nonce, csp, https, trustedProxyHops: env.TRUSTED_PROXY_HOPS };

  const verdict = checkRequestOrigin(request.method, request.headers, env.appUrl);
  if (!verdict.allowed) return refuse(request, { status: 403, code: "forbidden", message: FORGERY_MESSAGE }, csp, https);
  if (malformedPath(request.nextUrl.pathname)) {
    return refuse(request, { status: 400, code: "bad_request", message: BAD_PATH_MESSAGE }, csp, https);
  }
  if (!SAFE_METHODS.has(request.method)) {
    const limit = maxBodyBytesFor(request.nextUrl.pathname);
    if (bodyTooLarge(request.headers, limit)) return refuse(request, TOO_LARGE, csp, https);
    // No Content-Length (chunked): only the body itself tells its size. Rare (browsers and
    // Next.js's own client always send the length), so only these requests wait for it.
    const chunked = !request.headers.has("content-length") && request.body !== null;
    // A server action call must carry a list of arguments (see malformedActionArguments).
    const actionCall = request.headers.has("next-action") && request.body !== null;
    if (chunked) {
      return readBodyUpTo(request.body, limit).then(async ({ tooLarge, bytes }) => {
        if (tooLarge) return refuse(request, TOO_LARGE, csp, https);
        if (actionCall && bytes) {
          const copy = new Request(request.url, { method: request.method, headers: request.headers, body: bytes as Uint8Array<ArrayBuffer> });
          if (await malformedActionArguments(copy)) return refuse(request, BAD_ACTION, csp, https);
        }
        return pass(request, passOn);
      });
    }
    if (actionCall) {
      // The body here is Next.js's copy (the route gets its own), at most 1 MB (checked above).
      return malformedActionArguments(request).then((bad) => (bad ? refuse(request, BAD_ACTION, csp, https) : pass(request, passOn)));
    }
  }
  return pass(request, passOn);
}

interface PassOn {
  api: boolean;
  nonce: string;
  csp: string;
  https: boolean;
  trustedProxyHops: number;
}

/** The request goes on to Next.js, with the client-address and CSP headers set. */
function pass(request: NextRequest, { api, nonce, csp, https, trustedProxyHops }: PassOn): NextResponse {
  const stripClientIp = trustedProxyHops === 0 && CLIENT_IP_HEADERS.some((name) => request.headers.has(name));
  let response: NextResponse;
  if (api && !stripClientIp) {
    // Nothing to change in the request: passing it on unchanged spares Next.js copying every
    // request header into the response and back (a good part of an API call's cost).
    response = NextResponse.next();
  } else {
    const requestHeaders = new Headers(request.headers);
    if (stripClientIp) for (const name of CLIENT_IP_HEADERS) requestHeaders.delete(name);
    if (!api) {
      requestHeaders.set("x-nonce", nonce);
      requestHeaders.set("Content-Security-Policy", csp);
    }
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  if (api) {
    for (const [name, value] of settingsOf(getEnv()).apiHeaders) response.headers.set(name, value);
  } else {
    response.headers.set("Content-Security-Policy", csp);
    if (https) response.headers.set("Strict-Transport-Security", HSTS_VALUE);
  }
  return response;
}

/**
 * Where the proxy runs (running it costs a good part of a cheap request):
 *
 * - everywhere but the build's static files (they get the fixed headers from next.config.ts)
 *   and the JSON routes /api/v1 and /api/health; a path of those with a percent sign in it
 *   does go through the proxy, which answers a percent-encoding that does not decode with a
 *   400 (Next.js itself would fail on it with a 500);
 * - on those JSON routes only when the request carries something the proxy acts on: a client
 *   address header (X-Forwarded-For, X-Real-IP: removed without trusted proxies), an Origin
 *   (the forgery check), a body (Content-Length, Transfer-Encoding: its size) or a server
 *   action call (Next-Action). A plain GET of the API has none of these and goes straight to
 *   its route handler, which sets the API's security headers itself (app/api/v1/_lib/http.ts,
 *   lib/server/security.ts apiSecurityHeaders); the Content-Security-Policy of every /api answer
 *   is also in next.config.ts. These routes only answer GET, HEAD and OPTIONS.
 *
 * Next.js reads this object without running it: it must stay a literal.
 */
export const config = {
  matcher: [
    "/((?!_next/static|_next/image|api/v1(?:/[^%]*)?$|api/health(?:/[^%]*)?$).*)",
    { source: "/api/(v1|health)/:path*", has: [{ type: "header", key: "x-forwarded-for" }] },
    { source: "/api/(v1|health)/:path*", has: [{ type: "header", key: "x-real-ip" }] },
    { source: "/api/(v1|health)/:path*", has: [{ type: "header", key: "origin" }] },
    { source: "/api/(v1|health)/:path*", has: [{ type: "header", key: "content-length" }] },
    { source: "/api/(v1|health)/:path*", has: [{ type: "header", key: "transfer-encoding" }] },
    { source: "/api/(v1|health)/:path*", has: [{ type: "header", key: "next-action" }] },
  ],
};
