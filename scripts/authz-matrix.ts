/**
 * Writes the authorisation matrix (every permission, server action and lib/data command with
 * the permission it needs) into docs/security.md, from the code. `npm run docs:authz`.
 * tests/security/permissions.test.ts fails when the document and the code differ.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { authzMatrixMarkdown, MATRIX_END, MATRIX_START } from "@/tests/security/permission-inventory";

const file = "docs/security.md";
const doc = readFileSync(file, "utf8");
const start = doc.indexOf(MATRIX_START);
const end = doc.indexOf(MATRIX_END);
if (start === -1 || end === -1) throw new Error(`${file} has no ${MATRIX_START} … ${MATRIX_END} block`);
writeFileSync(file, `${doc.slice(0, start + MATRIX_START.length)}\n${authzMatrixMarkdown()}\n${doc.slice(end)}`);
console.log(`${file}: authorisation matrix written`);
