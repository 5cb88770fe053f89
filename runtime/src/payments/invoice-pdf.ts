/** The invoice of a payment order: what to pay, to whom and with which reference, on the shared PDF layout. */
import { layoutPdf, type PdfContent } from '@konstruktor/connectors';
import type { Locale } from '../forms/start-form.js';
import type { PaymentOrder, PaymentStatus, RefundReason } from './payment-order.entity.js';
import { inGroupsOfFour } from './reference.js';

export interface InvoiceSheet {
  locale: Locale;
  payee: { name: string; registrationCode: string | null; iban: string | null };
  payer: { name: string; personalCode: string | null };
  service: { title: string; number: number };
  caseCode: string;
  order: Pick<PaymentOrder, 'amountCents' | 'currency' | 'reference' | 'description' | 'dueDate' | 'status' | 'paidAt' | 'refundDue' | 'createdAt'>;
}

interface Words {
  title: string; caseCode: string; issued: string; payee: string; registrationCode: string; iban: string; payer: string; personalCode: string;
  service: string; serviceNumber: string; purpose: string; amount: string; dueDate: string; reference: string; status: string;
  statuses: Record<PaymentStatus, string>; paidOn: string; refund: Record<RefundReason, string>; howToPay: string;
}

const WORDS: Record<Locale, Words> = {
  lt: {
    title: 'Sąskaita apmokėti', caseCode: 'Bylos kodas', issued: 'Išrašyta', payee: 'Gavėjas', registrationCode: 'Juridinio asmens kodas', iban: 'Sąskaitos Nr. (IBAN)',
    payer: 'Mokėtojas', personalCode: 'Asmens kodas', service: 'Paslauga', serviceNumber: 'Paslaugos Nr.', purpose: 'Mokėjimo paskirtis', amount: 'Mokėtina suma',
    dueDate: 'Sumokėti iki', reference: 'Įmokos kodas (ISO 11649)', status: 'Būsena',
    statuses: { created: 'Laukiama apmokėjimo', pending: 'Mokėjimas vykdomas', failed: 'Mokėjimas nepavyko', paid: 'Apmokėta', expired: 'Nebegalioja', cancelled: 'Atšaukta' },
    paidOn: 'sumokėta', refund: { 'order-cancelled': 'sąskaita buvo atšaukta, sumokėti pinigai bus grąžinti', 'order-expired': 'sąskaita nebegaliojo, sumokėti pinigai bus grąžinti', 'application-withdrawn': 'prašymas atsiimtas, sumokėti pinigai bus grąžinti' },
    howToPay: 'Sumokėkite paslaugos užsakymo puslapyje arba internetinėje bankininkystėje: įmokos kodą įrašykite į struktūrizuotos nuorodos (įmokos kodo) lauką.',
  },
  lv: {
    title: 'Rēķins', caseCode: 'Lietas kods', issued: 'Izrakstīts', payee: 'Saņēmējs', registrationCode: 'Reģistrācijas numurs', iban: 'Konta Nr. (IBAN)',
    payer: 'Maksātājs', personalCode: 'Personas kods', service: 'Pakalpojums', serviceNumber: 'Pakalpojuma Nr.', purpose: 'Maksājuma mērķis', amount: 'Maksājamā summa',
    dueDate: 'Samaksāt līdz', reference: 'Strukturētā atsauce (ISO 11649)', status: 'Statuss',
    statuses: { created: 'Gaida apmaksu', pending: 'Maksājums tiek apstrādāts', failed: 'Maksājums neizdevās', paid: 'Apmaksāts', expired: 'Termiņš beidzies', cancelled: 'Atcelts' },
    paidOn: 'samaksāts', refund: { 'order-cancelled': 'rēķins tika atcelts, samaksātā nauda tiks atmaksāta', 'order-expired': 'rēķina termiņš bija beidzies, samaksātā nauda tiks atmaksāta', 'application-withdrawn': 'pieteikums atsaukts, samaksātā nauda tiks atmaksāta' },
    howToPay: 'Samaksājiet pakalpojuma pieteikuma lapā vai internetbankā: atsauci ierakstiet maksājuma strukturētās atsauces laukā.',
  },
  en: {
    title: 'Invoice', caseCode: 'Case code', issued: 'Issued', payee: 'Payee', registrationCode: 'Registration code', iban: 'Account (IBAN)',
    payer: 'Payer', personalCode: 'Personal code', service: 'Service', serviceNumber: 'Service no.', purpose: 'Purpose of payment', amount: 'Amount due',
    dueDate: 'Due date', reference: 'Payment reference (ISO 11649)', status: 'Status',
    statuses: { created: 'Awaiting payment', pending: 'Payment in progress', failed: 'Payment failed', paid: 'Paid', expired: 'Expired', cancelled: 'Cancelled' },
    paidOn: 'paid on', refund: { 'order-cancelled': 'the invoice had been cancelled; the money paid will be refunded', 'order-expired': 'the invoice had expired; the money paid will be refunded', 'application-withdrawn': 'the application was withdrawn; the money paid will be refunded' },
    howToPay: 'Pay on the order page of the service, or in your internet bank: enter the payment reference in the structured reference field.',
  },
};

