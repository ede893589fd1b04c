/**
 * Reads from the source (TypeScript's parser, not a regex) which permission every server action
 * and every exported lib/data function checks (issue 18 item 2). Used by
 * tests/security/permissions.test.ts (every permission is checked somewhere, every command
 * names one, docs/security.md matches) and lib/data/authz.test.ts (each command is refused for
 * every role the table does not give its permission), and by scripts/authz-matrix.ts, which
 * writes the matrix in docs/security.md.
 *
 * Syntax only, no type checker: fast, and enough, because the rule it checks is syntactic too:
 * a command calls `requirePermission(actor, "permission")` with a literal (directly or in a
 * helper of the same file), and an action is made by `signedInAction("permission", …)` or
 * `publicAction(…)`.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { permissions, type Permission } from "@/lib/auth/permissions";

const root = process.cwd();
const PERMISSIONS = new Set(Object.keys(permissions));

export interface DataExport {
  /** Path relative to the repository root, with forward slashes. */
  file: string;
  name: string;
  /** "function" for functions (declarations, arrow functions), "value" for anything else. */
  kind: "function" | "value";
  /** The first parameter is typed as the acting user (Actor, StaffActor, Pick<Actor, …>, or a union with null). */
  takesActor: boolean;
  /** The permissions the function checks, in its own body or in same-file helpers it calls. */
  permissions: Permission[];
  /** Lives in lib/data/internal/ (app/ and components/ cannot import it; ESLint). */
  internal: boolean;
}

export interface ServerAction {
  file: string;
  name: string;
  /** The permission its wrapper checks, "public" for publicAction, or null when none was found. */
  permission: Permission | "public" | null;
}

function walk(dir: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, encoding: "utf8" })
    .map((f) => path.posix.join(dir, f.split(path.sep).join("/")))
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f));
}

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(path.join(root, file), "utf8"), ts.ScriptTarget.Latest, true);
}

const isExported = (node: ts.Node) =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

type FunctionLike = ts.FunctionDeclaration | ts.ArrowFunction | ts.FunctionExpression;

/** Top-level functions of a file by name (declared, or a const holding a function). */
function topLevelFunctions(source: ts.SourceFile): Map<string, { node: FunctionLike; exported: boolean }> {
  const out = new Map<string, { node: FunctionLike; exported: boolean }>();
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name) out.set(statement.name.text, { node: statement, exported: isExported(statement) });
    if (ts.isVariableStatement(statement)) {
      for (const d of statement.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && d.initializer && (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer))) {
          out.set(d.name.text, { node: d.initializer, exported: isExported(statement) });
        }
      }
    }
  }
  return out;
}

function calleeName(call: ts.CallExpression): string | null {
  return ts.isIdentifier(call.expression) ? call.expression.text : null;
}

/** Permission literals anywhere in an expression (a literal, or a conditional between two). */
function permissionLiterals(node: ts.Node | undefined): Permission[] {
  const out: Permission[] = [];
  const visit = (n: ts.Node) => {
    if ((ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) && PERMISSIONS.has(n.text)) out.push(n.text as Permission);
    ts.forEachChild(n, visit);
  };
  if (node) visit(node);
  return out;
}

function firstParameterIsActor(fn: FunctionLike): boolean {
  const type = fn.parameters[0]?.type;
  if (!type) return false;
  let found = false;
  const visit = (n: ts.Node) => {
    if (ts.isTypeReferenceNode(n) && ts.isIdentifier(n.typeName) && ["Actor", "StaffActor"].includes(n.typeName.text)) found = true;
    ts.forEachChild(n, visit);
  };
  visit(type);
  return found;
}

/** Permissions checked by `fn`: requirePermission calls in its body and in same-file functions it calls. */
function checkedPermissions(fn: FunctionLike, locals: Map<string, { node: FunctionLike }>, seen = new Set<FunctionLike>()): Permission[] {
  if (seen.has(fn)) return [];
  seen.add(fn);
  const out: Permission[] = [];
  const visit = (n: ts.Node) => {
    if (ts.isCallExpression(n)) {
      const name = calleeName(n);
      if (name === "requirePermission") out.push(...permissionLiterals(n.arguments[1]));
      else if (name && locals.has(name)) out.push(...checkedPermissions(locals.get(name)!.node, locals, seen));
    }
    ts.forEachChild(n, visit);
  };
  if (fn.body) visit(fn.body);
  return [...new Set(out)];
}

