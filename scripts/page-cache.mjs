/**
 * A short-lived cache of whole public pages, in front of Next.js (scripts/server.mjs).
 *
 * Why: every page is rendered with React on each request, because its Content-Security-Policy
 * carries a fresh nonce (proxy.ts). On 2 cores that render (12–30 ms of CPU) queues under load.
 * The pages kept here (the wijk list and the wijk pages) are the same for every visitor who is
 * not signed in, apart from that nonce. So a rendered page is kept with its nonce taken
 * out, and every answer from the cache gets a nonce of its own, in the header and in the page:
 * no two answers share a nonce, as before.
 *
 * What is kept, and when:
 * - Only GET requests for the paths of `CACHEABLE_PATH`, without a session cookie, without
 *   Authorization, Range or Next.js's client-navigation headers (RSC), and not from a search
 *   engine (Next.js renders the page's metadata differently for those). Everything else goes
 *   to Next.js as before.
 * - The page is rendered through Next.js (proxy.ts included) with none of the visitor's headers:
 *   no cookies, a fixed Host, a fixed User-Agent. A visitor's headers can therefore never end
 *   up in a page that others get.
 * - Kept only when the answer is 200, HTML, has a nonce and sets no cookie.
 * - Served as it is for `maxAgeMs`; for `staleMs` after that it is still served while one new
 *   render runs in the background. Visitors who ask for a page while it is being rendered wait
 *   for that render instead of starting their own. A write of this server process to the database
 *   (db/data-version.ts) drops every page at once: a visitor sees their own change right away.
 *   Another process's change shows within maxAgeMs + staleMs plus the age of the data the page
 *   was rendered from (the look-up and the wijk figures have short caches of their own).
 * - At most `maxEntries` pages and `maxBytes` bytes, the oldest going first.
 */
import { randomBytes } from "node:crypto";
import http from "node:http";
import { gzipSync } from "node:zlib";

/**
 * The wijk list (with or without `?gemeente=`) and one wijk's page: public figures, the same for
 * everyone. Not the address search: its pages differ per house (the form shows the house
 * number), so they would rarely be asked twice within seconds, and a kept one would answer
 * noticeably faster, which would tell a stranger that someone looked up that very house a
 * moment ago.
 */
export const CACHEABLE_PATH = /^\/wijken(?:\/[a-z0-9-]{1,100})?$/;

/** Headers of Next.js's client navigation (an RSC payload instead of a page) and others that change the answer. */
const BYPASS_HEADERS = [
  "rsc",
  "next-router-state-tree",
  "next-router-prefetch",
  "next-router-segment-prefetch",
  "next-action",
  "next-url",
  "authorization",
  "range",
];

/** Auth.js's session cookie (authjs.session-token, __Secure-authjs.session-token, split ones too). */
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-|__Host-)?authjs\.session-token/;

/** Response headers that belong to one connection or one body, not to the page. */
const NOT_KEPT = new Set(["connection", "keep-alive", "transfer-encoding", "date", "content-length", "content-encoding"]);

const NONCE_IN_POLICY = /'nonce-([A-Za-z0-9+/=]{16,64})'/;

/** Below this size gzip is not worth it (Next.js's own compression uses the same threshold). */
const GZIP_MIN_BYTES = 1024;

/** A nonce as proxy.ts makes them: 16 random bytes, base64. */
export function createNonce() {
  return randomBytes(16).toString("base64");
}

