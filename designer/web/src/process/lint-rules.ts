import { Linter, type LintReport } from '@camunda/linting';
// The engine whose compatibility rules apply, the same for the runtime's check (designer/src/rules.ts).
import { EXECUTION_PLATFORM } from '../../../src/rules.js';

interface Root { set(name: string, value: string): void }
const linter = new Linter({ modeler: 'web', type: 'cloud' }) as Linter & { _moddle: { fromXML(xml: string): Promise<{ rootElement: Root }> } };

/**
 * Lints a diagram by Camunda 8.6's rules whatever platform the file declares, as the server's
 * check does (a file declaring none would otherwise not be linted at all). Runs in the lint
 * worker (lint.worker.ts).
 */
export async function lintDiagram(xml: string): Promise<LintReport[]> {
  const { rootElement } = await linter._moddle.fromXML(xml);
  rootElement.set('modeler:executionPlatform', EXECUTION_PLATFORM.name);
  rootElement.set('modeler:executionPlatformVersion', EXECUTION_PLATFORM.version);
  return linter.lint(rootElement);
}
