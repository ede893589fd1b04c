import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import GlobalError from "./global-error";

const html = renderToStaticMarkup(createElement(GlobalError, { error: new Error("kapot"), reset: () => {} }));

describe("the last-resort error page", () => {
  it("has no inline styles, which the Content-Security-Policy would refuse", () => {
    expect(html).not.toMatch(/\sstyle=/i);
    expect(html).not.toMatch(/<style/i);
  });

  it("takes its look from a stylesheet on our own origin that exists and styles its classes", () => {
    const href = html.match(/<link rel="stylesheet" href="([^"]+)"/)?.[1];
    expect(href).toBe("/global-error.css");
    const file = path.join(process.cwd(), "public", href!);
    expect(existsSync(file)).toBe(true);
    const css = readFileSync(file, "utf8");
    for (const className of html.matchAll(/class="([^"]+)"/g)) {
      for (const name of className[1].split(/\s+/)) expect(css, name).toContain(`.${name}`);
    }
  });

  it("tells the visitor in Dutch what happened and offers to try again, without technical details", () => {
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain("<h1>Er ging iets mis</h1>");
    expect(html).toContain(">Probeer opnieuw</button>");
    expect(html).not.toContain("kapot");
  });
});
