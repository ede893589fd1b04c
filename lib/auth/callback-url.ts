/**
 * Auth.js's callbackUrl, made harmless before Auth.js sees it.
 *
 * Auth.js (@auth/core 0.41) checks the callbackUrl of the query and of its callback-url cookie
 * before anything else, and answers one that is not an http(s) address
 * (`?callbackUrl=javascript:alert(1)`, `?callbackUrl=elders`) with a 500 "server configuration"
 * error, or a redirect to the error page. A cookie with such a value breaks every Auth.js
 * request of that browser (/api/auth/session, /api/auth/csrf) until it expires.
 *
 * Here only a path on this site is kept (the rule of safeReturnPath), or an address of this
 * site's own origin (what Auth.js itself writes into its cookie); anything else becomes the
 * start page in the query and is dropped from the cookie. Where Auth.js finally redirects is
 * checked once more in the redirect callback of lib/auth/config.ts.
 */
import "server-only";
import { routes } from "@/lib/routes";
import { safeReturnPath } from "@/lib/validation";

const CALLBACK_COOKIE = /^(?:__Secure-|__Host-)?authjs\.callback-url$/;

/** The callbackUrl when it leads to this site (`origin`), or null. */
export function safeCallbackUrl(value: string, origin: string): string | null {
  const path = safeReturnPath(value);
  if (path !== null) return value.trim();
  try {
    const url = new URL(value.trim());
    if (url.origin !== origin) return null;
    return safeReturnPath(`${url.pathname}${url.search}${url.hash}`) === null ? null : url.href;
  } catch {
    return null;
  }
}

function cookieValue(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/**
 * The Cookie header without a callback-url cookie that does not lead to this site, or null when
 * nothing was dropped.
 */
function cookieHeaderWithoutBadCallback(header: string | null, origin: string): string | null {
  if (!header) return null;
  const parts = header.split(";");
  const kept = parts.filter((part) => {
    const eq = part.indexOf("=");
    if (eq === -1) return true;
    const name = part.slice(0, eq).trim();
    if (!CALLBACK_COOKIE.test(name)) return true;
    return safeCallbackUrl(cookieValue(part.slice(eq + 1).trim()), origin) !== null;
  });
  return kept.length === parts.length ? null : kept.join(";");
}

/**
 * The request for Auth.js: unchanged when its callbackUrl (query and cookie) leads to this site;
 * otherwise a copy with the start page as callbackUrl and without the bad cookie.
 */
export async function withSafeCallbackUrl<T extends Request>(request: T, make: (url: string, init: RequestInit) => T): Promise<T> {
  const url = new URL(request.url);
  const fromQuery = url.searchParams.get("callbackUrl");
  const badQuery = fromQuery !== null && safeCallbackUrl(fromQuery, url.origin) === null;
  const cookie = cookieHeaderWithoutBadCallback(request.headers.get("cookie"), url.origin);
  if (!badQuery && cookie === null) return request;

  if (badQuery) url.searchParams.set("callbackUrl", routes.home);
  const headers = new Headers(request.headers);
  if (cookie !== null) {
    if (cookie.trim() === "") headers.delete("cookie");
    else headers.set("cookie", cookie);
  }
  const method = request.method.toUpperCase();
  const body = method === "GET" || method === "HEAD" ? undefined : await request.arrayBuffer();
  return make(url.href, { method, headers, body });
}
