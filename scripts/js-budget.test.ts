/**
 * The public-page JavaScript budget check (npm run check:js) on a made-up build output: the
 * shared chunks are left out, a route's own chunks are summed gzipped, and a route over the
 * budget is reported (unless listed as known).
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { measureJsBudget } from "./js-budget.mjs";

const dir = mkdtempSync(path.join(tmpdir(), "js-budget-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Random bytes do not compress: gzip keeps their size (plus a few bytes). */
function chunk(name: string, bytes: number): string {
  mkdirSync(path.join(dir, "static", "chunks"), { recursive: true });
  writeFileSync(path.join(dir, "static", "chunks", name), randomBytes(bytes));
  return `static/chunks/${name}`;
}

function route(segments: string[], entry: Record<string, string[]>) {
  const folder = path.join(dir, "server", "app", "(public)", ...segments);
  mkdirSync(folder, { recursive: true });
  const key = `/(public)/${[...segments, "page"].join("/")}`;
  writeFileSync(
    path.join(folder, "page_client-reference-manifest.js"),
    `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\nglobalThis.__RSC_MANIFEST[${JSON.stringify(key)}] = ${JSON.stringify({ entryJSFiles: entry })};`,
  );
}

describe("the public-page JavaScript budget", () => {
  const framework = chunk("framework.js", 50_000);
  const layout = chunk("layout.js", 20_000);
  const small = chunk("small.js", 4_000);
  const big = chunk("big.js", 30_000);
  writeFileSync(path.join(dir, "build-manifest.json"), JSON.stringify({ rootMainFiles: [framework] }));
  route([], { "[project]/app/layout": [layout] });
  route(["groepen", "[slug]"], { "[project]/app/layout": [layout], page: [small] });
  route(["zwaar"], { "[project]/app/layout": [layout], page: [layout, big, small] });

  it("leaves out the framework and the chunks every public route loads, and reports a route over 10 KB", () => {
    const result = measureJsBudget(dir, 10 * 1024, {});
    expect(result.sharedBytes).toBeGreaterThanOrEqual(70_000);
    const own = Object.fromEntries(result.routes.map((r) => [r.route, r.ownBytes]));
    expect(own["/"]).toBe(0);
    expect(own["/groepen/[slug]"]).toBeGreaterThanOrEqual(4_000);
    expect(own["/groepen/[slug]"]).toBeLessThan(4_200);
    expect(own["/zwaar"]).toBeGreaterThanOrEqual(34_000);
    expect(result.over.map((r) => r.route)).toEqual(["/zwaar"]);
  });

  it("reports a known heavy route as known, not as over", () => {
    const result = measureJsBudget(dir, 10 * 1024, { "/zwaar": "test" });
    expect(result.over).toEqual([]);
    expect(result.knownOver.map((r) => r.route)).toEqual(["/zwaar"]);
  });
});

describe("the signed-in JavaScript budget (issue 23)", () => {
  function signedInRoute(segments: string[], entry: Record<string, string[]>) {
    const folder = path.join(dir, "server", "app", ...segments);
    mkdirSync(folder, { recursive: true });
    writeFileSync(
      path.join(folder, "page_client-reference-manifest.js"),
      `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\nglobalThis.__RSC_MANIFEST[${JSON.stringify(`/${[...segments, "page"].join("/")}`)}] = ${JSON.stringify({ entryJSFiles: entry })};`,
    );
  }

  it("measures the signed-in routes against the same shared chunks, with 25 KB each", () => {
    const layout = "static/chunks/layout.js";
    signedInRoute(["(resident)", "groep-starten"], { page: [layout, chunk("form.js", 20_000)] });
    signedInRoute(["beheer", "zwaar"], { page: [layout, chunk("heavy-form.js", 30_000)] });
    const result = measureJsBudget(dir, 5 * 1024, {}, 25 * 1024);
    const own = Object.fromEntries(result.signedInRoutes.map((r) => [r.route, r.ownBytes]));
    expect(own["/groep-starten"]).toBeGreaterThanOrEqual(20_000);
    expect(own["/groep-starten"]).toBeLessThan(20_200);
    expect(result.signedInOver.map((r) => r.route)).toEqual(["/beheer/zwaar"]);
    // The public routes keep their own, smaller budget.
    expect(result.over.map((r) => r.route)).toEqual(["/zwaar"]);
  });
});
