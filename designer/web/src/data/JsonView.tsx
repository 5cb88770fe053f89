import { useEffect, useRef, useState } from 'react';
import type * as Monaco from 'monaco-editor/editor/editor.api';

interface Props {
  value: string;
  onChange(text: string): void;
  readOnly: boolean;
  /** Accessible name of the editor. */
  label: string;
  loading: string;
}

/** Monaco on one JSON text, loaded on first use (the chunk is fetched when this mounts). */
export function JsonView({ value, onChange, readOnly, label, loading }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const editor = useRef<Monaco.editor.IStandaloneCodeEditor | null>(null);
  const latest = useRef({ value, onChange });
  latest.current = { value, onChange };
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let disposed = false;
    void import('./monaco-json.js').then(({ monaco }) => {
      if (disposed || !container.current) return;
      const instance = monaco.editor.create(container.current, {
        value: latest.current.value,
        language: 'json',
        readOnly,
        automaticLayout: true,
        minimap: { enabled: false },
        scrollBeyondLastLine: false,
        tabSize: 2,
        ariaLabel: label,
      });
      instance.onDidChangeModelContent(() => {
        const text = instance.getValue();
        // Changes pushed in from the table come back here too; only the user's are news.
        if (text !== latest.current.value) latest.current.onChange(text);
      });
      editor.current = instance;
      setReady(true);
    });
    return () => {
      disposed = true;
      editor.current?.getModel()?.dispose();
      editor.current?.dispose();
      editor.current = null;
    };
    // Created once; value and readOnly follow through the effects below.
  }, []);

  useEffect(() => {
    const instance = editor.current;
    if (!instance || instance.getValue() === value) return;
    // An edit, not setValue, so the user's undo history survives a table change.
    const model = instance.getModel()!;
    instance.executeEdits('table', [{ range: model.getFullModelRange(), text: value }]);
  }, [value, ready]);

  useEffect(() => {
    editor.current?.updateOptions({ readOnly });
  }, [readOnly, ready]);

  return (
    <div className="json-view">
      {!ready && <p role="status">{loading}</p>}
      <div ref={container} className="monaco-host" data-testid="json-view" />
    </div>
  );
}
