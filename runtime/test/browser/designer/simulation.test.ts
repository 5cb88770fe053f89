import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { skipWithoutChromium } from '../support/chromium.js';
import { checkPage } from '../support/check-page.js';
import { importReviewService, openAsAnalyst, useDesignerBrowser } from './designer-browser.js';

/** The accessible name of what has the keyboard focus. */
const focusedName = (page: Page) => page.evaluate(`(() => {
  const e = document.activeElement;
  return e ? (e.getAttribute('aria-label') ?? e.textContent ?? '').trim() : '';
})()`) as Promise<string>;

/** Presses Tab until the control named `name` has the focus, as a keyboard user moves along. */
async function tabTo(page: Page, name: string): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const now = await focusedName(page);
    if (now === name) return;
    seen.push(now);
  }
  throw new Error(`Tab never reached "${name}"; it went through: ${seen.join(' | ')}`);
}

/**
 * The Test tab's first look, bpmn-js-token-simulation, with the keyboard alone: every control is
 * reached with Tab, pressed with Enter or Space, and named in the designer's language.
 */
describe.skipIf(skipWithoutChromium)('designer token simulation by keyboard in Chromium', () => {
  const code = `simulation-${process.pid}`;
  const session = useDesignerBrowser((t) => importReviewService(t, code));

  it('starts a token at the start event, shows the log, pauses and resets with Tab, Enter and Space; the controls are named in English and Lithuanian', async () => {
    const { t, browser } = session;
    const { page } = browser;
    await openAsAnalyst(page, t.url, `services/${code}/1.0.0/test`);

    const simulation = page.locator('.kt-simulation');
    await page.getByRole('button', { name: 'First look (token simulation)' }).focus();
    await page.keyboard.press('Enter');
    await simulation.locator('.djs-overlay-bts-context-menu').first().waitFor();

    // Each process instance started says so in the simulation's log (kept even while it is hidden).
    const started = simulation.locator('.bts-log .bts-text').filter({ hasText: /^Process started$/ });
    const reached = (element: string) => simulation.locator('.bts-log .bts-text').filter({ hasText: element }).first();

    // Tab reaches the start event's play button; Enter starts one token, which moves on.
    await tabTo(page, 'Trigger Submitted');
    await page.keyboard.press('Enter');
    await expect.poll(() => started.count()).toBe(1);
    await reached('Review the application').waitFor({ state: 'attached' });

    // The log opens with Space on its button.
    await tabTo(page, 'Show or hide the simulation log');
    await page.keyboard.press('Space');
    await simulation.locator('.bts-log:not(.hidden)').waitFor();
    await reached('Review the application').waitFor();
    await checkPage(page, 'designer-simulation-01-keyboard');

    // Play/pause and reset are buttons too.
    await tabTo(page, 'Play or pause the simulation');
    await page.keyboard.press('Space');
    await simulation.locator('.bjs-container.paused').waitFor({ state: 'attached' });
    await tabTo(page, 'Reset the simulation');
    await page.keyboard.press('Enter');
    await expect.poll(() => started.count()).toBe(0);

    // Space on the start event's button starts exactly one token as well.
    await tabTo(page, 'Trigger Submitted');
    await page.keyboard.press('Space');
    await expect.poll(() => started.count()).toBe(1);
    await reached('Review the application').waitFor({ state: 'attached' });
    expect(await started.count()).toBe(1);
    await checkPage(page, 'designer-simulation-02-space');

    // In Lithuanian the controls are named in Lithuanian.
    await page.getByLabel('Language').selectOption('lt');
    await simulation.getByRole('button', { name: 'Paleisti: Submitted' }).waitFor();
    expect(await simulation.getByRole('button', { name: 'Pradėti simuliaciją iš naujo' }).count()).toBe(1);
    expect(await simulation.getByRole('button', { name: 'Animacijos greitis: įprastas', pressed: true }).count()).toBe(1);
    // And so is what the simulation itself writes: its log, and what it says happened.
    await simulation.getByRole('button', { name: 'Paleisti: Submitted' }).press('Enter');
    await simulation.locator('.bts-log .bts-text').filter({ hasText: /^Procesas pradėtas$/ }).first().waitFor({ state: 'attached' });
    expect(await simulation.locator('.bts-log').getByText('Simuliacijos žurnalas').count()).toBe(1);
    expect(await simulation.locator('.bts-log .bts-text').filter({ hasText: /^Process started$/ }).count()).toBe(0);
    await checkPage(page, 'designer-simulation-03-lithuanian');
    expect(browser.cspViolations).toEqual([]);
  });
});
