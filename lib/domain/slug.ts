/**
 * A URL-safe slug from a name: "Buurtpreventie Één-straat!" → "buurtpreventie-een-straat".
 * The seed's builders use it too (db/ may import this leaf of lib/domain).
 */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
}
