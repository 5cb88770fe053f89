import { EntitySchema } from 'typeorm';
import type { LocalizedText } from '../common/schemas.js';

export type TaskState = 'open' | 'completed' | 'cancelled';

/** Work for an official of an agency: review an application, decide, sign. */
export interface Task {
  id: string;
  applicationId: string | null;
  agencyId: string;
  /** What kind of work this is; decides which result the task accepts. */
  kind: string;
  name: LocalizedText;
  /** Officials who may take the task; empty means every official of the agency. */
  candidateGroups: string[];
  assigneeId: string | null;
  state: TaskState;
  formKey: string | null;
  dueAt: Date | null;
  createdAt: Date;
  completedAt: Date | null;
  completedBy: string | null;
  result: Record<string, unknown> | null;
  /** The engine's user task this task mirrors, for tasks of service processes. */
  engineKey: string | null;
  /** The BPMN element of that user task (its form is found in the package by it). */
  elementId: string | null;
  /** 0..100, higher first; 50 unless the process says (zeebe:priorityDefinition). */
  priority: number;
  /** +1 at every change of hands (claim, unclaim, delegation): a form opened before one is stale. */
  revision: number;
  /** Usernames who may take the task besides the candidate groups. */
  candidateUsers: string[];
  /** The process variable holding the document the official signs personally (BPMN property konstruktor:sign). */
  signVariable: string | null;
  /** Copied from the order when the task is made, for the inbox to list, filter and search. */
  serviceCode: string | null;
  serviceTitle: LocalizedText | null;
  caseCode: string | null;
  applicantName: string | null;
}

export const TaskEntity = new EntitySchema<Task>({
  name: 'Task',
  tableName: 'task',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    applicationId: { type: 'uuid', name: 'application_id', nullable: true },
    agencyId: { type: 'uuid', name: 'agency_id' },
    kind: { type: 'text' },
    name: { type: 'jsonb' },
    candidateGroups: { type: 'text', array: true, name: 'candidate_groups' },
    assigneeId: { type: 'uuid', name: 'assignee_id', nullable: true },
    state: { type: 'text' },
    formKey: { type: 'text', name: 'form_key', nullable: true },
    elementId: { type: 'text', name: 'element_id', nullable: true },
    dueAt: { type: 'timestamptz', name: 'due_at', nullable: true },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
    completedAt: { type: 'timestamptz', name: 'completed_at', nullable: true },
    completedBy: { type: 'uuid', name: 'completed_by', nullable: true },
    result: { type: 'jsonb', nullable: true },
    engineKey: { type: 'text', name: 'engine_key', nullable: true, unique: true },
    priority: { type: 'integer' },
    revision: { type: 'integer' },
    candidateUsers: { type: 'text', array: true, name: 'candidate_users' },
    signVariable: { type: 'text', name: 'sign_variable', nullable: true },
    serviceCode: { type: 'text', name: 'service_code', nullable: true },
    serviceTitle: { type: 'jsonb', name: 'service_title', nullable: true },
    caseCode: { type: 'text', name: 'case_code', nullable: true },
    applicantName: { type: 'text', name: 'applicant_name', nullable: true },
    // audience and search are kept by the database (a trigger, a generated column): only queries read them.
  },
});
