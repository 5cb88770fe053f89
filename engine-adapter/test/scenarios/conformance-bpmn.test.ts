/**
 * The conformance BPMN files are Camunda-Modeler-ready: Zeebe dialect for Camunda 8.8, readable
 * by bpmn-moddle with the Zeebe extension without warnings, and a diagram that draws every
 * element and flow with plausible bounds (children inside their sub-process, no two shapes of
 * one scope on top of each other, boundary events on their host's border).
 */
import { readdir, readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BpmnModdle } from 'bpmn-moddle';
import zeebeSchema from 'zeebe-bpmn-moddle/resources/zeebe.json' with { type: 'json' };
import { describe, expect, test } from 'vitest';

const root = fileURLToPath(new URL('../../conformance/', import.meta.url));
const moddle = new BpmnModdle({ zeebe: zeebeSchema });

interface Box { x: number; y: number; width: number; height: number }
const inside = (inner: Box, outer: Box) => inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

const bpmnFiles = async () => (await readdir(root, { recursive: true }))
  .filter((name) => name.endsWith('.bpmn') && !name.startsWith('_'))
  .sort()
  .map((name) => `${root}${name}`);

describe('conformance BPMN files', async () => {
  const files = await bpmnFiles();

  test('there are BPMN files', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  test.each(files.map((file) => [relative(root, file), file]))('%s', async (_name, file) => {
    const xml = await readFile(file, 'utf8');
    expect(xml).toContain('xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"');
    expect(xml).toContain('modeler:executionPlatform="Camunda Cloud"');
    expect(xml).toContain('modeler:executionPlatformVersion="8.8.0"');

    const { rootElement, warnings } = (await moddle.fromXML(xml, 'bpmn:Definitions')) as { rootElement: any; warnings: unknown[] };
    expect(warnings).toEqual([]);
    const processes = rootElement.rootElements.filter((e: any) => e.$type === 'bpmn:Process');
    expect(processes).toHaveLength(1);
    expect(processes[0].isExecutable).toBe(true);

    const plane = rootElement.diagrams?.[0]?.plane;
    expect(plane?.bpmnElement?.id).toBe(processes[0].id);
    const shapes = new Map<string, Box>();
    const edges = new Map<string, Array<{ x: number; y: number }>>();
    for (const di of plane.planeElement) {
      if (di.$type === 'bpmndi:BPMNShape') shapes.set(di.bpmnElement.id, di.bounds);
      else edges.set(di.bpmnElement.id, di.waypoint);
    }

    const check = (scope: any) => {
      const nodes = (scope.flowElements ?? []).filter((e: any) => e.$type !== 'bpmn:SequenceFlow');
      for (const element of scope.flowElements ?? []) {
        if (element.$type === 'bpmn:SequenceFlow') {
          expect(edges.get(element.id)?.length, `edge of ${element.id}`).toBeGreaterThanOrEqual(2);
          continue;
        }
        const box = shapes.get(element.id);
        expect(box, `shape of ${element.id}`).toBeDefined();
        expect(box!.width).toBeGreaterThan(0);
        if (scope.$type === 'bpmn:SubProcess') expect(inside(box!, shapes.get(scope.id)!), `${element.id} inside ${scope.id}`).toBe(true);
        if (element.$type === 'bpmn:BoundaryEvent') {
          const host = shapes.get(element.attachedToRef.id)!;
          const centerY = box!.y + box!.height / 2;
          expect(Math.abs(centerY - (host.y + host.height)), `${element.id} on the border of its host`).toBeLessThan(1);
        }
        if (element.$type === 'bpmn:SubProcess') check(element);
      }
      const solid = nodes.filter((n: any) => n.$type !== 'bpmn:BoundaryEvent');
      for (let i = 0; i < solid.length; i++) {
        for (let j = i + 1; j < solid.length; j++) {
          expect(overlap(shapes.get(solid[i].id)!, shapes.get(solid[j].id)!), `${solid[i].id} and ${solid[j].id} overlap`).toBe(false);
        }
      }
    };
    check(processes[0]);
  });
});
