import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
const ROOT = path.resolve(import.meta.dirname, '../../../..');
export const SCREENSHOTS = path.join(ROOT, '.ci/artifacts/screenshots');

/** Without Debian's Chromium the suites skip, except in CI (CI=true), where they must fail. */
export const skipWithoutChromium = !fs.existsSync(CHROMIUM) && process.env.CI !== 'true';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Console messages about refused resources (CSP), which the tests expect to stay empty. */
  cspViolations: string[];
  close(): Promise<void>;
}

/** Chromium with a fresh profile of its own (playwright passes it as --user-data-dir), removed on close. */
export async function launchChromium(): Promise<Browser> {
  const profile = await fsp.mkdtemp(path.join(os.tmpdir(), 'konstruktor-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1024, height: 900 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const cspViolations: string[] = [];
  page.on('console', (message) => { if (/Content Security Policy|Refused to/.test(message.text())) cspViolations.push(message.text()); });
  return {
    context, page, cspViolations,
    async close() {
      await context.close();
      await fsp.rm(profile, { recursive: true, force: true });
    },
  };
}

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }

/**
 * axe-core's WCAG 2.1 A/AA rules on the page as it is. The source goes in through the DevTools
 * protocol, which the page's CSP does not govern (a <script> tag would be refused).
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  // Evaluated in the page, where `axe` and `document` exist.
  return page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
    .then((result) => result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) })))`) as Promise<AxeViolation[]>;
}

/** A readable one-line-per-node account of violations, for assertion messages. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `  ${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join('\n')}`).join('\n');
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await fsp.mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
