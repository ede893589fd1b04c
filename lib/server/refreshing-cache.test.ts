import { describe, expect, it } from "vitest";
import { refreshingCache } from "./refreshing-cache";

/** A computation the test finishes by hand, and a clock it moves by hand. */
function setup() {
  let clock = 1_000_000;
  const calls: Array<{ resolve: (v: number) => void; reject: (e: Error) => void }> = [];
  const cache = refreshingCache<object, number>(
    () =>
      new Promise<number>((resolve, reject) => {
        calls.push({ resolve, reject });
      }),
    { name: "test", maxAgeMs: 60_000, staleMs: 240_000, now: () => clock },
  );
  return {
    cache,
    calls,
    advance: (ms: number) => {
      clock += ms;
    },
  };
}

const flush = () => new Promise((r) => setImmediate(r));

describe("refreshingCache", () => {
  it("computes once for requests that arrive together, then serves the value for a minute", async () => {
    const { cache, calls, advance } = setup();
    const key = {};
    const first = cache.get(key);
    const second = cache.get(key);
    await flush();
    expect(calls).toHaveLength(1);
    calls[0].resolve(7);
    expect(await first).toBe(7);
    expect(await second).toBe(7);
    advance(59_999);
    expect(await cache.get(key)).toBe(7);
    expect(calls).toHaveLength(1);
  });

  it("after a minute serves the old value once while it counts anew, then the new one", async () => {
    const { cache, calls, advance } = setup();
    const key = {};
    const first = cache.get(key);
    await flush();
    calls[0].resolve(1);
    await first;
    advance(60_000);
    expect(await cache.get(key)).toBe(1);
    expect(calls).toHaveLength(2);
    // A request while the new count runs gets the old value too and starts no second count.
    expect(await cache.get(key)).toBe(1);
    expect(calls).toHaveLength(2);
    calls[1].resolve(2);
    await cache.whenIdle();
    expect(await cache.get(key)).toBe(2);
    expect(calls).toHaveLength(2);
  });

  it("never serves a value older than five minutes: that request waits for the count", async () => {
    const { cache, calls, advance } = setup();
    const key = {};
    const first = cache.get(key);
    await flush();
    calls[0].resolve(1);
    await first;
    advance(300_000);
    let answered: number | undefined;
    const waiting = cache.get(key).then((v) => (answered = v));
    await flush();
    expect(answered).toBeUndefined();
    calls[1].resolve(5);
    await waiting;
    expect(answered).toBe(5);
  });

  it("counts the age from the start of the count, not its end", async () => {
    const { cache, calls, advance } = setup();
    const key = {};
    const first = cache.get(key);
    await flush();
    advance(50_000);
    calls[0].resolve(1);
    await first;
    advance(10_000);
    await cache.get(key);
    expect(calls).toHaveLength(2);
  });

  it("keeps the old value when a background count fails, and tries again on the next request", async () => {
    const { cache, calls, advance } = setup();
    const key = {};
    const first = cache.get(key);
    await flush();
    calls[0].resolve(1);
    await first;
    advance(61_000);
    expect(await cache.get(key)).toBe(1);
    calls[1].reject(new Error("database away"));
    await cache.whenIdle();
    expect(await cache.get(key)).toBe(1);
    expect(calls).toHaveLength(3);
    calls[2].resolve(3);
    await cache.whenIdle();
    expect(await cache.get(key)).toBe(3);
  });

  it("passes a failed first count to the request, and counts again on the next one", async () => {
    const { cache, calls } = setup();
    const key = {};
    const first = cache.get(key);
    await flush();
    calls[0].reject(new Error("database away"));
    await expect(first).rejects.toThrow("database away");
    const second = cache.get(key);
    await flush();
    expect(calls).toHaveLength(2);
    calls[1].resolve(4);
    expect(await second).toBe(4);
  });

  it("keeps one value per key, and forgets all on invalidate (a count running then is not kept)", async () => {
    const { cache, calls } = setup();
    const a = {};
    const b = {};
    const fromA = cache.get(a);
    const fromB = cache.get(b);
    await flush();
    calls[0].resolve(10);
    calls[1].resolve(20);
    expect([await fromA, await fromB]).toEqual([10, 20]);
    const running = cache.get(a);
    expect(await running).toBe(10);
    cache.invalidate();
    const again = cache.get(a);
    await flush();
    expect(calls).toHaveLength(3);
    calls[2].resolve(11);
    expect(await again).toBe(11);
  });
});
