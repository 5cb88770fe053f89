import type { TaskKind } from '../tasks/task-kind.js';
import type { PersonalSignatures } from './personal-signatures.js';
import { signingProblems } from './signing-problems.js';

/**
 * A task kind whose tasks marked for a personal signature (konstruktor:sign) complete only once
 * signed: without a signed copy the completion is refused (422), with one the process gets its
 * stored ref as `signedDocument` among the completion variables.
 */
export function withPersonalSignature(kind: TaskKind, signatures: PersonalSignatures): TaskKind {
  return {
    ...kind,
    async check(result, task, context) {
      if (task.signVariable && !(await signatures.signedCopy(context.manager, task.id))) throw signingProblems.required();
      return (await kind.check?.(result, task, context)) ?? [];
    },
    async completed(task, result, official, manager) {
      const signed = task.signVariable ? await signatures.signedCopy(manager, task.id) : null;
      await kind.completed(task, signed ? { ...result, signedDocument: signed } : result, official, manager);
    },
  };
}
