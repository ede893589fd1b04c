/**
 * Every <form> says where and how the browser itself sends it: with `action` (a server action
 * or a URL: it works without JavaScript) or with `method`. A form that only works through its
 * onSubmit handler would, when sent before React has taken over the page (a slow phone), go out
 * as a GET with every field in the address: an e-mail address or a home address in the
 * browser's history and the server's logs. With method="post" it goes in the body, and the page
 * shows the form again (e2e/my-group.spec.ts tries this without JavaScript).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = process.cwd();

function componentFiles(): string[] {
  return ["app", "components"]
    .flatMap((dir) => readdirSync(path.join(root, dir), { recursive: true, encoding: "utf8" }).map((file) => path.posix.join(dir, file.split(path.sep).join("/"))))
    .filter((file) => file.endsWith(".tsx") && !file.endsWith(".test.tsx"));
}

/** The attribute text of every `<form …>` in `source` (a `>` inside `{…}` does not end the tag). */
function formTags(source: string): string[] {
  const tags: string[] = [];
  for (const match of source.matchAll(/<form\b/g)) {
    let depth = 0;
    let end = match.index + match[0].length;
    for (; end < source.length; end++) {
      const char = source[end];
      if (char === "{") depth++;
      else if (char === "}") depth--;
      else if (char === ">" && depth === 0) break;
    }
    tags.push(source.slice(match.index + match[0].length, end));
  }
  return tags;
}

describe("forms", () => {
  it("reads a tag whose handler holds an arrow", () => {
    expect(formTags('<form method="post" onFocus={() => load()} noValidate>x</form>')).toEqual([' method="post" onFocus={() => load()} noValidate']);
    expect(formTags("<form onSubmit={send}>")).toEqual([" onSubmit={send}"]);
  });

  it("every form has an action or a method, so the browser never sends one as a GET by accident", () => {
    const files = componentFiles();
    const withoutEither: string[] = [];
    let forms = 0;
    for (const file of files) {
      for (const tag of formTags(readFileSync(path.join(root, file), "utf8"))) {
        forms++;
        if (!/\b(?:action|method)=/.test(tag)) withoutEither.push(`${file}: <form${tag.replace(/\s+/g, " ")}>`);
      }
    }
    expect(forms).toBeGreaterThan(30);
    expect(withoutEither).toEqual([]);
  });
});
