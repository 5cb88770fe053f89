/**
 * The citizen's whole journey in Chromium, against the example street trading permit on the
 * sandboxes (registers, bank, eID gateway, e-seal, mobile signature): browse the catalogue logged out, search, open
 * the card, log in with eID, act for the company the register names him director of, order it
 * (the declaration shown, a double click on Submit making one order), pay at the sandbox bank,
 * watch the progress move live, answer an official's request for more information (the official
 * works through the API here and an official whose sandbox mobile signature confirms at once
 * signs the permit), get the decision and open it with its signature shown as valid,
 * open the signed receipt, read the message. In Lithuanian, Latvian and English; every page
 * screenshotted and checked with axe-core at 1280 and 360 px.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { exampleServiceDir, startEidGateway, type SandboxEidGateway } from '@konstruktor/examples';
import { oidcRedirectUri } from '../../src/accounts/oidc-router.js';
import { importExamplePackages } from '../../src/demo/seed.js';
import { eidGatewayOidc, startDemoSandboxes, type DemoSandboxes } from '../../src/demo/sandboxes.js';
import type { ApiClient } from '../support/api-client.js';
import { createUser, startTestRuntime, type TestRuntime } from '../support/harness.js';
import { eventually } from '../support/eventually.js';
import { freePort } from '../support/free-port.js';
import { launchChromium, screenshot, skipWithoutChromium, type Browser } from './support/chromium.js';
import { checkPageAtBothWidths } from './support/check-page.js';
import { STALL_PLAN_PDF } from './support/form-service.js';

const SERVICE = 'street-trading-permit';
const COMPANY = { code: '305888127', name: 'Gintarinė prekyba' };

/** What the journey reads and presses, in each language (the portal's own words). */
const WORDS = {
  lt: {
    search: 'Ieškoti paslaugų', found1: 'Rasta paslaugų: 1', orderOnline: 'Užsakyti internetu', loginToOrder: 'Prisijunkite, kad užsakytumėte šią paslaugą.',
    eid: 'Prisijungti per elektroninius valdžios vartus', accept: 'Sutinku su taisyklėmis', actingTitle: 'Kieno vardu veikiate?', continue: 'Tęsti',
    next: 'Toliau', addRow: 'Pridėti', firstDayShown: '2027-05-01', company: 'Įmonė', checkAnswers: 'Patikrinkite atsakymus', submit: 'Pateikti', 
    pay: 'Sumokėti 15,00 €', paid: 'Sumokėta', informationGo: 'Atsakyti į prašymą', informationSend: 'Siųsti informaciją',
    approved: 'Patvirtintas', signatureValid: 'Parašas galioja', messages: 'Pranešimai', orderingFor: 'Užsakote vardu',
  },
  lv: {
    search: 'Meklēt pakalpojumus', found1: 'Atrasti pakalpojumi: 1', orderOnline: 'Pieteikt tiešsaistē', loginToOrder: 'Piesakieties, lai pieteiktu šo pakalpojumu.',
    eid: 'Pieteikties ar eID', accept: 'Piekrītu noteikumiem', actingTitle: 'Kā vārdā jūs darbojaties?', continue: 'Turpināt',
    next: 'Tālāk', addRow: 'Pievienot', firstDayShown: '01.05.2027', company: 'Uzņēmums', checkAnswers: 'Pārbaudiet atbildes', submit: 'Iesniegt', 
    pay: 'Samaksāt 15,00 €', paid: 'Samaksāts', informationGo: 'Atbildēt uz pieprasījumu', informationSend: 'Nosūtīt informāciju',
    approved: 'Apstiprināts', signatureValid: 'Paraksts derīgs', messages: 'Ziņojumi', orderingFor: 'Jūs piesakāt vārdā',
  },
  en: {
    search: 'Search services', found1: '1 service found', orderOnline: 'Order online', loginToOrder: 'Log in to order this service.',
    eid: 'Log in with eID', accept: 'I accept the terms', actingTitle: 'Whom are you acting for?', continue: 'Continue',
    next: 'Next', addRow: 'Add new', firstDayShown: '01/05/2027', company: 'Company', checkAnswers: 'Check your answers', submit: 'Submit', 
    pay: 'Pay €15.00', paid: 'Paid', informationGo: 'Answer the request', informationSend: 'Send the information',
    approved: 'Approved', signatureValid: 'Signature valid', messages: 'Messages', orderingFor: 'You are ordering for',
  },
} as const;
type Lang = keyof typeof WORDS;

