/**
 * The issue's journeys across the portal and the workspace, two people in two browsers on the
 * sandboxes (registers, bank, e-seal, OCSP, TSA, the signature phone):
 * - the whole case: the citizen orders the street trading permit and pays; the official sees the
 *   task arrive live, opens the case and asks for the stall plan; the citizen answers in the
 *   portal; the task comes back; the official approves, then signs the permit on the sandbox
 *   phone; the citizen sees the signed permit arrive live, and pdfsig accepts it offline;
 * - a supervisor finds an overdue task and reassigns it; the colleague finds it with the note;
 * - an official delegates his task to a colleague, who sees it arrive live and completes it.
 * In Lithuanian, Latvian and English; pages screenshotted and checked with axe-core at 1280 and 360 px.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { exampleServiceDir } from '@konstruktor/examples';
import { nssDatabaseTrusting, pdfsig, toolsPresent } from '@konstruktor/examples/signing-tools';
import { importExamplePackages } from '../../src/demo/seed.js';
import { startDemoSandboxes, type DemoSandboxes } from '../../src/demo/sandboxes.js';
import type { ApiClient } from '../support/api-client.js';
import { citizen, startTestRuntime, TEST_PASSWORD, type TestRuntime } from '../support/harness.js';
import { eventually } from '../support/eventually.js';
import { freePort } from '../support/free-port.js';
import { launchChromium, screenshot, skipWithoutChromium, type Browser } from './support/chromium.js';
import { checkPageAtBothWidths } from './support/check-page.js';
import { STALL_PLAN_PDF } from './support/form-service.js';

const SERVICE = 'street-trading-permit';
/** Ona Valdininkė's account on the sandbox signature phone. */
const ONA_PHONE = 'PNOLT-48501010001';
// Without poppler-utils and certutil the signed permit cannot be checked; CI installs them and must not skip.
const havePdfsig = toolsPresent('pdfsig', 'certutil') || process.env.CI === 'true';

/** What the people read and press, in each language (the portal's, the workspace's and the phone's own words). */
const WORDS = {
  lt: {
    staff: 'Darbuotojų ir demonstracinės paskyros', username: 'Naudotojo vardas', password: 'Slaptažodis', login: 'Prisijungti', accept: 'Sutinku su taisyklėmis',
    next: 'Toliau', checkAnswers: 'Patikrinkite atsakymus', submit: 'Pateikti', pay: 'Sumokėti 15,00 €', paid: 'Sumokėta',
    informationGo: 'Atsakyti į prašymą', informationSend: 'Siųsti informaciją', approved: 'Patvirtintas',
    inbox: 'Užduotys', unassigned: 'Nepriskirtos', mine: 'Priskirtos man', overdue: 'Vėluojančios', claim: 'Imtis', complete: 'Užbaigti užduotį', completed: 'Atlikta',
    sign: 'Pasirašyti mobiliuoju parašu', signed: 'Pasirašyta.', confirm: 'Patvirtinti', confirmed: 'Parašas patvirtintas.',
    delegate: 'Perduoti', colleague: 'Kolega', note: 'Pastaba kolegai', review: 'Išnagrinėti prašymą', signTask: 'Pasirašyti leidimą',
  },
  lv: {
    staff: 'Darbinieku un demonstrācijas konti', username: 'Lietotājvārds', password: 'Parole', login: 'Pieteikties', accept: 'Piekrītu noteikumiem',
    next: 'Tālāk', checkAnswers: 'Pārbaudiet atbildes', submit: 'Iesniegt', pay: 'Samaksāt 15,00 €', paid: 'Samaksāts',
    informationGo: 'Atbildēt uz pieprasījumu', informationSend: 'Nosūtīt informāciju', approved: 'Apstiprināts',
    inbox: 'Uzdevumi', unassigned: 'Nepiešķirti', mine: 'Piešķirti man', overdue: 'Nokavētie', claim: 'Uzņemties', complete: 'Pabeigt uzdevumu', completed: 'Izpildīts',
    sign: 'Parakstīt ar mobilo parakstu', signed: 'Parakstīts.', confirm: 'Apstiprināt', confirmed: 'Paraksts apstiprināts.',
    delegate: 'Nodot', colleague: 'Kolēģis', note: 'Piezīme kolēģim', review: 'Izskatīt pieteikumu', signTask: 'Parakstīt atļauju',
  },
  en: {
    staff: 'Staff and demo accounts', username: 'Username', password: 'Password', login: 'Log in', accept: 'I accept the terms',
    next: 'Next', checkAnswers: 'Check your answers', submit: 'Submit', pay: 'Pay €15.00', paid: 'Paid',
    informationGo: 'Answer the request', informationSend: 'Send the information', approved: 'Approved',
    inbox: 'Inbox', unassigned: 'Unassigned', mine: 'Assigned to me', overdue: 'Overdue', claim: 'Claim', complete: 'Complete the task', completed: 'Completed',
    sign: 'Sign with mobile signature', signed: 'Signed.', confirm: 'Confirm', confirmed: 'Signature confirmed.',
    delegate: 'Delegate', colleague: 'Colleague', note: 'Note for the colleague', review: 'Review the application', signTask: 'Sign the permit',
  },
} as const;
type Lang = keyof typeof WORDS;

