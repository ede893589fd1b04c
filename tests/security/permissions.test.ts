/**
 * Issue 18 item 2, "the permission table decides", read from the code (TypeScript's parser, see
 * permission-inventory.ts): every permission of lib/auth/permissions.ts is checked somewhere,
 * every server action and lib/data command names its permission, the e2e matrix and
 * docs/security.md say the same as the code, and app/ and components/ cannot import
 * lib/data/internal/. What each command does with a wrong role is run in lib/data/authz.test.ts.
 */
import { readFileSync } from "node:fs";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import { ACTION_MATRIX } from "@/e2e/support/authz-matrix";
import { permissions, type Permission } from "@/lib/auth/permissions";
import { authzMatrixMarkdown, dataExports, MATRIX_END, MATRIX_START, PUBLIC_DATA, serverActions } from "./permission-inventory";

const every = Object.keys(permissions) as Permission[];
const key = (d: { file: string; name: string }) => `${d.file}#${d.name}`;

describe("the permission table decides (issue 18 item 2)", () => {
  it("finds what it looks for (the parse itself works)", () => {
    const exports = dataExports();
    expect(exports.find((d) => d.name === "registerGroup")).toMatchObject({ takesActor: true, permissions: ["group.register"] });
    expect(exports.find((d) => d.name === "endAllSessions")?.permissions.sort()).toEqual(["session.end_own", "users.manage_any"]);
    expect(exports.find((d) => d.name === "getPublicGroup")).toMatchObject({ takesActor: false, permissions: [] });
    expect(serverActions().find((a) => a.name === "registerGroupAction")?.permission).toBe("group.register");
    expect(serverActions().find((a) => a.name === "joinGroupAction")?.permission).toBe("public");
    expect(serverActions().length).toBeGreaterThanOrEqual(25);
  });

  it("checks every permission of the table somewhere (no permission that nothing consults)", () => {
    const used = new Set<string>([...serverActions().map((a) => a.permission ?? ""), ...dataExports().flatMap((d) => d.permissions)]);
    expect(every.filter((p) => !used.has(p)), "permissions nothing checks: use them or remove them").toEqual([]);
  });

  it("gives every server action a permission, or makes it a publicAction", () => {
    const without = serverActions().filter((a) => a.permission === null).map(key);
    expect(without, "server actions without signedInAction(permission, …) or publicAction(…)").toEqual([]);
  });

  it("has every exported lib/data function take the actor and check a permission, live in lib/data/internal/, or be listed public", () => {
    const problems: string[] = [];
    for (const d of dataExports()) {
      if (d.internal || d.kind === "value") continue;
      if (d.name.startsWith("export-declaration@")) problems.push(`${d.file}: re-exports are not allowed in lib/data (the inventory could not see them)`);
      else if (key(d) in PUBLIC_DATA) {
        if (d.permissions.length > 0) problems.push(`${key(d)} checks a permission but is listed public`);
      } else if (!d.takesActor) problems.push(`${key(d)} takes no actor: add the actor and a permission, move it to lib/data/internal/, or list it in PUBLIC_DATA with the reason`);
      else if (d.permissions.length === 0) problems.push(`${key(d)} takes the actor but checks no permission (requirePermission)`);
    }
    expect(problems).toEqual([]);
    const stale = Object.keys(PUBLIC_DATA).filter((k) => !dataExports().some((d) => key(d) === k));
    expect(stale, "PUBLIC_DATA rows for functions that do not exist (any more)").toEqual([]);
  });

  it("has the e2e authorisation matrix name the permission each action checks", () => {
    const code = new Map(serverActions().map((a) => [key(a), a.permission]));
    const mismatches = ACTION_MATRIX.filter((e) => code.get(key(e)) !== e.permission).map((e) => `${key(e)}: matrix ${e.permission}, code ${code.get(key(e))}`);
    expect(mismatches).toEqual([]);
  });

  it("has docs/security.md list every action and command with its permission, as the code does", () => {
    const doc = readFileSync("docs/security.md", "utf8");
    const start = doc.indexOf(MATRIX_START);
    const end = doc.indexOf(MATRIX_END);
    expect(start, "docs/security.md has the matrix block").toBeGreaterThan(-1);
    expect(doc.slice(start + MATRIX_START.length, end).trim(), "run npm run docs:authz").toBe(authzMatrixMarkdown());
    for (const a of serverActions()) expect(doc).toContain(`| \`${a.name}\` | \`${a.file}\` |`);
  });

  it("refuses (ESLint) an import of lib/data/internal/ from app/ and components/, and allows it in lib/data", async () => {
    const eslint = new ESLint();
    const source = 'import { fillMissingIdentity } from "@/lib/data/internal/identity";\nexport const x = fillMissingIdentity;\n';
    const internalHits = async (filePath: string, text = source) => {
      const [result] = await eslint.lintText(text, { filePath });
      return result.messages.filter((m) => m.ruleId === "no-restricted-imports" && m.message.includes("lib/data/internal/ is for lib/data only")).length;
    };
    expect(await internalHits("app/(resident)/probe.ts")).toBe(1);
    expect(await internalHits("components/group/probe.tsx")).toBe(1);
    expect(await internalHits("lib/data/probe.ts")).toBe(0);
    const relative = 'import { fillMissingIdentity } from "../../lib/data/internal/identity";\nexport const x = fillMissingIdentity;\n';
    expect(await internalHits("app/beheer/probe.ts", relative)).toBe(1);
  });

  it("keeps the layers (ESLint): components/ take only types from lib/data, lib/domain imports no I/O, framework or other layer", async () => {
    const eslint = new ESLint();
    const restricted = async (filePath: string, text: string) => {
      const [result] = await eslint.lintText(text, { filePath });
      return result.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
    };
    const runtime = 'import { getPublicGroup } from "@/lib/data/public/groups";\nexport const x = getPublicGroup;\n';
    const typeOnly = 'import type { PublicGroup } from "@/lib/validation/public-api";\nimport type { getPublicGroup } from "@/lib/data/public/groups";\nexport type X = PublicGroup | typeof getPublicGroup;\n';
    expect(await restricted("components/public/probe.tsx", runtime)).toEqual([expect.stringContaining("only `import type` from lib/data")]);
    expect(await restricted("components/public/probe.tsx", typeOnly)).toEqual([]);
    expect(await restricted("app/(public)/probe.ts", runtime)).toEqual([]);
    expect(await restricted("lib/domain/probe.ts", 'import { readFileSync } from "node:fs";\nexport const x = readFileSync;\n')).toEqual([expect.stringContaining("no I/O")]);
    expect(await restricted("lib/domain/probe.ts", 'import { db } from "@/db";\nexport const x = db;\n')).toEqual([expect.stringContaining("lib/domain imports only lib/domain")]);
    expect(await restricted("lib/domain/probe.ts", 'import { DUTCH_TIME_ZONE } from "@/lib/domain/dates";\nexport const x = DUTCH_TIME_ZONE;\n')).toEqual([]);
  });
});
