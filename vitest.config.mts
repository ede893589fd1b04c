import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\/(.*)$/, replacement: `${root}$1` },
      { find: /^server-only$/, replacement: `${root}tests/server-only-stub.ts` },
    ],
  },
  test: {
    include: ["{lib,db,app,tests,scripts}/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    testTimeout: 20_000,
    // next-auth imports "next/server" without an extension, which Node's ESM loader refuses;
    // processed by vite, it resolves.
    server: { deps: { inline: ["next-auth"] } },
    hookTimeout: 60_000,
  },
});
