/** @camunda/linting ships no types; what the package check uses of it. */
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
declare module '@camunda/linting/lib/Resolver' {
  export default class NestedResolver {
    constructor(resolvers: unknown[]);
  }
}
declare module '@camunda/linting/lib/compiled-config' {
  export const resolver: unknown;
}
declare module 'bpmnlint/lib/resolver/static-resolver' {
  export default class StaticResolver {
    constructor(cache: Record<string, unknown>);
  }
}
declare module 'bpmnlint/config/correctness' {
  const config: { rules: Record<string, unknown> };
  export default config;
}
declare module 'bpmnlint-plugin-camunda-compat';
