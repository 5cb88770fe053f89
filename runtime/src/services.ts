import type { DataSource } from 'typeorm';
import type { AuditLog } from './audit/audit-log.js';
import type { SessionStore } from './accounts/sessions.js';
import type { TermsService } from './terms/terms-service.js';
import type { Representations } from './accounts/representations.js';
import type { Catalogue } from './catalogue/catalogue.js';
import type { Applications } from './applications/applications.js';
import type { Receipts } from './receipts/receipts.js';
import type { IdempotencyKeys } from './http/idempotency.js';
import type { Tasks } from './tasks/tasks.js';
import type { PersonalSignatures } from './signing/personal-signatures.js';
import type { Documents } from './documents/documents.js';
import type { ServiceForms } from './forms/service-forms.js';
import type { Drafts } from './drafts/drafts.js';
import type { Payments } from './payments/payments.js';
import type { PortalInbox } from './inbox/inbox.js';
import type { TestRuns } from './designer/test-runs.js';
import type { LoginThrottle } from './accounts/login-throttle.js';
import type { Withdrawals } from './process/withdrawals.js';
import type { InformationRequests } from './process/information-requests.js';
import type { ApplicationDocuments } from './documents/application-documents.js';
import type { NotificationPreferences } from './inbox/notification-preferences.js';
import type { RepresentedEntities } from './acting-for/represented-entities.js';
import type { Authorisations } from './acting-for/authorisations.js';
import type { CaseViews } from './cases/case-view.js';

/**
 * The runtime's services, wired once by createServices (app.ts); routers and tests reach them
 * here. A module of its own, so that what takes the services needs not import the wiring.
 */
export interface Services {
  db: DataSource;
  audit: AuditLog;
  sessions: SessionStore;
  loginThrottle: LoginThrottle;
  terms: TermsService;
  representations: Representations;
  /** Legal entities a citizen may act for (the register, then administrators' grants). */
  representedEntities: RepresentedEntities;
  /** E-assistants' authorisations. */
  authorisations: Authorisations;
  catalogue: Catalogue;
  applications: Applications;
  receipts: Receipts;
  idempotencyKeys: IdempotencyKeys;
  tasks: Tasks;
  /** Officials' personal (mobile) signatures on the documents of tasks marked for signature. */
  personalSignatures: PersonalSignatures;
  documents: Documents;
  forms: ServiceForms;
  drafts: Drafts;
  payments: Payments;
  portalInbox: PortalInbox;
  testRuns: TestRuns;
  withdrawals: Withdrawals;
  informationRequests: InformationRequests;
  /** The documents of an order as its citizen sees them, signatures verified. */
  applicationDocuments: ApplicationDocuments;
  /** The e-mails each person wants. */
  notificationPreferences: NotificationPreferences;
  /** The officials' case view (its scope, data access records, a supervisor's retry). */
  cases: CaseViews;
}
