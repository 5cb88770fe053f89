import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startTestRuntime, TEST_PASSWORD, type TestRuntime } from '../support/harness.js';
import { launchChromium, screenshot, skipWithoutChromium, type Browser } from './support/chromium.js';
import { checkPage } from './support/check-page.js';
import { publishConditionalFormService, publishGeneratedFormService, STALL_PLAN_PDF } from './support/form-service.js';

/** The staff form of the login page (the citizen demo accounts log in there too); `returnTo` is where the page sends one afterwards. */
async function logIn(page: Page, url: string, username = 'citizen', returnTo = '/'): Promise<void> {
  await page.goto(`${url}/login?lang=en&returnTo=${encodeURIComponent(returnTo)}`);
  await fillStaffLogin(page, username);
}

async function fillStaffLogin(page: Page, username: string): Promise<void> {
  const name = page.getByLabel('Username');
  // The page first: before it renders, the fields look hidden, and a click would close an open disclosure.
  await page.getByText('Staff and demo accounts').waitFor();
  if (!(await name.isVisible())) await page.getByText('Staff and demo accounts').click();
  await name.fill(username);
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
}

describe.skipIf(skipWithoutChromium)('citizen portal in Chromium', () => {
  let t: TestRuntime;
  let browser: Browser;
  let service: string;
  let conditionalService: string;

  beforeAll(async () => {
    t = await startTestRuntime();
    service = await publishGeneratedFormService(t);
    conditionalService = await publishConditionalFormService(t);
    browser = await launchChromium();
  });
  // The page as it stood when a test failed, for whoever reads the CI artifacts.
  beforeEach(({ task, onTestFailed }) => {
    onTestFailed(() => screenshot(browser.page, `failed-${task.name.slice(0, 40).replace(/\W+/g, '-')}`));
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('serves the portal under a CSP that allows no inline or eval\'d script', async () => {
    const response = await fetch(`${t.url}/services/${service}/order`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline/);
    expect(await response.text()).toContain('<div id="root">');
  });

  it('orders a service from a generated multi-page form: prefill, repeating group, file, draft, resume, check answers, submit', async () => {
    const { page } = browser;
    // Logged out: the catalogue and the card page are open to all; ordering asks to log in.
    await page.goto(`${t.url}/?lang=en`);
    await page.getByRole('heading', { name: 'Services', level: 1 }).waitFor();
    await checkPage(page, '02-catalogue');
    await page.getByRole('link', { name: 'Market stall permit', exact: true }).click();
    await page.getByRole('heading', { name: 'Market stall permit', level: 1 }).waitFor();
    await page.getByRole('link', { name: /^Order online\W+Market stall permit$/ }).click();
    await page.getByText('Log in to order this service.').waitFor();
    await fillStaffLogin(page, 'citizen');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Terms of use');
    await checkPage(page, '01-terms');
    await page.getByRole('button', { name: 'I accept the terms' }).click();

    // Page 1: prefilled from the profile, with the source shown.
    await page.getByText('Step 1 of 5').waitFor();
    await expect.poll(() => page.getByLabel('Full name').inputValue()).toBe('Jonas Jonaitis');
    await expect.poll(() => page.getByText('from your profile').count()).toBeGreaterThan(0);
    await page.getByLabel('Phone').fill('+37060012345');
    await page.getByLabel('Crafts').check();
    // A date is the browser's own date control, which phones and screen readers know.
    expect(await page.getByLabel('First trading day').getAttribute('type')).toBe('date');
    await page.getByLabel('First trading day').fill('2026-12-01');
    await checkPage(page, '03-page-1');
    await page.getByRole('button', { name: 'Next' }).click();

    // Page 2: the nested object; focus moves to the new page's heading.
    await page.getByText('Step 2 of 5').waitFor();
    expect((await focusedElement(page)).tag).toBe('H1');
    await page.getByLabel('Street').fill('Laisvės al. 1');
    await page.getByLabel('City').fill('Kaunas');
    await checkPage(page, '04-page-2');
    await page.getByRole('button', { name: 'Next' }).click();

    // Page 3: the repeating group, two rows.
    await page.getByText('Step 3 of 5').waitFor();
    await page.getByLabel('Assistant name').first().fill('Petras Petraitis');
    await page.getByLabel('Hours a week').first().fill('20');
    await page.getByRole('button', { name: /Add new/ }).click();
    await page.getByLabel('Assistant name').nth(1).fill('Ona Onaitė');
    await checkPage(page, '05-page-3');
    await page.getByRole('button', { name: 'Next' }).click();

    // Page 4: the file goes to the document store; the form keeps its reference.
    await page.getByText('Step 4 of 5').waitFor();
    await page.getByLabel('Stall plan').setInputFiles({ name: 'plan.pdf', mimeType: 'application/pdf', buffer: STALL_PLAN_PDF });
    await page.getByText(/plan\.pdf \(\d+ B\)/).waitFor();
    await checkPage(page, '06-page-4');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('Draft saved').waitFor();

    // Leave and come back: the draft resumes on the page it was saved on, answers kept.
    await page.reload();
    await page.getByText('You are continuing your saved draft').waitFor();
    await page.getByText('Step 4 of 5').waitFor();
    await page.getByText(/plan\.pdf/).waitFor();
    await checkPage(page, '07-resumed');
    await page.getByRole('button', { name: 'Back' }).click();
    await expect.poll(() => page.getByLabel('Assistant name').nth(1).inputValue()).toBe('Ona Onaitė');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Step 4 of 5').waitFor();
    await page.getByRole('button', { name: 'Next' }).click();

    // Check your answers: every answer (the date as English writes it), each page with a Change link.
    await page.getByRole('heading', { name: 'Check your answers', level: 1 }).waitFor();
    const summary = await page.locator('main').innerText();
    expect(summary).toContain('First trading day');
    for (const answer of ['Jonas Jonaitis', 'jonas@example.lt', '+37060012345', 'Crafts', '01/12/2026', 'Laisvės al. 1', 'Kaunas', 'Petras Petraitis', '20', 'Ona Onaitė', 'plan.pdf']) {
      expect(summary).toContain(answer);
    }
    await checkPage(page, '08-check-answers');
    await page.getByRole('link', { name: /^Change\W+Trading place$/ }).click();
    await page.getByText('Step 2 of 5').waitFor();
    await expect.poll(() => page.getByLabel('City').inputValue()).toBe('Kaunas');
    for (const step of [3, 4, 5]) {
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByText(`Step ${step} of 5`).waitFor();
    }

    await page.getByRole('button', { name: 'Submit' }).click();
    await page.getByRole('heading', { name: 'Order submitted', level: 1 }).waitFor();
    const number = await page.getByTestId('application-number').textContent();
    expect(number).toBeTruthy();
    await checkPage(page, '09-confirmation');
    expect(browser.cspViolations).toEqual([]);

    // The application holds the data; the file is a reference to the uploaded document.
    const id = new URL(page.url()).pathname.split('/').pop()!;
    const citizen = await t.as('citizen');
    const application = await citizen.get(`/api/applications/${id}`);
    expect(application.status).toBe(200);
    expect(application.body.caseCode).toBe(number);
    const data = application.body.data;
    expect(data).toMatchObject({
      fullName: 'Jonas Jonaitis', email: 'jonas@example.lt', phone: '+37060012345', goods: 'crafts', firstDay: '2026-12-01',
      place: { street: 'Laisvės al. 1', city: 'Kaunas' },
      assistants: [{ name: 'Petras Petraitis', hours: 20 }, { name: 'Ona Onaitė' }],
    });
    expect(data.plan).toMatch(/^[0-9a-f-]{36}$/);
    const pdfLink = await page.getByRole('link', { name: 'PDF of your answers' }).getAttribute('href');
    const pdf = await fetch(`${t.url}${pdfLink}`, { headers: { cookie: await sessionCookie(page) } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toContain('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    const download = await fetch(`${t.url}/api/documents/${data.plan}`, { headers: { cookie: await sessionCookie(page) } });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(STALL_PLAN_PDF);

    // The draft is gone once submitted; My orders lists the application.
    expect((await citizen.get(`/api/applications/drafts/${service}`)).status).toBe(404);
    await page.getByRole('link', { name: 'My orders' }).click();
    await page.getByRole('link', { name: number! }).waitFor();
    await checkPage(page, '10-my-orders');
  });

  it('tells at once when a required field is left empty, and not about valid answers', async () => {
    const { page } = browser;
    await page.goto(`${t.url}/services/${service}/order?lang=en`);
    await page.getByText('Step 1 of 5').waitFor();
    const errorUnder = async (label: string) => {
      const described = (await page.getByLabel(label).getAttribute('aria-describedby')) ?? '';
      const ids = described.split(' ').filter((id) => id.endsWith('-error-message'));
      // form-js renders the message element only while there is a message.
      const shown = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).allInnerTexts()));
      return shown.flat().join('').trim();
    };

    // Leaving a prefilled, valid answer says nothing.
    await page.getByLabel('Full name').focus();
    await page.keyboard.press('Tab');
    expect(await errorUnder('Full name')).toBe('');
    // Leaving an empty required field says so under it, before any Next.
    await page.getByLabel('Food').focus();
    await page.keyboard.press('Tab');
    await expect.poll(() => errorUnder('Food')).toBe('Field is required.');
    await page.getByLabel('Crafts').check();
    await expect.poll(() => errorUnder('Food')).toBe('');
  });

  it('hides a field whose condition is met, and a field that depends on a hidden one', async () => {
    const { page } = browser;
    await page.goto(`${t.url}/services/${conditionalService}/order?lang=en`);
    await page.getByLabel('I trade as a company').waitFor();
    expect(await page.getByLabel('Company code').count()).toBe(0);

    await page.getByLabel('I trade as a company').check();
    expect(await page.getByLabel('VAT code').count()).toBe(0);
    await page.getByLabel('Company code').fill('304567890');
    await page.getByLabel('VAT code').waitFor();
    // Unticked, the company code is hidden, so its value no longer counts: the VAT code goes too.
    await page.getByLabel('I trade as a company').uncheck();
    await expect.poll(() => page.getByLabel('Company code').count()).toBe(0);
    await expect.poll(() => page.getByLabel('VAT code').count()).toBe(0);
  });

  it('shows an error summary that links to the invalid field and moves focus there', async () => {
    const { page } = browser;
    await page.goto(`${t.url}/services/${service}/order?lang=en`);
    await page.getByText('Step 1 of 5').waitFor();
    await page.getByLabel('Full name').fill('');
    await page.getByLabel('E-mail').fill('not an e-mail');
    await page.getByRole('button', { name: 'Next' }).click();

    const summary = page.getByRole('group', { name: 'There is a problem' });
    await summary.waitFor();
    expect((await focusedElement(page)).className).toContain('error-summary');
    expect(await page.getByText('Step 1 of 5').count()).toBe(1);
    await checkPage(page, '11-error-summary');

    // Keyboard only: Tab from the summary to its E-mail link, Enter moves focus into the field.
    for (let tab = 0; tab < 5 && !(await focusedElement(page)).text.startsWith('E-mail'); tab++) await page.keyboard.press('Tab');
    expect((await focusedElement(page)).tag).toBe('A');
    await page.keyboard.press('Enter');
    expect((await focusedElement(page)).id).toBe(await page.getByLabel('E-mail').getAttribute('id'));
    await page.keyboard.type('jonas@example.lt');
    await summary.getByRole('link', { name: /^Full name/ }).click();
    expect((await focusedElement(page)).id).toBe(await page.getByLabel('Full name').getAttribute('id'));
    await summary.getByRole('link', { name: /^First trading day/ }).click();
    expect((await focusedElement(page)).id).toBe(await page.getByLabel('First trading day').getAttribute('id'));
  });

  it('switches the form, its messages and the viewer\'s own strings to Lithuanian', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Log out' }).click();
    await logIn(page, t.url, 'citizen2', `/services/${service}/order`);
    await page.getByRole('button', { name: 'I accept the terms' }).click();
    await page.getByText('Step 1 of 5').waitFor();

    await page.getByRole('link', { name: 'Lietuvių', exact: true }).click();
    await page.getByText('1 žingsnis iš 5').waitFor();
    expect(new URL(page.url()).searchParams.get('lang')).toBe('lt');
    expect(await page.evaluate('document.documentElement.lang')).toBe('lt');
    await expect.poll(() => page.getByLabel('Vardas ir pavardė').inputValue()).toBe('Ieva Bērziņa');
    await page.getByText('iš jūsų profilio').first().waitFor();

    await page.getByRole('button', { name: 'Toliau' }).click();
    const summary = page.getByRole('group', { name: 'Pataisykite klaidas' });
    await summary.getByRole('link', { name: 'Prekės: Šis laukas privalomas.' }).waitFor();
    await checkPage(page, '12-lt-errors');
    await page.getByLabel('Amatai').check();
    await page.getByLabel('Pirmoji prekybos diena').fill('2026-12-01');
    await page.getByRole('button', { name: 'Toliau' }).click();
    await page.getByText('2 žingsnis iš 5').waitFor();
    await page.getByLabel('Gatvė').fill('Vilniaus g. 2');
    await page.getByLabel('Miestas').fill('Vilnius');
    await page.getByRole('button', { name: 'Toliau' }).click();
    await page.getByText('3 žingsnis iš 5').waitFor();
    // form-js writes "Add new" itself; the portal shows it in the citizen's language.
    await page.getByRole('button', { name: /Pridėti/ }).waitFor();
    expect(await page.getByText('Add new').count()).toBe(0);
    await checkPage(page, '13-lt-repeating-group');
  });
});

/** The element that has focus in the page (evaluated in the page, hence a string). */
function focusedElement(page: Page): Promise<{ tag: string; id: string; className: string; text: string }> {
  return page.evaluate(`(() => { const e = document.activeElement;
    return { tag: e?.tagName ?? '', id: e?.id ?? '', className: String(e?.className ?? ''), text: (e?.textContent ?? '').trim() }; })()`);
}

async function sessionCookie(page: Page): Promise<string> {
  const cookies = await page.context().cookies();
  return cookies.filter((c) => c.name === 'konstruktor_session').map((c) => `${c.name}=${c.value}`).join('; ');
}
