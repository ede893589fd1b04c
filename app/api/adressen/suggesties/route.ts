import { suggestAddresses, MAX_SUGGESTION_QUERY_LENGTH } from "@/lib/data/public/address-suggestions";
import { AppError } from "@/lib/errors";
import { getEnv } from "@/lib/env";
import { clientIp } from "@/lib/server/client-ip";
import { consumeRateLimit, type RateLimitRule } from "@/lib/server/rate-limit";
import { apiError, jsonResponse } from "../../v1/_lib/http";

export const dynamic = "force-dynamic";

/** Typing in an address field asks once per pause: 120 a minute per IP is plenty for people. */
export const SUGGEST_LIMIT: RateLimitRule = {
  name: "address_suggest",
  store: "memory",
  points: 120,
  durationSeconds: 60,
  message: "Er zijn te veel adressen opgezocht. Wacht een minuut en probeer het dan opnieuw.",
};

/**
 * GET /api/adressen/suggesties?q=Lansinghlaan 1: up to 8 addresses from the address register
 * for the address fields' suggestions (components/forms/address-combobox.tsx). Not part of the
 * versioned public API.
 */
export async function GET(request: Request) {
  try {
    await consumeRateLimit(SUGGEST_LIMIT, clientIp(request.headers, getEnv().TRUSTED_PROXY_HOPS));
    const q = new URL(request.url).searchParams.get("q") ?? "";
    if (q.length > MAX_SUGGESTION_QUERY_LENGTH) {
      throw new AppError("bad_request", `Typ hooguit ${MAX_SUGGESTION_QUERY_LENGTH} tekens.`, { fieldErrors: { q: `Typ hooguit ${MAX_SUGGESTION_QUERY_LENGTH} tekens.` } });
    }
    return jsonResponse(request, await suggestAddresses(q), "public, max-age=300");
  } catch (error) {
    return apiError(error, "GET /api/adressen/suggesties");
  }
}
