/**
 * The connector contract (../shared/ARCHITECTURE.md, "Connector"): what an agency developer
 * writes (a ConnectorDefinition) and what the platform hands its handler (a ConnectorContext).
 * The SDK (define-connector, worker, element templates) implements it; built-in connectors and
 * agency packages only ever see these types.
 */
import type { EngineAdapter } from '@konstruktor/engine-adapter';

/** A JSON Schema (2020-12) object; TypeBox schemas are JSON Schemas too. */
export type JsonSchema = Record<string, unknown>;

export type LocalizedText = string | { en: string; lt?: string; lv?: string };

export interface ConnectorDefinition<Input = Record<string, unknown>, Output = Record<string, unknown>> {
  /** Stable id, also the job type on the engine: `konstruktor:<area>:<name>`, e.g. `konstruktor:population:person`. */
  id: string;
  /** Bumped when the input or output changes incompatibly; part of the element template. */
  version: number;
  title: LocalizedText;
  description?: LocalizedText;
  /** Palette group in the designer, e.g. "State registers". */
  category?: string;
  /** What the analyst configures on the service task (validated before the handler runs). */
  inputSchema: JsonSchema;
  /** What the handler returns; becomes the job's result variables (through the result mapping). */
  outputSchema: JsonSchema;
  /** Names of the secrets the handler reads from context.secrets; their values are redacted from logs. */
  secrets?: string[];
  /** BPMN error codes the handler may throw as ConnectorError, documented in the template. */
  errors?: { code: string; description: string }[];
  /** The handler is aborted (context.signal) after this many ms; default 30 000. */
  timeoutMs?: number;
  /** Job retries in the element template; default 3. */
  retries?: number;
  handler(input: Input, context: ConnectorContext): Promise<Output>;
}

/** Thrown by a handler for a business outcome the process models (a BPMN error), not a technical failure. */
export class ConnectorError extends Error {
  constructor(readonly code: string, message: string, readonly variables: Record<string, unknown> = {}) {
    super(message);
    this.name = 'ConnectorError';
  }
}

/** Thrown by a handler for a failure that retrying cannot fix (bad configuration): the job fails with no retries left, an incident. */
export class NonRetryableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'NonRetryableError';
  }
}

export interface ConnectorLogger {
  debug(message: string, details?: Record<string, unknown>): void;
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

export interface ConnectorContext {
  /** Same for every attempt of one job: pass it to providers that deduplicate (payments, mail). */
  idempotencyKey: string;
  jobKey: string;
  instanceKey: string;
  processId: string;
  elementId: string;
  /** The application the instance runs for, when the runtime started it (variable `applicationId`). */
  applicationId?: string;
  /** Values of the definition's `secrets`, from the host's secret store; never logged. */
  secrets: Record<string, string>;
  /** Redacts every secret value and common secret-named fields before writing. */
  logger: ConnectorLogger;
  /** Aborted at the definition's timeout; pass it to fetch and other I/O. */
  signal: AbortSignal;
  services: PlatformServices;
}

/** What the hosting platform provides to connectors (the runtime in-process, or the standalone worker). */
export interface PlatformServices {
  documents: DocumentStore;
  audit: AuditSink;
  inbox: InboxSink;
  engine: EngineAdapter;
  /** Payment orders; present where the host runs the payments module (the runtime). */
  payments?: PaymentService;
  /** Files of the application's service package (e.g. documents/*.json templates); present in the runtime. */
  servicePackage?: ServicePackageFiles;
  /** What the applicant wants to be told by e-mail; present in the runtime. Without it every e-mail goes. */
  notificationPreferences?: NotificationPreferenceLookup;
}

/** The kinds of e-mail an applicant may turn off (portal messages arrive whatever he chooses). */
export const NOTIFICATION_KINDS = ['status-changed', 'information-requested', 'decision', 'payment'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface NotificationPreferenceLookup {
  /** Whether the applicant of the application wants e-mails of this kind. */
  wantsEmail(request: { applicationId: string; kind: NotificationKind }): Promise<boolean>;
}

export interface StoredDocument {
  documentId: string;
  filename: string;
  mediaType: string;
  size: number;
  sha256: string;
}

export interface DocumentStore {
  /** `signedCopyOf`: the stored document this one signs a copy of (the applicant sees the signed copy in its place). */
  store(document: { filename: string; mediaType: string; content: Uint8Array; applicationId?: string; signedCopyOf?: string }): Promise<StoredDocument>;
  read(documentId: string): Promise<StoredDocument & { content: Uint8Array }>;
}

export interface AuditSink {
  /** One entry of the platform's append-only audit trail. */
  record(event: { action: string; objectType: string; objectId: string; details?: Record<string, unknown>; actor?: string }): Promise<void>;
}

export interface InboxSink {
  /** A message in the citizen's portal inbox ("My messages"). */
  send(message: {
    recipientPersonalCode: string; applicationId?: string; subject: string; body: string; locale?: string;
    /** A second send with the same key returns the first message instead of adding one (pass context.idempotencyKey). */
    idempotencyKey?: string;
  }): Promise<{ messageId: string }>;
}

export interface PaymentOrderRequest {
  /** Same key -> the same order, and no second payment at the provider (pass context.idempotencyKey). */
  idempotencyKey: string;
  applicationId?: string;
  /** Prepayment before processing, or postpayment (an invoice after the decision). */
  kind: 'prepayment' | 'postpayment';
  /** In cents. */
  amountCents: number;
  /** ISO 4217, EUR by default. */
  currency?: string;
  description: string;
  payer?: { name?: string | null; personalCode?: string | null };
  /** YYYY-MM-DD. */
  dueDate?: string;
  /** Where the provider sends the payer back; the application in "My orders" by default. */
  returnUrl?: string;
}

export interface PaymentOrderRef {
  orderId: string;
  /** ISO 11649 creditor reference. */
  reference: string;
  kind: 'prepayment' | 'postpayment';
  amountCents: number;
  currency: string;
  status: 'created' | 'pending' | 'failed' | 'paid' | 'expired' | 'cancelled';
  /** The provider's payment page the payer is sent to. */
  redirectUrl: string | null;
}

export interface PaymentService {
  createOrder(order: PaymentOrderRequest): Promise<PaymentOrderRef>;
  order(orderId: string): Promise<PaymentOrderRef | null>;
}

export interface ServicePackageFiles {
  /** A text file (e.g. `documents/decision.json`) of the service version the application was made for; null when there is none. */
  readText(applicationId: string, path: string): Promise<string | null>;
}
