import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, skipWithoutChromium } from '../support/chromium.js';
import { importReviewService, openAsAnalyst, useDesignerBrowser } from './designer-browser.js';

/** What the canvas shows now: how many diagram elements, and where the review task stands (its SVG transform, in diagram coordinates). */
async function diagramState(page: Page): Promise<{ elements: number; review: string | null }> {
  const canvas = page.locator('.process-tab[data-status="ready"] .process-canvas');
  return {
    elements: await canvas.locator('.djs-element').count(),
    review: await canvas.locator('.djs-element[data-element-id="review"]').getAttribute('transform', { timeout: 1_000 }).catch(() => null),
  };
}

/** How many of the selector's elements are shown. */
const shown = (page: Page, selector: string) => page.locator(selector).filter({ visible: true }).count();

/** Lets the tab's write-back (debounced 300 ms) and the shell catch up with what the keys did. */
const settle = (page: Page) => page.waitForTimeout(600);

/** The selected review task's properties can be read, with the keyboard too, but not changed; the task stays selected. */
async function expectPropertiesReadOnly(page: Page): Promise<void> {
  const name = page.locator('.process-properties').getByLabel('Name', { exact: true });
  await expect.poll(() => name.inputValue()).toBe('Review the application');
  await name.focus();
  await page.keyboard.type('x');
  expect(await name.inputValue()).toBe('Review the application');
  expect(await name.getAttribute('readonly')).not.toBeNull();
  expect(await page.locator('.process-canvas .djs-shape.selected[data-element-id="review"]').count()).toBe(1);
}

/** Selects the review task with a click, as a user inspecting it does. */
async function selectReview(page: Page): Promise<void> {
  await page.locator('.process-canvas .djs-element[data-element-id="review"]').click();
  await page.locator('.process-canvas .djs-shape.selected[data-element-id="review"]').waitFor();
}

/**
 * A published version opens in the designer to be looked at: its diagram cannot change on the
 * canvas (nothing would save it), while selecting and moving about still work. A draft of the
 * same service can be changed, and publishing it from its Publish tab makes its canvas view-only.
 */
describe.skipIf(skipWithoutChromium)('designer: published versions are view-only on the canvas', () => {
  const code = `read-only-${process.pid}`;
  const session = useDesignerBrowser(async (t) => {
    await importReviewService(t, code);
    const analyst = await t.as('analyst');
    const published = await analyst.post(`/api/services/${code}/versions/1.0.0/publish`);
    if (published.status !== 200) throw new Error(`publish failed: ${JSON.stringify(published.body)}`);
    const copied = await analyst.post(`/api/designer/services/${code}/versions/1.0.0/copy`, { version: '1.1.0' });
    if (copied.status !== 201) throw new Error(`copy failed: ${JSON.stringify(copied.body)}`);
  });

  it('leaves a published diagram as it is: no palette or context pad; Delete, drag, paste, undo and direct editing do nothing; selecting and moving the view still work', async () => {
    const { t, browser } = session;
    const { page } = browser;
    await openAsAnalyst(page, t.url, `services/${code}/1.0.0/process`);
    await page.locator('.process-tab[data-status="ready"] .djs-element[data-element-id="review"]').waitFor();
    await page.getByText('This version is published or retired and cannot change').waitFor();
    const before = await diagramState(page);
    expect(before.review).toBeTruthy();
    expect(await shown(page, '.process-canvas .djs-palette')).toBe(0);

    // Selecting an element to inspect it works; no context pad offers to change it.
    await selectReview(page);
    expect(await shown(page, '.process-canvas .djs-context-pad .entry')).toBe(0);
    await expectPropertiesReadOnly(page);

    // The keyboard's edits: delete, cut, copy + paste, duplicate, undo, direct editing (E), replace (R).
    for (const key of ['Delete', 'Backspace', 'Control+X', 'Control+C', 'Control+V', 'Control+D', 'Control+Z', 'Control+Y', 'e', 'r']) {
      await page.keyboard.press(key);
    }
    expect(await shown(page, '.djs-popup, .process-canvas .djs-direct-editing-parent')).toBe(0);
    await settle(page);
    expect(await diagramState(page)).toEqual(before);

    // Dragging the task does not move it; a double click opens no label editor.
    const box = (await page.locator('.process-canvas .djs-element[data-element-id="review"]').boundingBox())!;
    const from = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (const step of [0.25, 0.5, 0.75, 1]) await page.mouse.move(from.x + 120 * step, from.y + 90 * step);
    await page.mouse.up();
    await page.mouse.dblclick(from.x, from.y);
    expect(await shown(page, '.process-canvas .djs-direct-editing-parent')).toBe(0);
    await settle(page);
    expect(await diagramState(page)).toEqual(before);
    await screenshot(page, 'designer-read-only-01-published');

    // Moving about still works: Ctrl+arrow moves the view over the diagram.
    const viewport = page.locator('.process-canvas .viewport');
    const view = await viewport.getAttribute('transform');
    await selectReview(page);
    await page.keyboard.press('Control+ArrowRight');
    await expect.poll(() => viewport.getAttribute('transform')).not.toBe(view);

    // Nothing is offered to save, and nothing is waiting to be saved.
    expect(await page.getByRole('button', { name: 'Save', exact: true }).count()).toBe(0);
    expect(await page.getByText('There are unsaved changes').count()).toBe(0);
  });

  it('deletes the same task in a draft; once the draft is published from its Publish tab, its canvas is view-only', async () => {
    const { t, browser } = session;
    const { page } = browser;
    await page.goto(`${t.url}/designer/services/${code}/1.1.0/process`);
    await page.locator('.process-tab[data-status="ready"] .djs-element[data-element-id="review"]').waitFor();
    const before = await diagramState(page);
    expect(await shown(page, '.process-canvas .djs-palette')).toBe(1);

    await selectReview(page);
    expect(await shown(page, '.process-canvas .djs-context-pad .entry')).toBeGreaterThan(0);
    await page.keyboard.press('Delete');
    await expect.poll(async () => (await diagramState(page)).review).toBeNull();
    await page.getByText('There are unsaved changes').waitFor();
    // Undo brings it back; saved, the draft is as it was.
    await page.keyboard.press('Control+Z');
    await expect.poll(() => diagramState(page)).toEqual(before);
    await settle(page);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved', { exact: true }).waitFor();

    // Published from the Publish tab, the same modeler becomes view-only (no reopening).
    await page.getByRole('tab', { name: 'Publish' }).click();
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.getByText('The check found no errors.').waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Publish version 1.1.0' }).click();
    await page.getByText('Version 1.1.0 is now published').waitFor();
    await page.getByRole('tab', { name: 'Process' }).click();
    await page.getByText('This version is published or retired and cannot change').waitFor();
    expect(await shown(page, '.process-canvas .djs-palette')).toBe(0);
    await selectReview(page);
    expect(await shown(page, '.process-canvas .djs-context-pad .entry')).toBe(0);
    await expectPropertiesReadOnly(page);
    await page.keyboard.press('Delete');
    await settle(page);
    expect(await diagramState(page)).toEqual(before);
    // Nor does undo take back what was done while it was a draft.
    await page.keyboard.press('Control+Z');
    await settle(page);
    expect(await diagramState(page)).toEqual(before);
    expect(await page.getByRole('button', { name: 'Save', exact: true }).count()).toBe(0);
    await screenshot(page, 'designer-read-only-02-published-from-draft');
  });
});
