import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** axe-core as @axe-core/playwright loads it (the same file, the same version). */
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js", { paths: [require.resolve("@axe-core/playwright")] }), "utf8");

interface Violation {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/**
 * Scans the page as it is now for WCAG 2.1 A and AA problems; fails listing each one.
 *
 * The application has no iframes, so axe runs in the page itself (axe.run, with the rules of
 * the four tags, as AxeBuilder().withTags() does), loaded once per document. AxeBuilder's default
 * mode loads axe twice per scan and opens a new blank page in the context for every scan to
 * combine the results of the frames; on 2 cores that made a scan 2–3 times as slow, with the same
 * findings. A page with frames is scanned with AxeBuilder, frames and all.
 */
export async function expectAccessible(page: Page): Promise<void> {
  let violations = await scan(page);
  // After a server action or router.refresh(), React takes the page's <title> out while the new
  // server part streams in, and puts it back with its metadata a moment later. A scan that
  // started before such a refresh can see that moment (it happened once on /beheer/wijken/import
  // after confirming). So a missing title is checked once more when the page has its title
  // again; a page that really has no title has none after 5 s either and still fails.
  if (violations.some((v) => v.id === "document-title")) violations = await scan(page);
  const problems = violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.targets.join("\n  ")}`);
  expect(problems, `Accessibility problems on ${page.url()}`).toEqual([]);
}

async function scan(page: Page): Promise<Violation[]> {
  // The title comes back a moment after the content (above): wait for it (up to 5 s).
  await page.waitForFunction(() => document.title.trim().length > 0, null, { timeout: 5_000 }).catch(() => {});
  let violations: Violation[];
  if (page.frames().length > 1) {
    const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    violations = results.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(" ")) }));
  } else {
    if (!(await page.evaluate(() => typeof (window as { axe?: { run?: unknown } }).axe?.run === "function"))) await page.evaluate(AXE_SOURCE);
    violations = await page.evaluate(async (tags) => {
      type AxeResults = { violations: Array<{ id: string; impact?: string | null; help: string; nodes: Array<{ target: unknown[] }> }> };
      const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } }).axe;
      // Only violations are reported; passes and incomplete results are not needed here.
      const results = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
      return results.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.map(String).join(" ")) }));
    }, TAGS);
  }
  return violations;
}
