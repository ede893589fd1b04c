import { readdirSync } from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { areas, groups, memberAddresses, municipalities, rateLimits } from "@/db/schema";
import { DEMO_BOUNDARIES } from "@/db/seed/demo-boundaries";
import {
  addressLookupResultSchema,
  apiErrorSchema,
  areaBoundaryCollectionSchema,
  areaDetailSchema,
  areaListSchema,
  publicGroupSchema,
} from "@/lib/validation/public-api";
import { getEnv, resetEnvForTests } from "@/lib/env";
import { HSTS_VALUE } from "@/lib/server/security";
import { withTestDatabase } from "@/tests/db";
import { exampleResponses } from "./_lib/openapi";
import { GET as getGroup, OPTIONS as optionsGroup } from "./groepen/[slug]/route";
import { GET as lookup, OPTIONS as optionsLookup } from "./groepen/route";
import { GET as unknownRoute } from "./[...path]/route";
import { GET as apiIndex } from "./route";
import { GET as getOpenApi } from "./openapi.json/route";
import { GET as getArea } from "./wijken/[slug]/route";
import { GET as listAreas } from "./wijken/route";
import { GET as listBoundaries, OPTIONS as optionsBoundaries } from "./wijkgrenzen/route";

type SpecData = Parameters<Validator["validate"]>[0];

const database = withTestDatabase({ demo: true });
const savedEnv = { ...process.env };

function setEnv(values: Record<string, string>) {
  Object.assign(process.env, values);
  resetEnvForTests();
}

const BASE = "http://localhost:3000/api/v1";
let ipCounter = 0;
function request(path: string, headers: Record<string, string> = {}): Request {
  ipCounter += 1;
  return new Request(`${BASE}${path}`, { headers: { "x-forwarded-for": `192.0.2.${ipCounter % 250}`, ...headers } });
}
const params = (slug: string) => ({ params: Promise.resolve({ slug }) });

async function json(response: Response): Promise<unknown> {
  expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
  return response.json();
}

beforeAll(async () => {
  setEnv({ API_RATE_LIMIT_PER_MINUTE: "0", LOG_LEVEL: "silent" });
});

afterAll(() => {
  process.env = { ...savedEnv };
  resetEnvForTests();
});

