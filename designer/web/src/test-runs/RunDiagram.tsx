import { useEffect, useRef, useState } from 'react';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import './bpmn-assets.js';
import { pathHighlight, type PathHighlight, type SequenceFlow } from './path.js';
import type { TestRun } from './test-run.js';
import type { TestMessages } from './messages.js';

interface DiagramElement { id: string; type: string; labelTarget?: DiagramElement; businessObject: { sourceRef?: { id: string }; targetRef?: { id: string } } }
interface Canvas { addMarker(id: string, marker: string): void; removeMarker(id: string, marker: string): void; zoom(level: string): void }

const MARKERS: Record<keyof PathHighlight, string> = {
  completed: 'kt-completed', active: 'kt-active', terminated: 'kt-terminated', incidents: 'kt-incident', flows: 'kt-taken',
};

/** The saved diagram with the test run's path marked; a click on an element selects it. */
export function RunDiagram({ xml, run, selected, onSelect, t }: {
  xml: string;
  run: TestRun;
  selected: string | undefined;
  onSelect(elementId: string): void;
  t: TestMessages;
}) {
  const container = useRef<HTMLDivElement>(null);
  const viewer = useRef<NavigatedViewer | null>(null);
  const [flows, setFlows] = useState<SequenceFlow[] | null>(null);
  const [error, setError] = useState<string>();
  const select = useRef(onSelect);
  select.current = onSelect;

  useEffect(() => {
    const v = new NavigatedViewer({ container: container.current! });
    viewer.current = v;
    v.on('element.click', (event: { element: DiagramElement }) => {
      // A click on an event's label means the event; on the background, nothing.
      const element = event.element.labelTarget ?? event.element;
      if (element.type !== 'bpmn:Process' && element.type !== 'bpmn:Collaboration') select.current(element.id);
    });
    v.importXML(xml).then(
      () => {
        (v.get('canvas') as Canvas).zoom('fit-viewport');
        const registry = v.get('elementRegistry') as { filter(fn: (e: DiagramElement) => boolean): DiagramElement[] };
        setFlows(registry.filter((e) => e.type === 'bpmn:SequenceFlow').map((e) => ({
          id: e.id, source: e.businessObject.sourceRef?.id ?? '', target: e.businessObject.targetRef?.id ?? '',
        })));
      },
      (e: Error) => setError(e.message),
    );
    return () => {
      v.destroy();
      viewer.current = null;
      setFlows(null);
    };
  }, [xml]);

  // Markers follow the run: cleared and set again on every new state of it.
  useEffect(() => {
    const v = viewer.current;
    if (!v || !flows) return;
    const canvas = v.get('canvas') as Canvas;
    const registry = v.get('elementRegistry') as { get(id: string): unknown };
    const highlight = pathHighlight(run, flows);
    const marked: [string, string][] = [];
    for (const [kind, marker] of Object.entries(MARKERS) as [keyof PathHighlight, string][]) {
      for (const id of highlight[kind]) {
        if (!registry.get(id)) continue;
        canvas.addMarker(id, marker);
        marked.push([id, marker]);
      }
    }
    if (selected && registry.get(selected)) {
      canvas.addMarker(selected, 'kt-selected');
      marked.push([selected, 'kt-selected']);
    }
    // After a new diagram replaced this one its registry is empty: nothing left to unmark.
    return () => marked.forEach(([id, marker]) => { if (registry.get(id)) canvas.removeMarker(id, marker); });
  }, [run, flows, selected]);

  return (
    <figure className="kt-run-diagram" aria-labelledby="kt-run-diagram-caption">
      <figcaption id="kt-run-diagram-caption">{t.diagram}. {t.legend}</figcaption>
      {error && <p role="alert" className="kt-error">{t.diagramError}: {error}</p>}
      <div ref={container} className="kt-canvas" data-testid="run-diagram" />
    </figure>
  );
}
