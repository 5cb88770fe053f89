/**
 * The officials' workspace in Chromium, against the example street trading permit on the
 * sandboxes: an official logs in on the portal and lands in the workspace (no citizen terms);
 * the inbox lists the task of a paid order, and a colleague's claim takes a task out of
 * "Unassigned" live; the official claims a task, reads the answers and documents in the case
 * view, is told what is missing from the review form (422) and completes it. Every page in
 * Lithuanian, Latvian and English, screenshotted and checked with axe-core at 1280 and 360 px.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { exampleServiceDir } from '@konstruktor/examples';
import { importExamplePackages } from '../../src/demo/seed.js';
import { startDemoSandboxes, type DemoSandboxes } from '../../src/demo/sandboxes.js';
import type { ApiClient } from '../support/api-client.js';
import { citizen, startTestRuntime, TEST_PASSWORD, type TestRuntime } from '../support/harness.js';
import { eventually } from '../support/eventually.js';
import { launchChromium, screenshot, skipWithoutChromium, type Browser } from './support/chromium.js';
import { checkPageAtBothWidths } from './support/check-page.js';
import { STALL_PLAN_PDF } from './support/form-service.js';

const SERVICE = 'street-trading-permit';
const ORDER = { tradingAs: 'company', companyCode: '305888127', from: '2026-05-01', to: '2026-05-31', goods: 'Gėlės ir medus' };

/** What the test reads and presses, in each language (the portal's and the workspace's own words). */
const WORDS = {
  lt: {
    staff: 'Darbuotojų ir demonstracinės paskyros', username: 'Naudotojo vardas', password: 'Slaptažodis', login: 'Prisijungti',
    inbox: 'Užduotys', unassigned: 'Nepriskirtos', claim: 'Imtis', delegate: 'Perduoti', answers: 'Atsakymai', documents: 'Dokumentai', accept: 'Sutinku su taisyklėmis',
    firstDay: 'Pirmoji diena', firstDayShown: '2026-05-01',
    registerStep: 'Patikrinti įmonę Juridinių asmenų registre', mayRepresent: 'Gali atstovauti juridiniam asmeniui', jointlyWith: 'Veikia kartu su', yes: 'Taip',
  },
  lv: {
    staff: 'Darbinieku un demonstrācijas konti', username: 'Lietotājvārds', password: 'Parole', login: 'Pieteikties',
    inbox: 'Uzdevumi', unassigned: 'Nepiešķirti', claim: 'Uzņemties', delegate: 'Nodot', answers: 'Atbildes', documents: 'Dokumenti', accept: 'Piekrītu noteikumiem',
    firstDay: 'Pirmā diena', firstDayShown: '01.05.2026',
    registerStep: 'Pārbaudīt uzņēmumu Uzņēmumu reģistrā', mayRepresent: 'Drīkst pārstāvēt uzņēmumu', jointlyWith: 'Rīkojas kopā ar', yes: 'Jā',
  },
  en: {
    staff: 'Staff and demo accounts', username: 'Username', password: 'Password', login: 'Log in',
    inbox: 'Inbox', unassigned: 'Unassigned', claim: 'Claim', delegate: 'Delegate', answers: 'Answers', documents: 'Documents', accept: 'I accept the terms',
    firstDay: 'First day', firstDayShown: '01/05/2026',
    registerStep: 'Check the company in the legal entities register', mayRepresent: 'May represent the company', jointlyWith: 'Acts jointly with', yes: 'Yes',
  },
} as const;
type Lang = keyof typeof WORDS;

interface Order { applicationId: string; caseCode: string; taskId: string; place: string }

