import { EntitySchema } from 'typeorm';

export type ApplicationStatus = 'submitted' | 'in-progress' | 'in-review' | 'approved' | 'rejected' | 'completed' | 'cancelled';

/** One request for a service by one recipient (possibly for a legal entity he represents). */
export interface Application {
  id: string;
  /** Human-facing case number, unique and increasing. */
  number: string;
  serviceId: string;
  serviceVersionId: string;
  applicantId: string;
  /** Registration code of the legal entity the applicant acted for, if any. */
  onBehalfOf: string | null;
  data: Record<string, unknown>;
  status: ApplicationStatus;
  /** The e-assistant who submitted it for the applicant, under `authorisationId`; null when the applicant did. */
  submittedById: string | null;
  authorisationId: string | null;
  /** The process instance working on it, when the service has a process. */
  processInstanceKey: string | null;
  submittedAt: Date;
  updatedAt: Date;
}

export const ApplicationEntity = new EntitySchema<Application>({
  name: 'Application',
  tableName: 'application',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    number: { type: 'bigint', generated: 'increment', insert: false, update: false },
    serviceId: { type: 'uuid', name: 'service_id' },
    serviceVersionId: { type: 'uuid', name: 'service_version_id' },
    applicantId: { type: 'uuid', name: 'applicant_id' },
    onBehalfOf: { type: 'text', name: 'on_behalf_of', nullable: true },
    data: { type: 'jsonb' },
    status: { type: 'text' },
    submittedById: { type: 'uuid', name: 'submitted_by_id', nullable: true },
    authorisationId: { type: 'uuid', name: 'authorisation_id', nullable: true },
    processInstanceKey: { type: 'text', name: 'process_instance_key', nullable: true },
    submittedAt: { type: 'timestamptz', name: 'submitted_at', createDate: true },
    updatedAt: { type: 'timestamptz', name: 'updated_at', updateDate: true },
  },
});
