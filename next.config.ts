import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite ships WebAssembly and data files that must be loaded from node_modules at run time.
  // rate-limiter-flexible loads drizzle-orm with a run-time import() that a bundle cannot
  // resolve; with both from node_modules there is also one drizzle-orm, not two copies.
  serverExternalPackages: ["@electric-sql/pglite", "rate-limiter-flexible", "drizzle-orm"],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
