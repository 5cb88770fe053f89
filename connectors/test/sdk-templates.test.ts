import { describe, expect, it } from 'vitest';
import { builtinConnectors, defineConnector, elementTemplate, ELEMENT_TEMPLATE_SCHEMA } from '../src/index.js';
import { templateErrors as errorsOf } from './sdk-template-schema.js';

const sample = defineConnector({
  id: 'konstruktor:test:everything', version: 2, title: { en: 'Everything', lt: 'Viskas' }, category: 'Tests',
  description: { en: 'Every kind of input', lt: 'Visos įvesties rūšys' },
  inputSchema: {
    type: 'object', required: ['url', 'method'],
    properties: {
      url: { type: 'string', title: 'URL', pattern: '^https?://' },
      method: { type: 'string', enum: ['GET', 'POST'], default: 'GET' },
      body: { description: 'Any JSON', default: { a: [1, 2] } },
      timeoutMs: { type: 'integer', default: 1000 },
      verbose: { type: 'boolean', default: false },
      auth: { type: 'object', properties: { type: { type: 'string', enum: ['none', 'basic'] }, username: { type: 'string' } } },
      note: { type: 'string', 'x-multiline': true, 'x-title': { en: 'Note', lt: 'Pastaba' } },
    },
  },
  outputSchema: { type: 'object', properties: { status: { type: 'integer' } } },
  errors: [{ code: 'NOT_FOUND', description: 'nothing there' }],
  retries: 5,
  handler: async () => ({ status: 200 }),
});

describe('element templates', () => {
  it('are valid against the Camunda element templates schema, in every language', () => {
    for (const locale of ['en', 'lt', 'lv'] as const) expect(errorsOf(elementTemplate(sample, { locale }))).toBe('');
  });

  it('bind the job type, inputs, result and error handling as Camunda connector templates do', () => {
    const template = elementTemplate(sample, { locale: 'lt' });
    expect(template.$schema).toBe(ELEMENT_TEMPLATE_SCHEMA);
    expect(template).toMatchObject({ id: sample.id, version: 2, name: 'Viskas', appliesTo: ['bpmn:Task'], elementType: { value: 'bpmn:ServiceTask' }, category: { name: 'Tests' } });
    const byId = Object.fromEntries(template.properties.map((property) => [property.id ?? property.binding.type, property]));
    expect(byId['zeebe:taskDefinition']).toMatchObject({ type: 'Hidden', value: sample.id, binding: { property: 'type' } });
    expect(byId.url).toMatchObject({ type: 'String', feel: 'optional', constraints: { notEmpty: true }, binding: { type: 'zeebe:input', name: 'url' } });
    expect(byId.method).toMatchObject({ type: 'Dropdown', value: 'GET', choices: [{ value: 'GET' }, { value: 'POST' }] });
    expect(byId.body).toMatchObject({ type: 'Text', feel: 'required', value: '={"a":[1,2]}' });
    expect(byId.timeoutMs).toMatchObject({ type: 'Number', value: 1000 });
    expect(byId['auth.username']).toMatchObject({ binding: { type: 'zeebe:input', name: 'auth.username' } });
    expect(byId.note).toMatchObject({ type: 'Text', label: 'Pastaba' });
    expect(byId.resultVariable).toMatchObject({ binding: { type: 'zeebe:taskHeader', key: 'resultVariable' } });
    expect(byId.resultExpression).toMatchObject({ feel: 'required', binding: { type: 'zeebe:taskHeader', key: 'resultExpression' } });
    expect(byId.errorExpression?.description).toContain('NOT_FOUND');
    expect(byId.retries).toMatchObject({ value: '5', binding: { type: 'zeebe:taskDefinition', property: 'retries' } });
  });

  it('of every built-in connector are valid against the Camunda schema', () => {
    for (const connector of builtinConnectors) {
      for (const locale of ['en', 'lt', 'lv'] as const) expect(errorsOf(elementTemplate(connector, { locale })), `${connector.id} (${locale})`).toBe('');
    }
  });

  it('the schema check catches a broken template', () => {
    const broken = { ...elementTemplate(sample), properties: [{ type: 'Hidden', binding: { type: 'zeebe:taskDefinition' } }] };
    expect(errorsOf(broken)).not.toBe('');
  });
});
