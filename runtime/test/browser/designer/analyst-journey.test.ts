import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { pino } from 'pino';
import { citizen, startTestRuntime, TEST_PASSWORD, type TestRuntime } from '../../support/harness.js';
import { eventually } from '../../support/eventually.js';
import { startDemoSandboxes, type DemoSandboxes } from '../../../src/demo/sandboxes.js';
import { launchChromium, screenshot, skipWithoutChromium, type Browser } from '../support/chromium.js';
import { checkPage } from '../support/check-page.js';

/**
 * The "done when" journey, through the designer's UI only: an analyst creates a service,
 * draws start -> register look-up (connector template) -> exclusive gateway -> user task -> end,
 * builds the data structure and the start form, runs a test against the sandbox registers with
 * the path marked, saves that run as a scenario (the register's answer recorded as the job's
 * step, so the check replays it without connectors), checks and publishes; then a citizen orders it.
 */

/** A person of the sandbox population register (examples/sandboxes/registers/population/people.json). */
const PERSON = { personalCode: '38804121232', fullName: 'Tomas Petraitis' };

/** The sequence flow from one shape to another, and the middle of its line on the page. */
async function flowBetween(page: Page, source: string, target: string): Promise<{ id: string; mid: { x: number; y: number } }> {
  const box = async (id: string) => (await page.locator(`.process-canvas .djs-element[data-element-id="${id}"]`).boundingBox())!;
  const [from, to] = [await box(source), await box(target)];
  const flows = await page.locator('.process-canvas .djs-connection').evaluateAll((els) => els.map((el) => {
    // The hit line of the flow (an SVG geometry element: typed here, as this config has no DOM lib).
    type Point = { x: number; y: number; matrixTransform(m: unknown): { x: number; y: number } };
    const path = el.querySelector('.djs-hit') as unknown as { getTotalLength(): number; getPointAtLength(l: number): Point; getScreenCTM(): unknown };
    const length = path.getTotalLength();
    const ctm = path.getScreenCTM()!;
    const at = (l: number) => { const p = path.getPointAtLength(l).matrixTransform(ctm); return { x: p.x, y: p.y }; };
    return { id: el.getAttribute('data-element-id')!, first: at(0), mid: at(length / 2), last: at(length) };
  }));
  const near = (p: { x: number; y: number }, b: { x: number; y: number; width: number; height: number }) =>
    p.x >= b.x - 4 && p.x <= b.x + b.width + 4 && p.y >= b.y - 4 && p.y <= b.y + b.height + 4;
  const flow = flows.find((f) => near(f.first, from) && near(f.last, to));
  if (!flow) throw new Error(`no flow from ${source} to ${target} among ${JSON.stringify(flows)}`);
  return { id: flow.id, mid: flow.mid };
}

