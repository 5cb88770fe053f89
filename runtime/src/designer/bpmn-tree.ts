/** Reading a BPMN file's moddle tree (bpmn-lint.ts `readBpmn`): never the XML text. */
import { bpmnElements } from '@konstruktor/forms';
import type { BpmnElement } from './bpmn-element.js';

/** The ids of the file's processes. */
export function processIds(definitions: BpmnElement | null): string[] {
  return ((definitions?.get('rootElements') as BpmnElement[] | undefined) ?? []).filter((e) => e.$type === 'bpmn:Process').map((e) => e.id!);
}

/** The job types the file's tasks name (zeebe:taskDefinition), leaving out those given as expressions. */
export function jobTypes(definitions: BpmnElement | null): string[] {
  return bpmnElements(definitions).filter((e) => e.$type === 'zeebe:TaskDefinition')
    .map((e) => e.get('type') as string | undefined).filter((type): type is string => !!type && !type.startsWith('='));
}
