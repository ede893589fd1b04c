import { expect, type Locator, type Page } from "@playwright/test";

/**
 * Moves the focus to `target` with the Tab key only (forward, at most `limit` presses), the way
 * someone without a mouse reaches a field. Fails when Tab never gets there.
 */
export async function tabTo(page: Page, target: Locator, limit = 60): Promise<void> {
  // The target is looked up once (finding a field by its label is the slow part), and looked up
  // again only when the page replaced it.
  let handle = await target.elementHandle({ timeout: 10_000 });
  for (let i = 0; i < limit; i++) {
    const focused = await handle.evaluate((el) => (el.isConnected ? el === document.activeElement : null));
    if (focused === null) {
      handle = await target.elementHandle({ timeout: 10_000 });
      continue;
    }
    if (focused) return;
    await page.keyboard.press("Tab");
  }
  await expect(target, "reachable with the Tab key").toBeFocused();
}

/** Tabs to a field and types into it (select-all first, so it replaces what was there). */
export async function typeInto(page: Page, target: Locator, text: string): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  if (text) await page.keyboard.insertText(text);
}

/** Tabs to a button, link or checkbox and presses it with the keyboard. */
export async function press(page: Page, target: Locator, key: "Enter" | "Space" = "Enter"): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press(key);
}
