/**
 * Read results kept in this process's memory for a few seconds, and dropped the moment this
 * process writes to the database (db/data-version.ts): a visitor never sees this process's own
 * change late. A change made by another server process on the same database shows within
 * `maxAgeMs + staleMs`.
 *
 * - Younger than `maxAgeMs`, no write since it was read: served as it is.
 * - Older, but younger than `maxAgeMs + staleMs`, still no write: served as it is while one new
 *   read runs in the background (the first request after `maxAgeMs` starts it). Under load no
 *   visitor waits for the new read, so one slow query does not show in every tenth answer.
 * - After a write of this process, older than that, or never read: the request waits for the
 *   read; requests for the same key at the same time share it.
 *
 * A read that was running while this process wrote may hold the state from before the write:
 * it is answered to the requests that waited for it but not kept. A failed read is not kept
 * either. Values are keyed per database handle (held weakly, so a test's database does not leak
 * into another's) and then by a string; at most `maxKeys` strings per handle are kept, the
 * oldest going first. Callers must not change a value they get: it is shared.
 */
import { dataVersion } from "@/db/data-version";
import { logger } from "./logger";

export interface WriteAwareCacheOptions {
  /** Named in the log when a background read fails. */
  name: string;
  maxAgeMs: number;
  /** How long past maxAgeMs a value may still be served while it is read anew (0: never). */
  staleMs: number;
  maxKeys: number;
  /** For tests: the clock. */
  now?: () => number;
}

interface Entry<V> {
  version: number;
  /** When the read of `value` started: the age of the data. */
  readAt: number;
  value: Promise<V>;
  /** A background read that will replace this entry. */
  refreshing?: boolean;
}

export interface WriteAwareCache<V> {
  get(handle: object, key: string): Promise<V>;
  /** Forgets every value. */
  clear(): void;
  /** For tests: the clock the cache reads. */
  setClock(now: () => number): void;
}

export function writeAwareCache<V>(read: (key: string) => Promise<V>, options: WriteAwareCacheOptions): WriteAwareCache<V> {
  let perHandle = new WeakMap<object, Map<string, Entry<V>>>();
  let now = options.now ?? Date.now;

  function keep(entries: Map<string, Entry<V>>, key: string, entry: Entry<V>) {
    entries.delete(key);
    if (entries.size >= options.maxKeys) entries.delete(entries.keys().next().value!);
    entries.set(key, entry);
  }

  function start(entries: Map<string, Entry<V>>, key: string, version: number): Entry<V> {
    const entry: Entry<V> = { version, readAt: now(), value: read(key) };
    entry.value.then(
      () => {
        // A write during the read: the value may be from before it; do not keep it.
        if (dataVersion() !== version && entries.get(key) === entry) entries.delete(key);
      },
      () => {
        if (entries.get(key) === entry) entries.delete(key);
      },
    );
    return entry;
  }

  return {
    get(handle, key) {
      let entries = perHandle.get(handle);
      if (!entries) {
        entries = new Map();
        perHandle.set(handle, entries);
      }
      const version = dataVersion();
      const hit = entries.get(key);
      if (hit && hit.version === version) {
        const age = now() - hit.readAt;
        if (age < options.maxAgeMs) return hit.value;
        if (age < options.maxAgeMs + options.staleMs) {
          if (!hit.refreshing) {
            hit.refreshing = true;
            const next = start(entries, key, version);
            const map = entries;
            next.value.then(
              () => {
                if (map.get(key) === hit && dataVersion() === version) keep(map, key, next);
              },
              (error: unknown) => {
                hit.refreshing = false;
                logger.error(`${options.name}: reading anew in the background failed`, error);
              },
            );
          }
          return hit.value;
        }
      }
      const entry = start(entries, key, version);
      keep(entries, key, entry);
      return entry.value;
    },
    clear() {
      perHandle = new WeakMap();
    },
    setClock(clock) {
      now = clock;
    },
  };
}
