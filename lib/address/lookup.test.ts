import { type IncomingMessage, type Server, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { type AddressQuery, DEFAULT_LOOKUP_TIMEOUT_MS, createAddressLookup } from "./index";

/**
 * A local stand-in for the PDOK Locatieserver v3.1 `free` endpoint on 127.0.0.1 (no test
 * touches the internet). It answers by postcode:
 *   2922AB  found (12, 12 A, 12 B-2, 14 — the service returns neighbours too)
 *   2922AC  not found (no documents)
 *   2922AD  fuzzy near-miss only (asked 5, gets 7 and 2922AE 5)
 *   2922AF  500 every time
 *   2922AG  500 the first time, then found
 *   2922AH  slower than the client's timeout
 *   2922AJ  not JSON
 *   2922AK  400 Bad Request
 *   2922AL  found, but the wijk and buurt codes are missing
 */
interface Doc {
  postcode: string;
  huisnummer: number;
  huisletter?: string;
  huisnummertoevoeging?: string;
  straatnaam: string;
  woonplaatsnaam: string;
  gemeentecode: string;
  gemeentenaam?: string;
  wijkcode?: string;
  buurtcode?: string;
  centroide_ll?: string;
}

function doc(postcode: string, huisnummer: number, extra: Partial<Doc> = {}): Doc {
  return {
    postcode,
    huisnummer,
    straatnaam: "Raadhuisplein",
    woonplaatsnaam: "Krimpen aan den IJssel",
    gemeentecode: "0542",
    gemeentenaam: "Krimpen aan den IJssel",
    wijkcode: "WK054201",
    buurtcode: "BU05420101",
    centroide_ll: "POINT(4.59 51.91)",
    ...extra,
  };
}

/**
 * The client's timeout in the timeout test, and how slow the slow answer is. Every other test
 * gives the local server ANSWER_TIMEOUT_MS: 150 ms was too short for a request that must succeed
 * on a busy 2-core machine (a timed-out first attempt made a second request).
 */
const SLOW_MS = 3000;
const TEST_TIMEOUT_MS = 150;
const ANSWER_TIMEOUT_MS = 5000;

let server: Server;
let baseUrl: string;
const requests: URL[] = [];
const hitsByPostcode = new Map<string, number>();

function answer(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(typeof body === "string" ? body : JSON.stringify(body));
}

function docsFor(postcode: string): Doc[] {
  switch (postcode) {
    case "2922AB":
    case "2922AG":
      return [
        doc(postcode, 12),
        doc(postcode, 12, { huisletter: "A" }),
        doc(postcode, 12, { huisletter: "B", huisnummertoevoeging: "2" }),
        doc(postcode, 14, { straatnaam: "Dorpsstraat" }),
      ];
    case "2922AD":
      return [doc("2922AD", 7), doc("2922AE", 5)];
    case "2922AL":
      return [doc("2922AL", 1, { wijkcode: undefined, buurtcode: undefined, centroide_ll: undefined })];
    default:
      return [];
  }
}

/**
 * `free` with straatnaam (a line like "Lansinghlaan 15"): Lansinghlaan exists once in Krimpen
 * (2925AB) and the service also returns the Lansinghhof and a Lansinghlaan in Rotterdam (fuzzy);
 * Dorpsstraat exists in two postcodes of Krimpen; "Kapot" answers 500.
 */
function answerStreet(url: URL, street: string, res: ServerResponse): void {
  const number = Number(/huisnummer:(\d+)/.exec(url.searchParams.get("q") ?? "")?.[1]);
  if (street === "Kapot") return answer(res, 500, { error: "boom" });
  const docs: Doc[] = [];
  if (street.toLowerCase() === "lansinghlaan") {
    docs.push(doc("2925AB", number, { straatnaam: "Lansinghlaan" }), doc("2925AC", number, { straatnaam: "Lansinghhof" }));
    if (!url.searchParams.getAll("fq").includes("gemeentecode:0542")) docs.push(doc("3011AA", number, { straatnaam: "Lansinghlaan", gemeentecode: "0599", gemeentenaam: "Rotterdam" }));
  }
  if (street === "Dorpsstraat") docs.push(doc("2921AA", number, { straatnaam: "Dorpsstraat" }), doc("2921AB", number, { straatnaam: "Dorpsstraat" }));
  answer(res, 200, { response: { numFound: docs.length, docs } });
}

/** `suggest`: "lansinghlaan 1…" gives 1, 10, 11 in Krimpen and 1 in Rotterdam; "stuk" answers not JSON. */
function answerSuggest(url: URL, res: ServerResponse): void {
  const q = (url.searchParams.get("q") ?? "").toLowerCase();
  if (q === "stuk") return answer(res, 200, "<html>oops</html>");
  if (!q.startsWith("lansinghlaan")) return answer(res, 200, { response: { numFound: 0, docs: [] } });
  answer(res, 200, {
    response: {
      docs: [
        doc("2925AB", 1, { straatnaam: "Lansinghlaan" }),
        doc("3011AA", 1, { straatnaam: "Lansinghlaan", woonplaatsnaam: "Rotterdam", gemeentecode: "0599", gemeentenaam: "Rotterdam" }),
        doc("2925AB", 10, { straatnaam: "Lansinghlaan", huisletter: "A" }),
        doc("2925AB", 11, { straatnaam: "Lansinghlaan" }),
      ],
    },
  });
}

function handle(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  requests.push(url);
  const postcode = /postcode:(\w+)/.exec(url.searchParams.get("q") ?? "")?.[1] ?? "";
  const hits = (hitsByPostcode.get(postcode) ?? 0) + 1;
  hitsByPostcode.set(postcode, hits);
  if (url.pathname === "/bzk/locatieserver/search/v3_1/suggest") return answerSuggest(url, res);
  if (url.pathname !== "/bzk/locatieserver/search/v3_1/free") return answer(res, 404, { error: "not found" });
  const street = /straatnaam:"((?:[^"\\]|\\.)*)"/.exec(url.searchParams.get("q") ?? "")?.[1];
  if (street !== undefined) return answerStreet(url, street, res);
  if (postcode === "2922AF" || (postcode === "2922AG" && hits === 1)) return answer(res, 500, { error: "boom" });
  if (postcode === "2922AH") {
    const timer = setTimeout(() => answer(res, 200, { response: { numFound: 0, docs: [] } }), SLOW_MS);
    res.on("close", () => clearTimeout(timer));
    return;
  }
  if (postcode === "2922AJ") return answer(res, 200, "<html>Service Unavailable</html>");
  if (postcode === "2922AK") return answer(res, 400, { error: "bad query" });
  const docs = docsFor(postcode);
  answer(res, 200, { response: { numFound: docs.length, start: 0, maxScore: 10, docs } });
}

