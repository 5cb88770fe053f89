/**
 * The sandbox phone: a person with behaviour 'phone' answers on a web page. The page lists the
 * pending request with the code the relying party shows; Confirm signs, Refuse refuses, and a
 * request nobody answers times out. Driven over HTTP as a browser without JavaScript would.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digest, mobileSignatureSigner } from '@konstruktor/connectors';
import { createTestPki, startMobileSignatureSandbox, type MobileSignatureSandbox } from '@konstruktor/examples';

const party = { relyingPartyUUID: '00000000-0000-4000-8000-000000000002', relyingPartyName: 'Konstruktor' };
const ONA = 'PNOLT-48501010001';
let service: MobileSignatureSandbox;

beforeAll(async () => {
  service = await startMobileSignatureSandbox({ pki: await createTestPki(), ...party, phoneTimeoutMs: 1_500 });
});
afterAll(async () => {
  await service?.close();
});

/** Starts a signature and waits until the phone page shows it; returns the page and the code the relying party showed. */
async function startSigning(lang = 'en') {
  let shown = '';
  const result = mobileSignatureSigner({ url: service.url, ...party, personalCode: ONA, pollIntervalMs: 100, displayText: 'Sign the permit 1001 7654', onVerificationCode: (code) => { shown = code; } })
    .signDigest(await digest('SHA-256', new TextEncoder().encode(`permit ${Math.random()}`)), 'SHA-256')
    .then(() => 'signed', (error: { reason?: string }) => error.reason ?? 'error');
  for (let i = 0; i < 50; i++) {
    const html = await (await fetch(`${service.phoneUrl}?personalCode=${ONA}&lang=${lang}`)).text();
    if (html.includes('<form')) return { html, shown, result };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the request never reached the phone page');
}

async function answer(html: string, button: 'confirm' | 'refuse'): Promise<Response> {
  const action = new RegExp(`action="(/phone/[^"]+/${button})"`).exec(html)![1]!;
  return fetch(new URL(action, service.phoneUrl), { method: 'POST', body: new URLSearchParams({ personalCode: ONA, lang: 'en' }), redirect: 'manual' });
}

describe('sandbox phone', () => {
  it('lists the people who answer on the phone, in the language asked for', async () => {
    const html = await (await fetch(`${service.phoneUrl}?lang=lv`)).text();
    expect(html).toContain('<html lang="lv">');
    expect(html).toContain('Smilškastes tālrunis');
    expect(html).toContain('Ona Valdininkė');
    expect(html).not.toContain('Jonas Jonaitis');
  });

  it('shows the request with the same verification code; Confirm signs', async () => {
    const { html, shown, result } = await startSigning();
    expect(html).toContain('Sign the permit 1001 7654');
    expect(html).toContain(`<span class="code">${shown}</span>`);
    expect(html).not.toContain('http-equiv="refresh"');
    const response = await answer(html, 'confirm');
    expect(response.status).toBe(303);
    expect(await result).toBe('signed');
    const after = await (await fetch(new URL(response.headers.get('location')!, service.phoneUrl))).text();
    expect(after).toContain('Signature confirmed.');
    expect(after).not.toContain('<form');
  });

  it('Refuse refuses; answering again says the request is no longer valid', async () => {
    const { html, result } = await startSigning('lt');
    expect(html).toContain('Kontrolinis kodas');
    await answer(html, 'refuse');
    expect(await result).toBe('refused');
    const again = await answer(html, 'confirm');
    expect(again.headers.get('location')).toContain('done=expired');
  });

  it('a request nobody answers times out', async () => {
    const { result } = await startSigning();
    expect(await result).toBe('timeout');
    const html = await (await fetch(`${service.phoneUrl}?personalCode=${ONA}`)).text();
    expect(html).not.toContain('<form');
  });

  it('an unknown person gets a 404 page', async () => {
    const response = await fetch(`${service.phoneUrl}?personalCode=PNOLT-00000000000&lang=en`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('No such person on the sandbox phone.');
  });
});
