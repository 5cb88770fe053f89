import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Page } from 'playwright-core';
import { startTestRuntime, TEST_PASSWORD, type TestRuntime } from '../../support/harness.js';
import { launchChromium, screenshot, type Browser } from '../support/chromium.js';
import { reviewServicePackage } from './review-service.js';

export interface DesignerBrowser {
  t: TestRuntime;
  browser: Browser;
}

/**
 * A runtime and a Chromium page for the tests of one describe block: `prepare` runs against the
 * runtime before the browser starts, a failing test leaves a screenshot, both are closed after.
 */
export function useDesignerBrowser(prepare?: (t: TestRuntime) => Promise<void>): DesignerBrowser {
  const session = {} as DesignerBrowser;
  beforeAll(async () => {
    session.t = await startTestRuntime();
    await prepare?.(session.t);
    session.browser = await launchChromium();
  });
  beforeEach(({ task, onTestFailed }) => {
    onTestFailed(() => screenshot(session.browser.page, `designer-failed-${task.name.slice(0, 40).replace(/\W+/g, '-')}`));
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.t?.close();
  });
  return session;
}

/** The review service (review-service.ts) imported as a draft 1.0.0 under `code`, by the analyst. */
export async function importReviewService(t: TestRuntime, code: string): Promise<void> {
  const imported = await (await t.as('analyst')).post('/api/service-packages', { files: reviewServicePackage(code) });
  if (imported.status !== 201) throw new Error(`import failed: ${JSON.stringify(imported.body)}`);
}

const LOGIN = {
  en: { username: 'Username', password: 'Password', submit: 'Log in' },
  lt: { username: 'Naudotojo vardas', password: 'Slaptažodis', submit: 'Prisijungti' },
  lv: { username: 'Lietotājvārds', password: 'Parole', submit: 'Pieteikties' },
};

/** Opens `path` of the designer in `locale` and logs in as the analyst on the login page it shows first. */
export async function openAsAnalyst(page: Page, url: string, path: string, locale: keyof typeof LOGIN = 'en'): Promise<void> {
  await page.addInitScript(`localStorage.setItem('designer.locale', '${locale}')`);
  await page.goto(`${url}/designer/${path}`);
  const words = LOGIN[locale];
  await page.getByLabel(words.username).fill('analyst');
  await page.getByLabel(words.password).fill(TEST_PASSWORD);
  await page.getByRole('button', { name: words.submit }).click();
}
