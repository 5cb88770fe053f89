/**
 * Secret redaction for connector logs: every known secret value is replaced wherever it
 * appears (also inside longer strings such as an Authorization header), and fields whose
 * name says "secret" are masked whatever their value.
 */
const SECRET_FIELD = /pass(word)?|secret|token|api[-_]?key|authorization|credential|private[-_]?key|cookie|client[-_]?key|pin$/i;
export const REDACTED = '[redacted]';

export function isSecretFieldName(name: string): boolean {
  return SECRET_FIELD.test(name);
}

export interface Redactor {
  text(value: string): string;
  value(value: unknown): unknown;
}

/** A redactor for these secret values (empty and very short values are ignored: they would mask everything). */
export function createRedactor(secretValues: Iterable<string>): Redactor {
  const values = [...new Set([...secretValues].filter((value) => typeof value === 'string' && value.length >= 4))]
    .sort((a, b) => b.length - a.length);
  const text = (input: string): string => values.reduce((out, secret) => out.split(secret).join(REDACTED), input);
  const value = (input: unknown, depth = 0): unknown => {
    if (typeof input === 'string') return text(input);
    if (input === null || typeof input !== 'object' || depth > 8) return input;
    if (input instanceof Error) return text(input.message);
    if (Array.isArray(input)) return input.map((item) => value(item, depth + 1));
    return Object.fromEntries(Object.entries(input).map(([key, item]) => [key, isSecretFieldName(key) ? REDACTED : value(item, depth + 1)]));
  };
  return { text, value: (input) => value(input) };
}
