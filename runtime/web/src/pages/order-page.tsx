import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { labelOf } from '@konstruktor/forms/browser';
import { api, ApiError, ok, type DocumentRef, type FieldError } from '../api.js';
import { localized, useLang } from '../i18n.js';
import { FormView, type DomIdOf } from '../form/form-view.js';
import { FileField } from '../form/file-field.js';
import { CheckAnswers } from '../form/check-answers.js';
import { answered, fieldAt, fieldsOf, getIn, pathSegments, setIn } from '../form/components.js';
import { loadOrderForm, type OrderForm } from '../form/order-form.js';
import { rememberDocument, rememberedDocuments } from '../form/documents.js';
import { SubmitDeclaration } from '../form/submit-declaration.js';
import { onBehalfOf, useActingFor } from '../acting-for.js';
import { Alert, Button, ErrorSummary, formatMoney, navigate, PageHeading, Paragraph, Progress, type SummaryEntry } from '../ui/index.js';

type Data = Record<string, unknown>;

/** Ordering a service: its start form one page at a time, a draft, the answers to check, Submit. */
export function OrderPage({ service }: { service: string }) {
  const { lang, t } = useLang();
  const { actingFor } = useActingFor();
  const [order, setOrder] = useState<OrderForm>();
  const [failure, setFailure] = useState<string>();
  const [data, setData] = useState<Data>({});
  const [page, setPage] = useState(0);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [notice, setNotice] = useState<string>();
  const [documents, setDocuments] = useState<Record<string, DocumentRef>>(rememberedDocuments);
  const [domIdOf, setDomIdOf] = useState<{ of: DomIdOf }>({ of: () => undefined });
  const onDomIds = useCallback((of: DomIdOf) => setDomIdOf({ of }), []);
  const [submitting, setSubmitting] = useState(false);
  /** One Idempotency-Key per set of answers: sending the same answers again (a retry) cannot make a second order. */
  const submission = useRef<{ key: string; body: string }>(undefined);

  useEffect(() => {
    let live = true;
    loadOrderForm(service, lang).then(async (loaded) => {
      if (!live) return;
      const draft = await ok(api.GET('/api/applications/drafts/{service}', { params: { path: { service } } })).catch((e: unknown) => {
        if (e instanceof ApiError && e.status === 404) return undefined;
        throw e;
      });
      if (!live) return;
      setOrder(loaded);
      if (draft) {
        setData(draft.data);
        setPage(Math.min(draft.page ?? 0, loaded.pages.length));
        setNotice(t.draftResumed);
      } else {
        setData(loaded.prefilledData);
      }
    }).catch((e: unknown) => setFailure(e instanceof Error ? e.message : String(e)));
    return () => { live = false; };
    // The form is loaded once per service and language; the draft only on arrival.
  }, [service, lang]);

  const current = order?.pages[page];
  const isSummary = !!order && page >= order.pages.length;
  const pageFields = useMemo(() => (current ? fieldsOf(current.answers) : []), [current]);
  const formSchema = useMemo(() => current && order && ({ ...order.form, components: current.components }), [current, order]);

  if (failure) return <><PageHeading>{t.service}</PageHeading><Alert data-color="danger" role="alert">{failure}</Alert></>;
  if (!order) return <><PageHeading>{t.loading}</PageHeading></>;

  const goTo = (next: number) => {
    setErrors([]);
    setNotice(undefined);
    setPage(next);
  };

  /** Errors of the current page only, from the same validator the server runs. */
  const pageErrors = async (): Promise<FieldError[]> => {
    const all = await order.validate(answered(data));
    return all.filter((e) => !!fieldAt(pageFields, e.path));
  };

  const next = async () => {
    const found = await pageErrors();
    if (found.length) setErrors(found);
    else goTo(page + 1);
  };

  const saveDraft = async () => {
    await api.PUT('/api/applications/drafts/{service}', { params: { path: { service } }, body: { data: answered(data), page } });
    setNotice(t.draftSaved);
  };

  const submit = async () => {
    if (submitting) return;
    const body = { service, data: answered(data), lang, ...onBehalfOf(actingFor) };
    const text = JSON.stringify(body);
    if (submission.current?.body !== text) submission.current = { key: crypto.randomUUID(), body: text };
    setSubmitting(true);
    try {
      const created = await ok(api.POST('/api/applications', { body, headers: { 'idempotency-key': submission.current.key } }));
      await api.DELETE('/api/applications/drafts/{service}', { params: { path: { service } } }).catch(() => undefined);
      navigate(`/orders/${created.id}?lang=${lang}`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 422 && e.errors.length) setErrors(e.errors);
      else setFailure(e instanceof Error ? e.message : String(e));
    } finally {
      setSubmitting(false);
    }
  };

  const uploaded = (path: string[], multiple: boolean) => (document: DocumentRef) => {
    rememberDocument(document);
    setDocuments((known) => ({ ...known, [document.id]: document }));
    setData((known) => {
      const before = getIn(known, path);
      return setIn(known, path, multiple ? [...(Array.isArray(before) ? before : []), document.id] : document.id);
    });
  };

  const allFields = fieldsOf(order.pages.flatMap((p) => p.answers));
  const fileId = (path: string[]) => `file-${path.join('-')}`;
  const summaryEntries: SummaryEntry[] = errors.map((e) => {
    const at = fieldAt(allFields, e.path);
    const component = at?.field.component;
    const target = isSummary ? undefined : component?.type === 'filepicker' ? fileId(at!.field.pattern) : domIdOf.of(e.path);
    return { ...e, label: (component && labelOf(component)) ?? pathSegments(e.path).join('.'), ...(target ? { target } : {}) };
  });
  const title = localized(order.title, lang);

  return (
    <>
      <PageHeading>{isSummary ? t.checkAnswers : current?.title ?? title}</PageHeading>
      {title !== current?.title && <Paragraph className="muted">{title}</Paragraph>}
      <Progress step={Math.min(page + 1, order.pages.length + 1)} of={order.pages.length + 1} />
      <ErrorSummary errors={summaryEntries} />
      {notice && <Alert data-color="info" role="status">{notice}</Alert>}
      {isSummary ? (
        <>
          <CheckAnswers pages={order.pages} data={data} documents={documents} onChange={goTo} />
          <Paragraph data-testid="fee"><strong>{t.price}:</strong> {order.price === 'free' ? t.free : t.feeAfterSubmit(formatMoney(order.price.amount, order.price.currency, lang))}</Paragraph>
          {actingFor.kind !== 'self' && <Alert data-color="info" data-testid="ordering-for">{t.orderingFor(actingFor.name)}</Alert>}
          <SubmitDeclaration />
        </>
      ) : (
        <>
          {order.prefilledOn(page).length > 0 && (
            <ul className="prefill" aria-label={t.fromProfile}>
              {order.prefilledOn(page).map((p) => <li key={p.key}>{p.label}: {String(p.value)} — {p.source.startsWith('profile') ? t.fromProfile : p.source}</li>)}
            </ul>
          )}
          {formSchema && <FormView schema={formSchema} lang={lang} data={data} errors={errors} onChange={setData} onDomIds={onDomIds} />}
          {current?.files.map(({ component, path }) => (
            <FileField key={path.join('.')} id={fileId(path)} service={service} field={path.join('.')} label={component.label ?? path.join('.')} value={getIn(data, path)} documents={documents}
              error={errors.find((e) => pathSegments(e.path).slice(0, path.length).join('.') === path.join('.'))?.message}
              onUploaded={uploaded(path, !!component.multiple)} />
          ))}
        </>
      )}
      <div className="actions">
        {isSummary
          ? <Button type="button" onClick={submit} disabled={submitting} loading={submitting}>{submitting ? t.submitting : t.submit}</Button>
          : <Button type="button" onClick={next}>{t.next}</Button>}
        {page > 0 && <Button type="button" variant="secondary" onClick={() => goTo(page - 1)}>{t.back}</Button>}
        <Button type="button" variant="tertiary" onClick={saveDraft}>{t.saveDraft}</Button>
      </div>
    </>
  );
}
