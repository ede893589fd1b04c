import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/** Imports run downward only: app → components → lib → db (see CONVENTIONS.md). */
const noUpwardImports = {
  "no-restricted-imports": [
    "error",
    {
      patterns: [
        { group: ["@/app/*", "@/app"], message: "lib/, db/ and components/ must not import from app/." },
        { group: ["@/components/*", "@/components"], message: "lib/ and db/ must not import from components/." },
      ],
    },
  ],
};

/**
 * lib/data/internal/ holds the writers and helpers without an acting user of their own: only
 * lib/data may call them, after its own permission check. Pages, route handlers, server actions and components go through the lib/data commands, which check the permission.
 */
const noInternalData = {
  group: ["@/lib/data/internal", "@/lib/data/internal/*", "**/lib/data/internal", "**/lib/data/internal/*"],
  message: "lib/data/internal/ is for lib/data only: use a lib/data command that takes the actor and checks its permission.",
};

/** What components/ may not import (beside zod at runtime, below). */
const componentImports = [
  { group: ["@/app/*", "@/app"], message: "components/ must not import from app/." },
  noInternalData,
  // Components get their data from the page as props; a type of a lib/data result is fine.
  // (lib/data/internal/ has its own message above: one message per import.)
  { regex: "^@/lib/data(/(?!internal(/|$))|$)", allowTypeImports: true, message: "components/ take data as props: only `import type` from lib/data." },
];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  // Text people typed reaches the page only through React's escaping: no raw HTML into the DOM.
  { rules: { "react/no-danger": "error" } },
  { files: ["lib/**/*.{ts,tsx}", "db/**/*.ts"], rules: noUpwardImports },
  {
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            ...componentImports,
            // zod (with the phone number rules) is most of a form's JavaScript: a page loads it only
            // when a form is used (a dynamic import per form, useActionForm's `schema`), or the page
            // breaks its budget (npm run check:js). Limits a form shows live in zod-free modules.
            {
              regex: "^(zod|@hookform/resolvers)(/|$)|^@/lib/validation(/(?!(limits|search-params)$)|$)",
              allowTypeImports: true,
              message: "components/ load zod and the schemas on demand: `import type` here, the schema through useActionForm's `schema: () => import(...)` or checkWithSchema.",
            },
          ],
        },
      ],
    },
  },
  {
    // The modules a form loads on demand (they bring zod and the schema with them), and the tests.
    files: ["components/ui/schema-resolver.ts", "components/auth/sign-in-check.ts", "components/public/join-form-check.ts", "components/**/*.test.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: componentImports }] },
  },
  {
    files: ["lib/domain/**/*.ts"],
    ignores: ["lib/domain/**/*.test.ts", "lib/domain/test-arbitraries.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            ...noUpwardImports["no-restricted-imports"][1].patterns,
            {
              group: ["node:*", "fs", "path", "server-only", "next", "next/*", "react", "react-dom", "drizzle-orm", "drizzle-orm/*", "postgres", "@electric-sql/*", "nodemailer", "next-auth", "@auth/*"],
              message: "lib/domain holds the rules as plain functions: no I/O, no framework.",
            },
            {
              regex: "^@/(db|lib/(?!domain(/|$)))",
              message: "lib/domain imports only lib/domain: the rules know nothing of the database, the server or the mail.",
            },
          ],
        },
      ],
    },
  },
  { files: ["app/**/*.{ts,tsx}"], rules: { "no-restricted-imports": ["error", { patterns: [noInternalData] }] } },
  {
    files: ["db/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/app/*", "@/components/*"], message: "db/ is the bottom layer." },
            // The logger imports nothing of the app but lib/env, so it is a leaf like env. The
            // group-name skeleton is a pure rule that imports nothing of the app either; db/
            // stores it with every name (builders, the backfill after migrating). The slug rule
            // is likewise a leaf: the builders make their slugs as the app does.
            {
              regex: "^@/lib/(?!env$|server/logger$|domain/group-name$|domain/house-rules$|domain/slug$)",
              message: "db/ may only import lib/env (configuration), lib/server/logger, lib/domain/group-name, lib/domain/house-rules (the rules' version, for the seed) and lib/domain/slug.",
            },
          ],
        },
      ],
    },
  },
  globalIgnores([".next/**", "node_modules/**", "data/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "bench/results/**", "bench/framework-floor/.next/**"]),
]);
