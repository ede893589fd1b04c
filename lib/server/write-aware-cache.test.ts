import { describe, expect, it } from "vitest";
import { noteWrite } from "@/db/data-version";
import { writeAwareCache } from "./write-aware-cache";

/** Reads the test finishes by hand, and a clock it moves by hand. */
function setup(options: { staleMs?: number; maxKeys?: number } = {}) {
  let clock = 1_000_000;
  const reads: Array<{ key: string; resolve: (v: string) => void; reject: (e: Error) => void }> = [];
  const cache = writeAwareCache<string>(
    (key) =>
      new Promise<string>((resolve, reject) => {
        reads.push({ key, resolve, reject });
      }),
    { name: "test", maxAgeMs: 5_000, staleMs: options.staleMs ?? 25_000, maxKeys: options.maxKeys ?? 100, now: () => clock },
  );
  return {
    cache,
    reads,
    advance: (ms: number) => {
      clock += ms;
    },
  };
}

const flush = () => new Promise((r) => setImmediate(r));

describe("writeAwareCache", () => {
  it("reads once for requests that come together and serves the value for maxAgeMs", async () => {
    const { cache, reads, advance } = setup();
    const db = {};
    const first = cache.get(db, "a");
    const second = cache.get(db, "a");
    expect(reads).toHaveLength(1);
    reads[0].resolve("a1");
    expect(await first).toBe("a1");
    expect(await second).toBe("a1");
    advance(4_999);
    expect(await cache.get(db, "a")).toBe("a1");
    expect(reads).toHaveLength(1);
  });

  it("keeps keys and database handles apart", async () => {
    const { cache, reads } = setup();
    const one = {};
    const other = {};
    const a = cache.get(one, "a");
    const b = cache.get(one, "b");
    const otherA = cache.get(other, "a");
    expect(reads.map((r) => r.key)).toEqual(["a", "b", "a"]);
    reads[0].resolve("one-a");
    reads[1].resolve("one-b");
    reads[2].resolve("other-a");
    expect([await a, await b, await otherA]).toEqual(["one-a", "one-b", "other-a"]);
  });

  it("reads anew, and makes the request wait, after a write of this process", async () => {
    const { cache, reads } = setup();
    const db = {};
    const first = cache.get(db, "a");
    reads[0].resolve("before");
    await first;
    noteWrite();
    const after = cache.get(db, "a");
    expect(reads).toHaveLength(2);
    reads[1].resolve("after");
    expect(await after).toBe("after");
    expect(await cache.get(db, "a")).toBe("after");
    expect(reads).toHaveLength(2);
  });

  it("does not keep a value read while this process wrote", async () => {
    const { cache, reads } = setup();
    const db = {};
    const during = cache.get(db, "a");
    noteWrite();
    reads[0].resolve("maybe old");
    // The requests that waited for it get it.
    expect(await during).toBe("maybe old");
    await flush();
    const next = cache.get(db, "a");
    expect(reads).toHaveLength(2);
    reads[1].resolve("new");
    expect(await next).toBe("new");
  });

  it("serves an older value while one background read runs, then the new value", async () => {
    const { cache, reads, advance } = setup();
    const db = {};
    const first = cache.get(db, "a");
    reads[0].resolve("v1");
    await first;
    advance(6_000);
    expect(await cache.get(db, "a")).toBe("v1");
    expect(await cache.get(db, "a")).toBe("v1");
    // One background read, however many requests came.
    expect(reads).toHaveLength(2);
    reads[1].resolve("v2");
    await flush();
    expect(await cache.get(db, "a")).toBe("v2");
    expect(reads).toHaveLength(2);
  });

  it("makes the request wait once the value is older than maxAgeMs + staleMs", async () => {
    const { cache, reads, advance } = setup();
    const db = {};
    const first = cache.get(db, "a");
    reads[0].resolve("v1");
    await first;
    advance(30_000);
    const late = cache.get(db, "a");
    expect(reads).toHaveLength(2);
    reads[1].resolve("v2");
    expect(await late).toBe("v2");
  });

  it("with staleMs 0 never serves a value older than maxAgeMs", async () => {
    const { cache, reads, advance } = setup({ staleMs: 0 });
    const db = {};
    const first = cache.get(db, "a");
    reads[0].resolve("v1");
    await first;
    advance(5_000);
    const next = cache.get(db, "a");
    reads[1].resolve("v2");
    expect(await next).toBe("v2");
  });

  it("drops a background read that a write overtook, and keeps the value it had no more", async () => {
    const { cache, reads, advance } = setup();
    const db = {};
    const first = cache.get(db, "a");
    reads[0].resolve("v1");
    await first;
    advance(6_000);
    expect(await cache.get(db, "a")).toBe("v1");
    noteWrite();
    reads[1].resolve("read before the write");
    await flush();
    const after = cache.get(db, "a");
    expect(reads).toHaveLength(3);
    reads[2].resolve("v3");
    expect(await after).toBe("v3");
  });

  it("keeps no failed read, and tries again after a failed background read", async () => {
    const { cache, reads, advance } = setup();
    const db = {};
    const failing = cache.get(db, "a");
    reads[0].reject(new Error("database away"));
    await expect(failing).rejects.toThrow("database away");
    await flush();
    const second = cache.get(db, "a");
    expect(reads).toHaveLength(2);
    reads[1].resolve("v1");
    await second;
    advance(6_000);
    expect(await cache.get(db, "a")).toBe("v1");
    reads[2].reject(new Error("database away"));
    await flush();
    expect(await cache.get(db, "a")).toBe("v1");
    expect(reads).toHaveLength(4);
  });

  it("keeps at most maxKeys keys per handle, forgetting the oldest first", async () => {
    const { cache, reads } = setup({ maxKeys: 2 });
    const db = {};
    for (const key of ["a", "b", "c"]) {
      const value = cache.get(db, key);
      reads.at(-1)!.resolve(key);
      await value;
    }
    await cache.get(db, "c");
    await cache.get(db, "b");
    expect(reads).toHaveLength(3);
    const again = cache.get(db, "a");
    expect(reads).toHaveLength(4);
    reads[3].resolve("a");
    await again;
  });
});