beforeAll(async () => {
  server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${port}/bzk/locatieserver/search/v3_1`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  requests.length = 0;
  hitsByPostcode.clear();
});

function lookup(options: Parameters<typeof createAddressLookup>[0] = {}) {
  return createAddressLookup({ url: baseUrl, timeoutMs: ANSWER_TIMEOUT_MS, ...options });
}

describe("createAddressLookup", () => {
  it("uses a 2 second timeout by default", () => {
    expect(DEFAULT_LOOKUP_TIMEOUT_MS).toBe(2000);
  });

  it("is not configured without a URL, and asks nothing", async () => {
    for (const url of [undefined, "", "  ", null]) {
      const service = createAddressLookup({ url });
      expect(service.configured).toBe(false);
      await expect(service.verify({ postcode: "2922AB", houseNumber: 12 })).resolves.toEqual({ verified: false, reason: "not_configured" });
    }
    expect(requests).toHaveLength(0);
  });

  it("finds an address and fills in street, town, municipality, wijk, buurt and point", async () => {
    const result = await lookup().verify({ postcode: "2922 ab", houseNumber: 12 });
    expect(result).toEqual({
      verified: true,
      postcode: "2922AB",
      houseNumber: 12,
      addition: "",
      street: "Raadhuisplein",
      town: "Krimpen aan den IJssel",
      municipalityCode: "GM0542",
      municipalityName: "Krimpen aan den IJssel",
      areaCode: "WK054201",
      buurtCode: "BU05420101",
      point: { lat: 51.91, lng: 4.59 },
    });
  });

  it("asks the Locatieserver v3.1 free endpoint with the right query", async () => {
    await lookup({ url: `${baseUrl}/` }).verify({ postcode: "2922AB", houseNumber: 12, addition: "a" });
    expect(requests).toHaveLength(1);
    const [url] = requests;
    expect(url.pathname).toBe("/bzk/locatieserver/search/v3_1/free");
    expect(url.searchParams.get("q")).toBe("postcode:2922AB and huisnummer:12");
    expect(url.searchParams.get("fq")).toBe("type:adres");
    expect(url.searchParams.get("rows")).toBe("10");
    expect(url.searchParams.get("fl")?.split(",")).toEqual(expect.arrayContaining(["straatnaam", "gemeentecode", "wijkcode", "centroide_ll"]));
  });

  it.each([
    [{ addition: "A" }, "12 A"],
    [{ addition: " a" }, "12 a"],
    [{ addition: "B2" }, "12 B2 (huisletter B + toevoeging 2)"],
    [{ addition: "b-2" }, "12 b-2"],
  ])("matches the addition exactly: %j (%s)", async (extra) => {
    const result = await lookup().verify({ postcode: "2922AB", houseNumber: 12, ...extra });
    expect(result.verified).toBe(true);
  });

  it.each<[AddressQuery, string]>([
    [{ postcode: "2922AB", houseNumber: 12, addition: "C" }, "an addition the service does not know"],
    [{ postcode: "2922AB", houseNumber: 12, addition: "B" }, "B without its toevoeging 2"],
    [{ postcode: "2922AB", houseNumber: 13 }, "a number between two known ones"],
    [{ postcode: "2922AD", houseNumber: 5 }, "a fuzzy near-miss (7, and 5 in another postcode)"],
    [{ postcode: "2922AC", houseNumber: 1 }, "no documents"],
  ])("does not verify %j (%s)", async (address) => {
    expect(await lookup().verify(address)).toEqual({ verified: false, reason: "not_found" });
  });

  it("does not send a request for an address that fails the format check", async () => {
    const service = lookup();
    expect(await service.verify({ postcode: "2922SA", houseNumber: 1 })).toEqual({ verified: false, reason: "not_found" });
    expect(await service.verify({ postcode: "2922AB", houseNumber: 0 })).toEqual({ verified: false, reason: "not_found" });
    expect(await service.verify({ postcode: "2922AB", houseNumber: 1, addition: "much too long" })).toEqual({
      verified: false,
      reason: "not_found",
    });
    expect(requests).toHaveLength(0);
  });

  it("gives null wijk and buurt codes (and no point) when the service has none", async () => {
    const result = await lookup().verify({ postcode: "2922AL", houseNumber: 1 });
    expect(result).toMatchObject({ verified: true, areaCode: null, buurtCode: null, municipalityCode: "GM0542" });
    expect(result).not.toHaveProperty("point");
  });

  it("retries once after a 500 and then succeeds", async () => {
    const result = await lookup().verify({ postcode: "2922AG", houseNumber: 12 });
    expect(result.verified).toBe(true);
    expect(hitsByPostcode.get("2922AG")).toBe(2);
  });

  it("is unavailable after two 500s, and does not try a third time", async () => {
    expect(await lookup().verify({ postcode: "2922AF", houseNumber: 1 })).toEqual({ verified: false, reason: "unavailable" });
    expect(hitsByPostcode.get("2922AF")).toBe(2);
  });

  it("is unavailable when the service is slower than the timeout (two attempts)", async () => {
    const started = performance.now();
    expect(await lookup({ timeoutMs: TEST_TIMEOUT_MS }).verify({ postcode: "2922AH", houseNumber: 1 })).toEqual({
      verified: false,
      reason: "unavailable",
    });
    const elapsed = performance.now() - started;
    expect(hitsByPostcode.get("2922AH")).toBe(2);
    expect(elapsed).toBeGreaterThanOrEqual(2 * TEST_TIMEOUT_MS - 20);
    expect(elapsed).toBeLessThan(SLOW_MS);
  });

  it("is unavailable, without a retry, on a 4xx or an answer that is not JSON", async () => {
    expect(await lookup().verify({ postcode: "2922AK", houseNumber: 1 })).toEqual({ verified: false, reason: "unavailable" });
    expect(await lookup().verify({ postcode: "2922AJ", houseNumber: 1 })).toEqual({ verified: false, reason: "unavailable" });
    expect(hitsByPostcode.get("2922AK")).toBe(1);
    expect(hitsByPostcode.get("2922AJ")).toBe(1);
  });

  it("is unavailable when nothing listens (connection refused), after one retry", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    let calls = 0;
    const countingFetch: typeof fetch = (input, init) => {
      calls++;
      return fetch(input, init);
    };
    const service = createAddressLookup({ url: `http://127.0.0.1:${port}/v3_1`, fetch: countingFetch });
    expect(await service.verify({ postcode: "2922AB", houseNumber: 12 })).toEqual({ verified: false, reason: "unavailable" });
    expect(calls).toBe(2);
  });

  it("never throws, even when fetch itself throws synchronously", async () => {
    const throwingFetch = (() => {
      throw new Error("boom");
    }) as unknown as typeof fetch;
    const service = createAddressLookup({ url: baseUrl, fetch: throwingFetch });
    await expect(service.verify({ postcode: "2922AB", houseNumber: 12 })).resolves.toEqual({ verified: false, reason: "unavailable" });
  });

  it("ignores a response of the wrong shape", async () => {
    const wrongShape: typeof fetch = async () => new Response(JSON.stringify({ docs: [] }), { status: 200 });
    const service = createAddressLookup({ url: baseUrl, fetch: wrongShape });
    expect(await service.verify({ postcode: "2922AB", houseNumber: 12 })).toEqual({ verified: false, reason: "unavailable" });
  });
});

