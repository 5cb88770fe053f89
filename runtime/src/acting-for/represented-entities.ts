/**
 * Whom a citizen may act for: the legal entities register names the companies (read live when he
 * chooses and again when he submits), and administrators' grants cover what the register does not
 * know (a foreign company, a deployment without a register connection). A grant for a company the
 * register knows gives nothing: the register is the source for it.
 */
import type { Logger } from 'pino';
import type { Representations } from '../accounts/representations.js';
import type { User } from '../accounts/user.entity.js';
import type { Locale } from '../forms/start-form.js';
import { RegisterUnavailable, type LegalEntitiesRegister, type RegisteredRepresentation } from './legal-entities-register.js';
import { refusals } from './refusals.js';

export type RepresentationSource = 'legal-entities-register' | 'administrator';

/** One legal entity the user may act for, and where that right was read. */
export interface EntityChoice extends RegisteredRepresentation {
  source: RepresentationSource;
  /** When the right was read: the register's answer, or the grant table. */
  checkedAt: Date;
}

/** Why the register is asked, as sent to it and kept in the audit trail. */
export const PURPOSES = {
  choose: 'choose whom to act for',
  submit: 'check the right to act for a legal entity at submission',
  orders: 'show the orders of the legal entities one represents',
  grant: "check that an administrator's grant is for a legal entity the register does not know",
} as const;

/** A register answer is reused this long for showing orders; choosing and submitting always ask again. */
const VISIBILITY_TTL_MS = 60_000;
/** After a failed read, orders are shown without the register's entities this long before it is asked again. */
const FAILURE_TTL_MS = 15_000;
/** Past this many people remembered, the expired answers are dropped. */
const CACHE_PRUNE_AT = 10_000;

export class RepresentedEntities {
  private readonly cache = new Map<string, { until: number; codes: string[] }>();

  constructor(private readonly deps: { register: LegalEntitiesRegister | null; representations: Representations; logger: Logger }) {}

  /** What "choose whom to act for" offers, read now. The register not answering is a 503 problem. */
  async choices(user: User, locale: Locale): Promise<EntityChoice[]> {
    const registered = await this.registered(user, PURPOSES.choose, locale);
    const granted = await this.overrides(user, registered, locale);
    return [...registered, ...granted];
  }

  /**
   * The right to act for `code`, asked of the register now (a representative no longer named is
   * refused at once). 403 naming the entity when there is none; 503 when the register does not answer.
   */
  async confirm(user: User, code: string, locale: Locale): Promise<EntityChoice> {
    const registered = await this.registered(user, PURPOSES.submit, locale);
    const named = registered.find((choice) => choice.code === code);
    if (named) return named;
    const [granted] = await this.overrides(user, registered, locale, code);
    if (granted) return granted;
    throw refusals.notRepresentative(code, locale);
  }

  /**
   * Codes of the entities whose orders the user sees: the register's answer of the last minute,
   * and grants in force. When the register does not answer, only the grants (the safe side).
   */
  async visibleCodes(user: User): Promise<string[]> {
    const granted = await this.deps.representations.activeEntityCodes(user.id);
    const { register } = this.deps;
    if (!register || !user.personalCode) return granted;
    let cached = this.cache.get(user.personalCode);
    if (!cached || cached.until < Date.now()) {
      try {
        const codes = (await register.representationsOf(user, PURPOSES.orders)).map((r) => r.code);
        cached = this.remember(user.personalCode, codes);
      } catch (error) {
        if (!(error instanceof RegisterUnavailable)) throw error;
        this.deps.logger.warn({ err: error }, 'legal entities register unavailable: orders of represented entities are not shown');
        cached = this.remember(user.personalCode, [], FAILURE_TTL_MS);
      }
    }
    return [...new Set([...cached.codes, ...granted])];
  }

  /** The register's entities for the user, read now (none without a register or a personal code). */
  private async registered(user: User, purpose: string, locale: Locale): Promise<EntityChoice[]> {
    const { register } = this.deps;
    if (!register || !user.personalCode) return [];
    const checkedAt = new Date();
    const rows = await register.representationsOf(user, purpose).catch((error: unknown) => {
      throw error instanceof RegisterUnavailable ? refusals.registerUnavailable(locale) : error;
    });
    this.remember(user.personalCode, rows.map((r) => r.code));
    return rows.map((row) => ({ ...row, source: 'legal-entities-register', checkedAt }));
  }

  /** Grants in force (of `code` only, when given) that the register does not contradict. */
  private async overrides(user: User, registered: EntityChoice[], locale: Locale, code?: string): Promise<EntityChoice[]> {
    const grants = (await this.deps.representations.active(user.id))
      .filter((grant) => (code === undefined || grant.entityCode === code) && !registered.some((r) => r.code === grant.entityCode));
    const choices: EntityChoice[] = [];
    for (const grant of grants) {
      // The register is asked on a person's behalf: an account without a personal code (not from eID) keeps its grants unchecked.
      if (this.deps.register && user.personalCode) {
        const known = await this.deps.register.knows(user, grant.entityCode, PURPOSES.grant).catch((error: unknown) => {
          throw error instanceof RegisterUnavailable ? refusals.registerUnavailable(locale) : error;
        });
        if (known) continue;
      }
      choices.push({
        code: grant.entityCode, name: grant.entityName, role: grant.capacity, basis: "administrator's grant", alone: true, jointlyWith: [],
        validUntil: grant.validUntil?.toISOString().slice(0, 10) ?? null, source: 'administrator', checkedAt: new Date(),
      });
    }
    return choices;
  }

  private remember(personalCode: string, codes: string[], ttlMs = VISIBILITY_TTL_MS): { until: number; codes: string[] } {
    const now = Date.now();
    if (this.cache.size >= CACHE_PRUNE_AT) for (const [key, entry] of this.cache) if (entry.until < now) this.cache.delete(key);
    const entry = { until: now + ttlMs, codes };
    this.cache.set(personalCode, entry);
    return entry;
  }
}
