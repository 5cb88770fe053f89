import type { TSchema } from '@sinclair/typebox';
import type { EntityManager } from 'typeorm';
import type { User } from '../accounts/user.entity.js';
import type { Task } from './task.entity.js';
import type { Locale } from '../forms/start-form.js';

/**
 * One kind of work an official can be given. The kind decides what a completion must carry
 * and what completing it does (decide an application, complete an engine user task, ...).
 */
export interface TaskKind<Result = Record<string, unknown>> {
  name: string;
  /** JSON Schema of the `variables` a completion sends. */
  resultSchema: TSchema;
  /**
   * Checks the schema cannot express (a reason required with a refusal, the task's form): field
   * errors with paths inside `variables`, in `locale`. Runs in the completing transaction.
   */
  check?(result: Result, task: Task, context: { locale: Locale; manager: EntityManager }): { path: string; message: string }[] | Promise<{ path: string; message: string }[]>;
  /** Runs inside the completing transaction. */
  completed(task: Task, result: Result, official: User, manager: EntityManager): Promise<void>;
  /** Runs inside the claiming transaction. */
  claimed?(task: Task, official: User, manager: EntityManager): Promise<void>;
  /** Runs inside the transaction that hands the task to `to` (a colleague), or back to the queue (null: unclaimed, given to a group). */
  handedOver?(task: Task, to: User | null, manager: EntityManager): Promise<void>;
  /** The form an official completes the task with, and the values it opens with; null without one. */
  workForm?(task: Task): Promise<WorkForm | null>;
}

export interface WorkForm {
  /** A form-js schema. */
  form: Record<string, unknown>;
  /** Values for the form's fields, by top-level key. */
  data: Record<string, unknown>;
}
