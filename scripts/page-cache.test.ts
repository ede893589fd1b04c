/**
 * The page cache in front of Next.js (scripts/page-cache.mjs), over a real HTTP server with a
 * stand-in for Next.js's render: which requests it answers, a fresh nonce in every answer, a
 * write of this process or the page's age ends a kept page, and what is never kept. The real
 * server (scripts/server.mjs with the built application) is tested in e2e/page-cache.spec.ts.
 */
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { acceptsGzip, createPageCache, internalRender, isCacheableRequest } from "./page-cache.mjs";

interface Rendered {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A page as proxy.ts and Next.js make it: the nonce in the policy and on every script. */
function page(text: string, extra: Record<string, string | string[]> = {}, status = 200): Rendered {
  const nonce = randomBytes(16).toString("base64");
  const html = `<!DOCTYPE html><html><head><script nonce="${nonce}">1</script></head><body>${text}<script nonce="${nonce}">self.x=1</script></body></html>`;
  return {
    status,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": `default-src 'self'; script-src 'self' 'nonce-${nonce}' 'strict-dynamic'; style-src 'self' 'nonce-${nonce}'`,
      "cache-control": "private, no-cache, no-store, max-age=0, must-revalidate",
      date: "Mon, 07 Dec 2026 20:00:00 GMT",
      "content-length": String(Buffer.byteLength(html)),
      ...extra,
    },
    body: Buffer.from(html),
  };
}

