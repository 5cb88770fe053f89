import { describe, expect, it } from 'vitest';
import { screenshot, skipWithoutChromium } from '../support/chromium.js';
import { importReviewService, openAsAnalyst, useDesignerBrowser } from './designer-browser.js';

/** What the analyst clicks and reads in each language other than English. */
const WORDS = {
  lt: { start: 'Pradėti bandomąjį vykdymą', name: 'Vardas ir pavardė', submit: 'Pradėti egzempliorių', required: 'Laukas privalomas.' },
  lv: { start: 'Sākt testa izpildi', name: 'Vārds un uzvārds', submit: 'Sākt instanci', required: 'Lauks ir obligāts.' },
};

/** A Lithuanian or Latvian analyst's test run shows the form viewer's own messages in that language, not English. */
describe.skipIf(skipWithoutChromium)('designer test run in the analyst\'s language', () => {
  for (const locale of ['lt', 'lv'] as const) describe(locale, () => {
    const code = `review-${locale}-${process.pid}`;
    const session = useDesignerBrowser((t) => importReviewService(t, code));
    const words = WORDS[locale];

    it('tells what is missing in the start form in the analyst\'s language', async () => {
      const { t, browser } = session;
      const { page } = browser;
      await openAsAnalyst(page, t.url, `services/${code}/1.0.0/test`, locale);

      await page.getByRole('button', { name: words.start }).click();
      await page.getByLabel(words.name).waitFor();
      await page.getByRole('button', { name: words.submit }).click();

      await page.getByText(words.required).waitFor();
      expect(await page.getByText('Field is required.').count()).toBe(0);
      await screenshot(page, `designer-test-${locale}-required`);
    });
  });
});
