import { describe, expect, it } from 'vitest';
import { screenshot, skipWithoutChromium } from '../support/chromium.js';
import { importReviewService, openAsAnalyst, useDesignerBrowser } from './designer-browser.js';

/** A Lithuanian analyst's test run shows the form viewer's own messages in Lithuanian, not English. */
describe.skipIf(skipWithoutChromium)('designer test run in Lithuanian', () => {
  const code = `review-lt-${process.pid}`;
  const session = useDesignerBrowser((t) => importReviewService(t, code));

  it('tells what is missing in the start form in Lithuanian', async () => {
    const { t, browser } = session;
    const { page } = browser;
    await openAsAnalyst(page, t.url, `services/${code}/1.0.0/test`, 'lt');

    await page.getByRole('button', { name: 'Pradėti bandomąjį vykdymą' }).click();
    await page.getByLabel('Vardas ir pavardė').waitFor();
    await page.getByRole('button', { name: 'Pradėti egzempliorių' }).click();

    await page.getByText('Laukas privalomas.').waitFor();
    expect(await page.getByText('Field is required.').count()).toBe(0);
    await screenshot(page, 'designer-test-lt-required');
  });
});
