import { useEffect, useRef, useState } from 'react';
import { fileText, type EditorProps } from '../model/types.js';
import { testMessages } from './messages.js';
import { packageRefs } from './package-refs.js';
import { SimulationView } from './SimulationView.js';
import { TestRunView } from './TestRunView.js';
import './test-runs.css';

type Mode = 'simulation' | 'run';

/** The test tab: a token simulation for a first look, and test runs on the embedded engine. */
export function TestTab({ pkg, onChange, readOnly, locale, unsaved, focus }: EditorProps) {
  const t = testMessages(locale);
  const [mode, setMode] = useState<Mode>('run');
  const xml = fileText(pkg, packageRefs(pkg).processFile);
  const note = useRef<HTMLParagraphElement>(null);
  // Each click on a problem is a new focus object: move the keyboard to its note each time.
  useEffect(() => { if (focus?.source === 'scenarios') note.current?.focus(); }, [focus]);
  return (
    <div className="kt-test">
      <div role="group" aria-label={t.modes} className="kt-modes">
        <button type="button" aria-pressed={mode === 'simulation'} onClick={() => setMode('simulation')}>{t.simulation}</button>
        <button type="button" aria-pressed={mode === 'run'} onClick={() => setMode('run')}>{t.testRun}</button>
      </div>
      {/* A scenario problem clicked in the shell's list lands here: say which scenario and why. */}
      {focus?.source === 'scenarios' && (
        <p className="kt-note" role="note" tabIndex={-1} ref={note}>
          <strong>{t.scenarioProblem(focus.file)}</strong>: {focus.message}
        </p>
      )}
      {!xml ? <p>{t.noProcess}</p> : (
        <>
          {mode === 'simulation' && <SimulationView xml={xml} t={t} />}
          {/* Kept mounted while the simulation shows: unmounting ends the run on the server. */}
          <div hidden={mode !== 'run'}>
            <TestRunView pkg={pkg} onChange={onChange} readOnly={readOnly} unsaved={unsaved} t={t} />
          </div>
        </>
      )}
    </div>
  );
}
