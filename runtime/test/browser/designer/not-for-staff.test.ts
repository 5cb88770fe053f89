import { describe, expect, it } from 'vitest';
import { checkPage } from '../support/check-page.js';
import { skipWithoutChromium } from '../support/chromium.js';
import { TEST_PASSWORD } from '../../support/harness.js';
import { useDesignerBrowser } from './designer-browser.js';

/**
 * An official who opens the designer is told, in his language, that it is for analysts and
 * developers, and where his own work is — not shown a services page whose every call answers 403.
 */
describe.skipIf(skipWithoutChromium)('designer: an official is sent to the workspace', () => {
  const session = useDesignerBrowser();

  it('says the designer is for analysts and developers, in lt and lv, with a link to the workspace; no service form, no error', async () => {
    const { t, browser } = session;
    const { page } = browser;
    await page.addInitScript("localStorage.setItem('designer.locale', 'lt')");
    await page.goto(`${t.url}/designer/`);
    await page.getByLabel('Naudotojo vardas').fill('official');
    await page.getByLabel('Slaptažodis').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Prisijungti' }).click();

    await page.getByRole('heading', { name: 'Dizaineris skirtas analitikams ir programuotojams.' }).waitFor();
    expect(await page.getByRole('link', { name: 'Eiti į valdininko darbo vietą' }).getAttribute('href')).toBe('/workspace/');
    expect(await page.getByRole('heading', { name: 'Nauja paslauga' }).count()).toBe(0);
    expect(await page.getByRole('alert').count()).toBe(0);
    await checkPage(page, 'designer-not-for-staff-lt');

    await page.getByLabel('Kalba').selectOption('lv');
    await page.getByRole('heading', { name: 'Pakalpojumu veidotājs ir paredzēts analītiķiem un izstrādātājiem.' }).waitFor();
    expect(await page.getByRole('link', { name: 'Uz ierēdņa darba vietu' }).getAttribute('href')).toBe('/workspace/');
  });
});
