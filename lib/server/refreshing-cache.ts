/**
 * A value that is expensive to compute, kept in this process's memory for a short, stated time.
 *
 * - Younger than `maxAgeMs`: served as it is.
 * - Older, but younger than `maxAgeMs + staleMs`: served as it is while one recomputation runs in
 *   the background (the first request after `maxAgeMs` starts it); the next requests get the new
 *   value once it is there. A failed recomputation is logged and tried again by the next request.
 * - Older than that, or never computed: the request waits for the computation.
 *
 * One computation runs at a time per key (requests that arrive meanwhile share it). The age of a
 * value counts from the moment its computation started, so it is the age of the data. Keys are
 * objects (e.g. the database handle), held weakly: a test's database does not leak into another's.
 * `now` is injectable so that tests can move time without sleeping.
 */
import { logger } from "./logger";

export interface RefreshingCacheOptions {
  maxAgeMs: number;
  staleMs: number;
  now?: () => number;
  /** Named in the log when a background recomputation fails. */
  name: string;
}

interface Entry<V> {
  value?: V;
  computedAt: number;
  pending?: Promise<V>;
}

export interface RefreshingCache<K extends object, V> {
  get(key: K): Promise<V>;
  /** Forgets every value: the next request computes anew (and waits for it). */
  invalidate(): void;
  /** For tests: the clock the cache reads. */
  setClock(now: () => number): void;
  /** For tests: settles once no computation is running (a background one included). */
  whenIdle(): Promise<void>;
}

export function refreshingCache<K extends object, V>(compute: (key: K) => Promise<V>, options: RefreshingCacheOptions): RefreshingCache<K, V> {
  let entries = new WeakMap<K, Entry<V>>();
  let now = options.now ?? Date.now;
  const running = new Set<Promise<unknown>>();

  function start(key: K, entry: Entry<V>): Promise<V> {
    if (entry.pending) return entry.pending;
    const startedAt = now();
    const pending = compute(key).then(
      (value) => {
        // An invalidation while this ran leaves a different entry in place: do not overwrite it.
        if (entries.get(key) === entry) {
          entry.value = value;
          entry.computedAt = startedAt;
        }
        entry.pending = undefined;
        return value;
      },
      (error: unknown) => {
        entry.pending = undefined;
        throw error;
      },
    );
    entry.pending = pending;
    const settled = pending.then(
      () => undefined,
      () => undefined,
    );
    running.add(settled);
    void settled.then(() => running.delete(settled));
    return pending;
  }

  return {
    async get(key) {
      let entry = entries.get(key);
      if (!entry) {
        entry = { computedAt: Number.NEGATIVE_INFINITY };
        entries.set(key, entry);
      }
      const age = now() - entry.computedAt;
      if (entry.value !== undefined && age < options.maxAgeMs) return entry.value;
      if (entry.value !== undefined && age < options.maxAgeMs + options.staleMs) {
        start(key, entry).catch((error: unknown) => logger.error(`${options.name}: recomputing in the background failed`, error));
        return entry.value;
      }
      return start(key, entry);
    },
    invalidate() {
      entries = new WeakMap();
    },
    setClock(clock) {
      now = clock;
    },
    async whenIdle() {
      while (running.size > 0) await Promise.all([...running]);
    },
  };
}
