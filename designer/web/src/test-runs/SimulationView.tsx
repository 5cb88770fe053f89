import { useEffect, useRef, useState } from 'react';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import TokenSimulationModule from 'bpmn-js-token-simulation/lib/viewer.js';
import 'bpmn-js-token-simulation/assets/css/bpmn-js-token-simulation.css';
import './bpmn-assets.js';
import type { TestMessages } from './messages.js';
import { translateDom } from '@konstruktor/forms/dom';
import { nameSimulationControls } from './simulation-controls.js';
import { simulationText } from './simulation-texts.js';
import { readableScopeColorsModule } from './scope-colors.js';

/** bpmn-js-token-simulation on the package's diagram as it is now (saved or not): a first look, no engine. */
export function SimulationView({ xml, t }: { xml: string; t: TestMessages }) {
  const container = useRef<HTMLDivElement>(null);
  const viewerRef = useRef<NavigatedViewer | null>(null);
  const [error, setError] = useState<string>();

  useEffect(() => {
    const viewer = new NavigatedViewer({ container: container.current!, additionalModules: [TokenSimulationModule, readableScopeColorsModule] });
    viewerRef.current = viewer;
    viewer.importXML(xml).then(
      () => {
        (viewer.get('canvas') as { zoom(level: string): void }).zoom('fit-viewport');
        // The viewer flavour starts with the simulation off behind a toggle; this view is only for
        // simulating, so it is switched on here and its toggle hidden (test-runs.css).
        (viewer.get('toggleMode') as { toggleMode(active: boolean): void }).toggleMode(true);
        setError(undefined);
      },
      (e: Error) => setError(e.message),
    );
    return () => {
      viewer.destroy();
      if (viewerRef.current === viewer) viewerRef.current = null;
    };
  }, [xml]);

  // The library adds and replaces its controls as the simulation goes: name each one as it comes.
  useEffect(() => {
    const root = container.current!;
    const elementName = (id: string) => {
      const registry = viewerRef.current?.get('elementRegistry') as { get(id: string): { businessObject?: { name?: string } } | undefined } | undefined;
      return registry?.get(id)?.businessObject?.name?.replace(/\s+/g, ' ').trim() || id;
    };
    const name = () => nameSimulationControls(root, t.sim, elementName);
    name();
    const observer = new MutationObserver(name);
    observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['class'] });
    // Its log, notices and the names it gives unnamed elements, in the tab's language.
    const { locale } = t;
    const stopTranslating = translateDom(root, { translate: (text) => simulationText(text, locale) });
    return () => {
      observer.disconnect();
      stopTranslating();
    };
  }, [t]);

  return (
    <section className="kt-simulation" aria-labelledby="kt-simulation-title">
      <h3 id="kt-simulation-title">{t.simulation}</h3>
      <p>{t.simulationHelp}</p>
      {error && <p role="alert" className="kt-error">{t.diagramError}: {error}</p>}
      <div ref={container} className="kt-canvas" />
    </section>
  );
}
