/**
 * Keeps connectors/template/ working: its own tests run here too (the template is not a
 * workspace of this repository), and its element templates must validate like the built-ins'.
 */
import { describe, expect, it } from 'vitest';
import { elementTemplate } from '../src/index.js';
import { connectors } from '../template/src/index.js';
import { templateErrors } from './sdk-template-schema.js';
import '../template/test/parking-permit.test.js';

describe('connector package template', () => {
  it('exports connectors whose element templates validate against the Camunda schema', () => {
    expect(connectors.map((connector) => connector.id)).toEqual(['kaunas-city:parking:permit']);
    for (const connector of connectors) expect(templateErrors(elementTemplate(connector, { locale: 'lt' }))).toBe('');
  });
});
