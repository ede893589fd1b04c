import type { NextConfig } from "next";
import { API_CSP, STATIC_SECURITY_HEADERS } from "./lib/server/security";

const nextConfig: NextConfig = {
  // PGlite ships WebAssembly and data files that must be loaded from node_modules at run time.
  // rate-limiter-flexible loads drizzle-orm with a run-time import() that a bundle cannot
  // resolve; with both from node_modules there is also one drizzle-orm, not two copies.
  serverExternalPackages: ["@electric-sql/pglite", "rate-limiter-flexible", "drizzle-orm"],
  poweredByHeader: false,
  // Types are checked by `npm run typecheck` (tsc over the whole project, tests included; CI runs
  // it next to lint). `next build` would run the same check a second time, about 20 s of a
  // 2-core CI run, so the build leaves it out.
  typescript: { ignoreBuildErrors: true },
  reactStrictMode: true,
  // Next.js 16.4 keeps Turbopack's work on disk after a build, so the next build of a changed
  // tree is faster. CI builds a clean clone once and never again: writing that cache cost it
  // about 10 s, so .ci/run sets NEXT_BUILD_CACHE=off.
  experimental: { turbopackFileSystemCacheForBuild: process.env.NEXT_BUILD_CACHE !== "off" },
  // The headers that are the same for every answer, static files included. The
  // Content-Security-Policy (with a nonce per request) and HSTS come from proxy.ts.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value })),
      },
      // The JSON routes' fixed policy, also on the answers proxy.ts does not see (its matcher
      // skips plain GETs of /api/v1 and /api/health) and on Next.js's own 404 and 405 there.
      // HSTS depends on APP_URL at run time: the route handlers add it (apiSecurityHeaders).
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CSP }] },
    ];
  },
  // Server actions keep Next.js's default body limit of 1 MB (experimental.serverActions.bodySizeLimit);
  // no server action of this site sends more (the bord photo goes to a route handler; see
  // docs/security.md). Raise it only with a reason written in docs/security.md.
};

export default nextConfig;
