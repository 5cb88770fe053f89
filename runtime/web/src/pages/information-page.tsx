import { useCallback, useEffect, useMemo, useState } from 'react';
import { labelOf } from '@konstruktor/forms/browser';
import { api, ApiError, ok, type Answer, type ApplicationDetail, type DocumentRef, type FieldError } from '../api.js';
import { useLang } from '../i18n.js';
import { Alert, Button, ErrorSummary, formatDate, navigate, PageHeading, Paragraph, type SummaryEntry } from '../ui/index.js';
import { FormView, type DomIdOf } from '../form/form-view.js';
import { FileField } from '../form/file-field.js';
import { answered, fieldAt, fieldsOf, getIn, pathSegments, setIn } from '../form/components.js';
import { loadOrderForm, type OrderForm } from '../form/order-form.js';
import { requestedPage } from '../form/requested-fields.js';
import { rememberDocument, rememberedDocuments } from '../form/documents.js';

type Data = Record<string, unknown>;
type InformationRequest = NonNullable<Answer<'get', '/api/applications/{id}/information-request'>['request']>;

/**
 * Answering an official's request for more information: his message, the deadline, and the
 * parts of the start form he asked about, filled in as submitted, to correct or complete, with
 * files. Sent, the case goes back to him.
 */
export function InformationPage({ id }: { id: string }) {
  const { lang, t } = useLang();
  const [loaded, setLoaded] = useState<{ application: ApplicationDetail; request: InformationRequest | null; order: OrderForm }>();
  const [data, setData] = useState<Data>({});
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<string>();
  const [sending, setSending] = useState(false);
  const [documents, setDocuments] = useState<Record<string, DocumentRef>>(rememberedDocuments);
  const [domIdOf, setDomIdOf] = useState<{ of: DomIdOf }>({ of: () => undefined });
  const onDomIds = useCallback((of: DomIdOf) => setDomIdOf({ of }), []);

  useEffect(() => {
    let live = true;
    void (async () => {
      const application = await ok(api.GET('/api/applications/{id}', { params: { path: { id } } }));
      const [{ request }, order] = await Promise.all([
        ok(api.GET('/api/applications/{id}/information-request', { params: { path: { id } } })),
        loadOrderForm(application.service, lang),
      ]);
      if (!live) return;
      setLoaded({ application, request, order });
      setData((application.data ?? {}) as Data);
    })().catch((e: unknown) => setFailure(e instanceof Error ? e.message : String(e)));
    return () => { live = false; };
  }, [id, lang]);

  const page = useMemo(() => loaded?.request && requestedPage(loaded.order, loaded.request.fields, t.informationAnswer), [loaded, t]);
  const schema = useMemo(() => page && loaded && ({ ...loaded.order.form, components: page.components }), [page, loaded]);

  if (failure) return <><PageHeading>{t.informationTitle}</PageHeading><Alert data-color="danger" role="alert">{failure}</Alert></>;
  if (!loaded) return <><PageHeading>{t.informationTitle}</PageHeading><Paragraph role="status">{t.loading}</Paragraph></>;
  const { request, application, order } = loaded;
  const back = `/orders/${id}?lang=${lang}`;
  if (!request || !page || !schema) {
    return (
      <>
        <PageHeading>{t.informationTitle}</PageHeading>
        <Paragraph>{t.informationNone}</Paragraph>
        <a href={back} onClick={(event) => { event.preventDefault(); navigate(back); }}>{t.backToOrder}</a>
      </>
    );
  }

  const fields = fieldsOf(page.answers);
  const fileId = (path: string[]) => `file-${path.join('-')}`;
  const summary: SummaryEntry[] = errors.map((e) => {
    const at = fieldAt(fields, e.path.replace(/^\/answers\//, '/'));
    const component = at?.field.component;
    const target = component?.type === 'filepicker' ? fileId(at!.field.pattern) : domIdOf.of(e.path.replace(/^\/answers\//, '/'));
    return { ...e, label: (component && labelOf(component)) ?? pathSegments(e.path).join('.'), ...(target ? { target } : {}) };
  });
  const answers = () => Object.fromEntries(request.fields.filter((key) => key in answered(data)).map((key) => [key, answered(data)[key]]));

  const send = async () => {
    if (sending) return;
    const found = (await order.validate(answered(data))).filter((e) => request.fields.includes(pathSegments(e.path)[0] ?? ''));
    if (found.length) {
      setErrors(found);
      return;
    }
    setSending(true);
    try {
      await ok(api.POST('/api/applications/{id}/information', { params: { path: { id } }, body: { answers: answers(), lang } }));
      navigate(back);
    } catch (e) {
      if (e instanceof ApiError && e.status === 422 && e.errors.length) setErrors(e.errors);
      else setFailure(e instanceof Error ? e.message : String(e));
    } finally {
      setSending(false);
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

  return (
    <>
      <PageHeading>{t.informationTitle}</PageHeading>
      <Paragraph className="muted">{t.orderHeading(application.caseCode)}</Paragraph>
      <ErrorSummary errors={summary} />
      <Alert data-color="info" className="official-message">
        <strong>{t.informationFromOfficial}</strong>
        <Paragraph>{request.message}</Paragraph>
        {request.deadline && <Paragraph>{t.informationDeadline(formatDate(request.deadline, lang))}</Paragraph>}
      </Alert>
      {schema.components.length > 0 && <FormView schema={schema} lang={lang} data={data} errors={errors.map((e) => ({ ...e, path: e.path.replace(/^\/answers\//, '/data/') }))} onChange={setData} onDomIds={onDomIds} />}
      {page.files.map(({ component, path }) => (
        <FileField key={path.join('.')} id={fileId(path)} service={application.service} field={path.join('.')} label={component.label ?? path.join('.')} value={getIn(data, path)} documents={documents}
          error={errors.find((e) => pathSegments(e.path.replace(/^\/answers\//, '/')).slice(0, path.length).join('.') === path.join('.'))?.message}
          onUploaded={uploaded(path, !!component.multiple)} />
      ))}
      <div className="actions">
        <Button type="button" onClick={send} disabled={sending} loading={sending}>{t.informationSend}</Button>
        <a href={back} onClick={(event) => { event.preventDefault(); navigate(back); }}>{t.backToOrder}</a>
      </div>
    </>
  );
}
