import type { Page } from "@playwright/test";

export interface Watch {
  problems: string[];
}

/**
 * Records console errors, CSP violations and uncaught errors on `page` (e2e/security.spec.ts:
 * the pages work under the Content-Security-Policy).
 */
export async function watch(page: Page): Promise<Watch> {
  const w: Watch = { problems: [] };
  page.on("console", (message) => {
    // A link to a page that does not exist (yet) logs its 404 when Next.js prefetches it; this
    // is about the policy and client errors, dead links are checked elsewhere.
    if (message.type() === "error" && !/status of 404/.test(message.text())) w.problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => w.problems.push(`page error: ${error.message}`));
  page.on("response", (response) => {
    if (response.status() >= 500) w.problems.push(`HTTP ${response.status()}: ${response.request().method()} ${response.url()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline"}`);
    });
  });
  return w;
}
