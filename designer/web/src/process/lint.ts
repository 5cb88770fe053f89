import type { LintReport } from '@camunda/linting';
import type { Problem } from '../model/types.js';
import type { LintRequest, LintResponse } from './lint.worker.js';
import LintWorker from './lint.worker.js?worker';

let worker: Worker | undefined;
let lastId = 0;
const waiting = new Map<number, { resolve(reports: LintReport[]): void; reject(error: Error): void }>();

function lintWorker(): Worker {
  if (!worker) {
    worker = new LintWorker();
    worker.onmessage = ({ data }: MessageEvent<LintResponse>) => {
      const request = waiting.get(data.id);
      waiting.delete(data.id);
      if ('error' in data) request?.reject(new Error(data.error));
      else request?.resolve(data.reports as LintReport[]);
    };
    // A worker that cannot load or crashes answers nothing: fail what waits, as a failed lint did on the main thread.
    worker.onerror = (event) => {
      for (const request of waiting.values()) request.reject(new Error(`the lint worker failed: ${event.message}`));
      waiting.clear();
    };
  }
  return worker;
}

/** Lints a diagram by Camunda 8.6's rules in the lint worker (lint.worker.ts), as the server's check does. */
export function lintDiagram(xml: string): Promise<LintReport[]> {
  const id = ++lastId;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    lintWorker().postMessage({ id, xml } satisfies LintRequest);
  });
}

export function reportsToProblems(reports: LintReport[], file: string): Problem[] {
  return reports.map((report) => ({
    source: 'process', file, elementId: report.id, message: report.message,
    severity: report.category === 'error' || report.category === 'rule-error' ? 'error' : 'warning',
  }));
}
