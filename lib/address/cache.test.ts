import { describe, expect, it } from "vitest";

import { LruTtlCache } from "./cache";

describe("LruTtlCache", () => {
  it("never holds more than its maximum", () => {
    const cache = new LruTtlCache<number>(1000, () => 0);
    for (let i = 0; i < 5000; i++) cache.set(String(i), i, 60_000);
    expect(cache.size).toBe(1000);
    expect(cache.get("3999")).toBeUndefined();
    expect(cache.get("4000")).toBe(4000);
  });

  it("stores nothing with size 0 or a TTL of 0", () => {
    const none = new LruTtlCache<number>(0, () => 0);
    none.set("a", 1, 1000);
    expect(none.get("a")).toBeUndefined();
    const cache = new LruTtlCache<number>(10, () => 0);
    cache.set("a", 1, 0);
    expect(cache.get("a")).toBeUndefined();
  });
});
