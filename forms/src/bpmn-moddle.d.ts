// bpmn-moddle ships no type declarations for its entry; its elements are read as plain objects.
// The one declaration for every package that reads BPMN with it (included by the root tsconfig;
// the web apps' tsconfigs list it, as their programs reach package-forms.ts).
declare module 'bpmn-moddle' {
  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>);
    fromXML(xml: string, typeName?: string): Promise<{ rootElement: unknown; warnings: unknown[] }>;
  }
}
