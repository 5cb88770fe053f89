/**
 * service.yaml as the card form reads and writes it. Writes go through yaml's Document API, so
 * comments, key order, flow style and keys the form does not know survive every edit.
 */
import { isCollection, isSeq, parseDocument } from 'yaml';
import type { Document } from 'yaml';
import { ISO_DURATION_PATTERN, PRICE_AMOUNT_PATTERN } from '../../../src/rules.js';

// No folding: a flow map like `title: { lt: …, en: … }` stays on its line however long.
const write = (doc: Document) => doc.toString({ lineWidth: 0 });

export const AUDIENCES = ['citizens', 'businesses', 'public-sector'] as const;
export const CARD_LOCALES = ['lt', 'lv', 'en'] as const;
export const RETENTION_KEYS = ['applications', 'documents', 'drafts'] as const;

export type CardTexts = Record<(typeof CARD_LOCALES)[number], string>;

export interface CardValues {
  code: string;
  version: string;
  provider: string;
  title: CardTexts;
  summary: CardTexts;
  legalBasis: string;
  audience: string[];
  /** 'free' or an amount. */
  price: 'free' | { amount: string; currency: string };
  interactivityLevel: number | undefined;
  onlineOrder: boolean;
  /** Where the service is provided when it is not ordered online. */
  serviceUrl: string;
  /** How long the service usually takes (ISO 8601 duration). */
  duration: string;
  /** What the applicant needs at hand, each in the card's languages. */
  requiredDocuments: CardTexts[];
  /** ISO 639-1 codes of the languages the service can be received in. */
  languages: string[];
  lifeEvents: string[];
  retention: Record<(typeof RETENTION_KEYS)[number], string>;
}

export type CardRead = { ok: true; values: CardValues } | { ok: false; error: string };

const str = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
const texts = (value: unknown): CardTexts => {
  const map = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  return { lt: str(map.lt), lv: str(map.lv), en: str(map.en) };
};
const strings = (value: unknown) => (Array.isArray(value) ? value.map(str).filter(Boolean) : []);

export function readCard(text: string): CardRead {
  const doc = parseDocument(text);
  if (doc.errors.length) return { ok: false, error: doc.errors[0]!.message };
  const card = (doc.toJS() ?? {}) as Record<string, unknown>;
  if (typeof card !== 'object' || Array.isArray(card)) return { ok: false, error: 'service.yaml is not a map' };
  const price = card.price;
  const retention = (card.retention && typeof card.retention === 'object' ? card.retention : {}) as Record<string, unknown>;
  return {
    ok: true,
    values: {
      code: str(card.code),
      version: str(card.version),
      provider: str(card.provider),
      title: texts(card.title),
      summary: texts(card.summary),
      legalBasis: str(card.legalBasis),
      audience: strings(card.audience),
      price: price && typeof price === 'object' ? { amount: str((price as Record<string, unknown>).amount), currency: str((price as Record<string, unknown>).currency) || 'EUR' } : 'free',
      interactivityLevel: typeof card.interactivityLevel === 'number' ? card.interactivityLevel : undefined,
      onlineOrder: card.onlineOrder === true,
      serviceUrl: str(card.serviceUrl),
      duration: str(card.duration),
      requiredDocuments: Array.isArray(card.requiredDocuments) ? card.requiredDocuments.map(texts) : [],
      languages: strings(card.languages),
      lifeEvents: strings(card.lifeEvents),
      retention: { applications: str(retention.applications), documents: str(retention.documents), drafts: str(retention.drafts) },
    },
  };
}

/** A collection written in flow style; an empty one (`{}`, `[]`) always is. */
const inFlow = (node: unknown) => isCollection(node) && (Boolean(node.flow) || node.items.length === 0);

/**
 * service.yaml with one value set (undefined or '' removes it; an emptied map goes too). A list
 * or map replacing one written in flow style (`[a, b]`, `{ a: 1 }`) is written in flow style, and
 * so is a new one inside a flow parent or added to a list of flow maps (required documents).
 * A path step into a list is the item's index as a string; the index past the end appends.
 */
export function setCardValue(text: string, path: string[], value: unknown): string {
  const doc = parseDocument(text);
  if (value === undefined || value === '') {
    doc.deleteIn(path);
    // A map left empty by the removal (title: {}) goes as well.
    for (let depth = path.length - 1; depth > 0; depth -= 1) {
      const parent = doc.getIn(path.slice(0, depth), true);
      if (isCollection(parent) && parent.items.length === 0) doc.deleteIn(path.slice(0, depth));
      else break;
    }
    return write(doc);
  }
  const old = doc.getIn(path, true);
  if (value !== null && typeof value === 'object') {
    const node = doc.createNode(value);
    const parent = doc.getIn(path.slice(0, -1), true);
    if (isCollection(old) ? inFlow(old) : !old && isCollection(parent) && (parent.flow || (isSeq(parent) && parent.items.some(inFlow)))) node.flow = true;
    doc.setIn(path, node);
  } else {
    doc.setIn(path, value);
  }
  return write(doc);
}

/** ISO 8601 duration and price amount as the runtime accepts them: the rules both apply (designer/src/rules.ts). */
export const ISO_DURATION = new RegExp(ISO_DURATION_PATTERN);
export const PRICE_AMOUNT = new RegExp(PRICE_AMOUNT_PATTERN);
/** An ISO 639-1 language code as the runtime's card schema accepts it. */
export const LANGUAGE_CODE = /^[a-z]{2}$/;
/** The longest service URL the runtime accepts. */
const SERVICE_URL_MAX = 2000;

/** An absolute http(s) URL of at most SERVICE_URL_MAX characters, as the runtime's card schema requires. */
export function isServiceUrl(value: string): boolean {
  if (value.length > SERVICE_URL_MAX || !/^https?:\/\/\S+$/.test(value)) return false;
  try {
    return Boolean(new URL(value).host);
  } catch {
    return false;
  }
}
