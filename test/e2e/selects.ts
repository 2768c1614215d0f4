/**
 * antd Select in the specs: the dropdown that belongs to one combobox, and picking an option in it.
 *
 * Why not `.ant-select-dropdown:visible`: a dropdown closed a moment before (another select's) stays in
 * the DOM, and while its leave motion runs — long, on a loaded machine — it still counts as visible.
 * An option found there never becomes clickable: a CI run of sheetMapping.spec waited 20 s on the
 * first select's "类别" while the second select's dropdown stood open with it. The combobox names its
 * own list (`aria-controls` = the list's id, set while open), and that list sits in its own dropdown.
 */
import { expect, type Locator, type Page } from '@playwright/test';

/** The open dropdown of `box` (a `combobox` locator); waits for it to be open. */
export async function dropdownOf(page: Page, box: Locator): Promise<Locator> {
  await expect(box).toHaveAttribute('aria-expanded', 'true');
  const list = await box.getAttribute('aria-controls');
  if (!list) throw new Error('the combobox is open but names no list (aria-controls)');
  return page.locator('.ant-select-dropdown').filter({ has: page.locator(`[id="${list}"]`) });
}

/** Opens `box` with the mouse if it is not open, and clicks the first option whose text matches. */
export async function pickOption(page: Page, box: Locator, option: string | RegExp): Promise<void> {
  if ((await box.getAttribute('aria-expanded')) !== 'true') await box.click();
  const dropdown = await dropdownOf(page, box);
  await dropdown.locator('.ant-select-item-option').filter({ hasText: option }).first().click();
}