/** Every export of every lib/data module (tests excluded), found by parsing the modules. */
export function dataExports(): DataExport[] {
  const out: DataExport[] = [];
  for (const file of walk("lib/data").sort()) {
    const source = parse(file);
    const functions = topLevelFunctions(source);
    for (const [name, { node, exported }] of functions) {
      if (!exported) continue;
      out.push({
        file,
        name,
        kind: "function",
        takesActor: firstParameterIsActor(node),
        permissions: checkedPermissions(node, functions),
        internal: file.startsWith("lib/data/internal/"),
      });
    }
    for (const statement of source.statements) {
      if (ts.isVariableStatement(statement) && isExported(statement)) {
        for (const d of statement.declarationList.declarations) {
          if (ts.isIdentifier(d.name) && !functions.has(d.name.text)) {
            out.push({ file, name: d.name.text, kind: "value", takesActor: false, permissions: [], internal: file.startsWith("lib/data/internal/") });
          }
        }
      }
      // `export { a, b }` and `export * from`: refused, so that every export is seen here.
      if (ts.isExportDeclaration(statement) && !statement.isTypeOnly) {
        out.push({ file, name: `export-declaration@${statement.getStart()}`, kind: "value", takesActor: false, permissions: [], internal: false });
      }
    }
  }
  return out;
}

/** Whether the file starts with the "use server" directive. */
function isServerActionFile(source: ts.SourceFile): boolean {
  const first = source.statements[0];
  return Boolean(first && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression) && first.expression.text === "use server");
}

/** The wrapper an expression builds: signedInAction("p", …) → "p", publicAction(…) → "public". */
function wrapperPermission(call: ts.CallExpression): Permission | "public" | null {
  const name = calleeName(call);
  if (name === "publicAction") return "public";
  if (name === "signedInAction") {
    const [first] = call.arguments;
    if (first && ts.isStringLiteral(first) && PERMISSIONS.has(first.text)) return first.text as Permission;
  }
  return null;
}

/** Every exported server action of every "use server" file under app/, with the permission it checks. */
export function serverActions(): ServerAction[] {
  const out: ServerAction[] = [];
  for (const file of walk("app").sort()) {
    const source = parse(file);
    if (!isServerActionFile(source)) continue;
    // Top-level `const x = signedInAction("p", …)`.
    const wrapped = new Map<string, Permission | "public">();
    for (const statement of source.statements) {
      if (!ts.isVariableStatement(statement)) continue;
      for (const d of statement.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && d.initializer && ts.isCallExpression(d.initializer)) {
          const permission = wrapperPermission(d.initializer);
          if (permission) wrapped.set(d.name.text, permission);
        }
      }
    }
    for (const [name, { node, exported }] of topLevelFunctions(source)) {
      if (!exported) continue;
      const found = new Set<Permission | "public">();
      const visit = (n: ts.Node) => {
        if (ts.isCallExpression(n)) {
          const permission = wrapperPermission(n);
          if (permission) found.add(permission);
        }
        if (ts.isIdentifier(n) && wrapped.has(n.text)) found.add(wrapped.get(n.text)!);
        ts.forEachChild(n, visit);
      };
      if (node.body) visit(node.body);
      out.push({ file, name, permission: found.size === 1 ? [...found][0] : null });
    }
  }
  return out;
}

/** The roles the table gives a permission, for the matrix. */
export function rolesOf(permission: Permission): string {
  return (permissions[permission] as readonly string[]).join(", ");
}

/**
 * Exported lib/data functions outside lib/data/internal/ that take no acting user, and why that
 * is safe: public facts (no personal data by construction), pure helpers, or a public command
 * with its own limits. Anything else without an actor belongs in lib/data/internal/.
 */
