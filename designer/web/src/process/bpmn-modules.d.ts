// The bpmn-io and Camunda modeler packages ship JavaScript without types; what this tab uses of them.
declare module 'bpmn-js-properties-panel' {
  import type { ModuleDeclaration } from 'didi';
  export const BpmnPropertiesPanelModule: ModuleDeclaration;
  export const BpmnPropertiesProviderModule: ModuleDeclaration;
  export const ZeebePropertiesProviderModule: ModuleDeclaration;
}
declare module 'bpmn-js-element-templates' {
  import type { ModuleDeclaration } from 'didi';
  export const CloudElementTemplatesPropertiesProviderModule: ModuleDeclaration;
}
declare module 'camunda-bpmn-js-behaviors/lib/camunda-cloud' {
  import type { ModuleDeclaration } from 'didi';
  const module: ModuleDeclaration;
  export default module;
}
declare module '@camunda/linting' {
  export interface LintReport {
    id: string;
    message: string;
    category: 'error' | 'warn' | 'info' | 'rule-error';
    rule: string;
  }
  export class Linter {
    constructor(options?: { modeler?: 'desktop' | 'web'; type?: 'cloud' | 'platform' });
    lint(contents: string | object): Promise<LintReport[]>;
  }
}
declare module '@camunda/linting/modeler' {
  import type { ModuleDeclaration } from 'didi';
  const module: ModuleDeclaration;
  export default module;
}
