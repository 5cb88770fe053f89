/**
 * The example service packages as the designer opens and checks them: the package check of the
 * Publish tab (Camunda 8.6 lint, the engine's own deploy check, forms against the data
 * structure, the saved scenarios) finds no error, and the diagram is complete and readable —
 * a shape for every flow node, an edge with waypoints for every sequence flow, no shapes on top
 * of each other.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bpmnElements } from '@konstruktor/forms';
import { EXAMPLE_SERVICES_DIR } from '@konstruktor/examples';
import { checkPackage } from '../src/designer/package-check.js';
import { readBpmn, type BpmnElement } from '../src/designer/bpmn-lint.js';
import type { PackageFile } from '../src/catalogue/service-version.entity.js';

async function packageFiles(dir: string, prefix = ''): Promise<Record<string, PackageFile>> {
  const files: Record<string, PackageFile> = {};
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) Object.assign(files, await packageFiles(path.join(dir, entry.name), relative));
    else files[relative] = { encoding: 'utf8', content: await readFile(path.join(dir, entry.name), 'utf8') };
  }
  return files;
}

type Moddle = BpmnElement & { $instanceOf(type: string): boolean };
interface Bounds { x: number; y: number; width: number; height: number }

const EXAMPLES = ['residence-declaration', 'street-trading-permit'];

/** Whether `inner` lies wholly inside `outer`. */
const inside = (inner: Bounds, outer: Bounds) => inner.x >= outer.x && inner.y >= outer.y
  && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
const overlap = (a: Bounds, b: Bounds) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe.each(EXAMPLES)('the example %s in the designer', (code) => {
  it('passes the package check: no lint or engine error, forms consistent, every scenario passes', async () => {
    const files = await packageFiles(path.join(EXAMPLE_SERVICES_DIR, code));
    const check = await checkPackage(files);
    expect(check.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(check.scenarios.filter((s) => !s.passed)).toEqual([]);
    expect(check.ok).toBe(true);
    // Nor any warning on a user task: each has a name, candidate groups and a form (or asks for a personal signature).
    const userTasks = new Set(bpmnElements(await readBpmn(files['process.bpmn']!.content)).filter((e) => e.$type === 'bpmn:UserTask').map((e) => e.id));
    expect(check.problems.filter((p) => p.elementId && userTasks.has(p.elementId))).toEqual([]);
  }, 60_000);

  it("gives every user task what the officials' workspace shows: a name in lt, lv and en, a candidate group, a due date, a priority and a form in lt, lv and en", async () => {
    const files = await packageFiles(path.join(EXAMPLE_SERVICES_DIR, code));
    const tasks = bpmnElements(await readBpmn(files['process.bpmn']!.content)).filter((e) => e.$type === 'bpmn:UserTask');
    expect(tasks.length).toBeGreaterThan(0);
    const forms = Object.values(files).flatMap((f) => (f.content.trimStart().startsWith('{') && f.content.includes('"components"') ? [JSON.parse(f.content) as { id: string; components: { id: string; label?: string; text?: string }[]; 'x-translations': Record<string, Record<string, string>> }] : []));
    for (const task of tasks) {
      const values = ((task.get('extensionElements') as BpmnElement).get('values') as BpmnElement[]);
      const extension = (type: string) => values.find((v) => v.$type === type);
      const properties = Object.fromEntries(((extension('zeebe:Properties')?.get('properties') as BpmnElement[] | undefined) ?? []).map((p) => [p.get('name'), p.get('value')]));
      expect(task.name, task.id).toBeTruthy();
      expect([properties['name:lt'], properties['name:lv'], properties['name:en']].every(Boolean), `${task.id} names`).toBe(true);
      expect(extension('zeebe:AssignmentDefinition')?.get('candidateGroups'), task.id).toMatch(/^(permits|declarations)$/);
      expect(extension('zeebe:TaskSchedule')?.get('dueDate'), task.id).toMatch(/^=now\(\) \+ duration\("P\d+D"\)$/);
      expect(Number(extension('zeebe:PriorityDefinition')?.get('priority')), task.id).toBeGreaterThan(0);
      const form = forms.find((f) => f.id === extension('zeebe:FormDefinition')?.get('formId'));
      expect(form, `${task.id} form`).toBeDefined();
      // Every text the official reads is there in each language.
      const texts = form!.components.flatMap((c) => [...(c.label ? [`${c.id}.label`] : []), ...(c.text ? [`${c.id}.text`] : [])]);
      for (const language of ['lt', 'lv', 'en']) expect(texts.filter((key) => !form!['x-translations'][language]?.[key]), `${task.id} ${language}`).toEqual([]);
    }
  });

  it('has a diagram: every flow node a shape, every sequence flow an edge with waypoints, no shapes overlapping', async () => {
    const xml = await readFile(path.join(EXAMPLE_SERVICES_DIR, code, 'process.bpmn'), 'utf8');
    const elements = bpmnElements(await readBpmn(xml)) as Moddle[];
    const nodes = elements.filter((e) => e.$instanceOf('bpmn:FlowNode')).map((e) => e.id);
    const flows = elements.filter((e) => e.$type === 'bpmn:SequenceFlow').map((e) => e.id);
    const shapes = elements.filter((e) => e.$type === 'bpmndi:BPMNShape');
    const edges = elements.filter((e) => e.$type === 'bpmndi:BPMNEdge');
    const target = (di: Moddle) => (di.get('bpmnElement') as Moddle).id;
    expect(shapes.map(target).sort()).toEqual(nodes.sort());
    expect(edges.map(target).sort()).toEqual(flows.sort());
    for (const edge of edges) expect((edge.get('waypoint') as unknown[]).length, target(edge)).toBeGreaterThanOrEqual(2);

    const placed = shapes.map((shape) => ({ element: shape.get('bpmnElement') as Moddle, bounds: shape.get('bounds') as Bounds }));
    const boundsOf = new Map(placed.map((p) => [p.element, p.bounds]));
    for (const [i, a] of placed.entries()) {
      // A shape lies inside the sub-process that holds it; a boundary event sits on the edge of its host.
      const parent = a.element.$parent as Moddle;
      if (parent.$type === 'bpmn:SubProcess') expect(inside(a.bounds, boundsOf.get(parent)!), `${a.element.id} inside ${parent.id}`).toBe(true);
      for (const b of placed.slice(i + 1)) {
        const related = [a, b].some((x) => x.element.$parent === (x === a ? b : a).element
          || (x.element.get('attachedToRef') as Moddle | undefined) === (x === a ? b : a).element);
        const nested = [a, b].some((x) => { let p = x.element.$parent as Moddle | undefined; while (p) { if (p === (x === a ? b : a).element) return true; p = p.$parent as Moddle | undefined; } return false; });
        if (!related && !nested) expect(overlap(a.bounds, b.bounds), `${a.element.id} and ${b.element.id} overlap`).toBe(false);
      }
    }
  });
});