/** A form field by its whole label (form-js adds * to a required one's label text). */
const field = (scope: Page | ReturnType<Page['getByTestId']>, text: string) => scope.getByLabel(new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\*?$`));

type Translations = Record<'lt' | 'lv', Record<string, string>>;
/** A form's label by component key, in a language (its x-translations; English as written). */
async function formLabels(file: string): Promise<(lang: Lang, key: string, english: string) => string> {
  const form = JSON.parse(await readFile(path.join(exampleServiceDir(SERVICE), 'forms', file), 'utf8')) as { 'x-translations': Translations };
  return (lang, key, english) => (lang === 'en' ? english : form['x-translations'][lang][key] ?? english);
}

describe.skipIf(skipWithoutChromium)('journeys across the portal and the workspace', () => {
  let dir: string;
  let sandboxes: DemoSandboxes;
  let t: TestRuntime;
  /** The citizen's browser and the officials' browser: two people, two cookie jars. */
  let citizenBrowser: Browser;
  let staffBrowser: Browser;
  let jonas: ApiClient;
  let application: Awaited<ReturnType<typeof formLabels>>;
  let review: Awaited<ReturnType<typeof formLabels>>;
  let signing: Awaited<ReturnType<typeof formLabels>>;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'workspace-journeys-'));
    sandboxes = await startDemoSandboxes({ dataDir: dir, logger: pino({ level: 'silent' }) });
    // The bank sends the payer back to the runtime's public address: its port is fixed before it starts.
    t = await startTestRuntime({}, { ...sandboxes.env, PORT: String(await freePort()) });
    await importExamplePackages(t.runtime.services, exampleServiceDir(SERVICE), t.runtime.logger);
    jonas = await citizen(t);
    [application, review, signing] = await Promise.all([formLabels('application.form'), formLabels('review.form'), formLabels('sign.form')]);
    citizenBrowser = await launchChromium();
    staffBrowser = await launchChromium();
  }, 180_000);
  beforeEach(({ task, onTestFailed }) => {
    onTestFailed(async () => {
      const name = task.name.slice(0, 30).replace(/\W+/g, '-');
      await screenshot(citizenBrowser.page, `failed-journeys-citizen-${name}`);
      await screenshot(staffBrowser.page, `failed-journeys-staff-${name}`);
    });
  });
  afterAll(async () => {
    await citizenBrowser?.close();
    await staffBrowser?.close();
    await t?.close();
    await sandboxes?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** Logs `username` in on the portal's login page (staff go on to the workspace, or to `returnTo`). */
  async function logIn(browser: Browser, username: string, lang: Lang, returnTo?: string): Promise<void> {
    const w = WORDS[lang];
    const { page, context } = browser;
    await context.clearCookies();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${t.url}/login?lang=${lang}${returnTo ? `&returnTo=${encodeURIComponent(returnTo)}` : ''}`);
    const name = page.getByLabel(w.username);
    // The page first: before it renders, the fields look hidden, and a click would close an open disclosure.
    await page.getByText(w.staff).waitFor();
    if (!(await name.isVisible())) await page.getByText(w.staff).click();
    await name.fill(username);
    await page.getByLabel(w.password).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: w.login, exact: true }).click();
  }

  /** Jonas orders the permit for himself through the API and pays; the review task of it. */
  async function orderByApi(place: string): Promise<{ applicationId: string; caseCode: string; taskId: string }> {
    const form = await jonas.get(`/api/services/${SERVICE}/form`);
    const ordered = await jonas.post('/api/applications', {
      service: SERVICE, data: { ...form.body.data, tradingAs: 'person', place, from: '2027-06-01', to: '2027-06-30', goods: 'Knygos' },
    });
    expect(ordered.status, JSON.stringify(ordered.body)).toBe(201);
    const applicationId = ordered.body.id as string;
    const payment = await eventually(async () => (await jonas.get(`/api/applications/${applicationId}/payments`)).body.items?.find((p: { redirectUrl: string | null }) => p.redirectUrl), 'the payment order');
    expect((await fetch(payment.redirectUrl, { method: 'POST', body: new URLSearchParams({ action: 'pay' }), redirect: 'manual' })).status).toBe(303);
    const official = await t.as('official');
    const task = await eventually(async () => (await official.get('/api/tasks?limit=100')).body.items.find((i: { applicationId: string }) => i.applicationId === applicationId), 'the review task');
    return { applicationId, caseCode: ordered.body.caseCode as string, taskId: task.id as string };
  }

  const row = (page: Page, caseCode: string, name?: string) => {
    const rows = page.getByTestId('task-row').filter({ hasText: caseCode });
    return name ? rows.filter({ hasText: name }) : rows;
  };

  /** The official opens the task from his inbox, claims it and waits for its form. */
  async function openAndClaim(page: Page, lang: Lang, caseCode: string, name: string): Promise<void> {
    const w = WORDS[lang];
    await row(page, caseCode, name).getByRole('link').first().click();
    await page.getByRole('heading', { level: 1, name: new RegExp(name) }).waitFor();
    await page.getByRole('button', { name: w.claim, exact: true }).click();
    await page.getByTestId('work-panel').waitFor();
  }

  for (const lang of ['lt', 'lv', 'en'] as const) {
    it(`${lang}: ordered, asked for more, answered, approved and signed on the phone; the citizen watches it live`, async () => {
      const w = WORDS[lang];
      const citizenPage = citizenBrowser.page;
      const officialPage = staffBrowser.page;

      // The official watches his unassigned work.
      await logIn(staffBrowser, 'official', lang, `/workspace/?view=unassigned&lang=${lang}`);
      await officialPage.waitForURL(/view=unassigned/);
      await officialPage.getByRole('heading', { level: 1 }).waitFor();

      // The citizen orders the permit in the portal, as himself.
      await logIn(citizenBrowser, 'citizen', lang, `/services/${SERVICE}/order?lang=${lang}`);
      await citizenPage.waitForURL(new RegExp(`/services/${SERVICE}/order`));
      const terms = citizenPage.getByRole('button', { name: w.accept });
      await citizenPage.getByRole('heading', { level: 1 }).waitFor();
      if (await terms.isVisible()) await terms.click();
      await expect.poll(() => field(citizenPage, application(lang, 'Field_contact_givenName.label', 'Given name')).inputValue()).toBe('Jonas');
      await citizenPage.getByRole('button', { name: w.next }).click();
      await field(citizenPage, application(lang, 'Field_tradingAs.values.person', 'A natural person')).check();
      const place = `Laisvės al. ${lang.toUpperCase()}`;
      await field(citizenPage, application(lang, 'Field_place.label', 'Trading place')).fill(place);
      await citizenPage.getByLabel(application(lang, 'Field_from.dateLabel', 'First day')).fill('2027-05-01');
      await citizenPage.getByLabel(application(lang, 'Field_to.dateLabel', 'Last day')).fill('2027-05-31');
      await field(citizenPage, application(lang, 'Field_goods.label', 'Goods or services')).fill('Medus');
      await citizenPage.getByRole('button', { name: w.next }).click();
      // No helpers: the list starts empty, nothing to fill in.
      await citizenPage.getByRole('button', { name: w.next }).click();
      await citizenPage.getByLabel(application(lang, 'Field_plan.label', 'Plan of the stall')).waitFor();
      await citizenPage.getByRole('button', { name: w.next }).click();
      await citizenPage.getByRole('heading', { level: 1, name: w.checkAnswers }).waitFor();
      await citizenPage.getByRole('button', { name: w.submit }).click();
      await citizenPage.waitForURL(/\/orders\/[0-9a-f-]{36}/);
      const applicationId = new URL(citizenPage.url()).pathname.split('/').at(-1)!;
      const caseCode = (await citizenPage.getByTestId('application-number').textContent())!.trim();
      const pay = citizenPage.getByRole('link', { name: w.pay });
      await pay.waitFor({ timeout: 30_000 });
      await pay.click();
      await citizenPage.locator('button[value="pay"]').click();
      await citizenPage.waitForURL(new RegExp(`/orders/${applicationId}`));
      await expect.poll(() => citizenPage.getByTestId('payment-status').textContent(), { timeout: 20_000 }).toBe(w.paid);

      // The review task appears in the official's open inbox without a reload.
      await row(officialPage, caseCode).waitFor({ timeout: 20_000 });
      await checkPageAtBothWidths(officialPage, `journeys-${lang}-01-task-arrived`);

      // He opens the case and asks for the stall plan.
      await openAndClaim(officialPage, lang, caseCode, w.review);
      const panel = officialPage.getByTestId('work-panel');
      await officialPage.getByTestId('case-answers').getByRole('textbox').first().waitFor();
      await checkPageAtBothWidths(officialPage, `journeys-${lang}-02-case`);
      await panel.getByLabel(review(lang, 'Field_decision.values.request-information', 'Ask the applicant for more information'), { exact: true }).check();
      await field(panel, review(lang, 'Field_informationRequest_message.label', 'Message to the applicant')).fill('Pridėkite prekyvietės planą.');
      await panel.getByLabel(review(lang, 'Field_informationRequest_fields.values.plan', 'Plan of the stall'), { exact: true }).check();
      await checkPageAtBothWidths(officialPage, `journeys-${lang}-03-request-information`);
      await officialPage.getByRole('button', { name: w.complete }).click();
      await expect.poll(() => officialPage.getByTestId('task-state').textContent(), { timeout: 10_000 }).toBe(w.completed);

      // The citizen, on his open order page, is asked; he answers with the plan.
      await citizenPage.getByTestId('information-request').waitFor({ timeout: 20_000 });
      await citizenPage.getByRole('link', { name: w.informationGo }).click();
      await citizenPage.getByText('Pridėkite prekyvietės planą.').waitFor();
      await citizenPage.getByLabel(application(lang, 'Field_plan.label', 'Plan of the stall')).setInputFiles({ name: 'plan.pdf', mimeType: 'application/pdf', buffer: STALL_PLAN_PDF });
      await citizenPage.getByText(/plan\.pdf/).waitFor();
      await citizenPage.getByRole('button', { name: w.informationSend }).click();
      await citizenPage.waitForURL(new RegExp(`/orders/${applicationId}(\\?|$)`));

      // The task comes back to the inbox; he approves.
      await officialPage.goto(`${t.url}/workspace/?view=unassigned&lang=${lang}`);
      await row(officialPage, caseCode, w.review).waitFor({ timeout: 30_000 });
      await openAndClaim(officialPage, lang, caseCode, w.review);
      await expect.poll(() => officialPage.getByTestId('case-documents').textContent()).toContain('plan.pdf');
      await officialPage.getByTestId('work-panel').getByLabel(review(lang, 'Field_decision.values.approve', 'Issue the permit'), { exact: true }).check();
      await officialPage.getByRole('button', { name: w.complete }).click();
      await expect.poll(() => officialPage.getByTestId('task-state').textContent(), { timeout: 10_000 }).toBe(w.completed);

      // The permit waits for his personal signature: the code on the page, the same on his phone.
      await officialPage.goto(`${t.url}/workspace/?view=unassigned&lang=${lang}`);
      await row(officialPage, caseCode, w.signTask).waitFor({ timeout: 30_000 });
      await openAndClaim(officialPage, lang, caseCode, w.signTask);
      await field(officialPage.getByTestId('work-panel'), signing(lang, 'Field_permitChecked.label', 'I have checked the permit: the holder, the place, the dates and the goods are right')).check();
      const step = officialPage.getByTestId('signature-step');
      await step.getByRole('button', { name: w.sign }).click();
      const code = (await step.getByTestId('verification-code').textContent())!.trim();
      expect(code).toMatch(/^\d{4}$/);
      await checkPageAtBothWidths(officialPage, `journeys-${lang}-04-verification-code`);

      const phoneUrl = sandboxes.urls.find(([name]) => name === 'signature phone')![1];
      // His phone is a device of its own: a browser of its own.
      const phoneBrowser = await launchChromium();
      try {
        const phone = phoneBrowser.page;
        await phone.setViewportSize({ width: 360, height: 740 });
        await phone.goto(`${phoneUrl}?personalCode=${ONA_PHONE}&lang=${lang}`);
        await phone.getByText(code, { exact: true }).waitFor({ timeout: 20_000 });
        await screenshot(phone, `journeys-${lang}-05-phone`);
        await phone.getByRole('button', { name: w.confirm }).click();
        await phone.getByText(w.confirmed).waitFor();
      } finally {
        await phoneBrowser.close();
      }
      await expect.poll(() => step.getByTestId('signature-status').textContent(), { timeout: 30_000 }).toContain(w.signed);
      await checkPageAtBothWidths(officialPage, `journeys-${lang}-06-signed`);
      await officialPage.getByRole('button', { name: w.complete }).click();
      await expect.poll(() => officialPage.getByTestId('task-state').textContent(), { timeout: 10_000 }).toBe(w.completed);

      // The citizen's page shows the approval and the permit signed by Ona, without a reload.
      await expect.poll(() => citizenPage.getByTestId('application-status').textContent(), { timeout: 30_000 }).toBe(w.approved);
      const decision = citizenPage.getByTestId('decision-document');
      await decision.getByTestId('signature-valid').waitFor({ timeout: 30_000 });
      expect(await decision.textContent()).toContain('Ona Valdininkė');
      await checkPageAtBothWidths(citizenPage, `journeys-${lang}-07-citizen-signed-permit`);

      // pdfsig, offline (no OCSP request), with the sandbox CA trusted: the personal signature holds.
      if (havePdfsig) {
        const href = await decision.getByRole('link').first().getAttribute('href');
        const download = await citizenPage.request.get(`${t.url}${href!}`);
        expect(download.status()).toBe(200);
        const file = path.join(dir, `permit-${lang}.pdf`);
        await writeFile(file, await download.body());
        const nssDir = await nssDatabaseTrusting(sandboxes.env.CONNECTOR_SECRET_SIGNING_TRUSTED_CA!);
        try {
          const report = await pdfsig(nssDir, file, { noOcsp: true });
          expect(report).toContain('Signer Certificate Common Name: Ona Valdininkė');
          expect(report).toContain('Signature Validation: Signature is Valid.');
          expect(report).toContain('Certificate Validation: Certificate is Trusted.');
        } finally {
          await rm(nssDir, { recursive: true, force: true });
        }
      }
    }, 360_000);

    it(`${lang}: a supervisor reassigns an overdue task with a note; the colleague finds it in his own work`, async () => {
      const w = WORDS[lang];
      const page = staffBrowser.page;
      const overdue = await orderByApi(`Gedimino pr. ${lang}`);
      // Its due date passed a day ago (the process set it five days ahead; time is not moved here).
      await t.runtime.database.dataSource.query(`UPDATE task SET due_at = now() - interval '1 day' WHERE id = $1`, [overdue.taskId]);

      await logIn(staffBrowser, 'supervisor', lang, `/workspace/?view=overdue&lang=${lang}`);
      await page.waitForURL(/view=overdue/);
      await row(page, overdue.caseCode).waitFor();
      await checkPageAtBothWidths(page, `journeys-${lang}-10-supervisor-overdue`);
      await row(page, overdue.caseCode).getByRole('link').first().click();
      await page.getByRole('heading', { level: 1, name: new RegExp(w.review) }).waitFor();
      await page.getByRole('button', { name: w.delegate, exact: true }).click();
      const dialog = page.getByTestId('delegate-dialog');
      await dialog.getByLabel(w.colleague, { exact: true }).selectOption({ label: 'Petras Pareigūnas (permits)' });
      await dialog.getByLabel(w.note).fill('Skubu: terminas praėjo.');
      await checkPageAtBothWidths(page, `journeys-${lang}-11-supervisor-reassigns`);
      await dialog.getByRole('button', { name: w.delegate, exact: true }).click();
      await expect.poll(() => page.getByTestId('task-assignee').textContent(), { timeout: 10_000 }).toContain('Petras Pareigūnas');

      // Petras has it among his own tasks, overdue, with the supervisor's note in its history.
      await logIn(staffBrowser, 'official2', lang, `/workspace/?view=mine&lang=${lang}`);
      await page.waitForURL(/view=mine/);
      await row(page, overdue.caseCode).waitFor();
      await row(page, overdue.caseCode).getByRole('link').first().click();
      await expect.poll(() => page.getByTestId('task-history').textContent()).toContain('Skubu: terminas praėjo.');
      await page.getByTestId('work-panel').waitFor();
      await checkPageAtBothWidths(page, `journeys-${lang}-12-reassigned-to-colleague`);
    }, 240_000);

    it(`${lang}: an official delegates his task to a colleague, who sees it arrive live and completes it`, async () => {
      const w = WORDS[lang];
      const page = staffBrowser.page;
      const theirs = await orderByApi(`Vilniaus g. ${lang}`);

      // Petras watches his own work while Ona hands him the task.
      const petras = await launchChromium();
      try {
        await logIn(petras, 'official2', lang, `/workspace/?view=mine&lang=${lang}`);
        await petras.page.waitForURL(/view=mine/);
        await petras.page.getByRole('heading', { level: 1 }).waitFor();

        await logIn(staffBrowser, 'official', lang, `/workspace/tasks/${theirs.taskId}?lang=${lang}`);
        await page.getByRole('button', { name: w.claim, exact: true }).click();
        await page.getByTestId('work-panel').waitFor();
        await page.getByRole('button', { name: w.delegate, exact: true }).click();
        const dialog = page.getByTestId('delegate-dialog');
        await dialog.getByLabel(w.colleague, { exact: true }).selectOption({ label: 'Petras Pareigūnas (permits)' });
        await dialog.getByLabel(w.note).fill('Atostogauju, prašau užbaigti.');
        await dialog.getByRole('button', { name: w.delegate, exact: true }).click();
        await expect.poll(() => page.getByTestId('task-assignee').textContent(), { timeout: 10_000 }).toContain('Petras Pareigūnas');
        await checkPageAtBothWidths(page, `journeys-${lang}-20-delegated`);

        await row(petras.page, theirs.caseCode).waitFor({ timeout: 10_000 });
        await checkPageAtBothWidths(petras.page, `journeys-${lang}-21-colleague-inbox`);
        await row(petras.page, theirs.caseCode).getByRole('link').first().click();
        await expect.poll(() => petras.page.getByTestId('task-history').textContent()).toContain('Atostogauju, prašau užbaigti.');
        await petras.page.getByTestId('work-panel').getByLabel(review(lang, 'Field_decision.values.approve', 'Issue the permit'), { exact: true }).check();
        await petras.page.getByRole('button', { name: w.complete }).click();
        await expect.poll(() => petras.page.getByTestId('task-state').textContent(), { timeout: 10_000 }).toBe(w.completed);
      } finally {
        await petras.close();
      }
    }, 240_000);
  }
});
