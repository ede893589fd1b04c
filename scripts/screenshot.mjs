#!/usr/bin/env node
/** Development aid: `node scripts/screenshot.mjs <url> <file.png> [width]` in headless chromium. */
import { chromium } from "@playwright/test";

const [url, file, width = "1280"] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
});
const page = await browser.newPage({ viewport: { width: Number(width), height: 900 } });
await page.goto(url, { waitUntil: "load" });
await page.screenshot({ path: file, fullPage: true });
await browser.close();
