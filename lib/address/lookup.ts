import { type NormalizedAddress, addressKey, normalizeAddress } from "@/lib/domain/address";

import { LruTtlCache } from "./cache";
import {
  type PdokAddress,
  buildFreeSearchUrl,
  buildStreetSearchUrl,
  buildSuggestUrl,
  comparableAddition,
  documentAddition,
  isExactMatch,
  readDocuments,
  toPdokAddress,
} from "./pdok";

/**
 * Address verification against the PDOK Locatieserver.
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

/** A street and house number as residents write it ("Lansinghlaan 15 A"). */
export interface StreetQuery {
  street: string;
  houseNumber: number;
  addition: string;
  /** Only addresses in this municipality (CBS code GMxxxx). */
  municipalityCode?: string;
}

export type StreetResolution =
  | { kind: "found"; address: NormalizedAddress }
  | { kind: "not_found" }
  /** The street and number exist in more than one postcode (one street name in two towns). */
  | { kind: "ambiguous" }
  | { kind: "unavailable" };

/** One suggestion for an address field. */
export interface AddressSuggestion extends NormalizedAddress {
  street: string;
  town: string;
  /** "Lansinghlaan 15 A, 2925 AB Krimpen aan den IJssel" */
  label: string;
}

export interface AddressLookup {
  /** Whether an address register answers (a service URL, or the demo register holds addresses). */
  readonly configured: boolean;
  /** The longest list verified at once (longer lists are stored unchecked for the re-check job). */
  readonly maxBatch?: number;
  verify(address: AddressQuery): Promise<AddressVerification>;
  /** verify for a list, in the list's order. */
  verifyMany(list: readonly AddressQuery[]): Promise<AddressVerification[]>;
  /** The postcode of a street + house number (+ addition). */
  findStreetAddress(query: StreetQuery): Promise<StreetResolution>;
  /** Up to `limit` addresses that start like `text`; null when the register cannot be reached. */
  suggest(text: string, options?: { limit?: number; municipalityCodes?: readonly string[] }): Promise<AddressSuggestion[] | null>;
}

/** "Lansinghlaan 15 A, 2925 AB Krimpen aan den IJssel" */
export function suggestionLabel(a: { street: string; houseNumber: number; addition: string; postcode: string; town: string }): string {
  const number = a.addition ? `${a.houseNumber} ${a.addition}` : String(a.houseNumber);
  return `${a.street} ${number}, ${a.postcode.slice(0, 4)} ${a.postcode.slice(4)} ${a.town}`;
}

/** Runs `fn` over `items` with at most `limit` at a time, results in order. */
export async function mapWithLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]);
    }
  });
  await Promise.all(workers);
  return results;
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

  async function findStreetAddress(query: StreetQuery): Promise<StreetResolution> {
    if (baseUrl === null) return { kind: "unavailable" };
    const street = query.street.trim().toLowerCase();
    const attempt = await requestWithRetry(buildStreetSearchUrl(baseUrl, query), fetchFn, timeoutMs);
    if (attempt.kind !== "answer") return { kind: "unavailable" };
    const documents = readDocuments(attempt.body);
    if (documents === null) return { kind: "unavailable" };
    const wanted = comparableAddition(query.addition);
    const matches = documents.filter((doc) => {
      const addition = documentAddition(doc);
      return (
        doc.straatnaam.trim().toLowerCase() === street &&
        doc.huisnummer === query.houseNumber &&
        addition !== null &&
        comparableAddition(addition) === wanted &&
        (!query.municipalityCode || toPdokAddress(doc)?.municipalityCode === query.municipalityCode)
      );
    });
    const postcodes = [...new Set(matches.map((doc) => doc.postcode.replace(/\s/g, "").toUpperCase()))];
    if (postcodes.length === 0) return { kind: "not_found" };
    if (postcodes.length > 1) return { kind: "ambiguous" };
    const address = normalizeQuery({ postcode: postcodes[0], houseNumber: query.houseNumber, addition: query.addition });
    return address ? { kind: "found", address } : { kind: "not_found" };
  }

  async function suggest(
    text: string,
    options: { limit?: number; municipalityCodes?: readonly string[] } = {},
  ): Promise<AddressSuggestion[] | null> {
    if (baseUrl === null) return null;
    const limit = Math.min(Math.max(options.limit ?? 8, 1), 20);
    // Ask for more than shown: addresses outside the wanted municipalities are left out.
    const attempt = await attemptRequest(buildSuggestUrl(baseUrl, text, limit * 3), fetchFn, timeoutMs);
    if (attempt.kind !== "answer") return null;
    const documents = readDocuments(attempt.body);
    if (documents === null) return null;
    const result: AddressSuggestion[] = [];
    for (const doc of documents) {
      const facts = toPdokAddress(doc);
      const addition = documentAddition(doc);
      const address = addition === null ? null : normalizeQuery({ postcode: doc.postcode, houseNumber: doc.huisnummer, addition });
      if (!facts || !address) continue;
      if (options.municipalityCodes?.length && !options.municipalityCodes.includes(facts.municipalityCode)) continue;
      result.push({ ...address, street: facts.street, town: facts.town, label: suggestionLabel({ ...address, ...facts }) });
      if (result.length >= limit) break;
    }
    return result;
  }

  return {
    configured: baseUrl !== null,
    maxBatch: 200,
    verify,
    verifyMany: (list) => mapWithLimit(list, 8, verify),
    findStreetAddress,
    suggest,
  };
}
