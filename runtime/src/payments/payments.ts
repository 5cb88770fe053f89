import type { DataSource, EntityManager } from 'typeorm';
import type { Logger } from 'pino';
import type { AuditLog } from '../audit/audit-log.js';
import { ApplicationEntity, type Application } from '../applications/application.entity.js';
import { addTimelineEvent } from '../applications/timeline.js';
import { PaymentOrderEntity, PaymentWebhookEventEntity, type PaymentKind, type PaymentOrder, type PaymentStatus, type RefundReason } from './payment-order.entity.js';
import { canMove, FINAL_STATUSES, OPEN_STATUSES, WITHDRAWN_APPLICATION } from './status.js';
import { invoiceReference, randomCreditorReference } from './reference.js';
import { AmountMismatch, WebhookRejected, type PaymentProvider, type ProviderStatus } from './provider.js';
import type { Outbox } from '../bridge/outbox.js';

/**
 * The engine message a paid order publishes, once: name `payment-received`, correlation key =
 * the application id (variable `applicationId` of every application's process), variables
 * `{ payment: { orderId, reference, kind, amountCents, currency, status, paidAt } }`. A process
 * waits for it on a message catch event with correlationKey `=applicationId`.
 */
export const PAYMENT_RECEIVED = 'payment-received';
/** How long a paid message waits in the engine for a process that has not reached its catch event yet. */
const MESSAGE_TTL_MS = 30 * 24 * 3600_000;
/** A payer's refresh asks the provider at most this often per order; in between it answers what is stored. */
const REFRESH_EVERY_SECONDS = 5;

export interface NewPaymentOrder {
  idempotencyKey: string;
  applicationId?: string | null;
  kind: PaymentKind;
  amountCents: number;
  currency?: string;
  description: string;
  payer?: { name?: string | null; personalCode?: string | null };
  /** YYYY-MM-DD. */
  dueDate?: string | null;
  /** Where the bank sends the payer back; the application in "My orders" by default. */
  returnUrl?: string;
  /** A registered provider's name; the first registered one by default. */
  provider?: string;
}

/** Bad input to a payment order, naming the field; nothing was stored. */
export class PaymentInputError extends Error {
  constructor(readonly field: string, message: string) {
    super(`${field}: ${message}`);
  }
}

/**
 * Payment orders: created once per idempotency key, sent to the provider, moved forward by
 * signed webhooks and by reconciliation, and announced to the waiting process when paid.
 */
