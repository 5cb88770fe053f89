import { Type, type Static } from '@sinclair/typebox';
import type { DataSource } from 'typeorm';
import type { Application } from '../applications/application.entity.js';
import { caseCode } from '../applications/case-code.js';
import { Price } from '../catalogue/card-view.js';
import type { Payments } from './payments.js';
import { currentPayment, paymentOrderView, PaymentOrderView } from './payment-view.js';

/** What an order page needs to show "Pay 2.50 EUR": the case code, the service's fee, the payment now asked for. */
export const ApplicationPayment = Type.Object({
  caseCode: Type.String({ description: 'the case code: service number and application number (e.g. "1001 7654"); payment references embed it' }),
  fee: Price,
  payment: Type.Union([PaymentOrderView, Type.Null()], { description: 'the open payment order, else the newest one; null when the process asked for none' }),
});
export type ApplicationPayment = Static<typeof ApplicationPayment>;

/** The fee is the card's of the version ordered (a later version's price does not apply to this case). */
export async function applicationPayment(db: DataSource, payments: Payments, application: Application): Promise<ApplicationPayment> {
  const [[service], orders] = await Promise.all([
    db.query(`SELECT s.number, v.card->'price' AS price FROM service s JOIN service_version v ON v.service_id = s.id WHERE s.id = $1 AND v.id = $2`,
      [application.serviceId, application.serviceVersionId]) as Promise<{ number: number; price: ApplicationPayment['fee'] }[]>,
    payments.forApplication(application.id),
  ]);
  const current = currentPayment(orders);
  return { caseCode: caseCode(service!.number, application.number), fee: service!.price, payment: current && paymentOrderView(current, application.status) };
}
