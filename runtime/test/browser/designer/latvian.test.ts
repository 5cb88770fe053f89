import { describe, expect, it } from 'vitest';
import { skipWithoutChromium } from '../support/chromium.js';
import { checkPage } from '../support/check-page.js';
import { importReviewService, openAsAnalyst, useDesignerBrowser } from './designer-browser.js';

/**
 * A Latvian analyst: a Latvian browser opens the designer in Latvian, and every tab — the shell,
 * the modeler, the form editor, the token simulation, the check — speaks it, with no WCAG 2.1
 * A/AA violation on any of them.
 */
describe.skipIf(skipWithoutChromium)('designer in Latvian in Chromium', () => {
  const code = `latvian-${process.pid}`;
  const session = useDesignerBrowser((t) => importReviewService(t, code));

  it('logs in, opens the service and goes through every tab in Latvian', async () => {
    const { t, browser } = session;
    const { page } = browser;
    await page.addInitScript(`Object.defineProperty(navigator, 'language', { get: () => 'lv-LV' })`);
    // No language chosen before: the browser's.
    await page.goto(`${t.url}/designer/`);
    await page.getByRole('heading', { name: 'Pieteikšanās' }).waitFor();
    expect(await page.getByLabel('Valoda').inputValue()).toBe('lv');
    expect(await page.getByLabel('Valoda').locator('option').allInnerTexts()).toEqual(['Lietuvių', 'Latviešu', 'English']);
    await openAsAnalyst(page, t.url, '', 'lv');

    await page.getByRole('heading', { name: 'Pakalpojumi', level: 1 }).waitFor();
    expect(await page.evaluate('document.documentElement.lang')).toBe('lv');
    await checkPage(page, 'designer-lv-01-services');

    // Process: the palette and the properties panel in Latvian.
    await page.getByRole('link', { name: `Atvērt ${code} 1.0.0` }).click();
    await page.getByRole('tab', { name: /^Process/, selected: true }).waitFor();
    const modeler = page.locator('.process-tab[data-status="ready"]');
    await modeler.locator('.djs-palette').getByRole('button', { name: 'Izveidot uzdevumu' }).waitFor();
    await modeler.locator('.djs-element[data-element-id="review"]').click();
    await page.locator('.bio-properties-panel-group-header-title').getByText('Vispārīgi', { exact: true }).waitFor();
    await checkPage(page, 'designer-lv-02-process');

    // Forms: the form editor's palette; switched to Lithuanian and back, it follows.
    await page.getByRole('tab', { name: /^Veidlapas/ }).click();
    const palette = page.locator('.fjs-palette');
    await palette.getByText('Komponenti', { exact: true }).waitFor();
    await page.getByLabel('Valoda').selectOption('lt');
    await palette.getByText('Komponentai', { exact: true }).waitFor();
    await page.getByLabel('Kalba').selectOption('lv');
    await palette.getByText('Komponenti', { exact: true }).waitFor();
    await page.getByText('Veidlapa atbilst datu struktūrai.').waitFor();
    await checkPage(page, 'designer-lv-03-forms');

    await page.getByRole('tab', { name: /^Dati/ }).click();
    await page.getByRole('button', { name: 'Pievienot lauku' }).waitFor();
    await checkPage(page, 'designer-lv-04-data');

    await page.getByRole('tab', { name: /^Kartīte/ }).click();
    await page.getByRole('heading', { name: 'Pakalpojuma kartīte' }).waitFor();
    expect(await page.getByLabel('latviešu (LV)').first().inputValue()).toBe('Izskatīšanas tests');
    await checkPage(page, 'designer-lv-05-card');

    // Test: the token simulation's controls and its log.
    await page.getByRole('tab', { name: /^Tests/ }).click();
    await page.getByRole('button', { name: 'Pirmais ieskats (marķieru simulācija)' }).click();
    const simulation = page.locator('.kt-simulation');
    await simulation.getByRole('button', { name: 'Palaist: Submitted' }).click();
    await simulation.locator('.bts-log .bts-text').filter({ hasText: /^Process sākts$/ }).first().waitFor({ state: 'attached' });
    expect(await simulation.getByRole('button', { name: 'Sākt simulāciju no jauna' }).count()).toBe(1);
    await checkPage(page, 'designer-lv-06-simulation');

    await page.getByRole('tab', { name: /^Publicēšana/ }).click();
    await page.getByRole('button', { name: 'Pārbaudīt' }).click();
    await page.getByText('Pārbaudē kļūdas netika atrastas.').waitFor();
    await page.getByRole('button', { name: 'Publicēt versiju 1.0.0' }).waitFor();
    await checkPage(page, 'designer-lv-07-checked');
    expect(browser.cspViolations).toEqual([]);
  });
});
