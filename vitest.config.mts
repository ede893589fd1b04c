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
    // Each test file has a database of its own (tests/db.ts), so files run side by side; Vitest
    // would take one worker fewer than the cores, which is one on this 2-core machine.
    maxWorkers: 2,
    // A safety net against a hung test, not a speed check (speed is measured by npm run bench):
    // PGlite tests that open and close a database take 10–25 s on a busy 2-core machine.
    testTimeout: 90_000,
    // next-auth imports "next/server" without an extension, which Node's ESM loader refuses;
    // processed by vite, it resolves.
    server: { deps: { inline: ["next-auth"] } },
    hookTimeout: 120_000,
  },
});