const NUMBER_LOCALE: Record<Locale, string> = { lt: 'lt-LT', lv: 'lv-LV', en: 'en-GB' };

const day = (date: Date) => date.toISOString().slice(0, 10);

export function formatAmount(cents: number, currency: string, locale: Locale): string {
  return `${new Intl.NumberFormat(NUMBER_LOCALE[locale], { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(cents / 100)} ${currency}`;
}

/** The invoice as an A4 PDF in the sheet's language. */
export async function invoicePdf(sheet: InvoiceSheet): Promise<Uint8Array> {
  const words = WORDS[sheet.locale];
  const { order } = sheet;
  const status = [words.statuses[order.status], order.paidAt ? `${words.paidOn} ${day(order.paidAt)}` : '', order.refundDue ? words.refund[order.refundDue] : '']
    .filter(Boolean).join(', ');
  const row = (label: string, value: PdfContent): PdfContent[] => [{ text: label, bold: true }, value];
  const lines = (...texts: (string | null)[]) => texts.filter((t): t is string => t !== null).join('\n');
  const content: PdfContent = [
    { text: `${words.title} ${inGroupsOfFour(order.reference)}`, style: 'title' },
    { text: `${words.caseCode} ${sheet.caseCode} · ${words.issued} ${day(order.createdAt)}`, style: 'small', margin: [0, 2, 0, 0] },
    {
      table: {
        widths: [170, '*'],
        body: [
          row(words.payee, lines(sheet.payee.name,
            sheet.payee.registrationCode && `${words.registrationCode} ${sheet.payee.registrationCode}`,
            sheet.payee.iban && `${words.iban} ${inGroupsOfFour(sheet.payee.iban)}`)),
          row(words.payer, lines(sheet.payer.name, sheet.payer.personalCode && `${words.personalCode} ${sheet.payer.personalCode}`)),
          row(words.service, lines(sheet.service.title, `${words.serviceNumber} ${sheet.service.number}`)),
          row(words.caseCode, sheet.caseCode),
          row(words.purpose, order.description),
          row(words.amount, { text: formatAmount(order.amountCents, order.currency, sheet.locale), bold: true }),
          ...(order.dueDate ? [row(words.dueDate, order.dueDate)] : []),
          row(words.reference, { text: inGroupsOfFour(order.reference), bold: true, fontSize: 13 }),
          row(words.status, status),
        ],
      },
      layout: 'grid',
      margin: [0, 12, 0, 0],
    },
    { text: words.howToPay, style: 'paragraph', margin: [0, 10, 0, 0] },
  ];
  const { pdf } = await layoutPdf({ title: `${words.title} ${order.reference}`, language: sheet.locale, content });
  return pdf;
}
