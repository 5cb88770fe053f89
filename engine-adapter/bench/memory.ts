/**
 * Heap used after a full garbage collection: what the process really keeps. Needs
 * --expose-gc (npm run bench:engine passes it); without it the flag is switched on here.
 */
import v8 from 'node:v8';
import vm from 'node:vm';

type Gc = () => void;

function gcFunction(): Gc {
  const exposed = (globalThis as { gc?: Gc }).gc;
  if (exposed) return exposed;
  // Started without --expose-gc: turn the flag on and take `gc` from a fresh context.
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as Gc;
}

/** Collects until the heap stops shrinking (weak references and finalizers need a few rounds). */
export async function heapAfterGc(): Promise<number> {
  const gc = gcFunction();
  let previous = Infinity;
  for (let round = 0; round < 6; round++) {
    await new Promise((resolve) => setImmediate(resolve));
    gc();
    const used = process.memoryUsage().heapUsed;
    if (used >= previous * 0.999) return used;
    previous = used;
  }
  return previous;
}