describe.skipIf(skipWithoutChromium)("the officials' workspace in Chromium", () => {
  let dir: string;
  let sandboxes: DemoSandboxes;
  let t: TestRuntime;
  let browser: Browser;
  let jonas: ApiClient;
  let official: ApiClient;
  let colleague: ApiClient;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'workspace-'));
    sandboxes = await startDemoSandboxes({ dataDir: dir, logger: pino({ level: 'silent' }) });
    t = await startTestRuntime({}, sandboxes.env);
    await importExamplePackages(t.runtime.services, exampleServiceDir(SERVICE), t.runtime.logger);
    jonas = await citizen(t);
    official = await t.as('official');
    colleague = await t.as('official2');
    browser = await launchChromium();
  }, 180_000);
  beforeEach(({ task, onTestFailed }) => {
    onTestFailed(() => screenshot(browser.page, `failed-workspace-${task.name.slice(0, 40).replace(/\W+/g, '-')}`));
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await sandboxes?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  let orders = 0;
  /** Jonas orders the permit for his company with the stall plan and pays; the official's review task appears. */
  async function order(planPdf = STALL_PLAN_PDF): Promise<Order> {
    orders += 1;
    const place = `Rotušės a. ${orders}`;
    const plan = await jonas.request('POST', `/api/documents?filename=plan.pdf&service=${SERVICE}&field=plan`, undefined, { raw: planPdf, headers: { 'content-type': 'application/pdf' } });
    expect(plan.status, JSON.stringify(plan.body)).toBe(201);
    const form = await jonas.get(`/api/services/${SERVICE}/form`);
    const ordered = await jonas.post('/api/applications', { service: SERVICE, data: { ...form.body.data, ...ORDER, place, plan: plan.body.id } });
    expect(ordered.status, JSON.stringify(ordered.body)).toBe(201);
    const applicationId = ordered.body.id as string;
    const payment = await eventually(async () => (await jonas.get(`/api/applications/${applicationId}/payments`)).body.items?.find((p: { redirectUrl: string | null }) => p.redirectUrl), 'the payment order');
    expect((await fetch(payment.redirectUrl, { method: 'POST', body: new URLSearchParams({ action: 'pay' }), redirect: 'manual' })).status).toBe(303);
    const task = await eventually(async () => (await official.get('/api/tasks?limit=100')).body.items.find((i: { applicationId: string }) => i.applicationId === applicationId), 'the review task');
    return { applicationId, caseCode: ordered.body.caseCode as string, taskId: task.id as string, place };
  }

  /** Logs in on the portal's login page as `username`; staff are sent on to the workspace. */
  async function logIn(page: Page, username: string, lang: Lang, returnTo?: string): Promise<void> {
    const w = WORDS[lang];
    await browser.context.clearCookies();
    await page.goto(`${t.url}/login?lang=${lang}${returnTo ? `&returnTo=${encodeURIComponent(returnTo)}` : ''}`);
    const name = page.getByLabel(w.username);
    // The page first: before it renders, the fields look hidden, and a click would close an open disclosure.
    await page.getByText(w.staff).waitFor();
    if (!(await name.isVisible())) await page.getByText(w.staff).click();
    await name.fill(username);
    await page.getByLabel(w.password).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: w.login, exact: true }).click();
  }

  /** At a phone's width the page fits: nothing makes it scroll sideways (tables scroll in their own boxes). */
  async function fitsPhone(page: Page): Promise<void> {
    await page.setViewportSize({ width: 360, height: 780 });
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  const row = (page: Page, caseCode: string) => page.getByTestId('task-row').filter({ hasText: caseCode });

  it('sends an official who logs in on the portal to the workspace, never to the citizen terms', async () => {
    const { page } = browser;
    await page.setViewportSize({ width: 1280, height: 900 });
    const first = await order();
    await logIn(page, 'official', 'en');
    await page.waitForURL(/\/workspace\/\?lang=en$/);
    await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
    expect(await page.getByText(WORDS.en.accept).count()).toBe(0);
    await row(page, first.caseCode).waitFor();
    expect(await page.getByTestId('account-name').textContent()).toBe('Ona Valdininkė');

    // A citizen's page asked for by an official leads to the workspace as well.
    await page.goto(`${t.url}/orders?lang=en`);
    await page.waitForURL(/\/workspace\//);
    await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();

    // Logged out, a workspace address goes to the portal's login and back.
    await browser.context.clearCookies();
    await page.goto(`${t.url}/workspace/tasks/${first.taskId}?lang=en`);
    await page.waitForURL(/\/login\?/);
    expect(new URL(page.url()).searchParams.get('returnTo')).toBe(`/workspace/tasks/${first.taskId}?lang=en`);
    await logIn(page, 'official', 'en', `/workspace/tasks/${first.taskId}?lang=en`);
    await page.waitForURL(new RegExp(`/workspace/tasks/${first.taskId}`));
    await page.getByRole('button', { name: WORDS.en.claim }).waitFor();
  });

  it("takes a task a colleague claims out of 'Unassigned' at once, counts included", async () => {
    const { page } = browser;
    await page.setViewportSize({ width: 1280, height: 900 });
    const [mine, theirs] = [await order(), await order()];
    await logIn(page, 'official', 'en', '/workspace/?view=unassigned&lang=en');
    await page.waitForURL(/view=unassigned/);
    await row(page, theirs.caseCode).waitFor();
    await row(page, mine.caseCode).waitFor();
    const before = Number(await page.getByTestId('count-unassigned').textContent());
    await page.waitForTimeout(300); // the event stream is open once the page has rendered
    await page.evaluate(() => { (globalThis as Record<string, unknown>).notReloaded = true; });

    expect((await colleague.post(`/api/tasks/${theirs.taskId}/claim`)).status).toBe(200);
    await expect.poll(() => row(page, theirs.caseCode).count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(async () => Number(await page.getByTestId('count-unassigned').textContent())).toBe(before - 1);
    expect(await row(page, mine.caseCode).count()).toBe(1);
    expect(await page.evaluate(() => (globalThis as Record<string, unknown>).notReloaded)).toBe(true);

    // A new order's task arrives live and is announced.
    const arriving = await order();
    await row(page, arriving.caseCode).waitFor({ timeout: 10_000 });
    await expect.poll(() => page.getByTestId('inbox-announcement').textContent()).toContain('new task');

    // Search by case number narrows the list; the filter is in the address.
    await page.getByTestId('inbox-search').fill(mine.caseCode);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL(/q=/);
    await expect.poll(() => page.getByTestId('task-row').count()).toBe(1);

    // Saved as a filter: listed, it opens the same view from the plain inbox, and is deleted.
    const saved = page.getByTestId('saved-filters');
    await saved.locator('summary').click();
    await saved.getByLabel('Name of this filter').fill('My case');
    await saved.getByRole('button', { name: 'Save the current filter' }).click();
    await saved.getByRole('link', { name: 'My case' }).waitFor();
    await checkPageAtBothWidths(page, 'workspace-en-inbox-search');
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Inbox' }).click();
    await expect.poll(() => page.getByTestId('task-row').count()).toBeGreaterThan(1);
    await saved.getByRole('link', { name: 'My case' }).click();
    await expect.poll(() => page.getByTestId('task-row').count()).toBe(1);
    expect(new URL(page.url()).searchParams.get('q')).toBe(mine.caseCode);
    await saved.getByRole('button', { name: 'Delete the filter “My case”' }).click();
    await expect.poll(() => saved.getByRole('link', { name: 'My case' }).count()).toBe(0);
  });

  it('claims a task, reads the answers and documents, is told what the review form misses and completes it', async () => {
    const { page } = browser;
    await page.setViewportSize({ width: 1280, height: 900 });
    const mine = await order();
    await logIn(page, 'official', 'en', '/workspace/?lang=en');
    await row(page, mine.caseCode).getByRole('link').click();
    await page.waitForURL(new RegExp(`/workspace/tasks/${mine.taskId}`));
    await page.getByRole('heading', { level: 1, name: /Review/ }).waitFor();

    // The case: the answers in the service's own form, read-only; the plan among the documents.
    const answers = page.getByTestId('case-answers');
    await expect.poll(() => answers.locator('input[readonly], input[disabled]').count()).toBeGreaterThan(0);
    expect(await answers.getByRole('textbox').evaluateAll((inputs) => inputs.map((i) => (i as unknown as { value: string }).value))).toContain(mine.place);
    await expect.poll(() => page.getByTestId('case-documents').textContent()).toContain('plan.pdf');

    await page.getByRole('button', { name: 'Claim', exact: true }).click();
    await expect.poll(() => page.getByTestId('task-assignee').textContent()).toContain('(you)');
    const panel = page.getByTestId('work-panel');
    await panel.waitFor();

    // Completing without a decision: the server's 422 in the summary and at the field.
    await page.getByRole('button', { name: 'Complete the task' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Decision');
    await checkPageAtBothWidths(page, 'workspace-en-task-errors');

    // Asking for more information is one of the form's outcomes: the message and the answers to give again.
    await panel.getByLabel('Ask the applicant for more information').check();
    await panel.getByLabel(/Message to the applicant/).waitFor();
    await page.getByTestId('request-hint').waitFor();
    await checkPageAtBothWidths(page, 'workspace-en-task-request-information');

    await panel.getByLabel('Issue the permit').check();
    await page.getByRole('button', { name: 'Complete the task' }).click();
    await expect.poll(() => page.getByTestId('task-state').textContent(), { timeout: 10_000 }).toBe('Completed');
    await expect.poll(async () => (await official.get(`/api/tasks/${mine.taskId}`)).body.state).toBe('completed');
    // The case's tasks name the outcome as the review form words it, not by its value (approve).
    await page.reload();
    await expect.poll(() => page.getByTestId('case-tasks').textContent()).toContain('Issue the permit');
  });

  it('signs the approved permit with the mobile signature: the code shown, confirmed on the sandbox phone, then completed', async () => {
    const { page } = browser;
    await page.setViewportSize({ width: 1280, height: 900 });
    const approved = await order();
    expect((await official.post(`/api/tasks/${approved.taskId}/claim`)).status).toBe(200);
    expect((await official.post(`/api/tasks/${approved.taskId}/complete`, { variables: { decision: 'approve' } })).status).toBe(200);
    const sign = await eventually(async () => (await official.get('/api/tasks?limit=100')).body.items
      .find((i: { applicationId: string; signature: unknown }) => i.applicationId === approved.applicationId && i.signature), 'the signing task');

    await logIn(page, 'official', 'en', `/workspace/tasks/${sign.id}?lang=en`);
    await page.getByRole('heading', { level: 1, name: /Sign the permit/ }).waitFor();
    await page.getByRole('button', { name: 'Claim', exact: true }).click();
    const step = page.getByTestId('signature-step');
    await step.getByTestId('document-to-sign').waitFor();
    // Completing before signing is stopped in the page.
    await page.getByRole('button', { name: 'Complete the task' }).click();
    await expect.poll(() => page.getByTestId('work-failure').textContent()).toBe('Sign the document before completing the task.');

    await page.getByTestId('work-panel').getByLabel(/I have checked the permit/).check();
    await step.getByRole('button', { name: 'Sign with mobile signature' }).click();
    const code = await step.getByTestId('verification-code').textContent();
    expect(code).toMatch(/^\d{4}$/);
    await checkPageAtBothWidths(page, 'workspace-en-6-signature-code');
    await fitsPhone(page);

    // The sandbox phone of Ona Valdininkė shows the same code; she confirms there.
    const phoneUrl = sandboxes.urls.find(([name]) => name === 'signature phone')![1];
    const phone = await eventually(async () => {
      const html = await (await fetch(`${phoneUrl}?personalCode=PNOLT-48501010001&lang=en`)).text();
      return html.includes('<form') && html;
    }, 'the request on the phone');
    expect(phone).toContain(code!);
    const confirm = new RegExp('action="(/phone/[^"]+/confirm)"').exec(phone)![1]!;
    expect((await fetch(new URL(confirm, phoneUrl), { method: 'POST', body: new URLSearchParams({ personalCode: 'PNOLT-48501010001', lang: 'en' }), redirect: 'manual' })).status).toBe(303);
    await expect.poll(() => step.getByTestId('signature-status').textContent(), { timeout: 30_000 }).toContain('Signed.');
    await checkPageAtBothWidths(page, 'workspace-en-7-signed');

    await page.getByRole('button', { name: 'Complete the task' }).click();
    await expect.poll(() => page.getByTestId('task-state').textContent(), { timeout: 10_000 }).toBe('Completed');
  });

  it('says at once when a supervisor hands the open task to a colleague, and the form is no longer his to send', async () => {
    const { page } = browser;
    await page.setViewportSize({ width: 1280, height: 900 });
    const mine = await order();
    await logIn(page, 'official', 'en', `/workspace/tasks/${mine.taskId}?lang=en`);
    await page.getByRole('button', { name: 'Claim', exact: true }).click();
    await page.getByTestId('work-panel').waitFor();
    await page.waitForTimeout(300); // the event stream is open once the page has rendered

    const supervisor = await t.as('supervisor');
    const petras = ((await supervisor.get('/api/agency/officials')).body as { id: string; displayName: string }[]).find((o) => o.displayName === 'Petras Pareigūnas')!;
    expect((await supervisor.post(`/api/tasks/${mine.taskId}/delegate`, { userId: petras.id, note: 'Ona is away this week' })).status).toBe(200);
    await expect.poll(() => page.getByTestId('task-notice').textContent(), { timeout: 10_000 }).toBe('The task is now assigned to Petras Pareigūnas.');
    expect(await page.getByTestId('work-panel').count()).toBe(0);
    expect(await page.getByTestId('work-state').textContent()).toBe('Petras Pareigūnas is working on this task.');
    await expect.poll(() => page.getByTestId('task-history').textContent()).toContain('Ona is away this week');
  });

  it('lets a supervisor open a case on its own, by keyboard from the inbox, focus on each new page', async () => {
    const { page } = browser;
    await page.setViewportSize({ width: 1280, height: 900 });
    const theirs = await order();
    expect((await colleague.post(`/api/tasks/${theirs.taskId}/claim`)).status).toBe(200);
    await logIn(page, 'supervisor', 'en', '/workspace/?view=all&lang=en');
    await page.getByRole('heading', { level: 1, name: 'All work in the agency' }).waitFor();
    // Whose work: a supervisor picks a colleague and sees his tasks only.
    await page.getByLabel('Assignee').selectOption({ label: 'Petras Pareigūnas' });
    await page.waitForURL(/assignee=/);
    await expect.poll(async () => [...new Set(await page.getByTestId('task-assignee').allTextContents())]).toEqual(['Petras Pareigūnas']);
    await checkPageAtBothWidths(page, 'workspace-en-supervisor-assignee');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await row(page, theirs.caseCode).getByRole('link').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/workspace/tasks/${theirs.taskId}`));
    await expect.poll(() => page.evaluate('document.activeElement && document.activeElement.tagName')).toBe('H1');

    await page.goto(`${t.url}/workspace/cases/${theirs.applicationId}?lang=en`);
    await page.getByRole('heading', { level: 1, name: `Case ${theirs.caseCode}` }).waitFor();
    await page.getByTestId('case-answers').locator('.fjs-form').waitFor();
    await checkPageAtBothWidths(page, 'workspace-en-5-case-supervisor');
  });

  for (const lang of ['lt', 'lv', 'en'] as const) {
    it(`${lang}: the inbox, a task, the delegate dialog and the citizen's refusal at both widths, axe clean`, async () => {
      const { page } = browser;
      const w = WORDS[lang];
      await page.setViewportSize({ width: 1280, height: 900 });
      const mine = await order();
      await logIn(page, 'official', lang);
      await page.waitForURL(/\/workspace\//);
      await page.getByRole('heading', { level: 1, name: w.inbox }).waitFor();
      await row(page, mine.caseCode).waitFor();
      await checkPageAtBothWidths(page, `workspace-${lang}-1-inbox`);
      await fitsPhone(page);

      await page.goto(`${t.url}/workspace/tasks/${mine.taskId}?lang=${lang}`);
      await page.getByRole('button', { name: w.claim, exact: true }).click();
      await page.getByTestId('work-panel').waitFor();
      await page.getByTestId('case-answers').locator('.fjs-form').waitFor();
      // The answers' dates as the page's language writes them, not in the browser's (American) format.
      expect(await page.getByTestId('case-answers').getByLabel(w.firstDay).inputValue()).toBe(w.firstDayShown);
      // The register's answer reads in the page's language: the step's name, the connector's names for the fields, yes for true, — for nobody.
      const register = page.getByTestId('case-registers');
      expect(await register.textContent()).toContain(w.registerStep);
      expect(await register.locator('.key-values__row', { hasText: w.mayRepresent }).locator('dd').textContent()).toBe(w.yes);
      expect(await register.locator('.key-values__row', { hasText: w.jointlyWith }).locator('dd').textContent()).toBe('—');
      expect(await register.textContent()).not.toMatch(/mayRepresent|\[\]/);
      await checkPageAtBothWidths(page, `workspace-${lang}-2-task`);
      await fitsPhone(page);

      await page.getByRole('button', { name: w.delegate, exact: true }).click();
      const dialog = page.getByTestId('delegate-dialog');
      await dialog.waitFor();
      await expect.poll(() => dialog.evaluate((element) => (globalThis as unknown as { getComputedStyle(e: unknown): { opacity: string } }).getComputedStyle(element).opacity)).toBe('1');
      await checkPageAtBothWidths(page, `workspace-${lang}-3-delegate`);
      await page.keyboard.press('Escape');

      // A citizen who finds the workspace is told politely where his things are.
      await logIn(page, 'citizen', lang);
      await page.waitForURL((url) => url.pathname === '/');
      await page.goto(`${t.url}/workspace/?lang=${lang}`);
      await page.getByTestId('not-for-citizens').waitFor();
      await checkPageAtBothWidths(page, `workspace-${lang}-4-citizen`);
    });
  }

  it('previews the stall plan PDF in the case view: its page drawn on a canvas, named, axe clean', async () => {
    const { page } = browser;
    await page.setViewportSize({ width: 1280, height: 900 });
    const plan = await PDFDocument.create();
    const sheet = plan.addPage([400, 300]);
    sheet.drawRectangle({ x: 40, y: 40, width: 320, height: 180, color: rgb(0.1, 0.3, 0.6) });
    sheet.drawText('Prekystalis', { x: 40, y: 250, size: 24, font: await plan.embedFont(StandardFonts.Helvetica) });
    const mine = await order(Buffer.from(await plan.save()));
    await logIn(page, 'official', 'en', `/workspace/tasks/${mine.taskId}?lang=en`);
    await page.waitForURL(new RegExp(`/workspace/tasks/${mine.taskId}`));

    const documents = page.getByTestId('case-documents');
    await documents.getByRole('button', { name: /^Preview\W+plan\.pdf$/ }).click();
    const canvas = documents.getByRole('img', { name: 'Page 1 of 1, plan.pdf' });
    await canvas.waitFor({ timeout: 15_000 });
    await documents.getByText('Page 1 of 1', { exact: true }).waitFor();
    // Drawn, not just placed: the blue stall and the title leave pixels that are not white.
    type Canvas = { width: number; height: number; getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } };
    const inked = () => canvas.evaluate((element) => {
      const c = element as unknown as Canvas;
      const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
      let count = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i]! < 200 || data[i + 1]! < 200 || data[i + 2]! < 200) count += 1;
      return count;
    });
    await expect.poll(inked, { timeout: 10_000 }).toBeGreaterThan(10_000);
    // pdf.js parsed it in its worker, from our own origin under the workspace's CSP (not on the page's thread).
    expect(page.workers().map((w) => new URL(w.url()))).toContainEqual(expect.objectContaining({ origin: new URL(t.url).origin, pathname: expect.stringMatching(/\/assets\/pdf\.worker/) }));
    expect(await documents.getByRole('link', { name: 'Open the whole file plan.pdf' }).count()).toBe(1);
    await checkPageAtBothWidths(page, 'workspace-en-document-preview');
  });
});