describe("GET /api/v1/groepen (look-up by address)", () => {
  it("answers the group with members in a seeded postcode, in the documented shape, with cache headers and CORS", async () => {
    const response = await lookup(request("/groepen?postcode=2922AB&huisnummer=12"));
    expect(response.status).toBe(200);
    const body = addressLookupResultSchema.parse(await json(response));
    expect(body.postcode).toBe("2922AB");
    expect(body.area).toMatchObject({ code: "WK054202", name: "Langeland", slug: "langeland" });
    expect(body.groups.map((g) => g.slug)).toEqual(["langeland-noord"]);
    expect(body.groups[0]).toMatchObject({
      name: "Buurtpreventie Langeland-Noord",
      url: `${getEnv().appUrl}/groepen/langeland-noord`,
      addressCount: 62,
      signStatus: "requested",
      registeredOn: "2025-02-10",
    });
    expect(body.nearbyGroups).toEqual([]);
    expect(response.headers.get("cache-control")).toBe("public, max-age=60, stale-while-revalidate=300");
    expect(response.headers.get("etag")).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("gives exactly the documented fields, nothing more", async () => {
    const body = (await (await lookup(request("/groepen?postcode=2922AB&huisnummer=12"))).json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(["area", "groups", "nearbyGroups", "notTakingPart", "postcode"]);
    const group = (body.groups as Array<Record<string, unknown>>)[0];
    expect(Object.keys(group).sort()).toEqual(
      ["addressCount", "area", "description", "municipality", "name", "registeredOn", "signStatus", "slug", "url"].sort(),
    );
  });

  it("accepts every spelling of the postcode", async () => {
    for (const postcode of ["2922ab", "2922 AB", "2922%20ab", "%202922AB%20"]) {
      const body = addressLookupResultSchema.parse(await (await lookup(request(`/groepen?postcode=${postcode}&huisnummer=12`))).json());
      expect(body.groups.map((g) => g.slug)).toEqual(["langeland-noord"]);
    }
  });

  it("answers per postcode: two houses of one postcode (one taking part, one not) get the same bytes and ETag", async () => {
    const answers = [];
    for (const query of ["huisnummer=12", "huisnummer=99", "huisnummer=12&toevoeging=a", "huisnummer=99999&toevoeging=bis"]) {
      const response = await lookup(request(`/groepen?postcode=2922AB&${query}`));
      expect(response.status).toBe(200);
      answers.push({ body: await response.text(), etag: response.headers.get("etag") });
    }
    for (const answer of answers.slice(1)) expect(answer).toEqual(answers[0]);
    const body = addressLookupResultSchema.parse(JSON.parse(answers[0].body));
    expect(body.groups.map((g) => g.slug)).toEqual(["langeland-noord"]);
    expect(answers[0].body).not.toMatch(/houseNumber|huisnummer|"addition"/);
  });

  it("a client that has the answer for one house gets 304 for its neighbour", async () => {
    const first = await lookup(request("/groepen?postcode=2922AB&huisnummer=12"));
    const neighbour = await lookup(request("/groepen?postcode=2922AB&huisnummer=14", { "If-None-Match": first.headers.get("etag")! }));
    expect(neighbour.status).toBe(304);
  });

  it("offers the other groups of the wijk for a postcode where no address takes part", async () => {
    const body = addressLookupResultSchema.parse(await (await lookup(request("/groepen?postcode=2922AZ&huisnummer=99"))).json());
    expect(body.area?.name).toBe("Langeland");
    expect(body.groups).toEqual([]);
    expect(body.nearbyGroups.map((g) => g.slug)).toEqual(["langeland-noord"]);
  });

  it("answers empty lists for the uncovered demo address 2924 XY 7", async () => {
    const body = addressLookupResultSchema.parse(await (await lookup(request("/groepen?postcode=2924XY&huisnummer=7"))).json());
    expect(body.area?.name).toBe("Kortland-Zuid");
    expect(body.groups).toEqual([]);
    expect(body.nearbyGroups).toEqual([]);
  });

  it("checks the addition's format, but the addition does not change the answer", async () => {
    const body = addressLookupResultSchema.parse(
      await (await lookup(request("/groepen?postcode=2922AB&huisnummer=12&toevoeging=a"))).json(),
    );
    expect(body.groups.map((g) => g.slug)).toEqual(["langeland-noord"]);
    const bad = await lookup(request(`/groepen?postcode=2922AB&huisnummer=12&toevoeging=${encodeURIComponent("<script>")}`));
    expect(bad.status).toBe(400);
  });

  it("answers 304 when the client already has this version", async () => {
    const first = await lookup(request("/groepen?postcode=2922AB&huisnummer=12"));
    const etag = first.headers.get("etag")!;
    const second = await lookup(request("/groepen?postcode=2922AB&huisnummer=12", { "If-None-Match": etag }));
    expect(second.status).toBe(304);
    expect(second.headers.get("etag")).toBe(etag);
    expect(await second.text()).toBe("");
    const changed = await lookup(request("/groepen?postcode=2922AB&huisnummer=12", { "If-None-Match": '"iets-anders"' }));
    expect(changed.status).toBe(200);
  });

  const badPostcodes = ["0000AA", "1234SA", "1234 SD", "12345", "", "2922", "ABCDEF", "x".repeat(1000), "2922AB' OR '1'='1", "<script>alert(1)</script>", "2922AB;DROP TABLE groups"];
  for (const postcode of badPostcodes) {
    it(`refuses postcode ${JSON.stringify(postcode.slice(0, 30))} with 400 and a message for the field`, async () => {
      const response = await lookup(request(`/groepen?postcode=${encodeURIComponent(postcode)}&huisnummer=12`));
      expect(response.status).toBe(400);
      const body = apiErrorSchema.parse(await json(response));
      expect(body.error.code).toBe("bad_request");
      expect(body.error.fields?.postcode).toMatch(/postcode/i);
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
    });
  }

  const badHouseNumbers = ["0", "-1", "100000", "12abc", "", "1e3", "12.5", "99999999999999999999", "1; select 1"];
  for (const huisnummer of badHouseNumbers) {
    it(`refuses house number ${JSON.stringify(huisnummer)} with 400 and a message for the field`, async () => {
      const response = await lookup(request(`/groepen?postcode=2922AB&huisnummer=${encodeURIComponent(huisnummer)}`));
      expect(response.status).toBe(400);
      const body = apiErrorSchema.parse(await response.json());
      expect(body.error.code).toBe("bad_request");
      expect(body.error.fields?.huisnummer).toMatch(/huisnummer/i);
    });
  }

  it("refuses a missing postcode and house number, and a too long addition", async () => {
    const missing = apiErrorSchema.parse(await (await lookup(request("/groepen"))).json());
    expect(Object.keys(missing.error.fields ?? {}).sort()).toEqual(["huisnummer", "postcode"]);
    const addition = await lookup(request("/groepen?postcode=2922AB&huisnummer=12&toevoeging=abcdefghij"));
    expect(addition.status).toBe(400);
    expect(apiErrorSchema.parse(await addition.json()).error.fields?.toevoeging).toBeDefined();
  });

  it("answers a CORS preflight", async () => {
    const response = optionsLookup();
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-allow-methods")).toContain("GET");
    expect(optionsGroup().status).toBe(204);
  });
});

describe("GET /api/v1/groepen/{slug}", () => {
  it("answers one active group", async () => {
    const response = await getGroup(request("/groepen/oud-krimpen-dijkzijde"), params("oud-krimpen-dijkzijde"));
    expect(response.status).toBe(200);
    const group = publicGroupSchema.parse(await json(response));
    expect(group).toMatchObject({ name: "Oud-Krimpen Dijkzijde", addressCount: 35, signStatus: "none", area: { name: "Oud-Krimpen" } });
    expect(response.headers.get("cache-control")).toBe("public, max-age=300, stale-while-revalidate=3600");
  });

  it("knows a placed bord", async () => {
    const group = publicGroupSchema.parse(
      await (await getGroup(request("/groepen/lansingh-zuid-let-op-elkaar"), params("lansingh-zuid-let-op-elkaar"))).json(),
    );
    expect(group.signStatus).toBe("placed");
  });

  for (const slug of ["bestaat-niet", "LANGELAND-NOORD", "<script>", "' or 1=1 --", "x".repeat(1000), ""]) {
    it(`answers 404 with a code for ${JSON.stringify(slug.slice(0, 20))}`, async () => {
      const response = await getGroup(request(`/groepen/${encodeURIComponent(slug)}`), params(slug));
      expect(response.status).toBe(404);
      expect(apiErrorSchema.parse(await json(response)).error).toEqual({ code: "not_found", message: "Er is geen actieve groep met deze naam." });
    });
  }

  it("answers 404 for a dissolved group", async () => {
    const { db } = database.current.handle;
    // Krimpen's own list is counted live (the list of all municipalities may be a minute old: lib/data/public/areas.test.ts).
    const boveneind = async () =>
      areaListSchema.parse(await (await listAreas(request("/wijken?gemeente=GM0542"))).json()).areas.find((a) => a.slug === "boveneind")!;
    const before = await boveneind();
    const [{ own }] = await db
      .select({ own: sql<number>`count(*)::int` })
      .from(memberAddresses)
      .innerJoin(groups, eq(groups.id, memberAddresses.groupId))
      .where(and(eq(groups.slug, "boveneind-alert"), eq(memberAddresses.inMunicipality, true)));
    await db.update(groups).set({ status: "dissolved", dissolvedAt: sql`now()` }).where(eq(groups.slug, "boveneind-alert"));
    try {
      expect((await getGroup(request("/groepen/boveneind-alert"), params("boveneind-alert"))).status).toBe(404);
      // The wijk's figures lose the group and its addresses (the demo has another group there).
      const after = await boveneind();
      expect(after.groupCount).toBe(before.groupCount - 1);
      expect(after.participatingAddresses).toBeLessThan(before.participatingAddresses);
      expect(after.participatingAddresses).toBeGreaterThanOrEqual(before.participatingAddresses - own);
    } finally {
      await db.update(groups).set({ status: "active", dissolvedAt: null }).where(eq(groups.slug, "boveneind-alert"));
    }
  });
});

describe("GET /api/v1/wijken and /api/v1/wijken/{slug}", () => {
  it("lists every wijk with groups, distinct addresses and coverage", async () => {
    const response = await listAreas(request("/wijken"));
    expect(response.status).toBe(200);
    const body = areaListSchema.parse(await json(response));
    expect(body.areas.map((a) => a.name)).toEqual(["Boveneind", "Kortland-Noord", "Kortland-Zuid", "Langeland", "Lansingh-Zuid", "Oud-Krimpen"]);
    expect(body.areas.find((a) => a.slug === "langeland")).toMatchObject({
      code: "WK054202",
      groupCount: 1,
      participatingAddresses: 62,
      totalAddresses: 2800,
      coveragePercent: 2.2,
    });
    expect(body.areas.find((a) => a.slug === "kortland-zuid")).toMatchObject({ groupCount: 0, participatingAddresses: 0, coveragePercent: 0 });
  });

  it("filters on a municipality code in any case: the same wijken and figures, counted for that municipality only", async () => {
    const all = areaListSchema.parse(await json(await listAreas(request("/wijken"))));
    const own = areaListSchema.parse(await json(await listAreas(request("/wijken?gemeente=gm0542"))));
    expect(own.areas).toEqual(all.areas.filter((a) => a.municipality.code === "GM0542"));
    expect(own.areas).toHaveLength(6);
    const other = areaListSchema.parse(await json(await listAreas(request("/wijken?gemeente=GM0599"))));
    expect(other.areas).toEqual([]);
  });

  for (const bad of ["0542", "GM054", "<script>", "GM0542' or 1=1 --", "x".repeat(500), ""]) {
    it(`answers 400 with a Dutch message for /wijken?gemeente=${JSON.stringify(bad.slice(0, 20))}`, async () => {
      const response = await listAreas(request(`/wijken?gemeente=${encodeURIComponent(bad)}`));
      expect(response.status).toBe(400);
      expect(response.headers.get("cache-control")).toBe("no-store");
      const error = apiErrorSchema.parse(await json(response)).error;
      expect(error.code).toBe("bad_request");
      expect(error.fields?.gemeente).toContain("GM0542");
    });
  }

  it("answers one wijk with its groups, and 404 for an unknown one", async () => {
    const response = await getArea(request("/wijken/kortland-noord"), params("kortland-noord"));
    const area = areaDetailSchema.parse(await json(response));
    expect(area.groups.map((g) => g.slug)).toEqual(["kortland-vogelbuurt"]);
    const missing = await getArea(request("/wijken/nergens"), params("nergens"));
    expect(missing.status).toBe(404);
    expect(apiErrorSchema.parse(await missing.json()).error.code).toBe("not_found");
  });

  it("leaves out the wijken of a disabled municipality (list, one wijk, outlines), and shows them again once enabled", async () => {
    const { db } = database.current.handle;
    const krimpen = eq(municipalities.code, "GM0542");
    await db.update(municipalities).set({ disabledAt: new Date() }).where(krimpen);
    try {
      const body = areaListSchema.parse(await json(await listAreas(request("/wijken"))));
      expect(body.areas).toEqual([]);
      const one = await getArea(request("/wijken/langeland"), params("langeland"));
      expect(one.status).toBe(404);
      const outlines = areaBoundaryCollectionSchema.parse(await (await listBoundaries(request("/wijkgrenzen"))).json());
      expect(outlines.features).toEqual([]);
    } finally {
      await db.update(municipalities).set({ disabledAt: null }).where(krimpen);
    }
    const again = areaListSchema.parse(await json(await listAreas(request("/wijken"))));
    expect(again.areas.map((a) => a.slug)).toContain("langeland");
  });
});

describe("GET /api/v1/wijkgrenzen (GeoJSON)", () => {
  it("answers every wijk as a Feature with its outline and the same figures as /wijken, as GeoJSON with cache headers", async () => {
    const response = await listBoundaries(request("/wijkgrenzen"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/geo+json; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("public, max-age=300, stale-while-revalidate=3600");
    expect(response.headers.get("etag")).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const body = areaBoundaryCollectionSchema.parse(await response.json());
    const list = areaListSchema.parse(await (await listAreas(request("/wijken"))).json());
    expect(body.features.map((f) => f.properties)).toEqual(list.areas);
    const langeland = body.features.find((f) => f.id === "WK054202")!;
    expect(langeland.properties).toMatchObject({ name: "Langeland", participatingAddresses: 62, coveragePercent: 2.2 });
    expect(langeland.geometry?.type).toBe("Polygon");
    for (const feature of body.features) {
      expect(feature.geometry).not.toBeNull();
      const ring = (feature.geometry as { coordinates: number[][][] }).coordinates[0];
      for (const [lng, lat] of ring) {
        expect(lng).toBeGreaterThan(4.5);
        expect(lng).toBeLessThan(4.7);
        expect(lat).toBeGreaterThan(51.89);
        expect(lat).toBeLessThan(51.94);
      }
    }
    const again = await listBoundaries(request("/wijkgrenzen", { "If-None-Match": response.headers.get("etag")! }));
    expect(again.status).toBe(304);
    expect((await optionsBoundaries()).status).toBe(204);
  });

  it("filters on a municipality code in any case, and is empty for another municipality", async () => {
    const body = areaBoundaryCollectionSchema.parse(await (await listBoundaries(request("/wijkgrenzen?gemeente=gm0542"))).json());
    expect(body.features).toHaveLength(6);
    const other = areaBoundaryCollectionSchema.parse(await (await listBoundaries(request("/wijkgrenzen?gemeente=GM0599"))).json());
    expect(other.features).toEqual([]);
  });

  for (const bad of ["0542", "GM054", "<script>", "GM0542' or 1=1 --", "x".repeat(500), ""]) {
    it(`answers 400 with a Dutch message for gemeente=${JSON.stringify(bad.slice(0, 20))}`, async () => {
      const response = await listBoundaries(request(`/wijkgrenzen?gemeente=${encodeURIComponent(bad)}`));
      expect(response.status).toBe(400);
      const error = apiErrorSchema.parse(await json(response)).error;
      expect(error.code).toBe("bad_request");
      expect(error.fields?.gemeente).toContain("GM0542");
    });
  }

  it("has a wijk without an outline as geometry null, with its figures", async () => {
    const { db } = database.current.handle;
    await db.update(areas).set({ boundary: null }).where(eq(areas.slug, "boveneind"));
    try {
      const body = areaBoundaryCollectionSchema.parse(await (await listBoundaries(request("/wijkgrenzen"))).json());
      expect(body.features.find((f) => f.id === "WK054206")).toMatchObject({ geometry: null, properties: { name: "Boveneind" } });
    } finally {
      await db.update(areas).set({ boundary: DEMO_BOUNDARIES.WK054206 }).where(eq(areas.slug, "boveneind"));
    }
  });
});

describe("the API's index", () => {
  it("GET /api/v1 answers JSON with the OpenAPI document and every endpoint, each of which answers", async () => {
    const response = await apiIndex(request(""));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    const body = (await json(response)) as { documentation: string; endpoints: Array<{ path: string }> };
    expect(body.documentation).toBe(`${getEnv().appUrl}/api/v1/openapi.json`);
    const documented = Object.keys(((await json(await getOpenApi(request("/openapi.json")))) as { paths: Record<string, unknown> }).paths).map((p) => `/api/v1${p}`);
    expect(body.endpoints.map((e) => e.path).sort()).toEqual(documented.sort());
  });
});

describe("an unknown API path", () => {
  it("answers 404 in JSON, like every other API error", async () => {
    const response = await unknownRoute(request("/bestaat-niet"));
    expect(response.status).toBe(404);
    expect(apiErrorSchema.parse(await json(response)).error.code).toBe("not_found");
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
  });
});

describe("a method the API does not take", () => {
  // Every route file of the API, found on disk, so a new route without the 405 fails here.
  const routeFiles = readdirSync(path.join(process.cwd(), "app/api/v1"), { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === "route.ts")
    .map((file) => file.split(path.sep).join("/"));

  it("is found in every route of the API", () => {
    expect(routeFiles.sort()).toEqual(
      ["route.ts", "[...path]/route.ts", "groepen/route.ts", "groepen/[slug]/route.ts", "openapi.json/route.ts", "wijken/route.ts", "wijken/[slug]/route.ts", "wijkgrenzen/route.ts"].sort(),
    );
  });

  it("answers POST, PUT, PATCH and DELETE on every route with a JSON 405, Allow, CORS and the security headers; HSTS over HTTPS", async () => {
    const appUrl = getEnv().appUrl;
    try {
      for (const url of ["http://localhost:3000", "https://buurtpreventie.example.nl"]) {
        setEnv({ APP_URL: url });
        for (const file of routeFiles) {
          const route = (await import(`./${file}`)) as Record<string, unknown>;
          for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
            const handler = route[method];
            expect(typeof handler, `${method} ${file}`).toBe("function");
            const response = (handler as () => Response)();
            expect(response.status, `${method} ${file}`).toBe(405);
            expect(response.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
            expect(response.headers.get("access-control-allow-origin")).toBe("*");
            expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
            expect(response.headers.get("strict-transport-security")).toBe(url.startsWith("https:") ? HSTS_VALUE : null);
            const body = apiErrorSchema.parse(await json(response));
            expect(body.error).toEqual({ code: "method_not_allowed", message: "Deze API kan alleen gegevens geven. Gebruik GET." });
          }
        }
      }
    } finally {
      setEnv({ APP_URL: appUrl });
    }
  });
});

describe("the API rate limit", () => {
  it("answers 429 with Retry-After past API_RATE_LIMIT_PER_MINUTE requests per minute from one IP address", async () => {
    setEnv({ API_RATE_LIMIT_PER_MINUTE: "3" });
    try {
      const from = (ip: string) => new Request(`${BASE}/wijken`, { headers: { "x-forwarded-for": ip } });
      for (let i = 0; i < 3; i++) expect((await listAreas(from("203.0.113.50"))).status).toBe(200);
      const limited = await listAreas(from("203.0.113.50"));
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(limited.headers.get("access-control-allow-origin")).toBe("*");
      expect(apiErrorSchema.parse(await limited.json()).error).toEqual({
        code: "rate_limited",
        message: "U heeft te veel verzoeken gedaan. Wacht een minuut en probeer het dan opnieuw.",
      });
      // It counts for the whole API, per address.
      expect((await getGroup(new Request(`${BASE}/groepen/langeland-noord`, { headers: { "x-forwarded-for": "203.0.113.50" } }), params("langeland-noord"))).status).toBe(429);
      expect((await listAreas(from("203.0.113.51"))).status).toBe(200);
      // Counted in memory: no visitor's IP address is written to the database.
      const { db } = database.current.handle;
      expect((await db.select().from(rateLimits)).filter((r) => r.key.startsWith("api"))).toEqual([]);
    } finally {
      setEnv({ API_RATE_LIMIT_PER_MINUTE: "0" });
    }
  });

  it("is off with API_RATE_LIMIT_PER_MINUTE=0", async () => {
    for (let i = 0; i < 8; i++) {
      const response = await listAreas(new Request(`${BASE}/wijken`, { headers: { "x-forwarded-for": "203.0.113.60" } }));
      expect(response.status).toBe(200);
    }
  });
});

describe("GET /api/v1/openapi.json", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const response = await getOpenApi(request("/openapi.json"));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=3600");
    const document = (await json(response)) as { openapi: string; paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };
    expect(document.openapi).toBe("3.1.0");
    const validator = new Validator();
    const result = await validator.validate(document as unknown as SpecData);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
    // The validator does catch a broken document.
    const broken = await new Validator().validate({ ...document, paths: { "/groepen": { get: { responses: "geen" } } } } as unknown as SpecData);
    expect(broken.valid).toBe(false);
  });

  it("documents every route, and its response schemas come from the zod schemas", async () => {
    const document = (await (await getOpenApi(request("/openapi.json"))).json()) as {
      servers: Array<{ url: string }>;
      paths: Record<string, { get: { parameters?: Array<{ name: string; required: boolean }> } }>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    expect(document.servers[0].url).toBe(`${getEnv().appUrl}/api/v1`);
    expect(Object.keys(document.paths).sort()).toEqual(["/groepen", "/groepen/{slug}", "/openapi.json", "/wijken", "/wijken/{slug}", "/wijkgrenzen"]);
    expect(document.paths["/groepen"].get.parameters?.map((p) => [p.name, p.required])).toEqual([
      ["postcode", true],
      ["huisnummer", true],
      ["toevoeging", false],
    ]);
    expect(Object.keys(document.components.schemas).sort()).toEqual(
      ["AddressLookup", "AreaBoundaryCollection", "AreaBoundaryFeature", "AreaDetail", "AreaList", "AreaRef", "AreaSummary", "BoundaryGeometry", "Error", "Group", "Municipality"].sort(),
    );
    expect(Object.keys(document.components.schemas.Group.properties ?? {}).sort()).toEqual(Object.keys(publicGroupSchema.shape).sort());
    expect(JSON.stringify(document)).not.toContain('"$id"');
  });

  it("has examples that match the schemas", () => {
    const examples = exampleResponses("https://buurtpreventie.example.nl");
    expect(() => publicGroupSchema.strict().parse(examples.group)).not.toThrow();
    expect(() => addressLookupResultSchema.parse(examples.lookup)).not.toThrow();
    expect(() => areaListSchema.parse(examples.areaList)).not.toThrow();
    expect(() => areaDetailSchema.parse(examples.area)).not.toThrow();
    expect(() => areaBoundaryCollectionSchema.parse(examples.boundaries)).not.toThrow();
    for (const error of Object.values(examples.errors)) expect(() => apiErrorSchema.parse(error)).not.toThrow();
  });
});
