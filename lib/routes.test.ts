import { describe, expect, it } from "vitest";
import { appRoutes, linksInMail, pathOfLink, routeFor } from "@/tests/app-routes";
import { routes } from "./routes";

/** Every path of the routes module, with sample values for the dynamic segments. */
function everyPath(node: unknown, name = "routes"): Array<[string, string]> {
  if (typeof node === "string") return [[name, node]];
  if (typeof node === "function") return [[name, (node as (v: string) => string)("00000000-0000-4000-8000-000000000001")]];
  return Object.entries(node as Record<string, unknown>).flatMap(([key, value]) => everyPath(value, `${name}.${key}`));
}

describe("the routes module", () => {
  const all = appRoutes();

  it("reads the route tree of app/ (route groups add no segment, [param] and [...param] match)", () => {
    expect(all.length).toBeGreaterThan(30);
    expect(routeFor("/", all)?.file).toBe("app/(public)/page.tsx");
    expect(routeFor("/groepen/langeland-noord", all)?.file).toBe("app/(public)/groepen/[slug]/page.tsx");
    expect(routeFor("/beheer/groepen/export", all)?.file).toBe("app/beheer/groepen/export/route.ts");
    expect(routeFor("/beheer/groepen/123?x=1#y", all)?.file).toBe("app/beheer/groepen/[id]/page.tsx");
    expect(routeFor("/api/v1/iets/anders", all)?.file).toBe("app/api/v1/[...path]/route.ts");
    expect(routeFor("/api/auth/callback/nodemailer", all)?.file).toBe("app/api/auth/[...nextauth]/route.ts");
    // The link the bord-request mail used to carry.
    expect(routeFor("/beheer/bordaanvragen/123", all)).toBeUndefined();
    expect(routeFor("/mijn-groepen/1/onbekend", all)).toBeUndefined();
    expect(routeFor("/_lib/metadata", all)).toBeUndefined();
  });

  it.each(everyPath(routes))("%s (%s) is a page or route handler under app/", (_name, path) => {
    expect(path.startsWith("/")).toBe(true);
    expect(routeFor(path, all)).toBeDefined();
  });

  it("finds the links of an e-mail and tells our own from others", () => {
    const links = linksInMail({
      text: "Kijk op https://bp.example/groepen/a.\nOf https://chat.whatsapp.com/x",
      html: '<a href="https://bp.example/beheer/borden/1?a=1&amp;b=2">x</a>',
    });
    expect(links).toEqual(["https://bp.example/beheer/borden/1?a=1&b=2", "https://bp.example/groepen/a.", "https://chat.whatsapp.com/x"]);
    expect(pathOfLink("https://bp.example/beheer/borden/1?a=1", "https://bp.example")).toBe("/beheer/borden/1");
    expect(pathOfLink("https://chat.whatsapp.com/x", "https://bp.example")).toBeNull();
    expect(pathOfLink("/wijken", "https://bp.example")).toBe("/wijken");
  });
});
