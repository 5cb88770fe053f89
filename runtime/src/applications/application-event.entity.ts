import { EntitySchema } from 'typeorm';
import type { ApplicationStatus } from './application.entity.js';

/** One entry of an application's status timeline, as the applicant sees it in "My orders". */
export interface ApplicationEvent {
  id: string;
  applicationId: string;
  at: Date;
  kind: 'submitted' | 'task-created' | 'task-claimed' | 'task-completed' | 'status-changed' | 'process-started'
    /** A payment order of the application: payable at the bank (created), then each status it reaches; refund-due: money taken when nothing was owed. */
    | 'payment-created' | 'payment-pending' | 'payment-failed' | 'payment-paid' | 'payment-expired' | 'payment-cancelled' | 'payment-refund-due'
    /** The platform sealed the submission receipt (receipts/receipt-sealer.ts). */
    | 'receipt-sealed'
    /** The process waits for the applicant's answer to an official's request, and he answered it (process/information-requests.ts). */
    | 'information-requested' | 'information-provided';
  status: ApplicationStatus;
  actorId: string | null;
  details: Record<string, unknown>;
}

export const ApplicationEventEntity = new EntitySchema<ApplicationEvent>({
  name: 'ApplicationEvent',
  tableName: 'application_event',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    applicationId: { type: 'uuid', name: 'application_id' },
    at: { type: 'timestamptz', createDate: true },
    kind: { type: 'text' },
    status: { type: 'text' },
    actorId: { type: 'uuid', name: 'actor_id', nullable: true },
    details: { type: 'jsonb' },
  },
});
