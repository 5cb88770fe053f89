/**
 * Reusable, versioned data structures. A structure's `$id` ends in `<name>/<version>`
 * (`https://konstruktor.eu/structures/person/1.0.0`); other structures `$ref` it by that URI.
 * `bundle` embeds every referenced structure in `$defs` (a JSON Schema compound document), so
 * the generator, the consistency check and both validators work on one self-contained schema.
 */
import type { StructureSchema } from './schema.js';

export const STRUCTURE_ID_BASE = 'https://konstruktor.eu/structures/';

export function structureId(name: string, version: string): string {
  return `${STRUCTURE_ID_BASE}${name}/${version}`;
}

export function parseStructureId(id: string): { name: string; version: string } {
  const match = /([a-z0-9][a-z0-9-]*)\/(\d+\.\d+\.\d+)$/.exec(id.split('#')[0]!);
  if (!match) throw new Error(`Structure $id "${id}" must end in <name>/<major.minor.patch>`);
  return { name: match[1]!, version: match[2]! };
}

function compareVersions(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (left[i] !== right[i]) return left[i]! - right[i]!;
  return 0;
}

function collectRefs(schema: unknown, out: Set<string>): void {
  if (!schema || typeof schema !== 'object') return;
  if (Array.isArray(schema)) {
    for (const item of schema) collectRefs(item, out);
    return;
  }
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$ref' && typeof value === 'string' && !value.startsWith('#')) out.add(value);
    else if (key !== 'enum' && key !== 'const' && key !== 'default' && !key.startsWith('x-')) collectRefs(value, out);
  }
}

export interface StructureRegistry {
  /** Adds a structure; the same `$id` with different content is refused (publish a new version). */
  add(structure: StructureSchema): void;
  get(id: string): StructureSchema | undefined;
  /** The highest version of a structure by name. */
  latest(name: string): StructureSchema | undefined;
  versions(name: string): string[];
  /** A self-contained copy of the structure with every referenced structure embedded in `$defs`. */
  bundle(structure: StructureSchema | string): StructureSchema;
}

export function createStructureRegistry(structures: StructureSchema[] = []): StructureRegistry {
  const byId = new Map<string, StructureSchema>();

  const registry: StructureRegistry = {
    add(structure) {
      if (typeof structure.$id !== 'string') throw new Error('A registered structure needs an $id');
      parseStructureId(structure.$id);
      const existing = byId.get(structure.$id);
      if (existing && JSON.stringify(existing) !== JSON.stringify(structure)) {
        throw new Error(`Structure ${structure.$id} is already registered with other content; publish a new version`);
      }
      byId.set(structure.$id, structure);
    },
    get: (id) => byId.get(id),
    versions(name) {
      return [...byId.keys()]
        .map((id) => parseStructureId(id))
        .filter((parsed) => parsed.name === name)
        .map((parsed) => parsed.version)
        .sort(compareVersions);
    },
    latest(name) {
      const version = registry.versions(name).at(-1);
      for (const [id, structure] of byId) {
        const parsed = parseStructureId(id);
        if (parsed.name === name && parsed.version === version) return structure;
      }
      return undefined;
    },
    bundle(input) {
      const root = typeof input === 'string' ? byId.get(input) : input;
      if (!root) throw new Error(`Unknown structure ${String(input)}`);
      const embedded = new Map<string, StructureSchema>();
      const pending: Array<{ schema: StructureSchema; base: string }> = [{ schema: root, base: root.$id ?? STRUCTURE_ID_BASE }];
      while (pending.length > 0) {
        const { schema, base } = pending.pop()!;
        const refs = new Set<string>();
        collectRefs(schema, refs);
        for (const ref of refs) {
          const uri = new URL(ref, base).href.split('#')[0]!;
          if (uri === root.$id || embedded.has(uri)) continue;
          const target = byId.get(uri);
          if (!target) throw new Error(`Unresolved $ref "${ref}": structure ${uri} is not in the registry`);
          embedded.set(uri, target);
          pending.push({ schema: target, base: uri });
        }
      }
      if (embedded.size === 0) return root;
      const $defs = { ...root.$defs };
      for (const [uri, schema] of embedded) {
        const { name, version } = parseStructureId(uri);
        // An embedded resource keeps its $id; the dialect is the root's.
        const { $schema: _dialect, ...resource } = schema;
        $defs[`${name}@${version}`] = resource;
      }
      return { ...root, $defs };
    },
  };
  for (const structure of structures) registry.add(structure);
  return registry;
}
