import type { ElementModel, ProcessModel } from '../model/types.js';

const cache = new WeakMap<ProcessModel, Map<string, Set<string>>>();

/** Whether a token at `from` (or its boundary events) can still flow to `targetId` in the same scope. */
export function reaches(from: ElementModel, process: ProcessModel, targetId: string): boolean {
  let perProcess = cache.get(process);
  if (!perProcess) cache.set(process, (perProcess = new Map()));
  let reachable = perProcess.get(from.id);
  if (!reachable) {
    reachable = new Set();
    const queue = [from.id];
    while (queue.length) {
      const element = process.elements.get(queue.pop()!);
      if (!element) continue;
      for (const next of [...element.outgoing.map((f) => f.targetId), ...element.boundaryEvents]) {
        if (!reachable.has(next)) {
          reachable.add(next);
          queue.push(next);
        }
      }
    }
    perProcess.set(from.id, reachable);
  }
  return reachable.has(targetId);
}
