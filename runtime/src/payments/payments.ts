import type { DataSource, EntityManager } from 'typeorm';
import type { Logger } from 'pino';
import type { AuditLog } from '../audit/audit-log.js';
import { ApplicationEntity } from '../applications/application.entity.js';
import { PaymentOrderEntity, PaymentWebhookEventEntity, type PaymentKind, type PaymentOrder, type PaymentStatus } from './payment-order.entity.js';
import { canMove, OPEN_STATUSES } from './status.js';
import { newCreditorReference } from './reference.js';
import { WebhookRejected, type PaymentProvider, type ProviderStatus } from './provider.js';
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
    await this.db.getRepository(PaymentOrderEntity).update({ id: order.id }, { providerPaymentId: payment.providerPaymentId, redirectUrl: payment.redirectUrl });
    return { ...order, ...payment };
  }

  private async insert(values: ReturnType<Payments['validate']>): Promise<PaymentOrder> {
    const application = values.applicationId ? await this.db.getRepository(ApplicationEntity).findOneBy({ id: values.applicationId }) : null;
    if (values.applicationId && !application) throw new PaymentInputError('applicationId', `no application ${values.applicationId}`);
    try {
      return await this.db.transaction(async (manager) => {
        const order = await manager.getRepository(PaymentOrderEntity).save({
          ...values, reference: newCreditorReference(application?.number), status: 'created' as const,
          providerPaymentId: null, redirectUrl: null, paidAt: null, messagePublishedAt: null,
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
      throw error;
    }
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
      const status = await this.apply(order.id, event, 'webhook', { event: { provider: providerName, eventId: event.eventId } });
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
   */
  private async apply(orderId: string, reported: ProviderStatus, source: 'webhook' | 'reconciliation' | 'official', { event, actorId = null }: { event?: { provider: string; eventId: string }; actorId?: string | null } = {}): Promise<PaymentStatus> {
    const result = await this.db.transaction(async (manager) => {
      if (event) {
        const inserted = await manager.createQueryBuilder().insert().into(PaymentWebhookEventEntity)
          .values({ provider: event.provider, eventId: event.eventId, orderId }).orIgnore().returning(['event_id']).execute();
        if (!inserted.raw.length) throw new WebhookRejected('replay', `Event ${event.eventId} was received before`, 409);
      }
      const order = await manager.getRepository(PaymentOrderEntity).createQueryBuilder('o').setLock('pessimistic_write').where('o.id = :orderId', { orderId }).getOneOrFail();
      if (!canMove(order.status, reported.status)) return { order, changed: false };
      const next = { status: reported.status, ...(reported.status === 'paid' ? { paidAt: reported.paidAt ?? new Date() } : {}) };
      await manager.getRepository(PaymentOrderEntity).update({ id: orderId }, next);
      await this.audit.record(manager, {
        actorId, action: 'payment.status-changed', objectType: 'payment-order', objectId: orderId,
        before: { status: order.status }, after: { status: reported.status },
        details: { from: order.status, to: reported.status, source, ...(event ? { eventId: event.eventId } : {}) },
      });
      const changed = { ...order, ...next };
      if (changed.status === 'paid') await this.announce(manager, changed);
      return { order: changed, changed: true };
    });
    return result.order.status;
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
        this.options.logger?.warn({ err: error, orderId: order.id }, 'payment status not reconciled');
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