describe.skipIf(skipWithoutChromium)('an analyst builds, tests and publishes a service in the designer; a citizen orders it', () => {
  let sandboxes: DemoSandboxes;
  let t: TestRuntime;
  let browser: Browser;
  const pageErrors: string[] = [];
  const code = `journey-${process.pid}`;

  beforeAll(async () => {
    // The sandbox registers, their settings passed to the runtime as `npm start` does: test runs
    // in sandbox mode and the published service call them.
    sandboxes = await startDemoSandboxes({ dataDir: 'memory', logger: pino({ level: 'silent' }) });
    t = await startTestRuntime({}, sandboxes.env);
    browser = await launchChromium();
    await browser.page.setViewportSize({ width: 1440, height: 1000 });
    browser.page.on('pageerror', (error) => pageErrors.push(error.stack ?? error.message));
  });
  beforeEach(({ task, onTestFailed }) => {
    onTestFailed(() => { if (pageErrors.length) console.error(pageErrors.join('\n')); });
    onTestFailed(() => console.error(t.logs.filter((l) => /"level":(40|50)|connector|population/i.test(l)).slice(-15).join('')));
    onTestFailed(() => screenshot(browser.page, `journey-failed-${task.name.slice(0, 40).replace(/\W+/g, '-')}`));
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await sandboxes?.close();
  });

  it('creates, draws, designs data and form, tests, saves a scenario, publishes; the citizen\'s order starts the process', async () => {
    const { page } = browser;
    page.on('dialog', (dialog) => void dialog.accept());
    const canvas = page.locator('.process-canvas');
    const properties = page.locator('aside.process-properties');
    const shape = (id: string) => canvas.locator(`.djs-element[data-element-id="${id}"]`);
    const selectedId = async () => (await canvas.locator('.djs-shape.selected, .djs-connection.selected').first().getAttribute('data-element-id'))!;
    const pad = (action: string) => page.locator(`.djs-context-pad [data-action="${action}"]`);
    /** Clicks a context pad entry of the selected element; answers the new element's id. */
    const append = async (action: string): Promise<string> => {
      const before = await selectedId();
      await pad(action).click();
      await expect.poll(selectedId).not.toBe(before);
      // bpmn-js opens the label editor on an appended task: leave it.
      if (await page.locator('.djs-direct-editing-parent').isVisible()) await page.keyboard.press('Escape');
      return selectedId();
    };
    const replace = async (id: string, option: string) => {
      await shape(id).click();
      await pad('replace').click();
      await page.locator(`.djs-popup [data-id="${option}"]`).click();
    };
    /** The properties panel group with this title, opened. */
    const group = async (title: string): Promise<Locator> => {
      const found = properties.locator('.bio-properties-panel-group')
        .filter({ has: page.locator('.bio-properties-panel-group-header-title', { hasText: new RegExp(`^${title}$`) }) }).first();
      const header = found.locator('.bio-properties-panel-group-header');
      await header.waitFor();
      if (!(await header.getAttribute('class'))!.includes('open')) await header.click();
      return found;
    };
    const setName = async (id: string, name: string) => {
      await shape(id).click();
      await (await group('General')).getByLabel('Name', { exact: true }).fill(name);
    };

    // --- Log in and create the service.
    await page.goto(`${t.url}/designer/`);
    await page.getByLabel(/^(Kalba|Language)$/).selectOption('en');
    await page.getByLabel('Username').fill('analyst');
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'Services', level: 1 }).waitFor();
    await checkPage(page, 'journey-01-services');
    await page.getByLabel('Code', { exact: true }).fill(code);
    await page.getByLabel('Title', { exact: true }).fill('Person check');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('tab', { name: 'Process', selected: true }).waitFor();
    await page.locator('.process-tab[data-status="ready"] .djs-element[data-element-id="start"]').waitFor();
    await screenshot(page, 'journey-02-new-service');

    // --- Process: the starter's end goes; start -> service task -> gateway -> user task -> end.
    await shape('end').click();
    await pad('delete').click();
    await expect.poll(() => shape('end').count()).toBe(0);
    await shape('start').click();
    const lookup = await append('append.append-task');
    const gateway = await append('append.gateway');
    const review = await append('append.append-task');
    const done = await append('append.end-event');
    await shape(gateway).click();
    const notFound = await append('append.end-event');
    await replace(lookup, 'replace-with-service-task');
    await replace(review, 'replace-with-user-task');
    await setName(lookup, 'Look the person up');
    await setName(gateway, 'Person found?');
    await setName(review, 'Review');
    await setName(done, 'Done');
    await setName(notFound, 'Not found');

    // The service task takes the population register's person look-up from the template chooser.
    await shape(lookup).click();
    await properties.locator('.bio-properties-panel-select-template-button').click();
    const chooser = page.getByRole('dialog', { name: 'Choose a connector template' });
    await chooser.getByLabel('Search').fill('Population register: person');
    await screenshot(page, 'journey-03-template-chooser');
    await chooser.getByRole('button', { name: /^Population register: person/ }).click();
    await expect.poll(() => chooser.count()).toBe(0);
    const input = await group('Input');
    await input.getByLabel('Personal code', { exact: true }).fill('=personalCode');
    await input.getByLabel('Purpose', { exact: true }).fill('Checking the applicant');
    await input.getByLabel('Requested by', { exact: true }).fill('=personalCode');
    await (await group('Output mapping')).getByLabel('Result variable', { exact: true }).fill('person');
    await screenshot(page, 'journey-04-connector-applied');

    // The gateway's flows: to the user task when the register knows the person, else the default.
    const [toReview, toNotFound] = [await flowBetween(page, gateway, review), await flowBetween(page, gateway, notFound)];
    await page.mouse.click(toReview.mid.x, toReview.mid.y);
    await expect.poll(selectedId).toBe(toReview.id);
    await (await group('Condition')).locator('[role="textbox"]').first().click();
    await page.keyboard.type('person.givenName != null');
    await page.mouse.click(toNotFound.mid.x, toNotFound.mid.y);
    await expect.poll(selectedId).toBe(toNotFound.id);
    await pad('replace').click();
    await page.locator('.djs-popup [data-id="replace-with-default-flow"]').click();
    // Lint is clean but for the user task's missing form (a warning: the task is answered with JSON).
    await expect.poll(() => page.locator('section.problems').getByText('error:', { exact: true }).count()).toBe(0);
    await checkPage(page, 'journey-05-process-drawn');

    // --- Data: the new structure gets a personal code (LT format) and a name.
    await page.getByRole('tab', { name: 'Data' }).click();
    await page.getByRole('button', { name: 'Add field' }).click();
    await page.getByLabel('Name: field1').fill('personalCode');
    await page.getByLabel('Format: personalCode').selectOption('lt-personal-code');
    await page.getByLabel('Required: personalCode').check();
    await page.getByLabel('Titles: personalCode (LT)').fill('Asmens kodas');
    await page.getByLabel('Titles: personalCode (EN)').fill('Personal code');
    await page.getByRole('button', { name: 'Add field' }).click();
    await page.getByLabel(/^Name: field\d$/).fill('fullName');
    await page.getByLabel('Required: fullName').check();
    await page.getByLabel('Titles: fullName (LT)').fill('Vardas ir pavardė');
    await page.getByLabel('Titles: fullName (EN)').fill('Full name');
    await checkPage(page, 'journey-06-data');

    // --- Forms: the start form generated from the structure, one label adjusted.
    await page.getByRole('tab', { name: 'Forms' }).click();
    await page.getByRole('button', { name: 'Generate from data structure' }).click();
    const editor = page.locator('[data-testid="form-editor"]');
    await editor.locator('.fjs-form-field', { hasText: 'Asmens kodas' }).first().waitFor();
    await editor.locator('.fjs-form-field', { hasText: 'Vardas ir pavardė' }).first().click();
    const formProperties = page.locator('.fjs-properties-container');
    const label = formProperties.getByLabel('Field label', { exact: true });
    if (!(await label.isVisible())) await formProperties.locator('.bio-properties-panel-group-header', { hasText: 'General' }).click();
    await label.fill('Vardas ir pavardė (kaip dokumente)');
    await editor.locator('.fjs-form-field', { hasText: 'Vardas ir pavardė (kaip dokumente)' }).first().waitFor();
    await page.getByText('The form fits the data structure.').waitFor();
    await screenshot(page, 'journey-07-start-form');

    // --- Save.
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved', { exact: true }).waitFor();
    const analyst = await t.as('analyst');
    const saved = (await analyst.get(`/api/services/${code}/versions/0.1.0`)).body.files as Record<string, { content: string }>;
    const bpmn = saved['process.bpmn']!.content;
    expect(bpmn).toContain('type="konstruktor:population:person"');
    expect(bpmn).toContain('source="=personalCode" target="personalCode"');
    expect(bpmn).toMatch(/<bpmn:conditionExpression[^>]*>=person\.givenName != null<\/bpmn:conditionExpression>/);
    expect(bpmn).toMatch(new RegExp(`<bpmn:exclusiveGateway id="${gateway}"[^>]*default="${toNotFound.id}"`));
    expect(JSON.parse(saved['data/application.schema.json']!.content).properties.personalCode).toMatchObject({ type: 'string', format: 'lt-personal-code' });
    expect(saved['forms/application.form']!.content).toContain('Vardas ir pavardė (kaip dokumente)');
    await screenshot(page, 'journey-08-saved');

    // --- Test: a run whose connector calls the sandbox population register, from the start form.
    await page.getByRole('tab', { name: 'Test' }).click();
    await page.getByLabel('Call the sandboxes').check();
    await page.getByRole('button', { name: 'Start test run' }).click();
    await page.getByRole('heading', { name: 'Start the process' }).waitFor();
    await page.getByLabel('Personal code').fill(PERSON.personalCode);
    await page.getByLabel('Full name').fill(PERSON.fullName);
    await checkPage(page, 'journey-09-test-start-form');
    await page.getByRole('button', { name: 'Start instance' }).click();

    // The register answered: the gateway sent the token to the user task, which waits.
    const task = page.getByRole('article', { name: 'Review' });
    await task.getByLabel('Variables (JSON object)').waitFor({ timeout: 30_000 });
    const diagram = page.getByTestId('run-diagram');
    await diagram.locator(`.djs-element.kt-active[data-element-id="${review}"]`).waitFor();
    expect(await diagram.locator(`.djs-element.kt-completed[data-element-id="${lookup}"]`).count()).toBe(1);
    expect(await page.getByTestId('root-variables').textContent()).toContain('"givenName": "Tomas"');
    await screenshot(page, 'journey-10-test-user-task');
    await task.getByLabel('Variables (JSON object)').fill('{"approved": true}');
    await task.getByRole('button', { name: 'Complete task' }).click();
    await expect.poll(() => page.getByTestId('instance-state').textContent()).toContain('completed');
    await diagram.locator(`.djs-element.kt-completed[data-element-id="${done}"]`).waitFor();
    const taken = await diagram.locator('.kt-taken').evaluateAll((els) => els.map((e) => e.getAttribute('data-element-id')));
    expect(taken).toHaveLength(4);
    expect(taken).toContain(toReview.id);
    expect(taken).not.toContain(toNotFound.id);
    for (const id of ['start', lookup, gateway, review, done]) expect(await diagram.locator(`.djs-element.kt-completed[data-element-id="${id}"]`).count(), id).toBe(1);
    expect(await diagram.locator(`.djs-element.kt-completed[data-element-id="${notFound}"]`).count()).toBe(0);
    await checkPage(page, 'journey-11-test-completed');

    // --- Save the run as a scenario (the register's answer recorded as the connector job's step), then Save.
    await page.getByLabel('Scenario name').fill('Person found and reviewed');
    await page.getByRole('button', { name: 'Save as scenario' }).click();
    await page.getByText('Added scenarios/person-found-and-reviewed.yaml to the package').waitFor();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved', { exact: true }).waitFor();
    await screenshot(page, 'journey-12-scenario-saved');

    // --- Publish: check (green, the scenario passing), then publish.
    await page.getByRole('tab', { name: 'Publish' }).click();
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.getByText(/The check found/).waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('check-result').textContent()).toContain('The check found no errors.');
    expect(await page.getByTestId('check-result').textContent()).toMatch(/passed\s*Person found and reviewed/);
    await checkPage(page, 'journey-13-checked');
    await page.getByRole('button', { name: 'Publish version 0.1.0' }).click();
    await page.getByText('Version 0.1.0 is now published').waitFor();
    await screenshot(page, 'journey-14-published');
    expect((await analyst.get(`/api/services/${code}`)).body.published).toBe(true);

    // --- A citizen orders the published service through the API: accepted, its process started.
    const tomas = await citizen(t);
    const order = await tomas.post('/api/applications', { service: code, data: PERSON });
    expect(order.status, JSON.stringify(order.body)).toBe(201);
    const application = await eventually(async () => {
      const response = await tomas.get(`/api/applications/${order.body.id}`);
      return response.body.timeline?.some((e: { kind: string }) => e.kind === 'process-started') && response.body;
    }, 'the process to start');
    expect(application.status).not.toBe('submitted');
    expect(browser.cspViolations).toEqual([]);
  });
});
