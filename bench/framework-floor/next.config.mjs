/**
 * The framework floor (issue 23): a minimal Next.js app of the product's own version, built and
 * started only by `npm run bench` (bench/run.ts), never by `npm test`, CI or `npm start`. It
 * uses the root node_modules (next, react, postgres), so the root is the build's root.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

const config = {
  turbopack: { root },
  outputFileTracingRoot: root,
  poweredByHeader: false,
};

export default config;
