import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { DataSource, EntityManager } from 'typeorm';
import type { User } from '../accounts/user.entity.js';
import type { Application } from '../applications/application.entity.js';
import { caseCode } from '../applications/case-code.js';
import type { Service } from '../catalogue/service.entity.js';
import type { Language } from '../common/schemas.js';
import { Notifications } from '../db/notifications.js';
import { insertRow } from '../db/sql.js';
import type { TermsService } from '../terms/terms-service.js';
import { ApplicationReceiptEntity, type ApplicationReceipt } from './receipt.entity.js';

/** Sent on commit of a transaction that wrote a receipt: wakes the sealers of every replica. */
export const RECEIPTS_CHANNEL = 'konstruktor_receipts';

/** Who submitted, under which terms and in which language: what a receipt records beside the answers. */
export interface Submission {
  application: Application;
  service: Pick<Service, 'number'>;
  submitter: Pick<User, 'id' | 'displayName' | 'personalCode'>;
  termsVersion: number | null;
  language: Language;
  /** When an e-assistant submitted: the person he ordered for, under which authorisation. */
  represented?: { person: Pick<User, 'displayName' | 'personalCode'>; authorisationId: string };
}

/**
 * Receipts of submitted applications: written in the transaction that stores the application,
 * so an application exists exactly when its receipt does; sealed later (ReceiptSealer).
 */
export class Receipts {
  constructor(private readonly db: DataSource, private readonly deps: { terms: TermsService }) {}

  /** Records the receipt of a submission in the transaction of `manager`; the sealers hear of it when that commits. */
  async record(manager: EntityManager, { application, service, submitter, termsVersion, language, represented }: Submission): Promise<ApplicationReceipt> {
    const answersCanonical = canonicalize(application.data) ?? '{}';
    const declaration = await this.deps.terms.declaration(termsVersion, manager);
    const receipt = await insertRow(manager, ApplicationReceiptEntity, {
      applicationId: application.id, caseCode: caseCode(service.number, application.number), submittedAt: application.submittedAt,
      submitterId: submitter.id, submitterName: submitter.displayName, submitterCode: submitter.personalCode,
      onBehalfOf: application.onBehalfOf, termsVersion,
      representedName: represented?.person.displayName ?? null, representedCode: represented?.person.personalCode ?? null, authorisationId: represented?.authorisationId ?? null, language, declaration: declaration[language],
      answersCanonical, digestAlgorithm: 'SHA-256', answersDigest: createHash('sha256').update(answersCanonical, 'utf8').digest('hex'),
    });
    await Notifications.notify(manager, RECEIPTS_CHANNEL);
    return receipt;
  }

  /** The receipt of an application (one submitted before receipts existed has none). */
  async of(applicationId: string): Promise<ApplicationReceipt | null> {
    return this.db.getRepository(ApplicationReceiptEntity).findOneBy({ applicationId });
  }
}
