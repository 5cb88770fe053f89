import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, describeViolations, screenshot } from './chromium.js';

/** Screenshot, then axe-core: no WCAG 2.1 A/AA violation on the page as it stands. */
export async function checkPage(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  const violations = await axeViolations(page);
  expect(violations, `${name}:\n${describeViolations(violations)}`).toEqual([]);
}

/** checkPage at a desktop's width (1280 px), then at a phone's (360 px), and back to the desktop. */
export async function checkPageAtBothWidths(page: Page, name: string): Promise<void> {
  await checkPage(page, `${name}-1280`);
  await page.setViewportSize({ width: 360, height: 780 });
  await checkPage(page, `${name}-360`);
  await page.setViewportSize({ width: 1280, height: 900 });
}
