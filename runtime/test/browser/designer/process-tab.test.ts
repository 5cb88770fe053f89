import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { TEST_PASSWORD } from '../../support/harness.js';
import { axeViolations, describeViolations, screenshot, skipWithoutChromium } from '../support/chromium.js';
import { useDesignerBrowser } from './designer-browser.js';

/** The centre of an element's box on the page. */
async function centre(page: Page, selector: string): Promise<{ x: number; y: number }> {
  const box = (await page.locator(selector).first().boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

describe.skipIf(skipWithoutChromium)('designer shell and Process tab in Chromium', () => {
  const session = useDesignerBrowser();

  it('serves the designer at /designer/ under a CSP whose scripts come from this origin only', async () => {
    const { t } = session;
    const response = await fetch(`${t.url}/designer/services/x/1.0.0/process`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("worker-src 'self'");
    expect(/script-src[^;]*unsafe/.test(csp)).toBe(false);
    expect(await response.text()).toContain('src="/designer/assets/');
  });

  it('logs in, lists and creates a service, draws a task that lint flags, a click on the problem selects it, a connector template fixes it, the version is copied, and the modeler speaks Lithuanian', async () => {
    const { t, browser } = session;
    const { page } = browser;
    await page.goto(`${t.url}/designer/`);
    await page.getByLabel(/^(Kalba|Language)$/).selectOption('en');
    await page.getByLabel('Username').waitFor();
    const loginViolations = await axeViolations(page);
    expect(loginViolations, describeViolations(loginViolations)).toEqual([]);
    await page.getByLabel('Username').fill('analyst');
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'Services', level: 1 }).waitFor();
    await screenshot(page, 'designer-01-services');

    await page.getByLabel('Code', { exact: true }).fill('market-stall');
    await page.getByLabel('Title', { exact: true }).fill('Market stall');
    await page.getByRole('button', { name: 'Create' }).click();

    // The new draft opens on its Process tab with the starter diagram.
    await page.getByRole('tab', { name: 'Process', selected: true }).waitFor();
    await page.locator('.process-tab[data-status="ready"] .djs-element[data-element-id="start"]').waitFor();
    await expect.poll(() => page.getByRole('heading', { name: 'Problems' }).isVisible()).toBe(true);

    // Drag a task from the palette onto the canvas, then make it a service task (which needs a job type).
    const from = await centre(page, '.djs-palette [data-action="create.task"]');
    const canvas = (await page.locator('.process-canvas').boundingBox())!;
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (const step of [0.25, 0.5, 0.75, 1]) {
      await page.mouse.move(from.x + (canvas.x + canvas.width * 0.45 - from.x) * step, from.y + (canvas.y + canvas.height * 0.7 - from.y) * step);
    }
    await page.mouse.up();
    const task = page.locator('.djs-shape.selected[data-element-id^="Activity_"]');
    await task.waitFor();
    const taskId = (await task.getAttribute('data-element-id'))!;
    await page.locator('.djs-context-pad [data-action="replace"]').click();
    await page.locator('.djs-popup [data-id="replace-with-service-task"]').click();

    const problem = page.getByRole('button', { name: new RegExp(`#${taskId}.*Service Task`) });
    await problem.waitFor();
    await screenshot(page, 'designer-02-lint-problem');

    // Select something else, then the problem brings the task back into the selection.
    await page.locator(`.djs-element[data-element-id="start"]`).click();
    await expect.poll(() => page.locator(`.djs-shape.selected[data-element-id="${taskId}"]`).count()).toBe(0);
    await problem.click();
    await expect.poll(() => page.locator(`.djs-shape.selected[data-element-id="${taskId}"]`).count()).toBe(1);

    // Save writes the diagram back to the draft.
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved', { exact: true }).waitFor();
    const analyst = await t.as('analyst');
    const saved = await analyst.get('/api/services/market-stall/versions/0.1.0');
    expect(saved.body.files['process.bpmn'].content).toContain(`<bpmn:serviceTask id="${taskId}"`);
    await screenshot(page, 'designer-03-saved');

    // A connector template from the chooser gives the service task its job type: the problem goes.
    await problem.click();
    await page.locator(`.djs-shape.selected[data-element-id="${taskId}"]`).waitFor();
    await page.locator('.bio-properties-panel-select-template-button').click();
    const chooser = page.getByRole('dialog', { name: 'Choose a connector template' });
    await chooser.waitFor();
    await screenshot(page, 'designer-04-template-chooser');
    await chooser.getByRole('listitem').first().getByRole('button').click();
    await expect.poll(() => problem.count()).toBe(0);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved', { exact: true }).waitFor();

    // The list shows the draft with its export; a copy is a new draft with the same diagram.
    await page.getByRole('link', { name: /All services/ }).click();
    await page.getByRole('link', { name: 'Open market-stall 0.1.0' }).waitFor();
    expect(await page.getByRole('link', { name: 'Export ZIP market-stall 0.1.0' }).getAttribute('href')).toBe('/api/designer/services/market-stall/versions/0.1.0/package.zip');
    await page.getByLabel('New version (market-stall 0.1.0)').fill('0.2.0');
    await page.getByRole('button', { name: 'Copy market-stall 0.1.0' }).click();
    await page.getByText('Version 0.2.0 created').waitFor();
    await screenshot(page, 'designer-05-copied');
    // The shell's own pages meet WCAG 2.1 A/AA (the modeler's canvas is bpmn-js's).
    const listViolations = await axeViolations(page);
    expect(listViolations, describeViolations(listViolations)).toEqual([]);
    // The list has been idle, so the designer has a modeler made ahead: the rest runs on that one,
    // attached to the tab when it opens.
    await page.waitForFunction(() => performance.getEntriesByName('konstruktor:spare-modeler').length > 0);
    await page.getByRole('link', { name: 'Open market-stall 0.2.0' }).click();
    await page.locator(`.process-tab[data-status="ready"] .djs-element[data-element-id="${taskId}"]`).waitFor();

    // In Lithuanian the modeler speaks Lithuanian too — the same modeler: an edit made before
    // the switch is still undone after it.
    const serviceTask = page.locator(`.djs-element[data-element-id="${taskId}"]`);
    await serviceTask.click();
    await page.keyboard.press('Delete');
    await serviceTask.waitFor({ state: 'detached' });
    await page.getByText('There are unsaved changes').waitFor(); // the edit has reached the package
    await page.getByLabel('Language').selectOption('lt');
    await page.getByRole('tab', { name: /^Procesas/ }).waitFor();
    await page.locator('.process-tab[data-status="ready"] .djs-palette').getByRole('button', { name: 'Kurti užduotį' }).waitFor();
    await page.locator('.bio-properties-panel-group-header-title').getByText('Bendra', { exact: true }).waitFor();
    await page.locator('.djs-element[data-element-id="start"]').click();
    await page.keyboard.press('Control+Z');
    await serviceTask.waitFor();
    await screenshot(page, 'designer-06-lithuanian');
    expect(browser.cspViolations).toEqual([]);
  });
});
