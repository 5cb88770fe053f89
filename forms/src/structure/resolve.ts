/** Follows `$ref` inside a (bundled) structure: `#/...` pointers and embedded resources by `$id`. */
import type { StructureSchema } from './schema.js';

const ROOT_BASE = 'urn:konstruktor:structure';
const MAX_REF_HOPS = 32;

export interface ResolvedSchema {
  schema: StructureSchema;
  /** Base URI that relative `$ref`s inside `schema` resolve against. */
  base: string;
}

function decodePointerToken(token: string): string {
  return decodeURIComponent(token).replace(/~1/g, '/').replace(/~0/g, '~');
}

function resolveUri(reference: string, base: string): string {
  try {
    return new URL(reference, base).href;
  } catch {
    return reference;
  }
}

export class SchemaResolver {
  private readonly resources = new Map<string, StructureSchema>();
  readonly rootBase: string;

  constructor(readonly root: StructureSchema) {
    this.rootBase = root.$id ?? ROOT_BASE;
    this.index(root, this.rootBase);
  }

  private index(schema: unknown, base: string): void {
    if (!schema || typeof schema !== 'object') return;
    if (Array.isArray(schema)) {
      for (const item of schema) this.index(item, base);
      return;
    }
    const record = schema as StructureSchema;
    let current = base;
    if (typeof record.$id === 'string') {
      current = resolveUri(record.$id, base);
      this.resources.set(current.split('#')[0]!, record);
    }
    for (const [key, value] of Object.entries(record)) {
      if (key === 'enum' || key === 'const' || key === 'default' || key.startsWith('x-')) continue;
      this.index(value, current);
    }
  }

  /** The base URI a subschema speaks from, after its own `$id`. */
  enter(schema: StructureSchema, base: string): string {
    return typeof schema.$id === 'string' ? resolveUri(schema.$id, base) : base;
  }

  /**
   * The schema a `$ref` chain ends at, with the referring schema's other keywords laid over it
   * (so a local `title` beside a `$ref` wins). Unresolvable references throw, naming the reference.
   */
  deref(schema: StructureSchema, base: string): ResolvedSchema {
    let current = schema;
    let currentBase = this.enter(schema, base);
    const overlays: StructureSchema[] = [];
    for (let hop = 0; typeof current.$ref === 'string'; hop++) {
      if (hop >= MAX_REF_HOPS) throw new Error(`$ref chain too long at ${current.$ref}`);
      const { $ref, ...rest } = current;
      overlays.push(rest);
      const target = this.lookup($ref, currentBase);
      current = target.schema;
      currentBase = this.enter(current, target.base);
    }
    if (overlays.length === 0) return { schema: current, base: currentBase };
    const merged: StructureSchema = { ...current };
    for (const overlay of overlays.reverse()) Object.assign(merged, overlay);
    delete merged.$ref;
    delete merged.$id;
    return { schema: merged, base: currentBase };
  }

  private lookup(reference: string, base: string): ResolvedSchema {
    const absolute = resolveUri(reference, base);
    const hashAt = absolute.indexOf('#');
    const resourceUri = hashAt >= 0 ? absolute.slice(0, hashAt) : absolute;
    const pointer = hashAt >= 0 ? absolute.slice(hashAt + 1) : '';
    const resource = reference.startsWith('#') ? this.resourceAt(base) : this.resources.get(resourceUri);
    if (!resource) throw new Error(`Unresolved $ref "${reference}": no structure ${resourceUri} (add it to the registry)`);
    let target: unknown = resource;
    for (const token of pointer.split('/').slice(1)) {
      target = target && typeof target === 'object' ? (target as Record<string, unknown>)[decodePointerToken(token)] : undefined;
    }
    if (!target || typeof target !== 'object') throw new Error(`Unresolved $ref "${reference}": nothing at ${pointer}`);
    return { schema: target as StructureSchema, base: resourceUri };
  }

  private resourceAt(base: string): StructureSchema | undefined {
    return this.resources.get(base.split('#')[0]!) ?? (base === this.rootBase ? this.root : undefined);
  }
}
