#!/usr/bin/env node
/**
 * The production server (`npm start` runs it through scripts/start.mjs): Next.js's own request
 * handler, as `next start` uses it, with the page cache of scripts/page-cache.mjs in front of the
 * public pages that are the same for every visitor (the wijk pages).
 *
 * - PORT (default 3000) is the port for visitors, on every interface, as `next start`.
 * - The cache renders its pages through a second listener on 127.0.0.1 with a port of the
 *   system's choosing, which only this process knows and uses.
 * - PAGE_CACHE=off turns the cache off: every request goes to Next.js.
 * - SIGTERM and SIGINT: both listeners stop taking connections, the requests in flight finish,
 *   and the process exits with 128 + the signal's number, as `next start` does (the database
 *   and the outbox worker stop cleanly first: lib/server/startup.ts).
 */
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";

process.env.NODE_ENV = "production";
// The name `next start` gives its process (ps, top; the bench finds the server's memory by it).
const { createRequire } = await import("node:module");
process.title = `next-server (v${createRequire(import.meta.url)("next/package.json").version})`;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { default: next } = await import("next");
// Next.js's own test for search engines (an internal module: with next pinned, a move of it in a
// new version fails at start, in CI, not quietly).
const { isBot } = (await import("next/dist/shared/lib/router/utils/is-bot.js")).default;
const { createPageCache, internalRender } = await import("./page-cache.mjs");

const port = Number(process.env.PORT ?? 3000);
const cacheOn = process.env.PAGE_CACHE !== "off";
const DATA_VERSION_KEY = Symbol.for("buurtpreventie.dataVersion");

const app = next({ dev: false, dir: root, port });
await app.prepare();
const handle = app.getRequestHandler();

/** Next.js answers; a failure it did not answer itself becomes a plain 500. */
function toNext(req, res) {
  handle(req, res).catch((error) => {
    console.error(error);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
}

const servers = [];
let cache;
let agent;
if (cacheOn) {
  const internal = http.createServer(toNext);
  await new Promise((resolve) => internal.listen(0, "127.0.0.1", resolve));
  servers.push(internal);
  const internalPort = internal.address().port;
  agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
  // The Host the pages are rendered for: the site's own address, never a visitor's.
  const host = process.env.APP_URL ? new URL(process.env.APP_URL).host : `localhost:${port}`;
  const render = internalRender({ port: internalPort, host, agent });
  cache = createPageCache({
    render,
    dataVersion: () => globalThis[DATA_VERSION_KEY]?.version ?? 0,
    isBot,
    onError: (error) => console.error("Page cache: rendering a page in the background failed", error),
  });
}

const server = http.createServer((req, res) => {
  if (!cache?.handles(req)) return toNext(req, res);
  cache.serve(req, res).catch((error) => {
    // The render itself failed (not a page with an error: that is an answer): Next.js answers.
    console.error("Page cache: rendering failed; Next.js answers directly", error);
    if (!res.headersSent) toNext(req, res);
    else res.end();
  });
});
await new Promise((resolve) => server.listen(port, resolve));
servers.unshift(server);
console.log(`Ready on http://localhost:${port}${cacheOn ? "" : " (page cache off)"}`);

let stopping = false;
for (const [signal, code] of [["SIGTERM", 143], ["SIGINT", 130]]) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    const close = (s) => new Promise((resolve) => s.close(() => resolve()));
    // Visitors first (their requests in flight may still need the cache's listener), then the rest.
    close(server)
      .then(() => {
        agent?.destroy();
        return Promise.all(servers.filter((s) => s !== server).map(close));
      })
      .then(() => app.close())
      .catch((error) => console.error(error))
      .finally(() => process.exit(code));
  });
}
