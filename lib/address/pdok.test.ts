import { describe, expect, it } from "vitest";

import { buildFreeSearchUrl, parseWktPoint } from "./pdok";

describe("parseWktPoint", () => {
  it.each([
    ["POINT(4.59 51.91)", { lat: 51.91, lng: 4.59 }],
    ["POINT (4.5966 51.9173)", { lat: 51.9173, lng: 4.5966 }],
    [" point(4 52) ", { lat: 52, lng: 4 }],
  ])("reads %j", (wkt, expected) => {
    expect(parseWktPoint(wkt)).toEqual(expected);
  });

  it.each([null, undefined, "", "POINT(4.59)", "POINT(a b)", "POLYGON((1 2, 3 4))", "POINT(200 95)"])("ignores %j", (wkt) => {
    expect(parseWktPoint(wkt)).toBeUndefined();
  });
});

describe("buildFreeSearchUrl", () => {
  it("builds the v3.1 free query, encoded", () => {
    const url = buildFreeSearchUrl("https://api.pdok.nl/bzk/locatieserver/search/v3_1/", {
      postcode: "2922AB",
      houseNumber: 12,
      addition: "A",
    });
    expect(url.startsWith("https://api.pdok.nl/bzk/locatieserver/search/v3_1/free?q=postcode%3A2922AB%20and%20huisnummer%3A12&fq=type%3Aadres")).toBe(true);
    expect(url).toContain("&rows=10");
  });
});
