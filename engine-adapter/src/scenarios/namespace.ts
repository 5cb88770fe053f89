/**
 * A fresh deployment namespace for one scenario run. Both engines may share one broker or
 * database across runs, so every name that is global on the engine gets a suffix unique to
 * the run when the resources are deployed:
 *
 * - BPMN process ids, and the static `zeebe:calledElement processId` that refer to them;
 * - message names (bpmn:message) and signal names (bpmn:signal): messages and signals are
 *   correlated by name across all instances, so another run could otherwise take them;
 * - job types (`zeebe:taskDefinition type`, execution and task listener types): workers
 *   activate by type across all instances, so another run could otherwise take the jobs;
 * - linked form ids (`zeebe:formDefinition formId`, the `id` of .form files) and DMN decision
 *   ids (`zeebe:calledDecision decisionId`, decision and DRG ids of .dmn files).
 *
 * Values written as FEEL expressions (`=...`) are left alone: they are computed at run time.
 * Element ids, error codes, correlation keys and variables are not global and stay as written.
 * The runner maps the suffix away again in everything it reports, so scenario authors write
 * the original names.
 */
import { randomBytes } from 'node:crypto';
import { BpmnModdle } from 'bpmn-moddle';
import { DmnModdle } from 'dmn-moddle';
import zeebeSchema from 'zeebe-bpmn-moddle/resources/zeebe.json' with { type: 'json' };
import type { Resource } from '../contract.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- moddle elements are untyped objects */
type Element = any;

interface ModdleApi {
  fromXML(xml: string, typeName?: string): Promise<{ rootElement: Element; warnings: unknown[] }>;
  toXML(element: Element, options?: { format?: boolean }): Promise<{ xml: string }>;
}

const moddle = new BpmnModdle({ zeebe: zeebeSchema }) as unknown as ModdleApi;
const dmnModdle = DmnModdle() as ModdleApi;

const isExpression = (value: unknown): boolean => typeof value === 'string' && value.trim().startsWith('=');

/** Visits every element of a moddle tree once (containment only, references are not followed). */
function walk(element: Element, visit: (element: Element) => void, seen = new Set<Element>()): void {
  if (!element || typeof element !== 'object' || seen.has(element)) return;
  seen.add(element);
  if (typeof element.$type === 'string') visit(element);
  for (const property of element.$descriptor?.properties ?? []) {
    if (property.isReference) continue;
    const value = element[property.name];
    if (Array.isArray(value)) for (const item of value) walk(item, visit, seen);
    else if (value && typeof value === 'object') walk(value, visit, seen);
  }
  for (const child of element.$children ?? []) walk(child, visit, seen);
}

export class Namespace {
  /** `suffix` '' renames nothing: for an engine that holds this run alone. */
  constructor(readonly suffix: string = `__t${randomBytes(5).toString('hex')}`) {
    if (!/^[\w.-]*$/.test(suffix)) throw new Error(`namespace suffix '${suffix}' must be usable in a BPMN id`);
  }

  /** The engine-side name of a process id, message name, job type, form or decision id. */
  name(original: string): string {
    return isExpression(original) || original === '' ? original : original + this.suffix;
  }

  /** Removes the run's suffix from anything the engine reports (ids, types, messages). */
  unmap(text: string): string {
    return this.suffix ? text.split(this.suffix).join('') : text;
  }

  /** Whether an engine-side name belongs to this run. */
  owns(name: string): boolean {
    return name.endsWith(this.suffix);
  }

  /** The resource as it is deployed in this namespace. Content that cannot be read is deployed as is, for the engine to refuse. */
  async rewrite(resource: Resource): Promise<Resource> {
    const kind = resource.name.toLowerCase().split('.').pop();
    try {
      if (kind === 'bpmn') return { ...resource, content: await this.rewriteBpmn(resource.content) };
      if (kind === 'dmn') return { ...resource, content: await this.rewriteDmn(resource.content) };
      if (kind === 'form') return { ...resource, content: this.rewriteForm(resource.content) };
    } catch {
      // fall through: not readable here, so the engine decides
    }
    return resource;
  }

  private async rewriteBpmn(xml: string): Promise<string> {
    const { rootElement } = await moddle.fromXML(xml, 'bpmn:Definitions');
    let changed = false;
    const rename = (element: Element, property: string) => {
      const value = element[property];
      if (typeof value === 'string' && value && !isExpression(value)) {
        element[property] = this.name(value);
        changed = true;
      }
    };
    walk(rootElement, (element) => {
      switch (element.$type) {
        case 'bpmn:Process': return rename(element, 'id');
        case 'zeebe:CalledElement': return rename(element, 'processId');
        case 'bpmn:Message':
        case 'bpmn:Signal': return rename(element, 'name');
        case 'zeebe:TaskDefinition':
        case 'zeebe:ExecutionListener':
        case 'zeebe:TaskListener': return rename(element, 'type');
        case 'zeebe:FormDefinition': return rename(element, 'formId');
        case 'zeebe:CalledDecision': return rename(element, 'decisionId');
      }
    });
    if (!changed) return xml;
    return (await moddle.toXML(rootElement, { format: true })).xml;
  }

  /**
   * DMN: decision ids and the DRG (definitions) id. References by element (diagram shapes) follow
   * the renamed element when written; references by `href="#id"` (requirements) are renamed here.
   */
  private async rewriteDmn(xml: string): Promise<string> {
    const { rootElement } = await dmnModdle.fromXML(xml, 'dmn:Definitions');
    const renamed = new Map<string, string>();
    walk(rootElement, (element) => {
      if ((element.$type === 'dmn:Definitions' || element.$type === 'dmn:Decision') && element.id) {
        renamed.set(element.id, this.name(element.id));
        element.id = renamed.get(element.id);
      }
    });
    if (!renamed.size) return xml;
    walk(rootElement, (element) => {
      const target = typeof element.href === 'string' && element.href.startsWith('#') ? renamed.get(element.href.slice(1)) : undefined;
      if (target) element.href = `#${target}`;
    });
    return (await dmnModdle.toXML(rootElement, { format: true })).xml;
  }

  private rewriteForm(json: string): string {
    const form = JSON.parse(json) as { id?: unknown };
    if (typeof form.id !== 'string' || !form.id) return json;
    return JSON.stringify({ ...form, id: this.name(form.id) }, null, 2);
  }
}
