/**
 * Sandbox mobile-signature service, shaped like Smart-ID's relying-party API: the relying
 * party (identified by UUID and name) asks for a person's signing certificate, starts a
 * signature session over a digest, and polls the session. Each fictional person behaves in a
 * fixed way — confirms, refuses, or never answers — after a short "thinking" delay, or, with
 * behaviour 'phone', waits for a person to confirm or refuse on the sandbox phone page
 * (phone-page.ts). Keys live here, as they would in the person's phone; only digests come in.
 */
import { randomUUID } from 'node:crypto';
import { createPrivateKey, type KeyObject } from 'node:crypto';
import express, { type Request, type Response } from 'express';
import type { AddressInfo } from 'node:net';
import { certificatesFromPem, signDigestWithRsaKey, verificationCode, type DigestAlgorithm } from '@konstruktor/connectors';
import type { TestPki } from '../pki/ca.js';
import { phoneRouter } from './phone-page.js';

export type PersonBehaviour = 'confirm' | 'refuse' | 'ignore' | 'phone';

export interface SandboxPerson {
  /** With country prefix, as Smart-ID's semantics identifiers: PNOLT-39001010000. */
  personalCode: string;
  name: string;
  behaviour: PersonBehaviour;
}

export const SANDBOX_PEOPLE: SandboxPerson[] = [
  { personalCode: 'PNOLT-39001010000', name: 'Jonas Jonaitis', behaviour: 'confirm' },
  { personalCode: 'PNOLT-49002020000', name: 'Ona Onaitienė', behaviour: 'refuse' },
  { personalCode: 'PNOLV-010190-10000', name: 'Jānis Bērziņš', behaviour: 'ignore' },
  // The demo officials (runtime/src/demo/seed.ts): they answer on the sandbox phone page.
  { personalCode: 'PNOLT-48501010001', name: 'Ona Valdininkė', behaviour: 'phone' },
  { personalCode: 'PNOLT-38601010002', name: 'Petras Pareigūnas', behaviour: 'phone' },
  { personalCode: 'PNOLT-47901010003', name: 'Sigita Vadovė', behaviour: 'phone' },
];

export interface MobileSignatureSandboxOptions {
  pki: TestPki;
  relyingPartyUUID: string;
  relyingPartyName: string;
  people?: SandboxPerson[];
  /** How long a person "takes" to answer (default 300 ms). */
  answerAfterMs?: number;
  /** A session nobody answers ends as TIMEOUT after this long (default 2 s in the sandbox). */
  sessionTimeoutMs?: number;
  /** A session waiting on the phone page ends as TIMEOUT after this long (default 120 s, as the real services). */
  phoneTimeoutMs?: number;
  port?: number;
}

interface Session {
  person: SandboxPerson;
  startedAt: number;
  digest: Uint8Array;
  algorithm: DigestAlgorithm;
  verificationCode: string;
  displayText: string;
  /** What the person did on the phone page (behaviour 'phone'). */
  answer?: 'confirmed' | 'refused';
}

const HASH_TYPES: Record<string, DigestAlgorithm> = { SHA256: 'SHA-256', SHA384: 'SHA-384', SHA512: 'SHA-512' };
const DIGEST_LENGTHS: Record<DigestAlgorithm, number> = { 'SHA-256': 32, 'SHA-384': 48, 'SHA-512': 64 };

export interface MobileSignatureSandbox {
  url: string;
  /** The sandbox phone: /phone lists the people who answer there, /phone?personalCode=… their pending requests. */
  phoneUrl: string;
  close(): Promise<void>;
  /** Sessions started so far, with the verification code the phone showed (for tests). */
  sessions(): { sessionId: string; personalCode: string; verificationCode: string; displayText: string }[];
}

