/**
 * Test helper: what in a piece of server-rendered HTML could run script, found the way the e2e
 * XSS spec finds it in the browser (e2e/xss.spec.ts `injected`), but on the markup itself.
 *
 * Escaped text cannot form a tag (it has no `<`), so every tag this finds is real markup: an
 * event-handler attribute, a javascript:/vbscript:/data:text/html URL in a URL attribute, a
 * refresh to such a URL, CSS that runs script, or an element that loads or runs other content.
 */

/**
 * React puts this on a <form> (or button) whose action is a function: it only throws if the form
 * is ever submitted natively (the browser build and the server build word it differently).
 */
const REACT_FORM_GUARD = /^javascript:throw new Error\('(A )?React form (was )?unexpectedly submitted\.'\)$/;

const URL_ATTRIBUTES = new Set(["href", "src", "action", "formaction", "xlink:href", "data", "srcdoc", "background", "poster", "codebase", "cite", "ping"]);
const DANGEROUS_ELEMENTS = new Set(["script", "iframe", "object", "embed", "base", "frame", "frameset", "applet"]);

const TAG = /<([a-zA-Z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

function decodeEntities(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replaceAll("&quot;", '"')
    .replaceAll("&apos;", "'")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&colon;", ":")
    .replaceAll("&tab;", "\t")
    .replaceAll("&newline;", "\n")
    .replaceAll("&amp;", "&");
}

export interface HtmlSafetyOptions {
  /** Elements the page itself renders on purpose (e.g. a <script type="application/ld+json">). */
  allowElements?: (tag: string, attributes: Map<string, string>) => boolean;
}

/**
 * React's own inline script, written once after the first form whose action is a function: it
 * replays a submit made before hydration. Its text is fixed (no `<`, nothing from input); in
 * the real page it carries the CSP nonce.
 */
const REACT_FORM_REPLAY = /<script>(addEventListener\("submit",function\(a\)\{if\(!a\.defaultPrevented\)\{[^<]*\$\$reactFormReplay[^<]*)<\/script>/g;

/** Everything in `html` that could run script; empty when the markup is safe. */
export function executableMarkup(input: string, options: HtmlSafetyOptions = {}): string[] {
  const found: string[] = [];
  const html = input.replace(REACT_FORM_REPLAY, (script, body: string) => (body.includes("__xss") ? script : ""));
  for (const tag of html.matchAll(TAG)) {
    const name = tag[1].toLowerCase();
    const attributes = new Map<string, string>();
    for (const a of (tag[2] ?? "").matchAll(ATTRIBUTE)) {
      attributes.set(a[1].toLowerCase(), decodeEntities(a[2] ?? a[3] ?? a[4] ?? ""));
    }
    if (DANGEROUS_ELEMENTS.has(name) && !options.allowElements?.(name, attributes)) found.push(`<${name}> element: ${tag[0].slice(0, 120)}`);
    if (name === "meta" && attributes.has("http-equiv") && /url\s*=/i.test(attributes.get("content") ?? "")) found.push(`<meta http-equiv> refresh: ${tag[0]}`);
    for (const [attribute, raw] of attributes) {
      const value = raw.replace(/[\s\u0000-\u001f]/g, "").toLowerCase();
      if (attribute.startsWith("on")) found.push(`<${name} ${attribute}="${raw}">`);
      if (URL_ATTRIBUTES.has(attribute) && /^(javascript|vbscript|data:text\/html)/.test(value)) {
        if (!((attribute === "action" || attribute === "formaction") && REACT_FORM_GUARD.test(raw))) found.push(`<${name} ${attribute}="${raw}">`);
      }
      if (attribute === "style" && /expression\(|javascript:|url\(\s*['"]?\s*(javascript|vbscript|data:text\/html)/.test(value)) found.push(`<${name} style="${raw}">`);
    }
  }
  // A tag the pattern above could not read is suspect too: every `<` followed by a letter or `/` must be a tag it read.
  const read = new Set([...html.matchAll(TAG)].map((m) => m.index));
  for (const m of html.matchAll(/<[a-zA-Z!?]/g)) {
    if (!read.has(m.index) && !html.startsWith("<!doctype", m.index) && !html.startsWith("<!--", m.index)) found.push(`unreadable markup: ${html.slice(m.index, m.index + 80)}`);
  }
  return found;
}

/** The HTML-escaped form of `text`, as React and the mail layout write it in text and attribute values. */
export function escapedForms(text: string): string[] {
  const react = text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&#x27;");
  const mail = text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&#39;");
  return [react, mail];
}
