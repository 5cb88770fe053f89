/**
 * The public catalogue as a search engine or a browser without JavaScript gets it: the server
 * renders the catalogue (its search and filters from the address, a plain GET form) and each
 * service's card page, in the reader's language, with the data the browser takes over later;
 * text from a service package cannot break out of the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { ensureWebBuild } from '../src/web/web-build.js';
import { startTestRuntime, type TestRuntime } from './support/harness.js';

const HOSTILE = '</script><script>alert(1)</script><b>Bold</b>';

describe('the catalogue pages rendered on the server', () => {
  let t: TestRuntime;

  beforeAll(async () => {
    await ensureWebBuild();
    t = await startTestRuntime();
    const analyst = await t.as('analyst');
    const cards = [
      {
        code: 'parking-permit', title: { lt: 'Leidimas statyti automobilį', lv: 'Atļauja novietot automašīnu', en: 'Parking permit' },
        summary: { en: 'Park in the old town' }, legalBasis: 'Kauno miesto tarybos sprendimas Nr. 1', price: { amount: '12.00', currency: 'EUR' },
        interactivityLevel: 4, onlineOrder: true, duration: 'P5D', languages: ['lt', 'en'],
        requiredDocuments: [{ lt: 'Automobilio registracijos liudijimas', en: 'The car registration certificate' }],
      },
      { code: 'dog-registration', title: { lt: 'Šuns registravimas', en: 'Dog registration' }, summary: { en: HOSTILE }, price: 'free', interactivityLevel: 2, onlineOrder: false, serviceUrl: 'https://kaunas.example/dogs' },
    ];
    for (const card of cards) {
      const files = { 'service.yaml': stringify({ version: '1.0.0', provider: 'kaunas-city', audience: ['citizens'], ...card }) };
      expect((await analyst.post('/api/service-packages', { files })).status).toBe(201);
      expect((await analyst.post(`/api/services/${card.code}/versions/1.0.0/publish`)).status).toBe(200);
    }
  }, 180_000);
  afterAll(async () => { await t?.close(); });

  const page = (path: string, headers: Record<string, string> = {}) => fetch(`${t.url}${path}`, { headers: { accept: 'text/html', ...headers } });

  it('renders the catalogue with its services and filters, in the language asked for, remembered in a cookie', async () => {
    const response = await page('/?lang=lv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-language')).toBe('lv');
    expect(response.headers.get('set-cookie')).toMatch(/^lang=lv;/);
    const html = await response.text();
    expect(html).toContain('<html lang="lv"');
    expect(html).toContain('<title>Pakalpojumi – E-pakalpojumi</title>');
    expect(html).toContain('Atļauja novietot automašīnu');
    // The search is a plain GET form; the filters are named as the address names them.
    expect(html).toMatch(/<form[^>]*action="\/"[^>]*method="get"|<form[^>]*method="get"[^>]*action="\/"/);
    expect(html).toContain('name="q"');
    expect(html).toContain('name="audience"');
    expect(html).toContain('name="price"');
  });

  it('answers a search from the address alone, and keeps the cookie\'s language after', async () => {
    const html = await (await page('/?q=parking&price=paid', { cookie: 'lang=en' })).text();
    expect(html).toContain('1 service found');
    expect(html).toContain('Parking permit');
    expect(html).not.toContain('Dog registration');
    expect(await (await page('/?price=free', { 'accept-language': 'lt-LT' })).text()).toContain('Šuns registravimas');
  });

  it('renders a card page with what a citizen needs to know before ordering, or where else to get the service', async () => {
    const html = await (await page('/services/parking-permit?lang=en')).text();
    expect(html).toContain('<title>Parking permit – E-services</title>');
    for (const text of ['Kauno miesto tarybos sprendimas Nr. 1', '€12.00', '5 days', 'The car registration certificate', 'Lithuanian, English', 'Order online']) expect(html).toContain(text);
    const offline = await (await page('/services/dog-registration?lang=en')).text();
    expect(offline).toContain('href="https://kaunas.example/dogs"');
    expect(offline).not.toContain('Order online');
  });

  it('answers an unknown service with 404 and the not-found page', async () => {
    const response = await page('/services/no-such-service?lang=en');
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('Page not found');
  });

  it('keeps text from a package as text: in the markup and in the data the browser takes over', async () => {
    const html = await (await page('/?lang=en&price=free')).text();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;Bold&lt;/b&gt;');
    const data = /<script type="application\/json" id="page-data">([^]*?)<\/script>/.exec(html)![1]!;
    expect(data).not.toContain('<');
    expect(JSON.stringify(JSON.parse(data))).toContain(JSON.stringify(HOSTILE).slice(1, -1));
  });
});
