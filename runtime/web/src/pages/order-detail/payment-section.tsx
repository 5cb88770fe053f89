import { useEffect, useRef } from 'react';
import { api, type ApplicationDetail } from '../../api.js';
import { useLang } from '../../i18n.js';
import { Alert, Heading, KeyValues, Paragraph, Tag, formatDate, formatMoney } from '../../ui/index.js';

type Payment = NonNullable<ApplicationDetail['payment']>;

const STATUS_COLOR: Record<Payment['status'], 'success' | 'danger' | 'info' | 'neutral' | 'warning'> = {
  created: 'warning', pending: 'info', failed: 'danger', paid: 'success', expired: 'neutral', cancelled: 'neutral',
};

/**
 * The fee of the order and its payment: "Pay 2.50 EUR" at the bank while it is owed, the
 * invoice with its RF reference, and the state the bank reports (updated live by the page).
 * Coming back from the bank, the page asks the bank at once instead of waiting for its notice;
 * whatever the return address says is not believed.
 */
export function PaymentSection({ application, onChanged }: { application: ApplicationDetail; onChanged: () => void }) {
  const { lang, t } = useLang();
  const payment = application.payment;
  const asked = useRef(false);
  useEffect(() => {
    if (!payment || asked.current || (payment.status !== 'pending' && payment.status !== 'created')) return;
    asked.current = true;
    void api.POST('/api/applications/{id}/payments/{paymentId}/refresh', { params: { path: { id: application.id, paymentId: payment.id } }, body: {} }).then(onChanged, () => undefined);
  }, [payment, application.id, onChanged]);

  if (!payment && application.fee === 'free') return null;
  const fee = application.fee === 'free' ? t.free : formatMoney(application.fee.amount, application.fee.currency, lang);
  return (
    <section aria-labelledby="payment-heading" className="order-section" data-testid="payment">
      <Heading level={2} data-size="sm" id="payment-heading">{t.payment}</Heading>
      {!payment ? <Paragraph>{t.feeLater(fee)}</Paragraph> : (
        <>
          {payment.payable && payment.kind === 'postpayment' && <Paragraph data-testid="postpayment">{t.postpaymentHint}</Paragraph>}
          {payment.payable && (
            <div className="actions">
              <a className="ds-button" data-variant="primary" href={payment.redirectUrl ?? '#'}>{t.pay(formatMoney(payment.amount, payment.currency, lang))}</a>
            </div>
          )}
          <KeyValues items={[
            { key: 'status', term: t.status, value: <span role="status"><Tag data-color={STATUS_COLOR[payment.status]} data-testid="payment-status">{t.paymentStatuses[payment.status]}</Tag></span> },
            { key: 'amount', term: t.amount, value: formatMoney(payment.amount, payment.currency, lang) },
            { key: 'reference', term: t.paymentReference, value: <code className="digest">{payment.printedReference}</code> },
            ...(payment.dueDate ? [{ key: 'due', term: t.dueDate, value: formatDate(payment.dueDate, lang) }] : []),
            ...(payment.paidAt ? [{ key: 'paid', term: t.paidAt, value: formatDate(payment.paidAt, lang) }] : []),
          ]} />
          {payment.refundDue && <Alert data-color="warning">{t.refundDue}</Alert>}
          <Paragraph><a href={`${payment.invoiceUrl}?lang=${lang}`} download>{t.invoicePdf}</a></Paragraph>
        </>
      )}
    </section>
  );
}