describe("createAddressLookup cache", () => {
  it("answers a repeated question from the cache, for any spelling", async () => {
    const service = lookup();
    await service.verify({ postcode: "2922AB", houseNumber: 12, addition: "a" });
    const again = await service.verify({ postcode: "2922 ab", houseNumber: 12, addition: " A" });
    expect(again.verified).toBe(true);
    expect(requests).toHaveLength(1);
  });

  it("caches not-found answers too, but not unavailable ones", async () => {
    const service = lookup();
    await service.verify({ postcode: "2922AC", houseNumber: 1 });
    await service.verify({ postcode: "2922AC", houseNumber: 1 });
    expect(hitsByPostcode.get("2922AC")).toBe(1);
    await service.verify({ postcode: "2922AF", houseNumber: 1 });
    await service.verify({ postcode: "2922AF", houseNumber: 1 });
    expect(hitsByPostcode.get("2922AF")).toBe(4);
  });

  it("shares one request between concurrent questions", async () => {
    const service = lookup();
    const results = await Promise.all(Array.from({ length: 5 }, () => service.verify({ postcode: "2922AB", houseNumber: 14 })));
    expect(results.every((result) => result.verified)).toBe(true);
    expect(requests).toHaveLength(1);
  });

  it("forgets an answer after its time to live", async () => {
    let now = 1_000_000;
    const service = lookup({ now: () => now, foundTtlMs: 1000 });
    await service.verify({ postcode: "2922AB", houseNumber: 12 });
    now += 999;
    await service.verify({ postcode: "2922AB", houseNumber: 12 });
    expect(requests).toHaveLength(1);
    now += 1;
    await service.verify({ postcode: "2922AB", houseNumber: 12 });
    expect(requests).toHaveLength(2);
  });

  it("keeps at most cacheSize entries, dropping the least recently used", async () => {
    const service = lookup({ cacheSize: 2 });
    await service.verify({ postcode: "2922AB", houseNumber: 12 }); // cache: 12
    await service.verify({ postcode: "2922AB", houseNumber: 14 }); // cache: 12, 14
    await service.verify({ postcode: "2922AB", houseNumber: 12 }); // hit; 14 is now the oldest
    await service.verify({ postcode: "2922AB", houseNumber: 12, addition: "A" }); // drops 14
    expect(requests).toHaveLength(3);
    await service.verify({ postcode: "2922AB", houseNumber: 12 });
    expect(requests).toHaveLength(3);
    await service.verify({ postcode: "2922AB", houseNumber: 14 });
    expect(requests).toHaveLength(4);
  });
});

