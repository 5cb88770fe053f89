/**
 * Agency connectors beside the built-in ones: CONNECTOR_MODULES lists modules (package names
 * or file paths, comma-separated), each exporting `connectors`, an array of definitions made
 * with defineConnector (connectors/template/ is such a package).
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { builtinConnectors, defineConnector, type AnyConnector } from '@konstruktor/connectors';

export class ConnectorModuleError extends Error {}

function specifier(entry: string): string {
  // A path (./x, /x, x.ts) is imported as a file; anything else as a package name.
  return entry.startsWith('.') || path.isAbsolute(entry) || /\.[cm]?[jt]s$/.test(entry) ? pathToFileURL(path.resolve(entry)).href : entry;
}

export async function loadConnectorModules(env: NodeJS.ProcessEnv = process.env): Promise<AnyConnector[]> {
  const entries = (env.CONNECTOR_MODULES ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
  const loaded: AnyConnector[] = [];
  for (const entry of entries) {
    let module: { connectors?: unknown };
    try {
      module = (await import(specifier(entry))) as { connectors?: unknown };
    } catch (error) {
      throw new ConnectorModuleError(`CONNECTOR_MODULES: cannot load ${entry}: ${(error as Error).message}`, { cause: error });
    }
    if (!Array.isArray(module.connectors)) throw new ConnectorModuleError(`CONNECTOR_MODULES: ${entry} does not export \`connectors\`, an array of connector definitions`);
    for (const definition of module.connectors as AnyConnector[]) loaded.push(defineConnector(definition));
  }
  return loaded;
}

/** The built-in connectors and the agency's, refusing an id given twice. */
export async function allConnectors(env: NodeJS.ProcessEnv = process.env): Promise<AnyConnector[]> {
  const all = [...builtinConnectors, ...(await loadConnectorModules(env))];
  const seen = new Set<string>();
  for (const { id } of all) {
    if (seen.has(id)) throw new ConnectorModuleError(`CONNECTOR_MODULES: connector ${id} is defined twice`);
    seen.add(id);
  }
  return all;
}
