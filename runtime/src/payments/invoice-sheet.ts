import type { DataSource } from 'typeorm';
import type { Application } from '../applications/application.entity.js';
import { caseCode } from '../applications/case-code.js';
import type { LocalizedText } from '../common/schemas.js';
import type { Locale } from '../forms/start-form.js';
import type { InvoiceSheet } from './invoice-pdf.js';
import type { PaymentOrder } from './payment-order.entity.js';

const inLocale = (text: LocalizedText, locale: Locale) => text[locale] ?? text.en ?? text.lt ?? text.lv ?? '';

/**
 * What the invoice of `order` prints: the provider agency as payee, the order's payer (the
 * applicant when the process named none), the service and the case.
 */
export async function invoiceSheet(db: DataSource, application: Application, order: PaymentOrder, locale: Locale): Promise<InvoiceSheet> {
  const [row] = (await db.query(`
    SELECT s.number AS "serviceNumber", s.title, ag.name AS "agencyName", ag.registration_code AS "registrationCode", ag.iban,
           u.display_name AS "applicantName", u.personal_code AS "applicantCode"
      FROM service s JOIN agency ag ON ag.id = s.provider_agency_id, app_user u
     WHERE s.id = $1 AND u.id = $2`, [application.serviceId, application.applicantId])) as {
    serviceNumber: number; title: LocalizedText; agencyName: LocalizedText; registrationCode: string | null; iban: string | null;
    applicantName: string; applicantCode: string | null;
  }[];
  const payerNamed = order.payerName !== null;
  return {
    locale,
    payee: { name: inLocale(row!.agencyName, locale), registrationCode: row!.registrationCode, iban: row!.iban },
    payer: { name: payerNamed ? order.payerName! : row!.applicantName, personalCode: payerNamed ? order.payerPersonalCode : row!.applicantCode },
    service: { title: inLocale(row!.title, locale), number: row!.serviceNumber },
    caseCode: caseCode(row!.serviceNumber, application.number),
    order,
  };
}