type Cache = ReturnType<typeof createPageCache>;
const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** A server with the cache in front of `next` (which answers what the cache does not take). */
async function serve(cache: Cache): Promise<string> {
  const server = http.createServer((req, res) => {
    if (!cache.handles(req)) {
      res.statusCode = 299;
      res.end("next");
      return;
    }
    cache.serve(req, res).catch(() => {
      res.statusCode = 502;
      res.end("failed");
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function setup(render: (url: string) => Promise<Rendered>, options: Partial<Parameters<typeof createPageCache>[0]> = {}) {
  const state = { version: 0, clock: 1_000_000, renders: [] as string[] };
  const cache = createPageCache({
    render: async (url: string) => {
      state.renders.push(url);
      return render(url);
    },
    dataVersion: () => state.version,
    now: () => state.clock,
    ...options,
  });
  return { cache, state };
}

const nonceOf = (policy: string | null) => /'nonce-([^']+)'/.exec(policy ?? "")?.[1];

describe("which requests the page cache answers", () => {
  const req = (url: string, headers: Record<string, string> = {}, method = "GET") => ({ method, url, headers }) as unknown as http.IncomingMessage;

  it("takes anonymous GETs of the wijk list and the wijk pages", () => {
    for (const url of ["/wijken", "/wijken?gemeente=krimpen-aan-den-ijssel", "/wijken/kortland-zuid"]) {
      expect(isCacheableRequest(req(url)), url).toBe(true);
    }
    expect(isCacheableRequest(req("/wijken", { cookie: "authjs.csrf-token=abc; theme=x" }))).toBe(true);
  });

  it("leaves every other path, method and kind of request to Next.js", () => {
    // The address search neither: its pages are per house, and a kept one would tell by its
    // speed that someone looked up that house a moment ago.
    for (const url of ["/", "/zoeken", "/zoeken?postcode=2922AB&huisnummer=1", "/groepen/boveneind-alert", "/beheer", "/wijken/a/b", "/wijken/", "/wijkenx", "/api/v1/wijken", "/wijken/%2e%2e", "/wijken/Kortland"]) {
      expect(isCacheableRequest(req(url)), url).toBe(false);
    }
    expect(isCacheableRequest(req("/wijken", {}, "HEAD"))).toBe(false);
    expect(isCacheableRequest(req("/wijken", {}, "POST"))).toBe(false);
    expect(isCacheableRequest(req("/wijken?_rsc=1x2y"))).toBe(false);
    for (const header of ["rsc", "next-router-prefetch", "next-router-state-tree", "next-action", "authorization", "range"]) {
      expect(isCacheableRequest(req("/wijken", { [header]: "1" })), header).toBe(false);
    }
  });

  it("leaves signed-in visitors (a session cookie) and search engines to Next.js", () => {
    expect(isCacheableRequest(req("/wijken", { cookie: "authjs.session-token=abc" }))).toBe(false);
    expect(isCacheableRequest(req("/wijken", { cookie: "x=1; __Secure-authjs.session-token=abc" }))).toBe(false);
    expect(isCacheableRequest(req("/wijken", { cookie: "authjs.session-token.0=abc" }))).toBe(false);
    const isBot = (ua: string) => /Googlebot/.test(ua);
    expect(isCacheableRequest(req("/wijken", { "user-agent": "Mozilla/5.0 (compatible; Googlebot/2.1)" }), isBot)).toBe(false);
    expect(isCacheableRequest(req("/wijken", { "user-agent": "Mozilla/5.0 Firefox/140.0" }), isBot)).toBe(true);
  });

  it("reads Accept-Encoding as HTTP does", () => {
    expect(acceptsGzip("gzip, deflate, br")).toBe(true);
    expect(acceptsGzip("br;q=1.0, gzip;q=0.5")).toBe(true);
    expect(acceptsGzip("*")).toBe(true);
    expect(acceptsGzip("gzip;q=0")).toBe(false);
    expect(acceptsGzip("br")).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});

describe("the page cache", () => {
  it("answers the same page again without rendering, each time with a nonce of its own in the policy and the page", async () => {
    const { cache, state } = setup(async () => page("Wijken"));
    const base = await serve(cache);
    const answers = await Promise.all([0, 1, 2].map(async () => {
      const response = await fetch(`${base}/wijken`);
      return { response, html: await response.text() };
    }));
    // The first one rendered (the three went at once: each that found nothing kept rendered).
    const later = await fetch(`${base}/wijken`);
    const laterHtml = await later.text();
    expect(state.renders.length).toBeLessThanOrEqual(3);
    const rendersBefore = state.renders.length;
    await fetch(`${base}/wijken`);
    expect(state.renders).toHaveLength(rendersBefore);

    const all = [...answers, { response: later, html: laterHtml }];
    const nonces = all.map(({ response }) => nonceOf(response.headers.get("content-security-policy")));
    expect(new Set(nonces).size).toBe(all.length);
    for (const [i, { response, html }] of all.entries()) {
      expect(response.status).toBe(200);
      expect(html.match(/nonce="([^"]+)"/g)).toEqual([`nonce="${nonces[i]}"`, `nonce="${nonces[i]}"`]);
      expect(html.replaceAll(nonces[i]!, "N")).toBe(all[0].html.replaceAll(nonces[0]!, "N"));
      expect(response.headers.get("cache-control")).toBe("private, no-cache, no-store, max-age=0, must-revalidate");
      expect(response.headers.get("date")).not.toBe("Mon, 07 Dec 2026 20:00:00 GMT");
      expect(Number(response.headers.get("content-length"))).toBe(Buffer.byteLength(html));
    }
  });

  it("renders a page once for visitors who ask at the same moment, each answer with a nonce of its own", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const { cache, state } = setup(async () => {
      await held;
      return page("Wijken");
    });
    const base = await serve(cache);
    const asked = Array.from({ length: 10 }, () => fetch(`${base}/wijken`));
    await expect.poll(() => state.renders.length).toBe(1);
    release();
    const answers = await Promise.all(asked);
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    expect(new Set(answers.map((a) => nonceOf(a.headers.get("content-security-policy")))).size).toBe(10);
    expect(state.renders).toHaveLength(1);
  });

  it("does not hand a render that was not kept to the visitors who waited for it: each renders their own", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let calls = 0;
    const { cache, state } = setup(async () => {
      calls++;
      if (calls === 1) {
        await held;
        return page("Eerste", { "set-cookie": ["eigen=1"] });
      }
      return page("Eigen");
    });
    const base = await serve(cache);
    const first = fetch(`${base}/wijken`);
    await expect.poll(() => state.renders.length).toBe(1);
    const second = fetch(`${base}/wijken`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    const [a, b] = await Promise.all([first, second]);
    expect(a.headers.get("set-cookie")).toBe("eigen=1");
    expect(await a.text()).toContain("Eerste");
    expect(b.headers.get("set-cookie")).toBeNull();
    expect(await b.text()).toContain("Eigen");
  });

  it("does not hand a render to a visitor who asked after a write during it", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let text = "voor";
    const { cache, state } = setup(async () => {
      const mine = text;
      if (state.renders.length === 1) await held;
      return page(mine);
    });
    const base = await serve(cache);
    const first = fetch(`${base}/wijken`);
    await expect.poll(() => state.renders.length).toBe(1);
    state.version++;
    text = "na";
    const second = fetch(`${base}/wijken`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    expect(await (await second).text()).toContain("na");
    await first;
  });

  it("keeps pages per path and query", async () => {
    const { cache, state } = setup(async (url) => page(`Pagina ${url}`));
    const base = await serve(cache);
    expect(await (await fetch(`${base}/wijken?gemeente=krimpen`)).text()).toContain("Pagina /wijken?gemeente=krimpen");
    expect(await (await fetch(`${base}/wijken?gemeente=capelle`)).text()).toContain("Pagina /wijken?gemeente=capelle");
    expect(await (await fetch(`${base}/wijken?gemeente=krimpen`)).text()).toContain("Pagina /wijken?gemeente=krimpen");
    expect(await (await fetch(`${base}/wijken/langeland`)).text()).toContain("Pagina /wijken/langeland");
    expect(state.renders).toEqual(["/wijken?gemeente=krimpen", "/wijken?gemeente=capelle", "/wijken/langeland"]);
  });

  it("renders anew after a write of this process", async () => {
    let text = "voor";
    const { cache, state } = setup(async () => page(text));
    const base = await serve(cache);
    expect(await (await fetch(`${base}/wijken`)).text()).toContain("voor");
    text = "na";
    state.version++;
    expect(await (await fetch(`${base}/wijken`)).text()).toContain("na");
    expect(state.renders).toHaveLength(2);
  });

  it("does not keep a page rendered while this process wrote (it may be from before the write)", async () => {
    const holder: { state?: { version: number } } = {};
    let text = "tijdens";
    const { cache, state } = setup(async () => {
      holder.state!.version++;
      return page(text);
    });
    holder.state = state;
    const base = await serve(cache);
    expect(await (await fetch(`${base}/wijken`)).text()).toContain("tijdens");
    text = "daarna";
    expect(await (await fetch(`${base}/wijken`)).text()).toContain("daarna");
    expect(state.renders).toHaveLength(2);
  });

  it("serves a page up to maxAgeMs, then while one new render runs in the background, and after staleMs renders before answering", async () => {
    let text = "eerste";
    let release!: () => void;
    let hold = false;
    const { cache, state } = setup(
      async () => {
        if (hold) await new Promise<void>((resolve) => (release = resolve));
        return page(text);
      },
      { maxAgeMs: 2_000, staleMs: 3_000 },
    );
    const base = await serve(cache);
    await fetch(`${base}/wijken`);
    state.clock += 1_999;
    expect(await (await fetch(`${base}/wijken`)).text()).toContain("eerste");
    expect(state.renders).toHaveLength(1);

    // Past maxAgeMs: the kept page is served at once, and one render starts.
    state.clock += 2;
    text = "tweede";
    hold = true;
    expect(await (await fetch(`${base}/wijken`)).text()).toContain("eerste");
    expect(await (await fetch(`${base}/wijken`)).text()).toContain("eerste");
    expect(state.renders).toHaveLength(2);
    hold = false;
    release();
    await expect.poll(async () => (await (await fetch(`${base}/wijken`)).text()).includes("tweede")).toBe(true);
    expect(state.renders).toHaveLength(2);

    // Past maxAgeMs + staleMs: the visitor waits for a new render.
    state.clock += 5_000;
    text = "derde";
    expect(await (await fetch(`${base}/wijken`)).text()).toContain("derde");
    expect(state.renders).toHaveLength(3);
  });

  it("never keeps an error, a redirect, a page that sets a cookie, or an answer without a nonce, and gives each to its visitor as rendered", async () => {
    const answers: Record<string, Rendered> = {
      "/wijken/nergens": page("Niet gevonden", {}, 404),
      "/wijken/oud": { status: 308, headers: { location: "/wijken/nieuw" }, body: Buffer.from("/wijken/nieuw") },
      "/wijken/koekje": page("Met cookie", { "set-cookie": ["a=1; HttpOnly"] }),
      "/wijken/tekst": { status: 200, headers: { "content-type": "text/plain" }, body: Buffer.from("platte tekst") },
      "/wijken/geen-nonce": { status: 200, headers: { "content-type": "text/html" }, body: Buffer.from("<p>geen nonce</p>") },
    };
    const { cache, state } = setup(async (url) => answers[url]);
    const base = await serve(cache);
    for (const url of Object.keys(answers)) {
      for (let i = 0; i < 2; i++) {
        const response = await fetch(`${base}${url}`, { redirect: "manual" });
        expect(response.status).toBe(answers[url].status);
        expect(await response.text()).toBe(answers[url].body.toString());
      }
    }
    const cookie = await fetch(`${base}/wijken/koekje`);
    expect(cookie.headers.get("set-cookie")).toBe("a=1; HttpOnly");
    expect(state.renders).toHaveLength(Object.keys(answers).length * 2 + 1);
    expect(cache.size().entries).toBe(0);
  });

  it("gzips for clients that accept it, with the same page inside", async () => {
    const { cache } = setup(async () => page("x".repeat(5_000)));
    const base = await serve(cache);
    const raw = await new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      http
        .get(`${base}/wijken`, { headers: { "accept-encoding": "gzip" } }, (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (c: Buffer) => chunks.push(c));
          response.on("end", () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
        })
        .on("error", reject);
    });
    expect(raw.headers["content-encoding"]).toBe("gzip");
    expect(Number(raw.headers["content-length"])).toBe(raw.body.length);
    const html = gunzipSync(raw.body).toString();
    expect(html).toContain("x".repeat(5_000));
    expect(html).toContain(`nonce="${nonceOf(String(raw.headers["content-security-policy"]))}"`);
    const plain = await new Promise<http.IncomingHttpHeaders>((resolve) => http.get(`${base}/wijken`, (r) => (r.resume(), resolve(r.headers))));
    expect(plain["content-encoding"]).toBeUndefined();
  });

  it("keeps at most maxEntries pages and maxBytes bytes, dropping the oldest", async () => {
    const { cache, state } = setup(async (url) => page(url.padEnd(1_000, ".")), { maxEntries: 3, maxBytes: 4_000 });
    const base = await serve(cache);
    for (const slug of ["wijk-a", "wijk-b", "wijk-c", "wijk-d"]) await fetch(`${base}/wijken/${slug}`);
    expect(cache.size().entries).toBe(3);
    await fetch(`${base}/wijken/wijk-a`);
    expect(state.renders.filter((u) => u.endsWith("wijk-a"))).toHaveLength(2);
    const { cache: small } = setup(async (url) => page(url.padEnd(1_500, ".")), { maxEntries: 10, maxBytes: 4_000 });
    const smallBase = await serve(small);
    for (const slug of ["wijk-a", "wijk-b", "wijk-c"]) await fetch(`${smallBase}/wijken/${slug}`);
    expect(small.size().entries).toBe(2);
    expect(small.size().bytes).toBeLessThanOrEqual(4_000);
  });

  it("passes a failed render on to the server (which lets Next.js answer), and keeps nothing", async () => {
    const { cache } = setup(async () => {
      throw new Error("connection refused");
    });
    const base = await serve(cache);
    const response = await fetch(`${base}/wijken`);
    expect(response.status).toBe(502);
    expect(cache.size().entries).toBe(0);
  });

  it("passes what it does not take on to Next.js", async () => {
    const { cache, state } = setup(async () => page("Wijken"));
    const base = await serve(cache);
    const response = await fetch(`${base}/groepen/boveneind-alert`);
    expect(response.status).toBe(299);
    const signedIn = await fetch(`${base}/wijken`, { headers: { cookie: "authjs.session-token=abc" } });
    expect(signedIn.status).toBe(299);
    expect(state.renders).toHaveLength(0);
  });
});

describe("the render over Next.js's own listener (internalRender)", () => {
  /** A listener that closes the socket without an answer on the requests `drop` picks. */
  async function listener(drop: (requestOnSocket: number, request: number) => boolean) {
    const seen = { requests: 0, headers: [] as http.IncomingHttpHeaders[] };
    const perSocket = new WeakMap<object, number>();
    const server = http.createServer((req, res) => {
      seen.requests++;
      seen.headers.push(req.headers);
      const n = (perSocket.get(req.socket) ?? 0) + 1;
      perSocket.set(req.socket, n);
      if (drop(n, seen.requests)) {
        req.socket.destroy();
        return;
      }
      res.setHeader("content-type", "text/html");
      res.end(`page ${req.url}`);
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return { port: (server.address() as AddressInfo).port, seen };
  }

  it("sends no header of the visitor: a fixed Host and User-Agent", async () => {
    const { port, seen } = await listener(() => false);
    const agent = new http.Agent({ keepAlive: true });
    const render = internalRender({ port, host: "buurtpreventie.example", agent });
    const page = await render("/wijken");
    expect(page.status).toBe(200);
    expect(page.body.toString()).toBe("page /wijken");
    expect(seen.headers[0]).toMatchObject({ host: "buurtpreventie.example", "user-agent": "page-cache" });
    expect(seen.headers[0].cookie).toBeUndefined();
    agent.destroy();
  });

  it("a kept-alive socket the listener closed as it was reused: the GET goes once more, on a fresh socket", async () => {
    // The second request on any socket is dropped, as when the listener's keepAliveTimeout ends
    // just as the agent hands out that socket again.
    const { port, seen } = await listener((n) => n === 2);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const render = internalRender({ port, host: "localhost", agent });
    expect((await render("/wijken/a")).body.toString()).toBe("page /wijken/a");
    expect((await render("/wijken/b")).body.toString()).toBe("page /wijken/b");
    expect(seen.requests).toBe(3);
    agent.destroy();
  });

  it("a failure on a fresh socket, or a second one, is not tried again", async () => {
    const { port, seen } = await listener(() => true);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    await expect(internalRender({ port, host: "localhost", agent })("/wijken")).rejects.toThrow();
    expect(seen.requests).toBe(1);
    agent.destroy();
    // Every request after the first fails: the reused socket, then the fresh one of the retry.
    const { port: second, seen: secondSeen } = await listener((_, request) => request >= 2);
    const keptAlive = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const render = internalRender({ port: second, host: "localhost", agent: keptAlive });
    expect((await render("/wijken")).status).toBe(200);
    await expect(render("/wijken/x")).rejects.toThrow();
    expect(secondSeen.requests).toBe(3);
    keptAlive.destroy();
  });
});
