/**
 * /wijken at the scale of a national installation: with more municipalities than fit on one page
 * it lists them with their totals, each linking to its own view with the map (drawing thousands
 * of wijk outlines on one page took more memory than the server has); a region's installation
 * shows every municipality in full.
 */
import { createElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { areas, municipalities } from "@/db/schema";
import { aGroup, aMunicipality, anArea, aUser } from "@/db/seed/builders";
import { nationalFiguresForTests } from "@/lib/data/public/areas";
import type { BoundaryGeometry } from "@/lib/domain/geo";
import { resetEnvForTests } from "@/lib/env";
import { withTestDatabase } from "@/tests/db";

vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<typeof import("next/server")>()), connection: async () => {} }));

const { default: AreasPage } = await import("./page");

const database = withTestDatabase();
const savedEnv = { ...process.env };
const SQUARE: BoundaryGeometry = { type: "Polygon", coordinates: [[[4.6, 51.9], [4.62, 51.9], [4.62, 51.92], [4.6, 51.92], [4.6, 51.9]]] };

async function render(query: Record<string, string> = {}): Promise<string> {
  const element = (await AreasPage({ searchParams: Promise.resolve(query) })) as ReactNode;
  return renderToStaticMarkup(createElement("div", null, element));
}

beforeAll(async () => {
  process.env = { ...savedEnv, LOG_LEVEL: "silent" };
  resetEnvForTests();
});
afterAll(() => {
  process.env = { ...savedEnv };
  resetEnvForTests();
});

describe("/wijken with few and with many municipalities", () => {
  it("shows up to four municipalities in full, each with its wijken", async () => {
    const { db } = database.current.handle;
    for (const name of ["Eerstedorp", "Tweedestad"]) {
      const municipality = await aMunicipality(db, { name });
      await anArea(db, municipality, { name: `${name}-Centrum`, boundary: SQUARE });
    }
    const html = await render();
    expect(html).toContain("Gemeente Eerstedorp");
    expect(html).toContain("Eerstedorp-Centrum");
    expect(html).toContain("Tweedestad-Centrum");
    expect(html).toContain("<svg");
  });

  it("above four, lists the municipalities with links and totals, and draws no map", async () => {
    const { db } = database.current.handle;
    for (const name of ["Derdeveen", "Vierhoven", "Vijfhuizen"]) {
      const municipality = await aMunicipality(db, { name });
      await anArea(db, municipality, { name: `${name}-Noord`, boundary: SQUARE });
      await anArea(db, municipality, { name: `${name}-Zuid`, boundary: SQUARE });
    }
    const html = await render();
    for (const slug of ["eerstedorp", "tweedestad", "derdeveen", "vierhoven", "vijfhuizen"]) expect(html).toContain(`href="/wijken?gemeente=${slug}"`);
    expect(html).not.toContain("Derdeveen-Noord");
    expect(html).not.toContain("<svg");
    expect(html).toMatch(/<th scope="row"[^>]*><a href="\/wijken\?gemeente=vierhoven">Vierhoven<\/a><\/th><td[^>]*>2<\/td>/);
  });

  it("a municipality's own view has its wijken, its map and a link back, and nothing of the others", async () => {
    const html = await render({ gemeente: "vierhoven" });
    expect(html).toContain("Groepen per wijk in Vierhoven");
    expect(html).toContain("Vierhoven-Noord");
    expect(html).toContain("Vierhoven-Zuid");
    expect(html).not.toContain("Derdeveen-Noord");
    expect(html).toContain("<svg");
    expect(html).toContain('href="/wijken"');
  });

  it("the list's totals are those of each municipality's own view", async () => {
    const { db } = database.current.handle;
    const [area] = await db.select().from(areas).where(eq(areas.name, "Vierhoven-Noord"));
    const admin = await aUser(db);
    await aGroup(db, area, { name: "Vierhoven Een", admins: [admin], addresses: [{ postcode: "4010AA", houseNumber: 1 }, { postcode: "4010AA", houseNumber: 2 }] });
    await aGroup(db, area, { name: "Vierhoven Twee", admins: [admin], addresses: [{ postcode: "4010AA", houseNumber: 2 }] });
    nationalFiguresForTests.invalidate();
    const html = await render();
    expect(html).toMatch(/<a href="\/wijken\?gemeente=vierhoven">Vierhoven<\/a><\/th><td[^>]*>2<\/td><td[^>]*>2<\/td><td[^>]*>2<\/td>/);
    const own = await render({ gemeente: "vierhoven" });
    expect(own).toContain("<strong>2 groepen</strong> met samen <strong>2 adressen</strong>");
  });

  it("an unknown, disabled or strange municipality is a 404 (not found), never an error", async () => {
    const { db } = database.current.handle;
    await db.update(municipalities).set({ disabledAt: new Date() }).where(eq(municipalities.slug, "derdeveen"));
    for (const gemeente of ["bestaat-niet", "derdeveen", "<script>alert(1)</script>", "' OR 1=1 --", "x".repeat(5000), ""]) {
      await expect(render({ gemeente })).rejects.toMatchObject({ digest: "NEXT_HTTP_ERROR_FALLBACK;404" });
    }
    // The disabled municipality is not on the page either (four are left, shown in full).
    const html = await render();
    expect(html).toContain("Gemeente Vierhoven");
    expect(html).not.toContain("Derdeveen");
  });
});