/** Whether the client takes gzip (and did not refuse it with q=0). */
export function acceptsGzip(header) {
  if (typeof header !== "string") return false;
  return header.split(",").some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(";");
    if (coding.trim() !== "gzip" && coding.trim() !== "*") return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

/**
 * Whether this request may be answered from the cache (see the file's comment).
 * `isBot` tells search engines apart (Next.js's own test).
 */
export function isCacheableRequest(req, isBot = () => false) {
  if (req.method !== "GET") return false;
  const url = req.url ?? "";
  const query = url.indexOf("?");
  const pathname = query === -1 ? url : url.slice(0, query);
  if (!CACHEABLE_PATH.test(pathname)) return false;
  if (query !== -1 && /(?:^|&)_rsc=/.test(url.slice(query + 1))) return false;
  const headers = req.headers;
  for (const name of BYPASS_HEADERS) if (headers[name] !== undefined) return false;
  if (typeof headers.cookie === "string" && SESSION_COOKIE.test(headers.cookie)) return false;
  if (isBot(String(headers["user-agent"] ?? ""))) return false;
  return true;
}

/** `body` cut at every occurrence of `nonce`: joined again with another nonce. */
function splitAt(body, nonce) {
  const needle = Buffer.from(nonce);
  const parts = [];
  let from = 0;
  for (let at = body.indexOf(needle, from); at !== -1; at = body.indexOf(needle, from)) {
    parts.push(body.subarray(from, at));
    from = at + needle.length;
  }
  parts.push(body.subarray(from));
  return parts;
}

function joinWith(parts, nonce) {
  if (parts.length === 1) return parts[0];
  const glue = Buffer.from(nonce);
  const pieces = [];
  parts.forEach((part, i) => {
    if (i > 0) pieces.push(glue);
    pieces.push(part);
  });
  return Buffer.concat(pieces);
}

/** A rendered answer as the cache keeps it, or null when it may not be kept. */
export function toEntry(rendered, version, now) {
  if (rendered.status !== 200) return null;
  const headers = rendered.headers;
  if (headers["set-cookie"] !== undefined) return null;
  if (!/^text\/html\b/.test(String(headers["content-type"] ?? ""))) return null;
  const policy = headers["content-security-policy"];
  const nonce = typeof policy === "string" ? NONCE_IN_POLICY.exec(policy)?.[1] : undefined;
  if (!nonce) return null;
  const kept = [];
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || NOT_KEPT.has(name)) continue;
    kept.push(name === "content-security-policy" ? [name, value.split(nonce)] : [name, value]);
  }
  const parts = splitAt(rendered.body, nonce);
  return { version, storedAt: now, headers: kept, parts, bytes: rendered.body.length, refreshing: false };
}

/**
 * @param {object} options
 * @param {(url: string) => Promise<{ status: number, headers: Record<string, string | string[] | undefined>, body: Buffer }>} options.render
 *   renders the page at `url` (path and query) without the visitor's headers
 * @param {() => number} options.dataVersion the write counter of db/data-version.ts
 * @param {number} [options.maxAgeMs]
 * @param {number} [options.staleMs]
 * @param {number} [options.maxEntries]
 * @param {number} [options.maxBytes]
 * @param {(userAgent: string) => boolean} [options.isBot]
 * @param {() => number} [options.now]
 * @param {(error: unknown) => void} [options.onError] a background render failed
 */
