/**
 * Two more citizen journeys in Chromium, on the example street trading permit and the
 * sandboxes, every page screenshotted and checked with axe-core at 1280 and 360 px:
 * - an e-assistant: Jonas authorises Ieva; she acts for him and orders; the order is his,
 *   marked "submitted under authorisation by Ieva", in her list and in his;
 * - a withdrawal: Jonas orders, then withdraws while the agency still handles it; the order
 *   ends withdrawn while he watches, and the fee can no longer be paid.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { exampleServiceDir } from '@konstruktor/examples';
import { importExamplePackages } from '../../src/demo/seed.js';
import { startDemoSandboxes, type DemoSandboxes } from '../../src/demo/sandboxes.js';
import { startTestRuntime, TEST_PASSWORD, type TestRuntime } from '../support/harness.js';
import { launchChromium, screenshot, skipWithoutChromium, type Browser } from './support/chromium.js';
import { checkPageAtBothWidths } from './support/check-page.js';

const SERVICE = 'street-trading-permit';
const IEVA = { username: 'citizen2', name: 'Ieva Bērziņa', personalCode: '010190-10036' };

describe.skipIf(skipWithoutChromium)('e-assistant and withdrawal journeys in Chromium', () => {
  let dir: string;
  let sandboxes: DemoSandboxes;
  let t: TestRuntime;
  let browser: Browser;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'journeys-'));
    sandboxes = await startDemoSandboxes({ dataDir: dir, logger: pino({ level: 'silent' }) });
    t = await startTestRuntime({}, sandboxes.env);
    expect(await importExamplePackages(t.runtime.services, exampleServiceDir(SERVICE), t.runtime.logger)).toEqual([`${SERVICE}@1.3.2`]);
    browser = await launchChromium();
  }, 180_000);
  beforeEach(({ task, onTestFailed }) => {
    onTestFailed(() => screenshot(browser.page, `failed-${task.name.slice(0, 40).replace(/\W+/g, '-')}`));
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await sandboxes?.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** Logs in on the login page's staff form (the demo citizens have passwords too); accepts the terms when asked. */
  async function logIn(page: Page, username: string, returnTo: string): Promise<void> {
    await browser.context.clearCookies();
    await page.goto(`${t.url}/login?lang=en&returnTo=${encodeURIComponent(returnTo)}`);
    const name = page.getByLabel('Username');
    // The page first: before it renders, the fields look hidden, and a click would close an open disclosure.
    await page.getByText('Staff and demo accounts').waitFor();
    if (!(await name.isVisible())) await page.getByText('Staff and demo accounts').click();
    await name.fill(username);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    await page.getByRole('button', { name: 'Log out' }).waitFor();
    const terms = page.getByRole('button', { name: 'I accept the terms' });
    if (await terms.isVisible()) await terms.click();
  }

  /** Orders the permit as a natural person, in English, from the form's first page to Submit. */
  async function orderPermit(page: Page, place: string): Promise<string> {
    await page.goto(`${t.url}/services/${SERVICE}/order?lang=en`);
    await page.getByText('Step 1 of 5').waitFor();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('A natural person').check();
    await page.getByRole('textbox', { name: 'Trading place' }).fill(place);
    await page.getByLabel('First day').fill('2027-06-01');
    await page.getByLabel('Last day').fill('2027-06-30');
    await page.getByRole('textbox', { name: 'Goods or services' }).fill('Honey');
    await page.getByRole('button', { name: 'Next' }).click();
    // No helpers: the list starts empty.
    await page.getByRole('button', { name: 'Add new' }).waitFor();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('heading', { level: 1, name: 'Check your answers' }).waitFor();
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.waitForURL(/\/orders\/[0-9a-f-]{36}/);
    await page.getByTestId('application-number').waitFor();
    return new URL(page.url()).pathname.split('/').at(-1)!;
  }

  it('an e-assistant orders for the person who authorised her; both see it, marked as hers', async () => {
    const { page } = browser;
    await page.setViewportSize({ width: 1280, height: 900 });
    // Jonas authorises Ieva until the end of next year.
    await logIn(page, 'citizen', '/authorisations');
    await page.getByRole('heading', { level: 1, name: 'My e-assistants' }).waitFor();
    await page.getByLabel('Name and surname').fill(IEVA.name);
    await page.getByLabel('Personal code').fill(IEVA.personalCode);
    await page.getByLabel('Valid until').fill(`${new Date().getFullYear() + 1}-12-31`);
    await page.getByRole('button', { name: 'Authorise', exact: true }).click();
    await page.getByTestId('authorisations').getByText(IEVA.name, { exact: true }).waitFor();
    await checkPageAtBothWidths(page, 'assistant-01-authorised');

    // Ieva chooses to act for him and orders.
    await logIn(page, IEVA.username, '/acting-for');
    await page.getByRole('heading', { level: 1, name: 'Whom are you acting for?' }).waitFor();
    await page.getByLabel('Jonas Jonaitis, who authorised me').check();
    await checkPageAtBothWidths(page, 'assistant-02-acting-for');
    await page.getByRole('button', { name: 'Continue' }).click();
    expect(await page.getByTestId('acting-for').textContent()).toContain('Jonas Jonaitis');
    const id = await orderPermit(page, 'Laisvės al. 10');
    await page.getByText('Submitted under authorisation by Ieva Bērziņa').waitFor();
    await checkPageAtBothWidths(page, 'assistant-03-order');
    const [stored] = (await t.runtime.database.dataSource.query(
      `SELECT applicant.username AS applicant, submitter.username AS submitter FROM application a
         JOIN app_user applicant ON applicant.id = a.applicant_id JOIN app_user submitter ON submitter.id = a.submitted_by_id WHERE a.id = $1`, [id])) as { applicant: string; submitter: string }[];
    expect(stored).toEqual({ applicant: 'citizen', submitter: IEVA.username });

    // Jonas sees the order in his list, marked as made under his authorisation.
    await logIn(page, 'citizen', '/orders');
    const row = page.getByRole('row').filter({ hasText: 'Submitted under authorisation by Ieva Bērziņa' });
    await row.waitFor();
    await checkPageAtBothWidths(page, 'assistant-04-grantor-orders');
  }, 240_000);

  it('withdraws an order while the agency still handles it; it ends withdrawn and cannot be paid any more', async () => {
    const { page } = browser;
    await page.setViewportSize({ width: 1280, height: 900 });
    await logIn(page, 'citizen', '/');
    // Acting for himself (the e-assistant journey may have left another choice in this tab).
    await page.goto(`${t.url}/acting-for?lang=en&returnTo=/`);
    await page.getByLabel(/^Myself/).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    const id = await orderPermit(page, 'Rotušės a. 5');
    await page.getByRole('link', { name: 'Pay €15.00' }).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Withdraw the order' }).click();
    await page.getByText('Withdraw this order? The agency will stop handling it.').waitFor();
    await checkPageAtBothWidths(page, 'withdrawal-01-confirm');
    await page.getByRole('button', { name: 'Yes, withdraw' }).click();
    await expect.poll(() => page.getByTestId('application-status').textContent(), { timeout: 30_000 }).toBe('Cancelled');
    await expect.poll(() => page.getByRole('link', { name: 'Pay €15.00' }).count()).toBe(0);
    await expect.poll(() => page.getByTestId('progress').textContent()).toContain('Withdrawn');
    await checkPageAtBothWidths(page, 'withdrawal-02-withdrawn');
    const [stored] = (await t.runtime.database.dataSource.query('SELECT status FROM application WHERE id = $1', [id])) as { status: string }[];
    expect(stored!.status).toBe('cancelled');
  }, 240_000);
});
