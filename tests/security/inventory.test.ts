/**
 * The inventory behind the authorisation matrix (issue 10, item 1): every page, route handler
 * and server action found in the file system must have a row in e2e/support/authz-matrix.ts,
 * which e2e/security-authz.spec.ts then tries as every actor. A new one without a row fails
 * here, named; a row whose file or export is gone fails too.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ACTION_MATRIX, PAGE_MATRIX } from "@/e2e/support/authz-matrix";

const root = process.cwd();

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(root, dir))) {
    const rel = path.posix.join(dir, name);
    if (statSync(path.join(root, rel)).isDirectory()) out.push(...walk(rel));
    else out.push(rel);
  }
  return out;
}

const sourceFiles = ["app", "lib", "components"].flatMap(walk).filter((f) => /\.(ts|tsx)$/.test(f) && !/\.test\.tsx?$/.test(f));

/** page.tsx and route.ts files under app/. */
function pagesAndRoutes(): string[] {
  return walk("app").filter((f) => /\/(page\.tsx|route\.ts)$/.test(f)).sort();
}

/** Whether the file starts with the "use server" directive (after comments). */
function isServerActionFile(source: string): boolean {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "").trimStart();
  return /^["']use server["'];?/.test(code);
}

/** "file#export" of every export of every "use server" file. */
function serverActions(): string[] {
  const out: string[] = [];
  for (const file of sourceFiles) {
    const source = readFileSync(path.join(root, file), "utf8");
    if (!isServerActionFile(source)) continue;
    for (const [, name] of source.matchAll(/^export\s+(?:async\s+)?(?:function\s*\*?|const|let|var)\s+(\w+)/gm)) out.push(`${file}#${name}`);
    for (const [, list] of source.matchAll(/^export\s*\{([^}]*)\}/gm)) {
      for (const item of list.split(",")) {
        const name = item.trim().split(/\s+as\s+/).pop();
        if (name) out.push(`${file}#${name}`);
      }
    }
    if (/^export\s+default\b/m.test(source)) out.push(`${file}#default`);
  }
  return out.sort();
}

describe("inventory of pages, routes and server actions (authorisation matrix)", () => {
  it("finds what it looks for (the scan itself works)", () => {
    expect(pagesAndRoutes()).toContain("app/(resident)/mijn-groepen/[id]/adressen/page.tsx");
    expect(pagesAndRoutes()).toContain("app/api/v1/groepen/route.ts");
    expect(serverActions()).toContain("app/beheer/actions.ts#decideBordRequestAction");
    expect(serverActions().length).toBeGreaterThanOrEqual(20);
  });

  it("every page.tsx and route.ts under app/ has a row in the matrix", () => {
    const inMatrix = new Set(PAGE_MATRIX.map((p) => p.file));
    const missing = pagesAndRoutes().filter((f) => !inMatrix.has(f));
    expect(missing, "pages/routes without a row in e2e/support/authz-matrix.ts (PAGE_MATRIX): add who may see them and how to try it").toEqual([]);
    const stale = [...inMatrix].filter((f) => !pagesAndRoutes().includes(f));
    expect(stale, "rows in PAGE_MATRIX whose file is gone").toEqual([]);
    for (const entry of PAGE_MATRIX) {
      expect(entry.kind, entry.file).toBe(entry.file.endsWith("route.ts") ? "route" : "page");
    }
  });

  it("every export of every \"use server\" file has a row in the matrix", () => {
    const found = serverActions();
    const inMatrix = new Set(ACTION_MATRIX.map((a) => `${a.file}#${a.name}`));
    const missing = found.filter((k) => !inMatrix.has(k));
    expect(missing, "server actions without a row in e2e/support/authz-matrix.ts (ACTION_MATRIX)").toEqual([]);
    const stale = [...inMatrix].filter((k) => !found.includes(k));
    expect(stale, "rows in ACTION_MATRIX that are no export of a \"use server\" file").toEqual([]);
  });

  it("no server action is declared inline (those cannot be listed from the file system)", () => {
    const inline = sourceFiles.filter((file) => {
      const source = readFileSync(path.join(root, file), "utf8");
      return /["']use server["']/.test(source) && !isServerActionFile(source);
    });
    expect(inline, "files with an inline \"use server\": move the action to a \"use server\" file").toEqual([]);
  });

  it("every action aimed at someone's data has an input with their ids and a check that nothing changed", () => {
    for (const entry of ACTION_MATRIX) {
      const targeted = !["public", "self"].includes(entry.access);
      if (targeted) {
        expect(entry.input, `${entry.name}: input`).toBeTypeOf("function");
        expect(entry.unchanged, `${entry.name}: unchanged`).toBeTypeOf("function");
      } else {
        expect(entry.note, `${entry.name}: why no foreign ids`).toBeTruthy();
      }
    }
  });

  it("the HTTP methods of every route handler are those in the matrix (state-changing ones are tried for forgery)", () => {
    for (const entry of PAGE_MATRIX.filter((p) => p.kind === "route")) {
      const source = readFileSync(path.join(root, entry.file), "utf8");
      const methods = [...source.matchAll(/^export\s+(?:async\s+)?function\s+(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\b/gm)].map((m) => m[1]);
      for (const [, list] of source.matchAll(/^export\s*(?:const\s*)?\{([^}]*)\}/gm)) {
        for (const name of list.split(",").map((s) => s.trim().split(/\s+as\s+/).pop() ?? "")) {
          if (/^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)$/.test(name)) methods.push(name);
        }
      }
      expect(methods.sort(), entry.file).toEqual([...(entry.methods ?? ["GET"])].sort());
    }
  });
});
