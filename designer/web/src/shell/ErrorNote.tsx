import { ApiError } from '../model/api.js';

/** An error as the analyst reads it: the problem document's detail and each of its errors (422 names what is wrong). */
export function ErrorNote({ error }: { error: unknown }) {
  if (!error) return null;
  const problem = error instanceof ApiError ? error.problem : undefined;
  const list = [
    ...(problem?.errors ?? []).map((e) => `${e.path ? `${e.path}: ` : ''}${e.message}`),
    ...(Array.isArray(problem?.problems) ? (problem.problems as { file?: string; elementId?: string; message: string }[]).map((p) => `${p.file ?? ''}${p.elementId ? ` #${p.elementId}` : ''}: ${p.message}`) : []),
  ];
  return (
    <div role="alert" className="error">
      <p>{problem ? `${problem.title ?? ''}${problem.detail ? ` — ${problem.detail}` : ''} (${problem.status})` : String((error as Error).message ?? error)}</p>
      {list.length > 0 && <ul>{list.map((line, i) => <li key={i}>{line}</li>)}</ul>}
    </div>
  );
}
