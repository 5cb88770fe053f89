import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, describeViolations, screenshot } from './chromium.js';

/** Screenshot, then axe-core: no WCAG 2.1 A/AA violation on the page as it stands. */
export async function checkPage(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  const violations = await axeViolations(page);
  expect(violations, `${name}:\n${describeViolations(violations)}`).toEqual([]);
}
