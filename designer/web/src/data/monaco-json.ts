/**
 * Monaco with only what the JSON view needs: the editor core, a few editing features and the
 * JSON language with its worker (Vite bundles each `?worker` import as a worker script).
 * Imported dynamically by JsonView, so none of it is in the designer's initial JavaScript.
 * monaco-editor 0.57 maps `monaco-editor/<path>` to esm/vs/<path>.js (package exports).
 */
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/suggest/register';
import 'monaco-editor/features/format/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/toggleTabFocusMode/register';
import 'monaco-editor/languages/features/json/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';

self.MonacoEnvironment = {
  getWorker: (_workerId: string, label: string) => (label === 'json' ? new JsonWorker() : new EditorWorker()),
};

export { monaco };
