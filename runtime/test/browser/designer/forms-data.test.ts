import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestRuntime, TEST_PASSWORD, type TestRuntime } from '../../support/harness.js';
import { parse } from 'yaml';
import { checkPage } from '../support/check-page.js';
import { launchChromium, screenshot, skipWithoutChromium, type Browser } from '../support/chromium.js';

describe.skipIf(skipWithoutChromium)('designer Data, Forms and Card tabs in Chromium', () => {
  let t: TestRuntime;
  let browser: Browser;
  /** The page's console errors and uncaught exceptions, printed when the test fails. */
  const pageErrors: string[] = [];

  beforeAll(async () => {
    t = await startTestRuntime();
    browser = await launchChromium();
    browser.page.on('console', (message) => { if (message.type() === 'error') pageErrors.push(message.text()); });
    browser.page.on('pageerror', (error) => pageErrors.push(error.stack ?? error.message));
  });
  beforeEach(({ task, onTestFailed }) => {
    onTestFailed(() => { if (pageErrors.length) console.error(pageErrors.join('\n')); });
    onTestFailed(() => screenshot(browser.page, `designer-failed-${task.name.slice(0, 40).replace(/\W+/g, '-')}`));
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('adds a field in the table, sees it in the JSON view, generates the form, sees an unknown key reported and fills in the card', async () => {
    const { page } = browser;
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(`${t.url}/designer/`);
    await page.getByLabel(/^(Kalba|Language)$/).selectOption('en');
    await page.getByLabel('Username').fill('analyst');
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByLabel('Code', { exact: true }).fill('dog-licence');
    await page.getByLabel('Title', { exact: true }).fill('Dog licence');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('tab', { name: 'Process', selected: true }).waitFor();

    // Data: a new field, named and given a format, shows up in the JSON Schema.
    await page.getByRole('tab', { name: 'Data' }).click();
    await page.getByRole('button', { name: 'Add field' }).click();
    await page.getByLabel('Name: field1').fill('ownerEmail');
    await page.getByLabel('Format: ownerEmail').selectOption('email');
    await page.getByLabel('Required: ownerEmail').check();
    await page.getByRole('button', { name: 'Show JSON Schema' }).click();
    const json = page.locator('[data-testid="json-view"] .view-lines');
    await expect.poll(() => json.innerText(), { timeout: 30_000 }).toContain('ownerEmail');
    expect(await json.innerText()).toContain('"email"');
    await screenshot(page, 'designer-data-01-field-and-json');

    // JSON edited in monaco re-renders the table.
    await page.locator('[data-testid="json-view"] .view-lines').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    // One line (monaco indents after each typed newline); anything it auto-closed after the cursor goes.
    await page.keyboard.insertText(JSON.stringify({
      type: 'object',
      properties: { ownerEmail: { type: 'string', format: 'email' }, dogName: { type: 'string', 'x-title': { lt: 'Šuns vardas', en: 'Dog name' } } },
      required: ['ownerEmail'],
    }));
    await page.keyboard.press('Shift+ControlOrMeta+End');
    await page.keyboard.press('Delete');
    await page.getByLabel('Name: dogName').waitFor();
    expect(await page.getByLabel('Titles: dogName (LT)').inputValue()).toBe('Šuns vardas');
    // Invalid JSON is reported and leaves the table as it was.
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.insertText('oops');
    await page.getByRole('alert').filter({ hasText: 'The JSON has an error' }).waitFor();
    expect(await page.getByLabel('Name: dogName').count()).toBe(1);
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'The JSON has an error' }).count()).toBe(0);

    // Forms: generate the start form from the structure; the fields appear in the form-js editor
    // (labels in Lithuanian, the forms' own language).
    await page.getByRole('tab', { name: 'Forms' }).click();
    await page.getByRole('button', { name: 'Generate from data structure' }).click();
    const editor = page.locator('[data-testid="form-editor"]');
    await editor.locator('.fjs-form-field', { hasText: 'Šuns vardas' }).first().waitFor();
    await editor.locator('.fjs-form-field', { hasText: 'ownerEmail' }).first().waitFor();
    await screenshot(page, 'designer-forms-01-generated');

    // A key the structure does not have is a consistency problem named by that key.
    await editor.locator('.fjs-form-field', { hasText: 'Šuns vardas' }).first().click();
    const key = page.locator('.fjs-properties-container').getByLabel('Key', { exact: true });
    // The properties panel opens with its groups collapsed.
    if (!(await key.isVisible())) await page.locator('.fjs-properties-container .bio-properties-panel-group-header', { hasText: 'General' }).click();
    await key.fill('dogNickname');
    await page.locator('.forms-problems').getByRole('button', { name: 'dogNickname' }).waitFor();
    await page.locator('.problems, [class*="problem"]').getByText(/dogNickname/).first().waitFor();
    await screenshot(page, 'designer-forms-02-unknown-key');

    // The preview in English takes the form's English translations.
    await page.getByRole('button', { name: 'Show preview' }).click();
    await page.locator('[data-testid="form-preview"]').getByText('Šuns vardas').waitFor();
    await page.getByLabel('EN', { exact: true }).check();
    await page.locator('[data-testid="form-preview"]').getByText('Dog name').waitFor();
    await screenshot(page, 'designer-forms-03-preview-en');

    // Card: a title edit lands in service.yaml; a bad duration is a problem.
    await page.getByRole('tab', { name: 'Card' }).click();
    await page.locator('#card-title\\.lt').fill('Šuns registravimas');
    await page.locator('#card-retention\\.drafts').fill('30 days');
    await page.getByText(/Retention of Drafts "30 days"/).first().waitFor();
    await page.getByRole('heading', { name: 'E-service application' }).waitFor();
    await screenshot(page, 'designer-card-01');
    // The runtime refuses a card with a bad duration: fix it before saving.
    await page.locator('#card-retention\\.drafts').fill('P30D');
    await expect.poll(() => page.getByText(/Retention of Drafts/).count()).toBe(0);
    // The usual duration, a required document (reported while it has no text), the languages and,
    // once online ordering is off, where the service is provided.
    await page.locator('#card-duration').fill('P7D');
    await page.getByRole('button', { name: 'Add a document' }).click();
    await page.getByText('Document 1 has no text in any language').first().waitFor();
    await page.locator('#card-requiredDocuments\\.0\\.en').fill("The dog's vaccination certificate");
    await expect.poll(() => page.getByText('Document 1 has no text in any language').count()).toBe(0);
    await page.locator('#card-languages').fill('lt, en');
    expect(await page.locator('#card-serviceUrl').count()).toBe(0);
    await page.locator('#card-onlineOrder').uncheck();
    await page.getByText('The service cannot be ordered online: give the address where it is provided').first().waitFor();
    await page.locator('#card-serviceUrl').fill('www.kaunas.lt/sunys');
    await page.getByText(/Service address "www.kaunas.lt\/sunys" must be a full http or https address/).first().waitFor();
    await page.locator('#card-serviceUrl').fill('https://www.kaunas.lt/sunys');
    await expect.poll(() => page.getByText(/Service address/).count()).toBe(0);
    await checkPage(page, 'designer-card-02-duration-documents-languages');

    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved', { exact: true }).waitFor();
    const analyst = await t.as('analyst');
    const saved = await analyst.get('/api/services/dog-licence/versions/0.1.0');
    const files = saved.body.files as Record<string, { content: string }>;
    expect(JSON.parse(files['data/application.schema.json']!.content).properties).toHaveProperty('dogName');
    expect(files['forms/application.form']!.content).toContain('dogNickname');
    expect(files['service.yaml']!.content).toContain('Šuns registravimas');
    expect(parse(files['service.yaml']!.content)).toMatchObject({
      onlineOrder: false, serviceUrl: 'https://www.kaunas.lt/sunys', duration: 'P7D',
      requiredDocuments: [{ en: "The dog's vaccination certificate" }], languages: ['lt', 'en'],
    });
    expect(browser.cspViolations).toEqual([]);
  });
});
