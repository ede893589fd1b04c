/**
 * Reading list filters from the URL. Anything that does not fit is ignored (never an error,
 * never a 500): a filter is a wish, not a command. Pure functions, no I/O.
 */
import { isValidCalendarDate } from "@/lib/domain/dates";
import { isUuid } from "@/lib/domain/ids";

export type SearchParams = Record<string, string | string[] | undefined>;

export function first(params: SearchParams, key: string): string | undefined {
  const value = params[key];
  const one = Array.isArray(value) ? value[0] : value;
  return typeof one === "string" ? one : undefined;
}

export function all(params: SearchParams, key: string): string[] {
  const value = params[key];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).flatMap((v) => v.split(",")).filter(Boolean);
}

export function uuidParam(params: SearchParams, key: string): string | undefined {
  const value = first(params, key)?.trim().toLowerCase();
  return isUuid(value) ? value : undefined;
}

export function dateParam(params: SearchParams, key: string): string | undefined {
  const value = first(params, key)?.trim();
  return value && isValidCalendarDate(value) && value >= "1900-01-01" && value <= "2999-12-31" ? value : undefined;
}

export function intParam(params: SearchParams, key: string, min: number, max: number): number | undefined {
  const value = first(params, key)?.trim();
  if (!value || !/^\d{1,9}$/.test(value)) return undefined;
  const n = Number(value);
  return n >= min && n <= max ? n : undefined;
}

export function enumParam<T extends string>(params: SearchParams, key: string, allowed: readonly T[]): T | undefined {
  const value = first(params, key);
  return allowed.find((a) => a === value);
}

export function enumListParam<T extends string>(params: SearchParams, key: string, allowed: readonly T[]): T[] {
  const wanted = new Set(all(params, key));
  return allowed.filter((a) => wanted.has(a));
}

/** A free search text: trimmed, at most 100 characters, control characters removed. */
export function textParam(params: SearchParams, key: string, max = 100): string | undefined {
  const value = first(params, key)
    ?.replace(/[\u0000-\u001f\u007f]/g, " ")
    .trim()
    .slice(0, max);
  return value ? value : undefined;
}

/** An opaque keyset cursor: [sort value, id], base64url-encoded JSON. */
export function encodeCursor(value: string | number, id: string | number): string {
  return Buffer.from(JSON.stringify([value, id]), "utf8").toString("base64url");
}

export function decodeCursor(raw: string | undefined): { value: string | number; id: string | number } | undefined {
  if (!raw || raw.length > 400) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    if (!Array.isArray(parsed) || parsed.length !== 2) return undefined;
    const [value, id] = parsed as unknown[];
    if ((typeof value !== "string" && typeof value !== "number") || (typeof id !== "string" && typeof id !== "number")) {
      return undefined;
    }
    return { value, id };
  } catch {
    return undefined;
  }
}

/**
 * One page of a keyset-paged list, from `rows` fetched with `limit(pageSize + 1)`: the first
 * `pageSize` rows, and the cursor of the next page (from the last row shown) when there is more.
 */
export function keysetPage<R extends { id: string | number }>(
  rows: R[],
  pageSize: number,
  sortValue: (row: R) => string | number,
): { page: R[]; nextCursor: string | null } {
  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  return { page, nextCursor: rows.length > pageSize && last ? encodeCursor(sortValue(last), last.id) : null };
}

/** Escapes % and _ for a LIKE pattern. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Filter values by URL parameter name, as toQuery takes them. */
export type QueryValues = Record<string, string | number | string[] | undefined | null>;

/** A query string from a filter object; empty values are left out. */
export function toQuery(values: QueryValues): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === null || value === "") continue;
    if (Array.isArray(value)) {
      if (value.length > 0) search.set(key, value.join(","));
    } else search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}
