/**
 * `npm run bench:portal`: the citizen portal in Chromium against a runtime holding 200 published
 * services and 1,000 orders of one citizen (issue 20):
 * - the catalogue page's first contentful paint (server-rendered, a fresh browser context each run),
 * - search as you type: from the last keystroke to the list showing the matching services
 *   (the portal waits for a 200 ms pause in typing before it asks, and that pause is included),
 * - "My orders": from navigation to the first page of the 1,000 orders on screen.
 * Medians over BENCH_PORTAL_RUNS runs (default 7), with min and max and the load average.
 */
import os from 'node:os';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../test/browser/support/chromium.js';
import { ensureWebBuild } from '../src/web/web-build.js';
import { prepareRuntime } from './bench-runtime.js';
import { login } from './http-session.js';

const RUNS = Number(process.env.BENCH_PORTAL_RUNS ?? 7);
const SERVICES = 200;
const ORDERS = 1000;

/** Words service titles are made of, so that a search narrows the catalogue as it would a real one. */
const SUBJECTS = ['residence', 'parking', 'building', 'trading', 'childcare', 'pension', 'vehicle', 'dog', 'tree', 'event'];
const ACTS = ['permit', 'declaration', 'certificate', 'allowance', 'registration'];
const AUDIENCES = [['citizens'], ['businesses'], ['citizens', 'businesses']];

function servicePackage(n: number) {
  const subject = SUBJECTS[n % SUBJECTS.length]!;
  const act = ACTS[Math.floor(n / SUBJECTS.length) % ACTS.length]!;
  const card = [
    `code: bench-${String(n).padStart(3, '0')}`, 'version: 1.0.0',
    `title: { en: "${subject} ${act} ${n}", lt: "${subject} ${act} ${n}" }`,
    `summary: { en: "Apply for a ${subject} ${act} online (bench service ${n})." }`,
    'provider: kaunas-city', `audience: [${AUDIENCES[n % AUDIENCES.length]!.join(', ')}]`,
    n % 3 ? 'price: { amount: "5.00", currency: EUR }' : 'price: free',
    `interactivityLevel: ${(n % 5) + 1}`, 'onlineOrder: true', `lifeEvents: [${n % 2 ? 'moving-house' : 'starting-a-business'}]`,
  ].join('\n');
  return { files: { 'service.yaml': card } };
}

interface Stats { median: number; min: number; max: number }
function stats(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, min: sorted[0]!, max: sorted.at(-1)! };
}
const show = (s: Stats) => `median ${s.median.toFixed(1)} ms (min ${s.min.toFixed(1)}, max ${s.max.toFixed(1)})`;
const loadAverage = () => os.loadavg().map((n) => n.toFixed(2)).join(' ');

async function catalogueFirstPaint(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${url}/?lang=en`, { waitUntil: 'load' });
  // In-page code as text: this file is compiled without the DOM's types.
  const fcp = await page.evaluate<number>(`new Promise((resolve) => new PerformanceObserver((list) => {
    const paint = list.getEntriesByName('first-contentful-paint')[0];
    if (paint) resolve(paint.startTime);
  }).observe({ type: 'paint', buffered: true }))`);
  await context.close();
  return fcp;
}

/** Types a word into the search; the page itself notes the last keystroke and the moment the count of results changes. */
async function searchLatency(browser: Browser, url: string, word: string): Promise<number> {
  const { total } = (await (await fetch(`${url}/api/services?q=${word}`)).json()) as { total: number };
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${url}/?lang=en`, { waitUntil: 'networkidle' });
  await page.evaluate(`
    document.getElementById('catalogue-q').addEventListener('keydown', (event) => { globalThis.lastKey = event.timeStamp; });
    new MutationObserver(() => { globalThis.updated = performance.now(); })
      .observe(document.getElementById('catalogue-results'), { childList: true, characterData: true, subtree: true });`);
  await page.locator('#catalogue-q').pressSequentially(word, { delay: 50 });
  await page.getByRole('heading', { name: `${total} services found` }).waitFor();
  const latency = await page.evaluate<number>('globalThis.updated - globalThis.lastKey');
  await context.close();
  return latency;
}

async function myOrders(browser: Browser, url: string, cookie: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const split = cookie.indexOf('=');
  await context.addCookies([{ name: cookie.slice(0, split), value: cookie.slice(split + 1), url }]);
  const page = await context.newPage();
  const started = Date.now();
  await page.goto(`${url}/orders?lang=en`);
  await page.getByRole('row').nth(20).waitFor().catch(async (error: unknown) => {
    await page.screenshot({ path: `${os.tmpdir()}/portal-bench-my-orders.png` });
    throw error;
  });
  const elapsed = Date.now() - started;
  await context.close();
  return elapsed;
}

console.log(`Konstruktor portal bench — Node ${process.version}, ${os.cpus().length} CPUs, load average ${loadAverage()}`);
await ensureWebBuild();
const bench = await prepareRuntime({ database: 'PGlite' }, { total: ORDERS, forBenchCitizen: ORDERS, syntheticCitizens: 1 });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  const url = bench.runtime.url;
  const analyst = await login(url, 'analyst', bench.password);
  for (let n = 1; n < SERVICES; n++) {
    const headers = { cookie: analyst.cookie, 'x-csrf-token': analyst.csrfToken, 'content-type': 'application/json' };
    const imported = await fetch(`${url}/api/service-packages`, { method: 'POST', headers, body: JSON.stringify(servicePackage(n)) });
    if (imported.status !== 201) throw new Error(`import of bench service ${n}: ${imported.status} ${await imported.text()}`);
    const published = await fetch(`${url}/api/services/bench-${String(n).padStart(3, '0')}/versions/1.0.0/publish`, { method: 'POST', headers });
    if (published.status !== 200) throw new Error(`publish of bench service ${n}: ${published.status} ${await published.text()}`);
  }
  console.log(`  ${SERVICES} services published, ${bench.applications.toLocaleString('en')} orders of one citizen; load average ${loadAverage()}`);

  const paints: number[] = [];
  const searches: number[] = [];
  const orders: number[] = [];
  await catalogueFirstPaint(browser, url); // warms the server's renderer and caches
  for (let run = 0; run < RUNS; run++) {
    paints.push(await catalogueFirstPaint(browser, url));
    searches.push(await searchLatency(browser, url, SUBJECTS[run % SUBJECTS.length]!));
    orders.push(await myOrders(browser, url, bench.citizen.cookie));
  }
  console.log(`\nResults (${RUNS} runs; load average at end ${loadAverage()})`);
  console.log(`  catalogue (200 services) first contentful paint   ${show(stats(paints))}`);
  console.log(`  search as you type, last key to list (incl. 200 ms pause)  ${show(stats(searches))}`);
  console.log(`  My orders (1,000 orders), navigation to first page shown   ${show(stats(orders))}`);
} finally {
  await browser.close();
  await bench.close();
}
