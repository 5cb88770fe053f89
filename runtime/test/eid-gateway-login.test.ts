/**
 * "Log in with eID" as `npm start` offers it: the sandbox eID gateway of @konstruktor/examples and
 * a runtime configured to it the way startDemoSandboxes does, driven by a cookie-keeping browser
 * stand-in from the portal's button to the session.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEidGateway, type SandboxEidGateway } from '@konstruktor/examples';
import { oidcRedirectUri } from '../src/accounts/oidc-router.js';
import { eidGatewayOidc } from '../src/demo/sandboxes.js';
import { startTestRuntime, type TestRuntime } from './support/harness.js';
import { Browser } from './support/browser.js';
import { freePort } from './support/free-port.js';

/** The login page's radio buttons, each with the text of its label. */
function peopleOnPage(html: string): { value: string; label: string }[] {
  return [...html.matchAll(/<input type="radio" name="personalCode" id="([^"]+)" value="([^"]+)"[^>]*><label for="\1">(.*?)<\/label>/g)]
    .map(([, , value, label]) => ({ value: value!, label: label!.replace(/<[^>]+>/g, '') }));
}

describe('logging in through the sandbox eID gateway', () => {
  let gateway: SandboxEidGateway;
  let t: TestRuntime;

  beforeAll(async () => {
    const port = await freePort();
    gateway = await startEidGateway({ redirectUris: [oidcRedirectUri(`http://127.0.0.1:${port}`)] });
    t = await startTestRuntime({ oidc: eidGatewayOidc(gateway) }, { PORT: String(port) });
  });
  afterAll(async () => {
    await t?.close();
    await gateway?.close();
  });

  /** Presses "Log in with eID" in the portal; returns the browser on the gateway's page. */
  async function openGateway(query: string, browser = new Browser()) {
    const { url, response } = await browser.follow(`${t.url}/api/session/oidc${query}`);
    expect(new URL(url).origin).toBe(gateway.issuer);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    return { browser, url, html: await response.text() };
  }

  /** Picks the person on the gateway's page; returns the runtime's answer to the gateway's redirect back. */
  async function pick(page: { browser: Browser; url: string; html: string }, personalCode: string, action = 'login') {
    const form = /<form method="post" action="([^"]+)">/.exec(page.html)![1]!;
    const lang = /<input type="hidden" name="lang" value="([^"]+)">/.exec(page.html)![1]!;
    const back = await page.browser.follow(new URL(form, page.url).href, {
      form: { lang, personalCode, action },
      stopBefore: (next) => next.origin === t.url && next.pathname !== '/api/session/oidc/callback',
    });
    return { ...back, text: back.next ? '' : await back.response.text() };
  }

  const me = async (browser: Browser) => {
    const response = await browser.request(`${t.url}/api/me`);
    return { status: response.status, body: (await response.json()) as { user: { id: string; displayName: string } } };
  };

  it('tells the portal that eID login is available', async () => {
    expect((await t.anonymous().get('/api/session/methods')).body).toEqual({ password: true, eid: true });
  });

  it('logs the person picked on the gateway in, linked to his demo account, and returns him where he was going', async () => {
    const page = await openGateway(`?returnTo=${encodeURIComponent('/services/residence-declaration/order?step=2')}&lang=lv`);
    const people = peopleOnPage(page.html);
    expect(people).toContainEqual({ value: '38501010013', label: 'Jonas Jonaitis (personas kods 38501010013)' });
    expect(people).toContainEqual({ value: '010190-10036', label: 'Ieva Bērziņa (personas kods 010190-10036)' });
    // Stasys Petraitis is recorded as deceased in the population register: nobody logs in as him.
    expect(people.map((p) => p.value)).not.toContain('35807070110');

    const back = await pick(page, '38501010013');
    expect(back.response.status).toBe(302);
    expect(back.next?.href).toBe(`${t.url}/services/residence-declaration/order?step=2`);
    const jonas = await me(page.browser);
    expect(jonas.status).toBe(200);
    expect(jonas.body.user).toMatchObject({ username: 'citizen', displayName: 'Jonas Jonaitis', roles: ['citizen'] });
    const [row] = await t.runtime.database.dataSource.query(`SELECT oidc_subject FROM app_user WHERE username = 'citizen'`);
    expect(row.oidc_subject).toBe(`${gateway.issuer}|PNOLT-38501010013`);
  });

  it('gives a person without an account a citizen account from the ID token', async () => {
    const browser = new Browser();
    const back = await pick(await openGateway('?returnTo=/orders', browser), '47511231562');
    expect(back.next?.href).toBe(`${t.url}/orders`);
    const ona = await me(browser);
    expect(ona.body.user).toMatchObject({ displayName: 'Ona Kazlauskienė', roles: ['citizen'], agency: null });
    const [row] = await t.runtime.database.dataSource.query('SELECT personal_code, password_hash FROM app_user WHERE id = $1', [ona.body.user.id]);
    expect(row).toEqual({ personal_code: '47511231562', password_hash: null });
  });

  it('asks whom to log in as at every login, so a tester can switch people in one browser', async () => {
    const browser = new Browser();
    await pick(await openGateway('', browser), '38501010013');
    const again = await openGateway('', browser);
    await pick(again, '150587-10227');
    expect((await me(browser)).body.user.displayName).toBe('Jānis Bērziņš');
  });

  it('refuses a returnTo that leads off the site and sends the person home instead', async () => {
    for (const returnTo of ['https://evil.example/', '//evil.example', '/\\evil.example']) {
      const back = await pick(await openGateway(`?returnTo=${encodeURIComponent(returnTo)}`), '38501010013');
      expect(back.next?.href, returnTo).toBe(`${t.url}/`);
    }
  });

  it('speaks the language the portal asks for (ui_locales), Lithuanian by default, and switches on the page', async () => {
    const pages = {
      lt: { query: '', title: 'Bandomieji eID vartai', button: 'Prisijungti', code: 'asmens kodas' },
      lv: { query: '?lang=lv', title: 'Testa eID vārteja', button: 'Pieslēgties', code: 'personas kods' },
      en: { query: '?lang=en', title: 'Sandbox eID gateway', button: 'Log in', code: 'personal code' },
    };
    for (const [lang, expected] of Object.entries(pages)) {
      const { html } = await openGateway(expected.query);
      expect(html, lang).toContain(`<html lang="${lang}">`);
      expect(html, lang).toContain(`<h1>${expected.title}</h1>`);
      expect(html, lang).toContain(`<button type="submit" name="action" value="login">${expected.button}</button>`);
      expect(peopleOnPage(html)[0]!.label, lang).toContain(expected.code);
      // Every radio button has its label.
      expect(peopleOnPage(html).length).toBe([...html.matchAll(/type="radio"/g)].length);
    }
    const page = await openGateway('?lang=en');
    const switched = await page.browser.request(`${page.url}?lang=lv`);
    expect(await switched.text()).toContain('<html lang="lv">');
  });

  it('asks again when no listed person is picked, and refuses the login when the person cancels', async () => {
    const page = await openGateway('?lang=en');
    const nobody = await pick(page, '99999999999');
    expect(nobody.response.status).toBe(400);
    expect(nobody.text).toContain('<p class="error" role="alert">Pick a person from the list.</p>');

    const cancelled = await pick(page, '', 'cancel');
    expect(cancelled.response.status).toBe(401);
    expect(JSON.parse(cancelled.text)).toMatchObject({ type: 'urn:konstruktor:problem:oidc-login-refused' });
    expect((await me(page.browser)).status).toBe(401);
  });

  it('tells a tester who comes back to a finished login to start again, in his language', async () => {
    const page = await openGateway('?lang=lv');
    await pick(page, '38501010013');
    const stale = await page.browser.request(`${page.url}?lang=lv`);
    expect(stale.status).toBe(400);
    expect(await stale.text()).toContain('Sāciet pieslēgties no jauna portālā.');
  });

  it("never writes the gateway's client secret to the log", () => {
    expect(t.logs.join('')).not.toContain(gateway.client.secret);
  });
});

describe('a runtime without an identity provider', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await startTestRuntime();
  });
  afterAll(() => t?.close());

  it('tells the portal to show no eID button', async () => {
    expect((await t.anonymous().get('/api/session/methods')).body).toEqual({ password: true, eid: false });
  });
});