export function createPageCache(options) {
  const {
    render,
    dataVersion,
    maxAgeMs = 2_000,
    staleMs = 3_000,
    maxEntries = 500,
    maxBytes = 32 * 1024 * 1024,
    isBot = () => false,
    now = Date.now,
    onError = () => {},
  } = options;
  /** Oldest first (a Map keeps its order of insertion). */
  const entries = new Map();
  /** Renders under way for a visitor who is waiting, by key. */
  const rendering = new Map();
  let bytes = 0;
  const stats = { hits: 0, stale: 0, misses: 0, kept: 0 };

  function forget(key) {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    bytes -= entry.bytes;
  }

  function keep(key, entry) {
    forget(key);
    while (entries.size > 0 && (entries.size >= maxEntries || bytes + entry.bytes > maxBytes)) forget(entries.keys().next().value);
    if (entry.bytes > maxBytes) return;
    entries.set(key, entry);
    bytes += entry.bytes;
    stats.kept++;
  }

  /** Renders `key` and keeps the result if no write happened meanwhile. */
  async function fill(key) {
    const version = dataVersion();
    const rendered = await render(key);
    const entry = toEntry(rendered, version, now());
    const kept = entry !== null && dataVersion() === version;
    if (kept) keep(key, entry);
    return { rendered, entry, kept };
  }

  function refreshInBackground(key, entry) {
    if (entry.refreshing) return;
    entry.refreshing = true;
    fill(key).then(
      ({ kept }) => {
        // Not kept (a write meanwhile, or no longer a page that may be kept): the old one goes too.
        if (!kept && entries.get(key) === entry) forget(key);
      },
      (error) => {
        entry.refreshing = false;
        onError(error);
      },
    );
  }

  function send(req, res, status, headers, body) {
    const gzip = body.length >= GZIP_MIN_BYTES && acceptsGzip(req.headers["accept-encoding"]);
    const out = gzip ? gzipSync(body, { level: 6 }) : body;
    res.statusCode = status;
    for (const [name, value] of headers) res.setHeader(name, value);
    if (gzip) res.setHeader("Content-Encoding", "gzip");
    res.setHeader("Content-Length", out.length);
    res.end(out);
  }

  function sendEntry(req, res, entry) {
    const nonce = createNonce();
    const headers = entry.headers.map(([name, value]) => (name === "content-security-policy" ? [name, value.join(nonce)] : [name, value]));
    send(req, res, 200, headers, joinWith(entry.parts, nonce));
  }

  return {
    stats,
    /** Whether `serve` should answer this request; otherwise Next.js answers it as always. */
    handles(req) {
      return isCacheableRequest(req, isBot);
    },
    /** Answers a request `handles` accepted: from the cache, or rendered and then kept. */
    async serve(req, res) {
      const key = req.url;
      const entry = entries.get(key);
      if (entry && entry.version === dataVersion()) {
        const age = now() - entry.storedAt;
        if (age < maxAgeMs) {
          stats.hits++;
          return sendEntry(req, res, entry);
        }
        if (age < maxAgeMs + staleMs) {
          stats.stale++;
          refreshInBackground(key, entry);
          return sendEntry(req, res, entry);
        }
      }
      if (entry) forget(key);
      // Someone else's render of this page is under way: wait for it rather than render the same
      // page again at the same time (after a write, every visitor of a popular page arrives here
      // at once). Their answer is used only when it was kept, so it is from after the last write.
      const running = rendering.get(key);
      if (running) {
        const shared = await running.catch(() => null);
        if (shared?.kept && shared.entry.version === dataVersion()) {
          stats.hits++;
          return sendEntry(req, res, shared.entry);
        }
      }
      stats.misses++;
      const mine = fill(key);
      if (!rendering.has(key)) {
        rendering.set(key, mine);
        const done = () => {
          if (rendering.get(key) === mine) rendering.delete(key);
        };
        mine.then(done, done);
      }
      const { rendered, entry: page } = await mine;
      if (page) return sendEntry(req, res, page);
      // Not a page to keep (a 404, say): the visitor gets it as rendered, its nonce used once.
      const headers = Object.entries(rendered.headers).filter(([name, value]) => value !== undefined && !NOT_KEPT.has(name));
      return send(req, res, rendered.status, headers, rendered.body);
    },
    /** For tests: how many pages and bytes are kept. */
    size() {
      return { entries: entries.size, bytes };
    },
  };
}

/**
 * The render the cache uses in scripts/server.mjs: a GET of `url` from Next.js's own listener on
 * 127.0.0.1:`port`, with a fixed Host and User-Agent and none of the visitor's headers, over the
 * kept-alive sockets of `agent`. A kept-alive socket that the listener closes (idle for its
 * keepAliveTimeout) just as the agent reuses it fails with ECONNRESET before any answer: that
 * GET is sent once more, on a fresh socket (the retry Node.js's http documentation gives for
 * `reusedSocket`). Any other failure rejects.
 */
export function internalRender({ port, host, agent }) {
  const render = (url, retried) =>
    new Promise((resolve, reject) => {
      const request = http.request(
        { host: "127.0.0.1", port, path: url, method: "GET", agent, headers: { host, accept: "text/html", "user-agent": "page-cache" } },
        (response) => {
          const chunks = [];
          response.on("data", (chunk) => chunks.push(chunk));
          response.on("end", () => resolve({ status: response.statusCode ?? 500, headers: response.headers, body: Buffer.concat(chunks) }));
          response.on("error", reject);
        },
      );
      request.on("error", (error) => {
        if (!retried && request.reusedSocket && error.code === "ECONNRESET") resolve(render(url, true));
        else reject(error);
      });
      request.end();
    });
  return (url) => render(url, false);
}
