import { type NormalizedAddress, addressKey, normalizeAddress } from "@/lib/domain/address";

import { LruTtlCache } from "./cache";
import { type PdokAddress, buildFreeSearchUrl, isExactMatch, readDocuments, toPdokAddress } from "./pdok";

/**
 * Address verification (SPEC rule 2, issue 4 item 4) against the PDOK Locatieserver.
 * Server code only (it calls an outside service); it imports nothing Node-only, but keep it
 * out of client components.
 *
 * - `url` is the base ending in /v3_1 (ADDRESS_LOOKUP_URL). Without it every address is
 *   `{ verified: false, reason: "not_configured" }`: format-checked only.
 * - Each attempt has `timeoutMs` (default 2 s, body included). One retry after a 5xx, a 429,
 *   a timeout or a network error. Worst case a call takes about 2 × timeoutMs.
 * - `verify` never throws and never rejects: a slow, broken or unreachable service gives
 *   `{ verified: false, reason: "unavailable" }`, so registration never fails because of it.
 * - Found and not-found answers are cached (LRU, `cacheSize` entries, found 24 h, not found
 *   1 h); "unavailable" is not cached. Concurrent calls for one address share one request.
 * - An address that fails the format check gives "not_found" without a request.
 * - Nothing is logged (addresses are personal data).
 */
export interface AddressQuery {
  postcode: string;
  houseNumber: number;
  addition?: string | null;
}

export type VerifiedAddress = PdokAddress &
  NormalizedAddress & {
    verified: true;
  };

export type UnverifiedReason = "not_configured" | "not_found" | "unavailable";

export interface UnverifiedAddress {
  verified: false;
  reason: UnverifiedReason;
}

export type AddressVerification = VerifiedAddress | UnverifiedAddress;

export interface AddressLookup {
  /** Whether a service URL is configured. */
  readonly configured: boolean;
  verify(address: AddressQuery): Promise<AddressVerification>;
}

export interface AddressLookupOptions {
  url?: string | null;
  timeoutMs?: number;
  fetch?: typeof globalThis.fetch;
  cacheSize?: number;
  foundTtlMs?: number;
  notFoundTtlMs?: number;
  /** Clock for the cache; injectable for tests. */
  now?: () => number;
}

export const DEFAULT_LOOKUP_TIMEOUT_MS = 2000;
export const DEFAULT_LOOKUP_CACHE_SIZE = 1000;
const HOUR_MS = 60 * 60 * 1000;

type Attempt = { kind: "answer"; body: unknown } | { kind: "retryable" } | { kind: "failed" };

const NOT_CONFIGURED: UnverifiedAddress = { verified: false, reason: "not_configured" };
const NOT_FOUND: UnverifiedAddress = { verified: false, reason: "not_found" };
const UNAVAILABLE: UnverifiedAddress = { verified: false, reason: "unavailable" };

function isRetryableStatus(status: number): boolean {
  return status >= 500 || status === 429;
}

async function attemptRequest(url: string, fetchFn: typeof globalThis.fetch, timeoutMs: number): Promise<Attempt> {
  let text: string;
  try {
    const response = await fetchFn(url, {
      headers: { accept: "application/json" },
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      return { kind: isRetryableStatus(response.status) ? "retryable" : "failed" };
    }
    text = await response.text();
  } catch {
    return { kind: "retryable" }; // network error, timeout, connection reset
  }
  try {
    return { kind: "answer", body: JSON.parse(text) as unknown };
  } catch {
    return { kind: "failed" };
  }
}

async function requestWithRetry(url: string, fetchFn: typeof globalThis.fetch, timeoutMs: number): Promise<Attempt> {
  const first = await attemptRequest(url, fetchFn, timeoutMs);
  if (first.kind !== "retryable") return first;
  return attemptRequest(url, fetchFn, timeoutMs);
}

function toVerification(body: unknown, address: NormalizedAddress): AddressVerification {
  const documents = readDocuments(body);
  if (documents === null) return UNAVAILABLE;
  for (const doc of documents) {
    if (!isExactMatch(doc, address)) continue;
    const facts = toPdokAddress(doc);
    if (facts) return { verified: true, ...address, ...facts };
  }
  return NOT_FOUND;
}

function normalizeQuery(address: AddressQuery): NormalizedAddress | null {
  try {
    return normalizeAddress(address);
  } catch {
    return null;
  }
}

export function createAddressLookup(options: AddressLookupOptions = {}): AddressLookup {
  const {
    url,
    timeoutMs = DEFAULT_LOOKUP_TIMEOUT_MS,
    fetch: fetchFn = globalThis.fetch,
    cacheSize = DEFAULT_LOOKUP_CACHE_SIZE,
    foundTtlMs = 24 * HOUR_MS,
    notFoundTtlMs = HOUR_MS,
    now = Date.now,
  } = options;
  const baseUrl = url?.trim() || null;
  const cache = new LruTtlCache<AddressVerification>(cacheSize, now);
  const inFlight = new Map<string, Promise<AddressVerification>>();

  async function lookUp(base: string, address: NormalizedAddress, key: string): Promise<AddressVerification> {
    const attempt = await requestWithRetry(buildFreeSearchUrl(base, address), fetchFn, timeoutMs);
    const result = attempt.kind === "answer" ? toVerification(attempt.body, address) : UNAVAILABLE;
    if (result.verified) cache.set(key, result, foundTtlMs);
    else if (result.reason === "not_found") cache.set(key, result, notFoundTtlMs);
    return result;
  }

  async function verify(query: AddressQuery): Promise<AddressVerification> {
    if (baseUrl === null) return NOT_CONFIGURED;
    const address = normalizeQuery(query);
    if (address === null) return NOT_FOUND;
    const key = addressKey(address);
    const cached = cache.get(key);
    if (cached) return cached;
    const pending = inFlight.get(key);
    if (pending) return pending;
    const request = lookUp(baseUrl, address, key)
      .catch((): AddressVerification => UNAVAILABLE)
      .finally(() => inFlight.delete(key));
    inFlight.set(key, request);
    return request;
  }

  return { configured: baseUrl !== null, verify };
}
