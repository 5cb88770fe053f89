/**
 * "My orders" and the order page follow an order as officials move it, without a reload; a
 * double click on Submit makes one order. In Lithuanian, Latvian and English, at desktop and
 * phone widths, each page screenshotted and checked with axe-core.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { citizen, publishService, startTestRuntime, TEST_PASSWORD, type TestRuntime } from '../support/harness.js';
import type { ApiClient } from '../support/api-client.js';
import { launchChromium, screenshot, skipWithoutChromium, type Browser } from './support/chromium.js';
import { checkPage } from './support/check-page.js';

const TEXTS = {
  lt: { staff: 'Darbuotojų ir demonstracinės paskyros', orders: 'Mano užsakymai', login: 'Prisijungti', username: 'Naudotojo vardas', password: 'Slaptažodis', submitted: 'Pateiktas', inReview: 'Nagrinėjamas', approved: 'Patvirtintas', claimedStep: 'Specialistas pradėjo nagrinėti' },
  lv: { staff: 'Darbinieku un demonstrācijas konti', orders: 'Mani pieteikumi', login: 'Pieteikties', username: 'Lietotājvārds', password: 'Parole', submitted: 'Iesniegts', inReview: 'Izskatīšanā', approved: 'Apstiprināts', claimedStep: 'Speciālists sāka izskatīšanu' },
  en: { staff: 'Staff and demo accounts', orders: 'My orders', login: 'Log in', username: 'Username', password: 'Password', submitted: 'Submitted', inReview: 'Under review', approved: 'Approved', claimedStep: 'An official started the review' },
} as const;
const WIDTHS = [{ name: 'desktop', width: 1024, height: 900 }, { name: 'phone', width: 390, height: 844 }] as const;

describe.skipIf(skipWithoutChromium)('live order status in Chromium', () => {
  let t: TestRuntime;
  let browser: Browser;
  let service: string;
  let jonas: ApiClient;
  let official: ApiClient;

  beforeAll(async () => {
    t = await startTestRuntime();
    service = await publishService(t);
    jonas = await citizen(t);
    official = await t.as('official');
    browser = await launchChromium();
  }, 120_000);
  beforeEach(({ task, onTestFailed }) => {
    onTestFailed(() => screenshot(browser.page, `failed-${task.name.slice(0, 40).replace(/\W+/g, '-')}`));
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function logIn(page: Page, lang: keyof typeof TEXTS): Promise<void> {
    await browser.context.clearCookies();
    await page.goto(`${t.url}/login?lang=${lang}&returnTo=/orders`);
    const name = page.getByLabel(TEXTS[lang].username);
    // The page first: before it renders, the fields look hidden, and a click would close an open disclosure.
    await page.getByText(TEXTS[lang].staff).waitFor();
    if (!(await name.isVisible())) await page.getByText(TEXTS[lang].staff).click();
    await name.fill('citizen');
    await page.getByLabel(TEXTS[lang].password).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: TEXTS[lang].login, exact: true }).click();
    await page.getByRole('link', { name: TEXTS[lang].orders }).waitFor();
  }

  /** The official takes the order's review task (the citizen sees "under review"). */
  async function claim(applicationId: string): Promise<string> {
    const tasks = (await official.get('/api/tasks?limit=100')).body.items as { id: string; applicationId: string }[];
    const task = tasks.find((item) => item.applicationId === applicationId)!;
    expect((await official.post(`/api/tasks/${task.id}/claim`)).status).toBe(200);
    return task.id;
  }

  for (const lang of ['lt', 'lv', 'en'] as const) {
    for (const size of WIDTHS) {
      it(`${lang}, ${size.name}: the status and a new step appear while the citizen watches`, async () => {
        const { page } = browser;
        const text = TEXTS[lang];
        await page.setViewportSize({ width: size.width, height: size.height });
        await logIn(page, lang);
        const order = await jonas.post('/api/applications', { service, data: { place: `Vilniaus g. ${lang}-${size.name}` } });
        expect(order.status).toBe(201);
        const id = order.body.id as string;

        // My orders: open, then the official acts; the row changes in place.
        await page.goto(`${t.url}/orders?lang=${lang}`);
        const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: order.body.caseCode, exact: true }) });
        await expect.poll(() => row.getByTestId('order-status').textContent()).toBe(text.submitted);
        await page.waitForTimeout(300); // the stream is open once the page has rendered
        // A mark on the page that a reload would wipe.
        await page.evaluate(() => { (globalThis as Record<string, unknown>).notReloaded = true; });
        const taskId = await claim(id);
        await expect.poll(() => row.getByTestId('order-status').textContent(), { timeout: 10_000 }).toBe(text.inReview);
        await checkPage(page, `live-${lang}-${size.name}-1-my-orders`);

        // The order page: the official decides; the status and a new step show without a reload.
        await row.getByRole('link', { name: order.body.caseCode, exact: true }).click();
        await expect.poll(() => page.getByTestId('application-status').textContent()).toBe(text.inReview);
        await page.getByRole('heading', { level: 1, name: new RegExp(`${order.body.caseCode as string}$`) }).waitFor();
        await expect.poll(() => page.getByTestId('timeline').textContent()).toContain(text.claimedStep);
        const steps = await page.getByTestId('timeline').locator('li').count();
        await page.waitForTimeout(300);
        expect((await official.post(`/api/tasks/${taskId}/complete`, { variables: { decision: 'approve' } })).status).toBe(200);
        await expect.poll(() => page.getByTestId('application-status').textContent(), { timeout: 10_000 }).toBe(text.approved);
        await expect.poll(() => page.getByTestId('timeline').locator('li').count()).toBe(steps + 1);
        expect(await page.evaluate(() => (globalThis as Record<string, unknown>).notReloaded)).toBe(true);
        await checkPage(page, `live-${lang}-${size.name}-2-order-page`);
      });
    }
  }

  it('makes one order of a double click on Submit', async () => {
    const { page } = browser;
    await page.setViewportSize({ width: 1024, height: 900 });
    await logIn(page, 'en');
    const count = async () => ((await jonas.get('/api/applications?limit=100')).body.total as number);
    const before = await count();
    await page.goto(`${t.url}/services/${service}/order?lang=en`);
    await page.getByLabel('place').fill('Double click g. 2');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('heading', { name: 'Check your answers' }).waitFor();
    await page.getByRole('button', { name: 'Submit' }).dblclick();
    await page.getByTestId('application-number').waitFor();
    await checkPage(page, 'live-en-desktop-3-submitted');
    await page.waitForTimeout(500);
    expect(await count()).toBe(before + 1);
  });
});
