import { useEffect, useRef, useState } from 'react';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import TokenSimulationModule from 'bpmn-js-token-simulation/lib/viewer.js';
import 'bpmn-js-token-simulation/assets/css/bpmn-js-token-simulation.css';
import './bpmn-assets.js';
import type { TestMessages } from './messages.js';

/** bpmn-js-token-simulation on the package's diagram as it is now (saved or not): a first look, no engine. */
export function SimulationView({ xml, t }: { xml: string; t: TestMessages }) {
  const container = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string>();

  useEffect(() => {
    const viewer = new NavigatedViewer({ container: container.current!, additionalModules: [TokenSimulationModule] });
    viewer.importXML(xml).then(
      () => {
        (viewer.get('canvas') as { zoom(level: string): void }).zoom('fit-viewport');
        // The viewer flavour starts with the simulation off behind a toggle; this view is only for simulating.
        (viewer.get('toggleMode') as { toggleMode(active: boolean): void }).toggleMode(true);
        setError(undefined);
      },
      (e: Error) => setError(e.message),
    );
    return () => viewer.destroy();
  }, [xml]);

  return (
    <section className="kt-simulation" aria-labelledby="kt-simulation-title">
      <h3 id="kt-simulation-title">{t.simulation}</h3>
      <p>{t.simulationHelp}</p>
      {error && <p role="alert" className="kt-error">{t.diagramError}: {error}</p>}
      <div ref={container} className="kt-canvas" />
    </section>
  );
}