/** A form field by its whole label (form-js adds * to a required one's label text). */
const field = (page: Page, text: string) => page.getByLabel(new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\*?$`));

describe.skipIf(skipWithoutChromium)('the citizen journey in Chromium', () => {
  let dir: string;
  let sandboxes: DemoSandboxes;
  let gateway: SandboxEidGateway;
  let t: TestRuntime;
  let browser: Browser;
  let official: ApiClient;
  /** An official whose sandbox mobile signature confirms at once (PNOLT-39001010000): he signs the permits. */
  let signer: ApiClient;
  /** The start form's labels by component id, per language (its x-translations; English as written). */
  let labels: Record<Lang, (id: string, fallback: string) => string>;
  let titles: Record<Lang, string>;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'journey-'));
    sandboxes = await startDemoSandboxes({ dataDir: dir, logger: pino({ level: 'silent' }) });
    // The port is taken last, so no sandbox can take it before the runtime listens on it.
    const port = await freePort();
    gateway = await startEidGateway({ redirectUris: [oidcRedirectUri(`http://127.0.0.1:${port}`)] });
    t = await startTestRuntime({ oidc: eidGatewayOidc(gateway) }, { ...sandboxes.env, PORT: String(port) });
    expect(await importExamplePackages(t.runtime.services, exampleServiceDir(SERVICE), t.runtime.logger)).toEqual([`${SERVICE}@1.3.2`]);
    official = await t.as('official');
    await createUser(t, { username: 'permit-signer', roles: ['official'], agency: 'kaunas-city', groups: ['permits'], personalCode: '39001010000' });
    signer = await t.as('permit-signer');
    const form = JSON.parse(await readFile(path.join(exampleServiceDir(SERVICE), 'forms/application.form'), 'utf8')) as { 'x-translations': Record<'lt' | 'lv', Record<string, string>> };
    labels = {
      lt: (id, fallback) => form['x-translations'].lt[id] ?? fallback,
      lv: (id, fallback) => form['x-translations'].lv[id] ?? fallback,
      en: (_id, fallback) => fallback,
    };
    const card = (await t.anonymous().get(`/api/services/${SERVICE}`)).body as { title: Record<Lang, string> };
    titles = card.title;
    browser = await launchChromium();
  }, 180_000);
  beforeEach(({ task, onTestFailed }) => {
    onTestFailed(() => screenshot(browser.page, `failed-${task.name.slice(0, 40).replace(/\W+/g, '-')}`));
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await gateway?.close();
    await sandboxes?.close();
    await rm(dir, { recursive: true, force: true });
  });


  /** The review task of an application, claimed by the official; not `after` (the one he finished). */
  async function claimTask(applicationId: string, after?: string): Promise<string> {
    const task = await eventually(async () => ((await official.get('/api/tasks?limit=100')).body.items as { id: string; applicationId: string }[])
      .find((item) => item.applicationId === applicationId && item.id !== after), 'the review task');
    expect((await official.post(`/api/tasks/${task.id}/claim`)).status).toBe(200);
    return task.id;
  }

  /** The approved permit's signing task, signed with the signer's mobile signature and completed: the signed permit is the decision. */
  async function signPermit(applicationId: string, done: string[]): Promise<void> {
    const task = await eventually(async () => ((await signer.get('/api/tasks?limit=100')).body.items as { id: string; applicationId: string }[])
      .find((item) => item.applicationId === applicationId && !done.includes(item.id)), 'the signing task');
    expect((await signer.post(`/api/tasks/${task.id}/claim`)).status).toBe(200);
    const { document } = (await signer.get(`/api/tasks/${task.id}/signature`)).body as { document: { documentId: string } };
    expect((await signer.post(`/api/tasks/${task.id}/signature`, { documentId: document.documentId })).status).toBe(202);
    await eventually(async () => (await signer.get(`/api/tasks/${task.id}/signature`)).body.status === 'signed', 'the mobile signature');
    expect((await signer.post(`/api/tasks/${task.id}/complete`, { variables: { permitChecked: true } })).status).toBe(200);
  }

  for (const lang of ['lt', 'lv', 'en'] as const) {
    it(`${lang}: browse, log in with eID, order for the company, pay, answer a request, get the signed decision`, async () => {
      const w = WORDS[lang];
      const label = labels[lang];
      const { page, context } = browser;
      await context.clearCookies();
      await page.setViewportSize({ width: 1280, height: 900 });

      // The catalogue, logged out; search as you type.
      await page.goto(`${t.url}/?lang=${lang}`);
      await checkPageAtBothWidths(page, `journey-${lang}-01-catalogue`);
      const word = titles[lang].split(' ')[0]!;
      await page.getByLabel(w.search).pressSequentially(word, { delay: 30 });
      await page.getByRole('heading', { name: w.found1 }).waitFor();
      await checkPageAtBothWidths(page, `journey-${lang}-02-search`);

      // The card, then Order: log in with eID first.
      await page.getByRole('link', { name: titles[lang], exact: true }).click();
      await page.getByRole('heading', { level: 1, name: titles[lang] }).waitFor();
      await checkPageAtBothWidths(page, `journey-${lang}-03-card`);
      await page.getByRole('link', { name: new RegExp(`^${w.orderOnline}`) }).click();
      await page.getByText(w.loginToOrder).waitFor();
      await checkPageAtBothWidths(page, `journey-${lang}-04-login`);
      await page.getByRole('link', { name: w.eid }).click();
      await page.getByLabel(/Jonas Jonaitis/).check();
      await page.locator('button[value="login"]').click();
      await page.waitForURL(new RegExp(`/services/${SERVICE}/order`));
      const terms = page.getByRole('button', { name: w.accept });
      await page.getByRole('heading', { level: 1 }).waitFor();
      if (await terms.isVisible()) {
        await checkPageAtBothWidths(page, `journey-${lang}-05-terms`);
        await terms.click();
      }

      // For the company the register names him director of.
      await page.getByTestId('acting-for').click();
      await page.getByRole('heading', { level: 1, name: w.actingTitle }).waitFor();
      await page.getByLabel(new RegExp(COMPANY.name)).check();
      await checkPageAtBothWidths(page, `journey-${lang}-06-acting-for`);
      await page.getByRole('button', { name: w.continue }).click();

      // The form, page by page, prefilled from his profile.
      await expect.poll(() => field(page, label('Field_contact_givenName.label', 'Given name')).inputValue()).toBe('Jonas');
      await page.getByRole('button', { name: w.next }).click();
      await field(page, label('Field_tradingAs.values.company', 'A company')).check();
      await field(page, label('Field_companyCode.label', 'Company code')).fill(COMPANY.code);
      await field(page, label('Field_place.label', 'Trading place')).fill(`Rotušės a. 1 (${lang})`);
      await page.getByLabel(label('Field_from.dateLabel', 'First day')).fill('2027-05-01');
      await page.getByLabel(label('Field_to.dateLabel', 'Last day')).fill('2027-05-31');
      await field(page, label('Field_goods.label', 'Goods or services')).fill('Gėlės ir medus');
      await page.getByRole('button', { name: w.next }).click();
      // The helpers list starts empty (he need not have any); he adds one.
      const addHelper = page.getByRole('button', { name: w.addRow });
      await addHelper.waitFor();
      expect(await field(page, label('Field_helpers___name.label', 'Full name')).count()).toBe(0);
      await addHelper.click();
      await field(page, label('Field_helpers___name.label', 'Full name')).fill('Ona Onaitė');
      await page.getByRole('button', { name: w.next }).click();
      await page.getByLabel(label('Field_plan.label', 'Plan of the stall')).waitFor();
      await page.getByRole('button', { name: w.next }).click();
      await page.getByRole('heading', { level: 1, name: w.checkAnswers }).waitFor();
      await page.getByTestId('declaration').waitFor();
      // His dates as his language writes them.
      expect((await page.locator('.answers').allTextContents()).join(' ')).toContain(w.firstDayShown);
      expect(await page.getByTestId('ordering-for').textContent()).toContain(COMPANY.name);
      await checkPageAtBothWidths(page, `journey-${lang}-07-check-answers`);
      const before = (await t.runtime.database.dataSource.query('SELECT count(*)::int AS n FROM application')) as { n: number }[];
      await page.getByRole('button', { name: w.submit }).dblclick();
      await page.waitForURL(/\/orders\/[0-9a-f-]{36}/);
      const id = new URL(page.url()).pathname.split('/').at(-1)!;
      await page.getByTestId('application-number').waitFor();
      const after = (await t.runtime.database.dataSource.query('SELECT count(*)::int AS n FROM application')) as { n: number }[];
      expect(after[0]!.n - before[0]!.n, 'one order of a double click').toBe(1);
      const [stored] = (await t.runtime.database.dataSource.query('SELECT on_behalf_of FROM application WHERE id = $1', [id])) as { on_behalf_of: string }[];
      expect(stored!.on_behalf_of).toBe(COMPANY.code);

      // The fee: pay at the sandbox bank; back in the portal the payment shows as paid.
      const pay = page.getByRole('link', { name: w.pay });
      await pay.waitFor({ timeout: 30_000 });
      await checkPageAtBothWidths(page, `journey-${lang}-08-to-pay`);
      await pay.click();
      await page.locator('button[value="pay"]').click();
      await page.waitForURL(new RegExp(`/orders/${id}`));
      await expect.poll(() => page.getByTestId('payment-status').textContent(), { timeout: 20_000 }).toBe(w.paid);

      // The official asks for the stall plan; the request appears on the open page.
      const first = await claimTask(id);
      expect((await official.post(`/api/tasks/${first}/complete`, { variables: { decision: 'request-information', informationRequest: { message: 'Pridėkite prekyvietės planą.', fields: ['plan'] } } })).status).toBe(200);
      await page.getByTestId('information-request').waitFor({ timeout: 20_000 });
      await checkPageAtBothWidths(page, `journey-${lang}-09-information-requested`);
      await page.getByRole('link', { name: w.informationGo }).click();
      await page.getByText('Pridėkite prekyvietės planą.').waitFor();
      await page.getByLabel(label('Field_plan.label', 'Plan of the stall')).setInputFiles({ name: 'plan.pdf', mimeType: 'application/pdf', buffer: STALL_PLAN_PDF });
      await page.getByText(/plan\.pdf/).waitFor();
      await checkPageAtBothWidths(page, `journey-${lang}-10-information-answer`);
      await page.getByRole('button', { name: w.informationSend }).click();
      await page.waitForURL(new RegExp(`/orders/${id}(\\?|$)`));

      // The official approves and the permit is signed; the decision, signed, arrives while the citizen watches.
      const second = await claimTask(id, first);
      expect((await official.post(`/api/tasks/${second}/complete`, { variables: { decision: 'approve' } })).status).toBe(200);
      await signPermit(id, [first, second]);
      await expect.poll(() => page.getByTestId('application-status').textContent(), { timeout: 30_000 }).toBe(w.approved);
      const decisionRow = page.getByTestId('decision-document');
      await decisionRow.getByTestId('signature-valid').waitFor({ timeout: 30_000 });
      await checkPageAtBothWidths(page, `journey-${lang}-11-decision`);
      const decisionHref = await decisionRow.getByRole('link').first().getAttribute('href');
      const decision = await page.request.get(`${t.url}${decisionHref!}`);
      expect(decision.status()).toBe(200);
      expect((await decision.body()).subarray(0, 5).toString()).toBe('%PDF-');
      const receipt = await eventually(async () => {
        const answer = await page.request.get(`${t.url}/api/applications/${id}/receipt.pdf`);
        return answer.status() === 200 ? answer : undefined;
      }, 'the sealed receipt');
      expect((await receipt.body()).subarray(0, 5).toString()).toBe('%PDF-');

      // The messages, with the unread count in the menu.
      await page.getByRole('link', { name: new RegExp(`^${w.messages}`) }).click();
      await page.getByTestId('messages').getByRole('listitem').first().waitFor();
      await checkPageAtBothWidths(page, `journey-${lang}-12-messages`);
      await page.getByTestId('messages').locator('summary').first().click();
      await checkPageAtBothWidths(page, `journey-${lang}-13-message-open`);
    }, 300_000);
  }
});
