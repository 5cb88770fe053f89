/**
 * The legal entities register as the runtime itself reads it (not from a process): the companies
 * it names a person a representative of, and whether it knows a company at all. The X-Road client
 * and its settings are the register connectors' (@konstruktor/connectors), configured by the same
 * CONNECTOR_SECRET_* variables. Every read is a data access: it is audited like the connectors'
 * queries (`register.queried`: who, purpose, X-Road-Id, request hash, outcome; never the answer).
 */
import { randomUUID } from 'node:crypto';
import {
  lookupSecret, REGISTER_SECRETS, registerSecretNames, registerSettings, secretsFromEnv, subsystemIdOf, userIdOf, xroadCall,
  type XRoadClientSettings,
} from '@konstruktor/connectors';
import type { User } from '../accounts/user.entity.js';
import type { AuditLog } from '../audit/audit-log.js';

/** One company the register names the person a representative of, today. */
export interface RegisteredRepresentation {
  code: string;
  name: string;
  /** Office held (director, board member…), or `authorised representative` for a power of attorney. */
  role: string;
  basis: string;
  /** False: he may act only together with `jointlyWith`. */
  alone: boolean;
  jointlyWith: string[];
  validUntil: string | null;
}

/** The register could not answer (down, refused the exchange, not configured): the caller answers 503. */
export class RegisterUnavailable extends Error {
  override name = 'RegisterUnavailable';
}

/** Who the register is asked for: the user's personal code goes out as X-Road-UserId. */
type Requester = Pick<User, 'id' | 'personalCode'>;

const TIMEOUT_MS = 10_000;

export class LegalEntitiesRegister {
  constructor(private readonly settings: XRoadClientSettings, private readonly audit: AuditLog) {}

  /**
   * The register of CONNECTOR_SECRET_LEGAL_ENTITIES_REGISTER_URL and the X-Road client secrets;
   * null when that address is not set (representations are then only administrators' grants).
   * A setting that is set but wrong fails here, at start.
   */
  static fromEnv(env: NodeJS.ProcessEnv, audit: AuditLog): LegalEntitiesRegister | null {
    const source = secretsFromEnv(env);
    if (!lookupSecret(source, REGISTER_SECRETS.legalEntitiesRegister)) return null;
    const secrets: Record<string, string> = {};
    for (const name of registerSecretNames('legalEntitiesRegister')) {
      const value = lookupSecret(source, name);
      if (value) secrets[name] = value;
    }
    return new LegalEntitiesRegister(registerSettings(secrets, 'legalEntitiesRegister'), audit);
  }

  /** The registered companies `person` may act for today (an unknown person: none). */
  async representationsOf(person: Requester, purpose: string): Promise<RegisteredRepresentation[]> {
    const code = person.personalCode ?? '';
    const body = await this.read(person, purpose, 'represented-entities', [code], { type: 'person', id: code }, [200]);
    const entities = (body as { entities?: unknown }).entities;
    if (!Array.isArray(entities)) throw new RegisterUnavailable('the legal entities register answered without a list of entities');
    return (entities as Record<string, unknown>[]).map((e) => ({
      code: String(e.companyCode), name: String(e.companyName), role: String(e.role), basis: String(e.basis),
      alone: e.alone === true, jointlyWith: Array.isArray(e.jointlyWith) ? e.jointlyWith.map(String) : [],
      validUntil: typeof e.validUntil === 'string' ? e.validUntil : null,
    }));
  }

  /** Whether the register has a legal entity with this code (deregistered ones included). */
  async knows(person: Requester, companyCode: string, purpose: string): Promise<boolean> {
    const body = await this.read(person, purpose, 'company', [companyCode], { type: 'company', id: companyCode }, [200, 404]);
    return body !== null;
  }

  /** The answer's body for an expected status (null for 404); anything else is RegisterUnavailable. */
  private async read(person: Requester, purpose: string, serviceCode: string, path: string[], subject: { type: string; id: string }, expected: number[]): Promise<unknown> {
    const xRoadId = randomUUID();
    let outcome = 'failed';
    let status: number | null = null;
    let requestHash: string | null = null;
    try {
      if (!person.personalCode) throw new RegisterUnavailable('the register is asked on behalf of a person, and this account has no personal code');
      const answer = await xroadCall(this.settings, {
        serviceCode, path, query: { purpose }, userId: userIdOf(person.personalCode), xRoadId, signal: AbortSignal.timeout(TIMEOUT_MS),
      }).catch((error: unknown) => {
        throw new RegisterUnavailable(`the legal entities register could not be reached: ${(error as Error).message}`);
      });
      status = answer.status;
      requestHash = answer.requestHash ?? null;
      if (answer.fault) throw new RegisterUnavailable(`the legal entities register refused the request: ${answer.fault.type}`);
      if (!expected.includes(answer.status)) throw new RegisterUnavailable(`the legal entities register answered ${answer.status}`);
      outcome = answer.status === 404 ? 'not found' : 'answered';
      return answer.status === 404 ? null : answer.body ?? {};
    } finally {
      await this.audit.recordAlone({
        actorId: person.id, action: 'register.queried', objectType: subject.type, objectId: subject.id,
        details: {
          service: `${subsystemIdOf(this.settings.subsystemUrl)}/${serviceCode}`, purpose,
          requestedBy: person.personalCode, xRoadId, requestHash, outcome, status,
        },
      });
    }
  }
}
