import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestRuntime, TEST_PASSWORD, type TestRuntime } from '../../../runtime/test/support/harness.js';
import { launchChromium, screenshot, skipWithoutChromium, type Browser } from '../../../runtime/test/browser/support/chromium.js';
import { reviewServicePackage } from './review-service.js';

/** A Lithuanian analyst's test run shows the form viewer's own messages in Lithuanian, not English. */
describe.skipIf(skipWithoutChromium)('designer test run in Lithuanian', () => {
  let t: TestRuntime;
  let browser: Browser;
  const code = `review-lt-${process.pid}`;

  beforeAll(async () => {
    t = await startTestRuntime();
    const analyst = await t.as('analyst');
    const imported = await analyst.post('/api/service-packages', { files: reviewServicePackage(code) });
    if (imported.status !== 201) throw new Error(`import failed: ${JSON.stringify(imported.body)}`);
    browser = await launchChromium();
  });
  beforeEach(({ task, onTestFailed }) => {
    onTestFailed(() => screenshot(browser.page, `designer-failed-${task.name.slice(0, 40).replace(/\W+/g, '-')}`));
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('tells what is missing in the start form in Lithuanian', async () => {
    const { page } = browser;
    await page.addInitScript("localStorage.setItem('designer.locale', 'lt')");
    await page.goto(`${t.url}/designer/services/${code}/1.0.0/test`);
    await page.getByLabel('Naudotojo vardas').fill('analyst');
    await page.getByLabel('Slaptažodis').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Prisijungti' }).click();

    await page.getByRole('button', { name: 'Pradėti bandomąjį vykdymą' }).click();
    await page.getByLabel('Vardas ir pavardė').waitFor();
    await page.getByRole('button', { name: 'Pradėti egzempliorių' }).click();

    await page.getByText('Laukas privalomas.').waitFor();
    expect(await page.getByText('Field is required.').count()).toBe(0);
    await screenshot(page, 'designer-test-lt-required');
  });
});
