import { Type, type Static } from '@sinclair/typebox';
import type { DataSource } from 'typeorm';
import type { Application } from '../applications/application.entity.js';
import { Price } from '../catalogue/card-view.js';
import type { Payments } from './payments.js';
import { currentPayment, paymentOrderView, PaymentOrderView } from './payment-view.js';

/** What an order page needs to show "Pay 2.50 EUR": the service's fee and the payment now asked for. */
export const ApplicationPayment = Type.Object({
  fee: Price,
  payment: Type.Union([PaymentOrderView, Type.Null()], { description: 'the open payment order, else the newest one; null when the process asked for none' }),
});
export type ApplicationPayment = Static<typeof ApplicationPayment>;

/** The fee is the card's of the version ordered (a later version's price does not apply to this case). */
export async function applicationPayment(db: DataSource, payments: Payments, application: Application): Promise<ApplicationPayment> {
  const [[version], orders] = await Promise.all([
    db.query(`SELECT card->'price' AS price FROM service_version WHERE id = $1`, [application.serviceVersionId]) as Promise<{ price: ApplicationPayment['fee'] }[]>,
    payments.forApplication(application.id),
  ]);
  const current = currentPayment(orders);
  return { fee: version!.price, payment: current && paymentOrderView(current, application.status) };
}