export class Payments {
  private readonly providers: ReadonlyMap<string, PaymentProvider>;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditLog,
    private readonly options: {
      publicUrl: string; outbox?: Outbox; logger?: Logger;
      /** The banks orders may go to; the first one is the default for new orders. */
      providers?: readonly PaymentProvider[];
    },
  ) {
    this.providers = new Map((options.providers ?? []).map((provider) => [provider.name, provider]));
  }

  private provider(name: string): PaymentProvider {
    const provider = this.providers.get(name);
    if (!provider) throw new PaymentInputError('provider', `no payment provider "${name}" is configured`);
    return provider;
  }

  /**
   * The order for this idempotency key, created (and sent to the provider) on first use. A
   * retry after the provider did not answer resends it under the same key, so the provider
   * still holds one payment.
   */
  async create(input: NewPaymentOrder): Promise<PaymentOrder> {
    const values = this.validate(input);
    const provider = this.provider(values.provider);
    let order = await this.db.getRepository(PaymentOrderEntity).findOneBy({ idempotencyKey: values.idempotencyKey });
    if (order) {
      const differs = (['applicationId', 'kind', 'amountCents', 'currency'] as const).find((field) => order![field] !== values[field]);
      if (differs) throw new PaymentInputError(differs, `differs from the order made earlier with the same idempotency key (${String(order[differs])})`);
    } else {
      order = await this.insert(values);
    }
    if (order.providerPaymentId) return order;
    const payment = await provider.createPayment({
      idempotencyKey: order.id, amountCents: order.amountCents, currency: order.currency, reference: order.reference,
      description: order.description, returnUrl: order.returnUrl, payer: { name: order.payerName, personalCode: order.payerPersonalCode },
    });
    const payable = { ...order, ...payment };
    // Told to the payer only now that the bank's page exists: his order page shows "Pay" with it.
    await this.db.transaction(async (manager) => {
      await manager.getRepository(PaymentOrderEntity).update({ id: order.id }, { providerPaymentId: payment.providerPaymentId, redirectUrl: payment.redirectUrl });
      const application = order.applicationId ? await manager.getRepository(ApplicationEntity).findOneBy({ id: order.applicationId }) : null;
      if (application) await addTimelineEvent(manager, application, 'payment-created', null, timelineDetails(payable));
    });
    return payable;
  }

  private async insert(values: ReturnType<Payments['validate']>): Promise<PaymentOrder> {
    const caseOf = values.applicationId ? await this.caseOf(values.applicationId) : null;
    if (values.applicationId && !caseOf) throw new PaymentInputError('applicationId', `no application ${values.applicationId}`);
    const first = (caseOf?.invoices ?? 0) + 1;
    for (let invoice = first; ; invoice += 1) {
      const reference = caseOf ? invoiceReference(caseOf.serviceNumber, caseOf.number, invoice) : randomCreditorReference();
      try {
        return await this.db.transaction(async (manager) => {
          const order = await manager.getRepository(PaymentOrderEntity).save({
            ...values, reference, status: 'created' as const,
            providerPaymentId: null, redirectUrl: null, paidAt: null, messagePublishedAt: null, refundDue: null, providerCheckedAt: null,
            returnUrl: values.returnUrl ?? `${this.options.publicUrl}/orders/${values.applicationId ?? ''}`,
          });
          await this.audit.record(manager, {
            actorId: null, action: 'payment.order-created', objectType: 'payment-order', objectId: order.id, after: order,
            details: { applicationId: order.applicationId, kind: order.kind, amountCents: order.amountCents, currency: order.currency, reference: order.reference },
          });
          return order;
        });
      } catch (error) {
        // Two attempts of the same job at once: the other one inserted first; use its order.
        const existing = await this.db.getRepository(PaymentOrderEntity).findOneBy({ idempotencyKey: values.idempotencyKey });
        if (existing) return existing;
        // Another order of the case took this invoice number at the same moment (or a random reference was taken): the next one.
        if ((error as { code?: string }).code === '23505' && invoice < first + 10) continue;
        throw error;
      }
    }
  }

  /** What an application's payment references are made of: the service number, its number, its invoices so far. */
  private async caseOf(applicationId: string): Promise<{ serviceNumber: number; number: string; invoices: number } | undefined> {
    const [row] = (await this.db.query(`
      SELECT s.number AS "serviceNumber", a.number::text AS number, (SELECT count(*)::int FROM payment_order o WHERE o.application_id = a.id) AS invoices
        FROM application a JOIN service s ON s.id = a.service_id WHERE a.id = $1`, [applicationId])) as { serviceNumber: number; number: string; invoices: number }[];
    return row;
  }

  private validate(input: NewPaymentOrder) {
    const fail = (field: string, message: string): never => { throw new PaymentInputError(field, message); };
    if (typeof input.idempotencyKey !== 'string' || !input.idempotencyKey || input.idempotencyKey.length > 200) fail('idempotencyKey', 'must be a text of 1-200 characters');
    if (input.kind !== 'prepayment' && input.kind !== 'postpayment') fail('kind', 'must be prepayment or postpayment');
    if (!Number.isInteger(input.amountCents) || input.amountCents <= 0 || input.amountCents > 100_000_000) fail('amountCents', 'must be a whole number of cents from 1 to 100000000');
    const currency = input.currency ?? 'EUR';
    if (!/^[A-Z]{3}$/.test(currency)) fail('currency', 'must be an ISO 4217 code such as EUR');
    if (typeof input.description !== 'string' || !input.description.trim() || input.description.length > 200) fail('description', 'must be a text of 1-200 characters');
    if (input.dueDate != null && (!/^\d{4}-\d{2}-\d{2}$/.test(input.dueDate) || Number.isNaN(Date.parse(input.dueDate)))) fail('dueDate', 'must be a date YYYY-MM-DD');
    if (input.returnUrl !== undefined && !(URL.canParse(input.returnUrl) && /^https?:$/.test(new URL(input.returnUrl).protocol))) fail('returnUrl', 'must be an http(s) URL');
    if (input.applicationId != null && !/^[0-9a-f-]{36}$/i.test(input.applicationId)) fail('applicationId', 'must be a UUID');
    const provider = input.provider ?? this.providers.keys().next().value;
    if (!provider) fail('provider', 'no payment provider is configured');
    return {
      idempotencyKey: input.idempotencyKey, applicationId: input.applicationId ?? null, kind: input.kind, amountCents: input.amountCents,
      currency, description: input.description.trim(), payerName: input.payer?.name ?? null, payerPersonalCode: input.payer?.personalCode ?? null,
      dueDate: input.dueDate ?? null, provider: provider!, returnUrl: input.returnUrl,
    };
  }

  async get(orderId: string): Promise<PaymentOrder | null> {
    return this.db.getRepository(PaymentOrderEntity).findOneBy({ id: orderId });
  }

  async forApplication(applicationId: string): Promise<PaymentOrder[]> {
    return this.db.getRepository(PaymentOrderEntity).find({ where: { applicationId }, order: { createdAt: 'ASC' } });
  }

  /**
   * A webhook from `providerName`: trusted only with a valid signature, a fresh timestamp and an
   * event id not seen before. A refused one is audited and changes nothing else.
   */
  async receiveWebhook(providerName: string, rawBody: Buffer, headers: Record<string, string | string[] | undefined>): Promise<{ orderId: string; status: PaymentStatus }> {
    try {
      const provider = this.providers.get(providerName);
      if (!provider) throw new WebhookRejected('unknown-provider', `No payment provider "${providerName}"`, 404);
      const event = provider.verifyWebhook(rawBody, headers);
      const order = await this.db.getRepository(PaymentOrderEntity).findOneBy({ provider: providerName, providerPaymentId: event.providerPaymentId });
      if (!order) throw new WebhookRejected('unknown-payment', `No payment order for ${providerName} payment ${event.providerPaymentId}`, 404);
      const status = await this.apply(order.id, event, 'webhook', { event: { provider: providerName, eventId: event.eventId } })
        .catch((error: unknown) => {
          if (error instanceof AmountMismatch) throw new WebhookRejected('amount-mismatch', error.message, 422);
          throw error;
        });
      return { orderId: order.id, status };
    } catch (error) {
      if (!(error instanceof WebhookRejected)) throw error;
      await this.audit.recordAlone({
        actorId: null, action: 'payment.webhook-rejected', objectType: 'payment-provider', objectId: providerName,
        details: { reason: error.reason, message: error.message, bytes: rawBody.length },
      });
      this.options.logger?.warn({ provider: providerName, reason: error.reason }, 'payment webhook rejected');
      throw error;
    }
  }

  /**
   * Applies a status the provider reported. The event id (for webhooks) is recorded in the same
   * transaction, so a replay is refused; the row lock makes a webhook and the reconciler agree.
   * A report of another amount or currency than the order's changes nothing (AmountMismatch).
   * Money taken when nothing was owed any more (the order cancelled or expired, the application
   * withdrawn) is recorded with the reason it is to be refunded, and never announced to the
   * process. Each change is a step of the application's timeline, so its owner sees it live.
   */
  private async apply(orderId: string, reported: ProviderStatus, source: 'webhook' | 'reconciliation' | 'refresh' | 'official', { event, actorId = null }: { event?: { provider: string; eventId: string }; actorId?: string | null } = {}): Promise<PaymentStatus> {
    return this.db.transaction(async (manager) => {
      if (event) {
        const inserted = await manager.createQueryBuilder().insert().into(PaymentWebhookEventEntity)
          .values({ provider: event.provider, eventId: event.eventId, orderId }).orIgnore().returning(['event_id']).execute();
        if (!inserted.raw.length) throw new WebhookRejected('replay', `Event ${event.eventId} was received before`, 409);
      }
      const order = await manager.getRepository(PaymentOrderEntity).createQueryBuilder('o').setLock('pessimistic_write').where('o.id = :orderId', { orderId }).getOneOrFail();
      if (reported.amount && (reported.amount.cents !== order.amountCents || reported.amount.currency !== order.currency)) {
        throw new AmountMismatch(`The provider reports ${reported.amount.cents} ${reported.amount.currency} for order ${order.id} of ${order.amountCents} ${order.currency}`);
      }
      // Shared lock: a withdrawal committing meanwhile waits, so it cannot slip between this check and the message.
      const application = order.applicationId
        ? await manager.getRepository(ApplicationEntity).createQueryBuilder('a').setLock('pessimistic_read').where('a.id = :id', { id: order.applicationId }).getOne()
        : null;
      const refundDue = reported.status === 'paid' && !order.refundDue ? refundReason(order, application) : null;
      if (!refundDue && !canMove(order.status, reported.status)) return order.status;
      // An order no longer payable keeps its final status; the money it got anyway is noted beside it.
      const next: Partial<PaymentOrder> = FINAL_STATUSES.includes(order.status) ? {} : { status: reported.status };
      if (reported.status === 'paid') next.paidAt = reported.paidAt ?? new Date();
      if (refundDue) next.refundDue = refundDue;
      await manager.getRepository(PaymentOrderEntity).update({ id: orderId }, next);
      const changed: PaymentOrder = { ...order, ...next };
      await this.audit.record(manager, {
        actorId, action: refundDue ? 'payment.refund-due' : 'payment.status-changed', objectType: 'payment-order', objectId: orderId,
        before: { status: order.status }, after: { status: changed.status, ...(refundDue ? { refundDue } : {}) },
        details: { from: order.status, to: reported.status, source, ...(refundDue ? { refundDue } : {}), ...(event ? { eventId: event.eventId } : {}) },
      });
      if (application) await addTimelineEvent(manager, application, refundDue ? 'payment-refund-due' : `payment-${changed.status}`, actorId, timelineDetails(changed));
      if (changed.status === 'paid' && !refundDue) await this.announce(manager, changed);
      return changed.status;
    });
  }

  /** An official calls off an order not paid yet; returns the status it has afterwards (a final one stays). */
  async cancel(orderId: string, actorId: string): Promise<PaymentStatus> {
    return this.apply(orderId, { status: 'cancelled', paidAt: null }, 'official', { actorId });
  }

  /**
   * Publishes `payment-received` for an order that became paid, through the outbox in the same
   * transaction: the message goes out exactly when the payment is stored. The message id (the
   * order id) makes the engine refuse a second copy while the first is buffered (its whole time
   * to live), so the waiting process passes its catch event once.
   */
  private async announce(manager: EntityManager, order: PaymentOrder): Promise<void> {
    const { outbox } = this.options;
    if (!outbox || !order.applicationId) return;
    await outbox.enqueue(manager, {
      kind: 'publish-message',
      request: {
        name: PAYMENT_RECEIVED, correlationKey: order.applicationId, messageId: `payment-${order.id}`, timeToLive: MESSAGE_TTL_MS,
        variables: { payment: { orderId: order.id, reference: order.reference, kind: order.kind, amountCents: order.amountCents, currency: order.currency, status: 'paid', paidAt: order.paidAt?.toISOString() ?? null } },
      },
    });
    await manager.getRepository(PaymentOrderEntity).update({ id: order.id }, { messagePublishedAt: new Date() });
  }

  /**
   * The payer is back from the bank: asks the provider now, at most once per order every few
   * seconds (in between, and when the provider does not answer, the stored order is the answer).
   * What the provider says is applied as reconciliation would; nothing the payer sends counts.
   */
  async refresh(orderId: string): Promise<PaymentOrder> {
    const [due] = (await this.db.query(`
      UPDATE payment_order SET provider_checked_at = now()
       WHERE id = $1 AND status = ANY($2::text[]) AND provider_payment_id IS NOT NULL
         AND (provider_checked_at IS NULL OR provider_checked_at < now() - make_interval(secs => ${REFRESH_EVERY_SECONDS}))
       RETURNING provider, provider_payment_id AS "providerPaymentId"`, [orderId, OPEN_STATUSES]))[0] as { provider: string; providerPaymentId: string }[];
    const provider = due && this.providers.get(due.provider);
    if (provider) {
      try {
        await this.apply(orderId, await provider.status(due.providerPaymentId), 'refresh');
      } catch (error) {
        await this.reportFailedCheck(orderId, error);
      }
    }
    return (await this.get(orderId))!;
  }

  /** A provider's answer that could not be applied: a wrong amount is audited, anything else logged. */
  private async reportFailedCheck(orderId: string, error: unknown): Promise<void> {
    if (error instanceof AmountMismatch) {
      await this.audit.recordAlone({ actorId: null, action: 'payment.amount-mismatch', objectType: 'payment-order', objectId: orderId, details: { message: error.message } });
    }
    this.options.logger?.warn({ err: error, orderId }, 'payment status not reconciled');
  }

  /**
   * One reconciliation pass: asks the provider for every order not final yet (covers a webhook
   * that never came) and expires unpaid ones past their due date.
   */
  async reconcile(batch = 100): Promise<{ checked: number; changed: number }> {
    const repository = this.db.getRepository(PaymentOrderEntity);
    const open = await repository.createQueryBuilder('o')
      .where('o.status IN (:...open)', { open: OPEN_STATUSES }).andWhere('o.provider_payment_id IS NOT NULL')
      .orderBy('o.updated_at', 'ASC').limit(batch).getMany();
    let changed = 0;
    const today = new Date().toISOString().slice(0, 10);
    for (const order of open) {
      const provider = this.providers.get(order.provider);
      if (!provider) continue;
      try {
        const reported = await provider.status(order.providerPaymentId!);
        // Unpaid past its due date: the order expires (a payment the bank already took still counts).
        const overdue = order.dueDate !== null && order.dueDate < today && reported.status !== 'paid';
        if ((await this.apply(order.id, overdue ? { status: 'expired', paidAt: null } : reported, 'reconciliation')) !== order.status) changed += 1;
      } catch (error) {
        await this.reportFailedCheck(order.id, error);
      }
    }
    return { checked: open.length, changed };
  }

  /**
   * Starts (or restarts with a new interval) the reconciliation poller; stop() ends it and
   * waits for a pass under way.
   */
  start(options: { reconcileEveryMs: number; logger?: Logger }): { stop(): Promise<void> } {
    if (options.logger) this.options.logger = options.logger;
    clearInterval(this.timer);
    this.timer = setInterval(() => {
      this.running = this.running.then(() => this.reconcile()).catch((error: unknown) => this.options.logger?.warn({ err: error }, 'payment reconciliation failed'));
    }, options.reconcileEveryMs);
    this.timer.unref();
    return {
      stop: async () => {
        clearInterval(this.timer);
        await this.running;
      },
    };
  }
}

/** Why money the bank took for `order` is to be refunded, or null when it was owed. */
function refundReason(order: PaymentOrder, application: Application | null): RefundReason | null {
  if (order.status === 'cancelled') return 'order-cancelled';
  if (order.status === 'expired') return 'order-expired';
  if (order.status !== 'paid' && application && WITHDRAWN_APPLICATION.includes(application.status)) return 'application-withdrawn';
  return null;
}

/** What a payment step of the timeline says: enough for the order page to show it without asking again. */
function timelineDetails(order: PaymentOrder): Record<string, unknown> {
  return {
    paymentId: order.id, paymentStatus: order.status, kind: order.kind, amountCents: order.amountCents, currency: order.currency,
    reference: order.reference, ...(order.refundDue ? { refundDue: order.refundDue } : {}),
  };
}