export async function startMobileSignatureSandbox(options: MobileSignatureSandboxOptions): Promise<MobileSignatureSandbox> {
  const people = options.people ?? SANDBOX_PEOPLE;
  const answerAfter = options.answerAfterMs ?? 300;
  const sessionTimeout = options.sessionTimeoutMs ?? 2_000;
  const phoneTimeout = options.phoneTimeoutMs ?? 120_000;
  const keys = new Map<string, { key: KeyObject; certificate: string; chain: string[] }>();
  for (const person of people) {
    const issued = await options.pki.issue({ subject: `CN=${person.name}, SERIALNUMBER=${person.personalCode}, C=${person.personalCode.slice(3, 5)}`, usage: 'signing' });
    const [certificate, ...chain] = certificatesFromPem(issued.chainPem).map((der) => Buffer.from(der).toString('base64'));
    keys.set(person.personalCode, { key: createPrivateKey(issued.keyPem), certificate: certificate!, chain });
  }
  const sessions = new Map<string, Session>();

  const app = express();
  app.use(express.json({ limit: '16kb' }));
  app.use(express.urlencoded({ extended: false, limit: '4kb' }));
  const fail = (res: Response, status: number, message: string) => res.status(status).json({ message });
  const relyingPartyOk = (req: Request) => req.body?.relyingPartyUUID === options.relyingPartyUUID && req.body?.relyingPartyName === options.relyingPartyName;
  const personOf = (req: Request, res: Response): SandboxPerson | undefined => {
    if (!relyingPartyOk(req)) return void fail(res, 401, 'relyingPartyUUID / relyingPartyName: unknown relying party');
    const person = people.find((p) => p.personalCode === req.body?.personalCode);
    if (!person) return void fail(res, 404, `personalCode: no account for ${String(req.body?.personalCode)}`);
    return person;
  };

  app.post('/v1/certificate', (req, res) => {
    const person = personOf(req, res);
    if (!person) return;
    const { certificate, chain } = keys.get(person.personalCode)!;
    res.json({ certificate, chain });
  });

  app.post('/v1/signature', (req, res) => {
    const person = personOf(req, res);
    if (!person) return;
    const algorithm = HASH_TYPES[String(req.body.hashType)];
    if (!algorithm) return fail(res, 400, 'hashType: expected SHA256, SHA384 or SHA512');
    const digest = typeof req.body.hash === 'string' ? new Uint8Array(Buffer.from(req.body.hash, 'base64')) : new Uint8Array();
    if (digest.length !== DIGEST_LENGTHS[algorithm]) return fail(res, 400, `hash: expected a base64 ${req.body.hashType} digest`);
    const displayText = typeof req.body.displayText === 'string' ? req.body.displayText.slice(0, 60) : '';
    const sessionId = randomUUID();
    sessions.set(sessionId, { person, startedAt: Date.now(), digest, algorithm, verificationCode: verificationCode(digest), displayText });
    res.json({ sessionId });
  });

  app.get('/v1/session/:sessionId', (req, res) => {
    const session = sessions.get(req.params.sessionId);
    if (!session) return fail(res, 404, 'sessionId: no such session');
    const elapsed = Date.now() - session.startedAt;
    const { behaviour, personalCode } = session.person;
    if (behaviour === 'ignore') return res.json(elapsed < sessionTimeout ? { state: 'RUNNING' } : { state: 'COMPLETE', result: { endResult: 'TIMEOUT' } });
    if (behaviour === 'phone' && !session.answer) return res.json(elapsed < phoneTimeout ? { state: 'RUNNING' } : { state: 'COMPLETE', result: { endResult: 'TIMEOUT' } });
    if (behaviour !== 'phone' && elapsed < answerAfter) return res.json({ state: 'RUNNING' });
    if (behaviour === 'refuse' || session.answer === 'refused') return res.json({ state: 'COMPLETE', result: { endResult: 'USER_REFUSED' } });
    const { key, certificate } = keys.get(personalCode)!;
    const value = Buffer.from(signDigestWithRsaKey(key, session.digest, session.algorithm)).toString('base64');
    res.json({ state: 'COMPLETE', result: { endResult: 'OK' }, signature: { value, algorithm: 'sha256WithRSAEncryption' }, cert: { value: certificate } });
  });

  app.use('/phone', phoneRouter({
    people: people.filter((p) => p.behaviour === 'phone'),
    pending: (personalCode) => [...sessions.entries()]
      .filter(([, s]) => s.person.personalCode === personalCode && !s.answer && Date.now() - s.startedAt < phoneTimeout)
      .map(([id, s]) => ({ id, displayText: s.displayText, verificationCode: s.verificationCode })),
    answer: (personalCode, sessionId, answer) => {
      const session = sessions.get(sessionId);
      if (!session || session.person.personalCode !== personalCode || session.answer || Date.now() - session.startedAt >= phoneTimeout) return false;
      session.answer = answer;
      return true;
    },
  }));

  const server = app.listen(options.port ?? 0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    phoneUrl: `http://127.0.0.1:${port}/phone`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
    sessions: () => [...sessions.entries()].map(([sessionId, s]) => ({ sessionId, personalCode: s.person.personalCode, verificationCode: s.verificationCode, displayText: s.displayText })),
  };
}
