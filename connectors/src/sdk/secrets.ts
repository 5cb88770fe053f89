/**
 * Where connector secrets come from: a map (tests, the runtime's configuration) or a lookup
 * function (environment, a vault). Inputs may refer to a secret as `{{secrets.NAME}}`, as in
 * Camunda's connectors, so an analyst configures a credential without ever seeing it.
 */
export type SecretSource = Record<string, string | undefined> | ((name: string) => string | undefined);

const REFERENCE = /\{\{\s*secrets\.([A-Za-z0-9_.-]+)\s*\}\}/g;

export function lookupSecret(source: SecretSource | undefined, name: string): string | undefined {
  if (!source) return undefined;
  return typeof source === 'function' ? source(name) : source[name];
}

/**
 * Secrets from environment variables named `CONNECTOR_SECRET_<NAME>`. Only those: a process
 * must not be able to put, say, DATABASE_URL into a request body by writing {{secrets.DATABASE_URL}}.
 */
export function secretsFromEnv(env: NodeJS.ProcessEnv = process.env): SecretSource {
  return (name) => env[`CONNECTOR_SECRET_${name}`];
}

/**
 * Replaces `{{secrets.NAME}}` in every string of the input; `used` collects the values put in
 * (for redaction). An unknown secret is an input error naming the field.
 */
export function resolveSecretReferences(input: unknown, source: SecretSource | undefined, used: Set<string>, path = 'input'): unknown {
  if (typeof input === 'string') {
    return input.replace(REFERENCE, (_match, name: string) => {
      const value = lookupSecret(source, name);
      if (value === undefined) throw new SecretReferenceError(`${path}: secret ${name} is not configured`);
      used.add(value);
      return value;
    });
  }
  if (Array.isArray(input)) return input.map((item, index) => resolveSecretReferences(item, source, used, `${path}[${index}]`));
  if (input && typeof input === 'object') {
    return Object.fromEntries(Object.entries(input).map(([key, value]) => [key, resolveSecretReferences(value, source, used, `${path}.${key}`)]));
  }
  return input;
}

export class SecretReferenceError extends Error {}
