/** Loaded on first use through ./bpmn-lint.ts (see there). */
import { Linter, type LintReport } from '@camunda/linting';
import type { BpmnElement } from './bpmn-element.js';
import NestedResolver from '@camunda/linting/lib/Resolver';
import { resolver as bundledRules } from '@camunda/linting/lib/compiled-config';
import StaticResolver from 'bpmnlint/lib/resolver/static-resolver';
import correctness from 'bpmnlint/config/correctness';
import * as camundaCompat from 'bpmnlint-plugin-camunda-compat';

// The Camunda 8 version whose compatibility rules apply, the same in the designer's live lint.
import { EXECUTION_PLATFORM } from '@konstruktor/designer';

type Rules = Record<string, unknown>;
const compat = (camundaCompat as unknown as { configs?: Record<string, { rules: Rules }>; default?: { configs: Record<string, { rules: Rules }> } });

/**
 * The designer's linter (@camunda/linting, web modeler wording). Its resolver reads the
 * CommonJS rule plugin with import(), whose exports Node (unlike the browser's bundler) puts
 * under `default`; this builds the same resolver from the plugin imported here.
 */
class ServerLinter extends Linter {
  declare private _modeler: string;
  declare private _plugins: { resolver?: unknown }[];
  declare _moddle: { fromXML(xml: string): Promise<{ rootElement: { set(name: string, value: string): void } }> };

  async _createResolver(configName: string): Promise<unknown> {
    const configs = compat.configs ?? compat.default?.configs ?? {};
    const rules = configs[configName]?.rules ?? {};
    const withModeler = Object.fromEntries(Object.entries(rules).map(([name, rule]) => {
      const [type, config] = Array.isArray(rule) ? rule : [rule, {}];
      return [name, [type, { ...(config as object), modeler: this._modeler }]];
    }));
    return new NestedResolver([
      new StaticResolver({ [`config:bpmnlint-plugin-camunda-compat/${configName}`]: { rules: withModeler }, 'config:bpmnlint/correctness': correctness }),
      bundledRules,
      ...this._plugins.flatMap(({ resolver }) => (resolver ? [resolver] : [])),
    ]);
  }
}

const linter = new ServerLinter({ modeler: 'web' });

/** Lints one BPMN file by Camunda's 8.6 compatibility rules, whatever execution platform the file declares. */
export async function lintBpmn(xml: string): Promise<LintReport[]> {
  const { rootElement } = await linter._moddle.fromXML(xml);
  rootElement.set('modeler:executionPlatform', EXECUTION_PLATFORM.name);
  rootElement.set('modeler:executionPlatformVersion', EXECUTION_PLATFORM.version);
  return linter.lint(rootElement);
}

/** A BPMN file as a moddle tree (the linter's moddle, Zeebe extensions included). */
export async function readBpmn(xml: string): Promise<BpmnElement> {
  return (await linter._moddle.fromXML(xml)).rootElement as unknown as BpmnElement;
}
