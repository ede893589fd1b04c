/**
 * A counter of this process's writes to the database, for caches of read results (the
 * address look-up, lib/data/public/lookup.ts): a cached answer is used only while the counter still
 * has the value it had when the answer was read.
 *
 * Both drivers report here (db/index.ts): after every statement that may write (anything but a
 * plain `select`; a false alarm only costs a cache miss) and after every transaction ends
 * (committed or not), so a read that ran while a transaction was open is never kept past its
 * commit. Writes of other server processes are not seen here: caches keep their answers for a
 * few seconds only (see LOOKUP_CACHE_MS).
 */

/**
 * The counter lives on `globalThis` under a registered symbol, so that the page cache of the
 * server (scripts/page-cache.mjs, plain Node.js outside the build) reads the same counter as the
 * code Next.js built.
 */
export const DATA_VERSION_KEY = Symbol.for("buurtpreventie.dataVersion");
const counter = ((globalThis as Record<symbol, unknown>)[DATA_VERSION_KEY] ??= { version: 0 }) as { version: number };

/** A plain read: starts with `select` and names no writing command anywhere. */
const PLAIN_SELECT = /^\s*\(?\s*select\b/i;
const WRITING_WORD = /\b(insert|update|delete|truncate|merge|alter|drop|create|copy|call|do|lock|refresh|nextval|setval)\b/i;

/** The current value; changes after every (possible) write of this process. */
export function dataVersion(): number {
  return counter.version;
}

/** Counts a write: caches taken before it are no longer used. */
export function noteWrite(): void {
  counter.version++;
}

/** Counts `text` as a write unless it is a plain read. */
export function noteStatement(text: string): void {
  if (!PLAIN_SELECT.test(text) || WRITING_WORD.test(text)) counter.version++;
}

/**
 * Runs `work` (a statement) and then counts it by its text, also when it failed (a failed
 * statement may have been part of a bigger change).
 */
export async function afterStatement<T>(text: string, work: PromiseLike<T>): Promise<T> {
  try {
    return await work;
  } finally {
    noteStatement(text);
  }
}

/** Runs `work` (a transaction) and counts a write when it ends, however it ends. */
export async function afterTransaction<T>(work: PromiseLike<T>): Promise<T> {
  try {
    return await work;
  } finally {
    counter.version++;
  }
}
