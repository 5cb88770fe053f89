import type { TSchema } from '@sinclair/typebox';
import type { EntityManager } from 'typeorm';
import type { User } from '../accounts/user.entity.js';
import type { Task } from './task.entity.js';

/**
 * One kind of work an official can be given. The kind decides what a completion must carry
 * and what completing it does (decide an application, complete an engine user task, ...).
 */
export interface TaskKind<Result = Record<string, unknown>> {
  name: string;
  /** JSON Schema of the `variables` a completion sends. */
  resultSchema: TSchema;
  /** Extra checks the schema cannot express; return field errors (path inside `variables`). */
  check?(result: Result): { path: string; message: string }[];
  /** Runs inside the completing transaction. */
  completed(task: Task, result: Result, official: User, manager: EntityManager): Promise<void>;
  /** Runs inside the claiming transaction. */
  claimed?(task: Task, official: User, manager: EntityManager): Promise<void>;
}
