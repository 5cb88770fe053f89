/**
 * What the card form reports: an unreadable file, a missing title, bad durations and prices, a
 * bad service URL (or none when the service is not ordered online), an empty required document,
 * a bad or repeated language code.
 */
import type { Problem } from '../model/types.js';
import { ISO_DURATION, isServiceUrl, LANGUAGE_CODE, PRICE_AMOUNT, RETENTION_KEYS } from './card-yaml.js';
import type { CardRead } from './card-yaml.js';
import type { CardStrings } from './strings.js';

const FILE = 'service.yaml';

export function cardProblems(card: CardRead, t: CardStrings): Problem[] {
  const problem = (field: string | undefined, message: string, severity: Problem['severity'] = 'error'): Problem =>
    ({ source: 'card', file: FILE, ...(field ? { field } : {}), message, severity });
  if (!card.ok) return [problem(undefined, t.badYaml(card.error))];
  const { values } = card;
  const problems: Problem[] = [];
  if (!values.title.lt && !values.title.lv && !values.title.en) problems.push(problem('title.lt', t.needTitle));
  else if (!values.title.lt) problems.push(problem('title.lt', t.needTitleLt, 'warning'));
  if (values.audience.length === 0) problems.push(problem('audience', t.needAudience));
  if (values.price !== 'free' && !PRICE_AMOUNT.test(values.price.amount)) problems.push(problem('price.amount', t.badAmount(values.price.amount)));
  if (values.interactivityLevel !== undefined && !(Number.isInteger(values.interactivityLevel) && values.interactivityLevel >= 1 && values.interactivityLevel <= 5)) {
    problems.push(problem('interactivityLevel', t.badLevel));
  }
  if (values.serviceUrl && !isServiceUrl(values.serviceUrl)) problems.push(problem('serviceUrl', t.badServiceUrl(values.serviceUrl)));
  else if (!values.serviceUrl && !values.onlineOrder) problems.push(problem('serviceUrl', t.needServiceUrl, 'warning'));
  if (values.duration && !ISO_DURATION.test(values.duration)) problems.push(problem('duration', t.badServiceDuration(values.duration)));
  values.requiredDocuments.forEach((document, index) => {
    if (!document.lt && !document.lv && !document.en) problems.push(problem(`requiredDocuments.${index}.lt`, t.emptyDocument(index + 1)));
  });
  const badLanguages = values.languages.filter((code, index) => !LANGUAGE_CODE.test(code) || values.languages.indexOf(code) !== index);
  if (badLanguages.length) problems.push(problem('languages', t.badLanguages(badLanguages.join(', '))));
  for (const key of RETENTION_KEYS) {
    const value = values.retention[key];
    if (value && !ISO_DURATION.test(value)) problems.push(problem(`retention.${key}`, t.badDuration(t.retentionOf[key] ?? key, value)));
  }
  return problems;
}
