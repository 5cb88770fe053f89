import { describe, expect, it } from 'vitest';
import { builtinConnectors } from '@konstruktor/connectors';
import { allConnectors, loadConnectorModules } from '../src/connectors/modules.js';

describe('agency connectors from CONNECTOR_MODULES', () => {
  it('loads the connectors a module exports (the package template) beside the built-ins', async () => {
    const all = await allConnectors({ CONNECTOR_MODULES: './connectors/template/src/index.ts' });
    expect(all.map((c) => c.id)).toEqual([...builtinConnectors.map((c) => c.id), 'kaunas-city:parking:permit']);
    expect(await loadConnectorModules({})).toEqual([]);
  });

  it('names the module that cannot be loaded or exports no connectors', async () => {
    await expect(loadConnectorModules({ CONNECTOR_MODULES: './no/such/module.ts' })).rejects.toThrow(/CONNECTOR_MODULES: cannot load \.\/no\/such\/module\.ts/);
    await expect(loadConnectorModules({ CONNECTOR_MODULES: './runtime/src/config.ts' })).rejects.toThrow('CONNECTOR_MODULES: ./runtime/src/config.ts does not export `connectors`');
    await expect(allConnectors({ CONNECTOR_MODULES: './connectors/template/src/index.ts,./connectors/template/src/index.ts' })).rejects.toThrow('connector kaunas-city:parking:permit is defined twice');
  });
});
