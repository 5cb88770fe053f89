import path from 'node:path';

/** The example service packages: one folder each (../shared/spec/service-package.md), as `npm start` imports them. */
export const EXAMPLE_SERVICES_DIR = path.resolve(import.meta.dirname, '../services');

/** The folder of one example service package, e.g. exampleServiceDir('street-trading-permit'). */
export function exampleServiceDir(name: string): string {
  return path.join(EXAMPLE_SERVICES_DIR, name);
}
