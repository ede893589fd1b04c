/**
 * Test helper: the application's route tree, read from the app/ directory the way Next.js reads
 * it, and whether a path or a link leads to a page (or route handler) that exists.
 *
 * A route is a folder under app/ with page.(tsx|ts|jsx|js) or route.(ts|js). Route groups
 * `(name)` add no segment, private folders `_name` and parallel slots `@name` are not routes,
 * `[param]` matches one segment, `[...param]` one or more, `[[...param]]` zero or more.
 */
import { readdirSync } from "node:fs";
import path from "node:path";

export interface AppRoute {
  /** The folder of the route under app/, e.g. `app/beheer/borden/[id]`. */
  file: string;
  /** The route's segments as Next.js sees them, e.g. ["beheer", "borden", "[id]"]. */
  segments: string[];
}

const ROUTE_FILE = /^(page\.(tsx|ts|jsx|js)|route\.(ts|js))$/;

/** Every page and route handler under `appDir` (default: ./app of the project). */
export function appRoutes(appDir = path.join(process.cwd(), "app")): AppRoute[] {
  const found: AppRoute[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isFile() && ROUTE_FILE.test(entry.name)) {
        found.push({ file: path.relative(process.cwd(), path.join(dir, entry.name)), segments });
      } else if (entry.isDirectory()) {
        const name = entry.name;
        if (name.startsWith("_") || name.startsWith("@")) continue;
        walk(path.join(dir, name), /^\(.*\)$/.test(name) ? segments : [...segments, name]);
      }
    }
  };
  walk(appDir, []);
  return found;
}

function matches(pattern: string[], parts: string[]): boolean {
  if (pattern.length === 0) return parts.length === 0;
  const [head, ...rest] = pattern;
  if (/^\[\[\.\.\..+\]\]$/.test(head)) return rest.length === 0;
  if (/^\[\.\.\..+\]$/.test(head)) return rest.length === 0 && parts.length > 0;
  if (parts.length === 0) return false;
  if (/^\[.+\]$/.test(head)) return parts[0] !== "" && matches(rest, parts.slice(1));
  return head === parts[0] && matches(rest, parts.slice(1));
}

/** The path part of a link (absolute on `origin`, or a path), without query or fragment; null for another site or scheme. */
export function pathOfLink(link: string, origin?: string): string | null {
  if (link.startsWith("/") && !link.startsWith("//")) return new URL(link, "http://localhost").pathname;
  if (!origin) return null;
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return null;
  }
  return url.origin === new URL(origin).origin ? url.pathname : null;
}

/** The route that serves `pathOrUrl` (a path such as `/beheer/borden/1?x=y#z`), or undefined. */
export function routeFor(pathOrUrl: string, routes: AppRoute[] = appRoutes()): AppRoute | undefined {
  const pathname = new URL(pathOrUrl, "http://localhost").pathname;
  const parts = pathname
    .split("/")
    .slice(1)
    .map((p) => decodeURIComponent(p));
  if (parts.length > 1 && parts.at(-1) === "") parts.pop();
  const normalised = parts.length === 1 && parts[0] === "" ? [] : parts;
  // Static segments win over dynamic ones, as in Next.js: the most specific match first.
  const specificity = (r: AppRoute) => r.segments.map((s) => (s.startsWith("[") ? "1" : "0")).join("");
  return [...routes].sort((a, b) => specificity(a).localeCompare(specificity(b))).find((r) => matches(r.segments, normalised));
}

/** The links in an e-mail: every href in the HTML and every web address in the text. */
export function linksInMail(mail: { text: string; html: string | null }): string[] {
  const unescape = (s: string) =>
    s.replaceAll("&quot;", '"').replaceAll("&#39;", "'").replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&");
  const fromHtml = [...(mail.html ?? "").matchAll(/\shref="([^"]*)"/g)].map((m) => unescape(m[1]));
  const fromText = [...mail.text.matchAll(/https?:\/\/[^\s<>"]+/g)].map((m) => m[0]);
  return [...new Set([...fromHtml, ...fromText])];
}