describe("street look-up and suggestions against the local PDOK stand-in", () => {
  it("finds the one postcode of a street and number in the municipality, exact on street and number", async () => {
    const service = lookup();
    expect(await service.findStreetAddress({ street: "Lansinghlaan", houseNumber: 15, addition: "", municipalityCode: "GM0542" })).toEqual({
      kind: "found",
      address: { postcode: "2925AB", houseNumber: 15, addition: "" },
    });
    const asked = requests.at(-1)!;
    expect(asked.searchParams.get("q")).toBe('straatnaam:"Lansinghlaan" and huisnummer:15');
    expect(asked.searchParams.getAll("fq")).toEqual(["type:adres", "gemeentecode:0542"]);
    // Without a municipality the Rotterdam Lansinghlaan makes it ambiguous.
    expect(await service.findStreetAddress({ street: "Lansinghlaan", houseNumber: 15, addition: "" })).toEqual({ kind: "ambiguous" });
    expect(await service.findStreetAddress({ street: "Dorpsstraat", houseNumber: 3, addition: "", municipalityCode: "GM0542" })).toEqual({ kind: "ambiguous" });
    expect(await service.findStreetAddress({ street: "Lansinghlaan", houseNumber: 15, addition: "B", municipalityCode: "GM0542" })).toEqual({ kind: "not_found" });
    expect(await service.findStreetAddress({ street: "Kapot", houseNumber: 1, addition: "" })).toEqual({ kind: "unavailable" });
  });

  it("escapes quotes in a street name so it cannot change the query", async () => {
    await lookup().findStreetAddress({ street: 'x" or gemeentecode:"0599', houseNumber: 1, addition: "" });
    expect(requests.at(-1)!.searchParams.get("q")).toBe('straatnaam:"x\\" or gemeentecode:\\"0599" and huisnummer:1');
  });

  it("suggests addresses in the wanted municipalities only, with a label; null when the answer is broken", async () => {
    const service = lookup();
    const found = await service.suggest("Lansinghlaan 1", { municipalityCodes: ["GM0542"], limit: 5 });
    expect(found?.map((s) => s.label)).toEqual([
      "Lansinghlaan 1, 2925 AB Krimpen aan den IJssel",
      "Lansinghlaan 10 A, 2925 AB Krimpen aan den IJssel",
      "Lansinghlaan 11, 2925 AB Krimpen aan den IJssel",
    ]);
    expect(requests.at(-1)!.pathname).toBe("/bzk/locatieserver/search/v3_1/suggest");
    expect(await service.suggest("stuk")).toBeNull();
    expect(await createAddressLookup({ url: null }).suggest("Lansinghlaan")).toBeNull();
  });

  it("names the municipality of a verified address (gemeentenaam)", async () => {
    const result = await lookup().verify({ postcode: "2922AB", houseNumber: 14 });
    expect(result).toMatchObject({ verified: true, municipalityName: "Krimpen aan den IJssel" });
  });
});
