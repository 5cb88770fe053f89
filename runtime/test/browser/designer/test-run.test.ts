import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { screenshot, skipWithoutChromium } from '../support/chromium.js';
import { checkPage } from '../support/check-page.js';
import { lookupServicePackage } from './review-service.js';
import { importReviewService, openAsAnalyst, useDesignerBrowser } from './designer-browser.js';

/**
 * What an analyst does in the Test and Publish tabs: a test run of a draft through its user
 * task to the end, the path marked on the diagram, saved as a scenario, checked and published.
 */
describe.skipIf(skipWithoutChromium)('designer test run and publishing in Chromium', () => {
  const code = `review-test-${process.pid}`;
  const session = useDesignerBrowser((t) => importReviewService(t, code));

  it('runs a test to the end with the path highlighted, saves it as a scenario and publishes', async () => {
    const { t, browser } = session;
    const { page } = browser;
    await openAsAnalyst(page, t.url, `services/${code}/1.0.0/test`);

    // First look: the token simulation offers to start a token at the start event.
    await page.getByRole('button', { name: 'First look (token simulation)' }).click();
    await page.locator('.kt-simulation .djs-overlay-bts-context-menu').first().waitFor();
    await screenshot(page, 'designer-test-00-simulation');
    await page.getByRole('button', { name: 'Test run', exact: true }).click();

    // Test tab: a test run with the sandboxes, started from the start form.
    await page.getByRole('button', { name: 'Start test run' }).click();
    await page.getByRole('heading', { name: 'Start the process' }).waitFor();
    await page.getByLabel('Full name').fill('Jonas Jonaitis');
    await checkPage(page, 'designer-test-01-start-form');
    await page.getByRole('button', { name: 'Start instance' }).click();

    // The user task waits with its own form; the path so far is marked.
    const task = page.getByRole('article', { name: 'Review the application' });
    await task.getByLabel('Approved').waitFor();
    const diagram = page.getByTestId('run-diagram');
    await diagram.locator('.djs-element.kt-active[data-element-id="review"]').waitFor();
    expect(await diagram.locator('.djs-element.kt-completed[data-element-id="submitted"]').count()).toBe(1);
    expect(await diagram.locator('.kt-taken').evaluateAll((els) => els.map((e) => e.getAttribute('data-element-id')))).toEqual(['f1']);
    await screenshot(page, 'designer-test-02-user-task');
    await task.getByLabel('Approved').check();
    await task.getByRole('button', { name: 'Complete task' }).click();

    // Through to the end: completed, with the flows taken (not the default one) marked.
    await expect.poll(() => page.getByTestId('instance-state').textContent()).toContain('completed');
    await diagram.locator('.djs-element.kt-completed[data-element-id="granted"]').waitFor();
    expect(await diagram.locator('.kt-taken').evaluateAll((els) => els.map((e) => e.getAttribute('data-element-id')).sort())).toEqual(['f1', 'f2', 'yes']);
    expect(await diagram.locator('[data-element-id="refused"].kt-completed, [data-element-id="no"].kt-taken').count()).toBe(0);
    expect(await page.getByTestId('root-variables').textContent()).toContain('"approved": true');
    // A click on an element shows its instances' variables.
    await diagram.locator('.djs-element[data-element-id="review"]').click();
    await page.getByRole('heading', { name: 'Variables of review' }).waitFor();
    await checkPage(page, 'designer-test-03-completed');

    // Save as scenario: a new package file, saved with the shell's Save.
    await page.getByLabel('Scenario name').fill('Approved application');
    await page.getByRole('button', { name: 'Save as scenario' }).click();
    await page.getByText('Added scenarios/approved-application.yaml to the package').waitFor();
    // Unsaved, a new run would not have the scenario's package: the tab says to save first.
    expect(await page.getByRole('button', { name: 'New test run' }).isDisabled()).toBe(true);
    await page.getByText('There are unsaved changes. A test run uses the saved package: save first.').waitFor();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved', { exact: true }).waitFor();
    const analyst = await t.as('analyst');
    const saved = await analyst.get(`/api/services/${code}/versions/1.0.0`);
    const scenario = parse(saved.body.files['scenarios/approved-application.yaml'].content);
    expect(scenario.name).toBe('Approved application');

    // Publish tab: the check runs the scenario; the diff lists every file as new; publish.
    await page.getByRole('tab', { name: 'Publish' }).click();
    await page.getByText('No version of this service is published yet').waitFor();
    await page.getByText(/6 added, 0 removed, 0 changed/).waitFor();
    const publish = page.getByRole('button', { name: 'Publish version 1.0.0' });
    expect(await publish.isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.getByText('The check found no errors.').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('check-result').textContent()).toMatch(/passed\s*Approved application/);
    await checkPage(page, 'designer-test-04-checked');
    await publish.click();
    await page.getByText('Version 1.0.0 is now published').waitFor();
    await screenshot(page, 'designer-test-05-published');
    const service = await analyst.get(`/api/services/${code}`);
    expect(service.body.published).toBe(true);
    expect(service.body.versions.find((v: { version: string }) => v.version === '1.0.0').state).toBe('published');
    expect(await page.getByRole('button', { name: 'Publish version 1.0.0' }).count()).toBe(0);
  });

  it('shows what a new draft changes against the published version, file by file', async () => {
    const { t, browser } = session;
    const { page } = browser;
    const analyst = await t.as('analyst');
    // The test before publishes 1.0.0 through the tab; should it have failed, this one still has a published version.
    if ((await analyst.get(`/api/services/${code}`)).body.published !== true) {
      expect((await analyst.post(`/api/services/${code}/versions/1.0.0/publish`)).status).toBe(200);
    }
    expect((await analyst.post(`/api/designer/services/${code}/versions/1.0.0/copy`, { version: '1.1.0' })).status).toBe(201);
    const copy = (await analyst.get(`/api/services/${code}/versions/1.1.0`)).body.files as Record<string, { content: string }>;
    const files = Object.fromEntries(Object.entries(copy).map(([path, file]) => [path, file.content]));
    files['forms/review.form'] = files['forms/review.form']!.replace('"Approved"', '"Approved by the official"');
    expect((await analyst.put(`/api/designer/services/${code}/versions/1.1.0/files`, { files })).status).toBe(200);

    await page.goto(`${t.url}/designer/services/${code}/1.1.0/publish`);
    await page.getByText('Compared with version 1.0.0').waitFor();
    await page.getByText('0 added, 0 removed, 2 changed').waitFor();
    const review = page.locator('details', { has: page.getByText('forms/review.form') });
    await review.locator('summary').focus();
    await page.keyboard.press('Enter');
    // Each changed line says in words whether it was added or removed, not by colour alone.
    const lines = await review.locator('.kp-line').allTextContents();
    expect(lines.filter((l) => /^removed: -\s+"label": "Approved"$/.test(l))).toHaveLength(1);
    expect(lines.filter((l) => /^added: \+\s+"label": "Approved by the official"$/.test(l))).toHaveLength(1);
    await checkPage(page, 'designer-test-06-diff');
  });

  it('does not publish a draft whose scenario fails; its problem opens the Test tab on the scenario', async () => {
    const { t, browser } = session;
    const { page } = browser;
    const analyst = await t.as('analyst');
    expect((await analyst.post(`/api/designer/services/${code}/versions/1.0.0/copy`, { version: '1.2.0' })).status).toBe(201);
    const copy = (await analyst.get(`/api/services/${code}/versions/1.2.0`)).body.files as Record<string, { content: string }>;
    const files = Object.fromEntries(Object.entries(copy).map(([path, file]) => [path, file.content]));
    // The instance has ended: a second answer to its user task is refused, so the scenario fails.
    files['scenarios/approved-application.yaml'] += '  - completeUserTask: { elementId: review }\n';
    expect((await analyst.put(`/api/designer/services/${code}/versions/1.2.0/files`, { files })).status).toBe(200);

    await page.goto(`${t.url}/designer/services/${code}/1.2.0/publish`);
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.getByText('The check found 1 error(s).').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('check-result').textContent()).toMatch(/failed\s*Approved application/);
    expect(await page.getByRole('button', { name: 'Publish version 1.2.0' }).isDisabled()).toBe(true);
    await checkPage(page, 'designer-test-07-check-failed');

    await page.getByTestId('check-result').getByRole('button', { name: /scenarios\/approved-application\.yaml/ }).click();
    await page.getByRole('tab', { name: /^Test/, selected: true }).waitFor();
    const note = page.getByRole('note').filter({ hasText: 'Scenario scenarios/approved-application.yaml fails' });
    await note.waitFor();
    expect(await note.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
  });

  it('answers a connector job by hand in a manual test run, starting with JSON variables', async () => {
    const { t, browser } = session;
    const { page } = browser;
    const lookup = `lookup-test-${process.pid}`;
    const analyst = await t.as('analyst');
    expect((await analyst.post('/api/service-packages', { files: lookupServicePackage(lookup) })).status).toBe(201);

    await page.goto(`${t.url}/designer/services/${lookup}/1.0.0/test`);
    await page.getByLabel('Answer them by hand').check();
    await page.getByRole('button', { name: 'Start test run' }).click();
    // No start form on the card: the variables are JSON.
    await page.getByText('The card names no start form').waitFor();
    await page.getByLabel('Variables (JSON object)').fill('{"personalCode": "39001010000"}');
    await page.getByRole('button', { name: 'Start instance' }).click();

    const job = page.getByRole('article', { name: 'register-lookup (lookup)' });
    await job.waitFor();
    await page.getByTestId('run-diagram').locator('.djs-element.kt-active[data-element-id="lookup"]').waitFor();
    await job.getByLabel('Variables (JSON object)').fill('{"registered": tru}');
    await job.getByText(/^Not a JSON object/).waitFor();
    expect(await job.getByRole('button', { name: 'Complete job' }).isDisabled()).toBe(true);
    await job.getByLabel('Variables (JSON object)').fill('{"registered": true}');
    await checkPage(page, 'designer-test-08-manual-job');
    await job.getByRole('button', { name: 'Complete job' }).click();

    await expect.poll(() => page.getByTestId('instance-state').textContent()).toContain('completed');
    expect(JSON.parse((await page.getByTestId('root-variables').textContent())!)).toEqual({ personalCode: '39001010000', registered: true });
    await page.getByRole('listitem').filter({ hasText: 'completeJob' }).waitFor();
  });
});