export const PUBLIC_DATA: Record<string, string> = {
  "lib/data/public/postcode-areas.ts#areasForPostcodes": "public facts: which wijk a postcode lies in",
  "lib/data/public/postcode-areas.ts#findAreaForPostcode": "public facts: which wijk a postcode lies in",
  "lib/data/public/demo.ts#demoAccountsForSignIn": "demo mode only: the demo accounts listed on the sign-in page",
  "lib/data/resident/group-registration.ts#listAreaChoices": "public facts: wijk names and postcode areas for the registration form",
  "lib/data/resident/invitations.ts#getInvitationPreview": "public read by whoever holds the e-mailed link: group, wijk, inviter's name and a hint of the invited address (first letter and domain); nothing for an unknown, used or expired link",
  "lib/data/public/join.ts#submitJoinRequest": "public command by design (the join form): rate limited per IP and e-mail, honeypot; reveals nothing",
  "lib/data/public/bord-reports.ts#submitBordReport": "public command by design (a resident reports a damaged or missing bord): rate limited per IP, honeypot; asks for no personal data",
  "lib/data/public/bord-reports.ts#listStandingBordsForGroup": "public read: the borden standing for a group page (place and count; no people)",
  "lib/data/public/lookup.ts#lookupAddress": "public read: groups per postcode, never per house",
  "lib/data/public/lookup.ts#countActiveGroups": "public figure",
  "lib/data/public/lookup.ts#findGroupsWithMembersInPostcode": "public read: groups per postcode, never per house",
  "lib/data/public/lookup.ts#lookupPostcode": "public read: groups per postcode, never per house",
  "lib/data/resident/member-addresses.ts#readAddressListForSaving": "pure helper: parses a pasted address list",
  "lib/data/public/yearly-check.ts#isPlausibleCheckToken": "pure helper: the format of a yearly-check link token",
  "lib/data/public/yearly-check.ts#getCheckLink": "public read by design: the token in the e-mail link is the authority (one admin, one check); shows only the group's public name",
  "lib/data/public/yearly-check.ts#confirmGroupByLink": "public command by design: the token in the e-mail link confirms that one check and nothing else (lib/data/public/yearly-check.test.ts)",
  "lib/data/public/areas.ts#coveragePercent": "pure helper",
  "lib/data/public/areas.ts#listPublicAreas": "public read (public DTO)",
  "lib/data/public/areas.ts#getPublicArea": "public read (public DTO)",
  "lib/data/public/areas.ts#listPublicAreaSlugs": "public read (sitemap)",
  "lib/data/public/areas.ts#listPublicAreasOfCountry": "public read (public DTO): every wijk with the national figures (at most a minute old)",
  "lib/data/public/areas.ts#listPublicMunicipalityTotals": "public read: per municipality its number of wijken, groups and participating addresses (counts only)",
  "lib/data/public/areas.ts#countPublicMunicipalities": "public figure",
  "lib/data/public/areas.ts#getPublicMunicipality": "public read: a municipality's code, name and slug",
  "lib/data/public/areas.ts#isMunicipalityCode": "pure helper",
  "lib/data/public/maps.ts#listPublicAreaBoundaries": "public read: wijk outlines (no personal data)",
  "lib/data/public/maps.ts#getPublicAreaBoundary": "public read: one wijk outline for the bord forms' map point picker (no personal data; the same as /api/v1/wijkgrenzen)",
  "lib/data/public/maps.ts#getPublicAreaMap": "public read: a wijk outline and its placed bords (bords are public)",
  "lib/data/public/groups.ts#isPlausibleSlug": "pure helper",
  "lib/data/public/groups.ts#byName": "pure helper",
  "lib/data/public/groups.ts#publicUrl": "pure helper",
  "lib/data/public/groups.ts#areaRef": "pure helper",
  "lib/data/public/groups.ts#toPublicGroup": "pure helper: row to public DTO",
  "lib/data/public/groups.ts#selectPublicGroups": "public read (public DTO)",
  "lib/data/public/groups.ts#getPublicGroup": "public read (public DTO)",
  "lib/data/public/groups.ts#endedMunicipalityOfGroup": "public read: the name of a municipality that no longer takes part",
  "lib/data/public/address-suggestions.ts#suggestAddresses": "public read: address suggestions from the address register (streets and numbers, no people; rate limited per IP in the route)",
  "lib/data/public/address-suggestions.ts#otherMunicipalityOfPostcode": "public read: the name of the municipality a postcode outside the installation belongs to (the look-up points the resident there)",
  "lib/data/public/groups.ts#listPublicGroupsInAreas": "public read (public DTO)",
  "lib/data/public/groups.ts#getPublicFigures": "public figures",
  "lib/data/public/groups.ts#listPublicGroupSlugs": "public read (sitemap)",
  "lib/data/public/municipalities.ts#listPublicMunicipalities": "public read (public DTO)",
  "lib/data/public/site.ts#getSiteInfo": "public figures for the layout",
  // Takes the actor, but checks no permission: open to every visitor of the demo.
  "lib/data/platform/mail.ts#listMailboxMessages": "the demo mailbox: demo mode only, open to every visitor of the demo; not found otherwise",
  "lib/data/platform/mail.ts#getMailboxMessage": "the demo mailbox: demo mode only, open to every visitor of the demo; not found otherwise",
};

const code = (s: string) => `\`${s}\``;

/** The authorisation matrix of docs/security.md, generated from the code (scripts/authz-matrix.ts writes it). */
export function authzMatrixMarkdown(): string {
  const actions = serverActions();
  const commands = dataExports().filter((d) => d.kind === "function" && !d.internal && d.permissions.length > 0);
  const lines: string[] = [];
  lines.push("| permission | roles | server actions | lib/data commands |", "| --- | --- | --- | --- |");
  for (const permission of Object.keys(permissions) as Permission[]) {
    const a = actions.filter((x) => x.permission === permission).length;
    const c = commands.filter((x) => x.permissions.includes(permission)).length;
    lines.push(`| ${code(permission)} | ${rolesOf(permission)} | ${a} | ${c} |`);
  }
  lines.push("", "| server action | file | permission |", "| --- | --- | --- |");
  for (const a of actions) lines.push(`| ${code(a.name)} | ${code(a.file)} | ${a.permission === "public" ? "public (`publicAction`)" : code(a.permission ?? "NONE")} |`);
  lines.push("", "| lib/data command | file | permission |", "| --- | --- | --- |");
  for (const c of commands) lines.push(`| ${code(c.name)} | ${code(c.file)} | ${c.permissions.map(code).join(" or ")} |`);
  return lines.join("\n");
}

export const MATRIX_START = "<!-- authz-matrix:start (generated by `npm run docs:authz`; tests/security/permissions.test.ts checks it) -->";
export const MATRIX_END = "<!-- authz-matrix:end -->";
