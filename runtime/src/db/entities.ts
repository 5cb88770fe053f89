import { AgencyEntity } from '../accounts/agency.entity.js';
import { OidcLoginEntity } from '../accounts/oidc-login.entity.js';
import { RepresentationEntity } from '../accounts/representation.entity.js';
import { SessionEntity } from '../accounts/session.entity.js';
import { UserEntity } from '../accounts/user.entity.js';
import { ApplicationEventEntity } from '../applications/application-event.entity.js';
import { ApplicationEntity } from '../applications/application.entity.js';
import { AuditEventEntity } from '../audit/audit-event.entity.js';
import { ServiceVersionEntity } from '../catalogue/service-version.entity.js';
import { ServiceEntity } from '../catalogue/service.entity.js';
import { DocumentEntity } from '../documents/document.entity.js';
import { TaskEntity } from '../tasks/task.entity.js';
import { TermsAcceptanceEntity, TermsOfUseEntity } from '../terms/terms.entity.js';
import { InitialSchema1763740800000 } from './migrations/1763740800000-initial-schema.js';
import { ProcessEngine1763827200000 } from './migrations/1763827200000-process-engine.js';
import { ApplicationOrderIndexes1763913600000 } from './migrations/1763913600000-application-order-indexes.js';
import { DraftEntity } from '../drafts/draft.entity.js';
import { DraftsAndUploads1764000000000 } from './migrations/1764000000000-drafts-and-uploads.js';
import { PaymentOrderEntity, PaymentWebhookEventEntity } from '../payments/payment-order.entity.js';
import { Payments1764172800000 } from './migrations/1764172800000-payments.js';
import { InboxMessageEntity } from '../inbox/inbox-message.entity.js';
import { InboxMessages1764086400000 } from './migrations/1764086400000-inbox-messages.js';
import { AuditChainHead1764259200000 } from './migrations/1764259200000-audit-chain-head.js';
import { AuditAppend1764345600000 } from './migrations/1764345600000-audit-append.js';
import { ProcessBridge1765065600000 } from './migrations/1765065600000-process-bridge.js';
import { LiveEvents1765152000000 } from './migrations/1765152000000-live-events.js';
import { LoginThrottle1765238400000 } from './migrations/1765238400000-login-throttle.js';
import { TaskElement1765324800000 } from './migrations/1765324800000-task-element.js';
import { ApplicationReceiptEntity } from '../receipts/receipt.entity.js';
import { SubmitReceipts1765497600000 } from './migrations/1765497600000-submit-receipts.js';
import { Invoices1765584000000 } from './migrations/1765584000000-invoices.js';
import { AuthorisationEntity } from '../acting-for/authorisation.entity.js';
import { ActingFor1765756800000 } from './migrations/1765756800000-acting-for.js';
import { ResultDocuments1765843200000 } from './migrations/1765843200000-result-documents.js';
import { MessageNotifications1765843200001 } from './migrations/1765843200001-message-notifications.js';
import { WorkspaceTasks1765929600000 } from './migrations/1765929600000-workspace-tasks.js';
import { PersonalSignatures1765929600002 } from './migrations/1765929600002-personal-signatures.js';
import { InboxSearchFoldsAccents1765929600003 } from './migrations/1765929600003-inbox-search-folds-accents.js';
import { LiveTaskEventsReachTheirInbox1765929600004 } from './migrations/1765929600004-live-task-events-reach-their-inbox.js';
import { PersonalSignatureEntity } from '../signing/personal-signature.entity.js';

export const entities = [
  AgencyEntity, UserEntity, RepresentationEntity, SessionEntity, OidcLoginEntity,
  ServiceEntity, ServiceVersionEntity, ApplicationEntity, ApplicationEventEntity,
  TaskEntity, DocumentEntity, AuditEventEntity, TermsOfUseEntity, TermsAcceptanceEntity,
  DraftEntity,
  PaymentOrderEntity, PaymentWebhookEventEntity,
  InboxMessageEntity,
  ApplicationReceiptEntity,
  AuthorisationEntity,
  PersonalSignatureEntity,
];

/** In order; startup runs the pending ones. Never `synchronize`. */
export const migrations = [InitialSchema1763740800000, ProcessEngine1763827200000, ApplicationOrderIndexes1763913600000,
  DraftsAndUploads1764000000000,
  Payments1764172800000,
  InboxMessages1764086400000,
  AuditChainHead1764259200000,
  AuditAppend1764345600000,
  ProcessBridge1765065600000,
  LiveEvents1765152000000,
  LoginThrottle1765238400000,
  TaskElement1765324800000,
  SubmitReceipts1765497600000,
  Invoices1765584000000,
  ActingFor1765756800000,
  ResultDocuments1765843200000,
  MessageNotifications1765843200001,
  WorkspaceTasks1765929600000,
  PersonalSignatures1765929600002,
  InboxSearchFoldsAccents1765929600003,
  LiveTaskEventsReachTheirInbox1765929600004,
];
