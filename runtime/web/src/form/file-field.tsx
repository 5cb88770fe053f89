import { useEffect, useState } from 'react';
import { api, ApiError, ok, type DocumentRef } from '../api.js';
import { useLang } from '../i18n.js';

/** Readable size: 1.2 MB, 34 kB. */
export function formatSize(bytes: number): string {
  if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  if (bytes >= 1000) return `${Math.round(bytes / 1000)} kB`;
  return `${bytes} B`;
}

/**
 * A file field: the file goes to the document store at once and only the returned reference
 * (the document id) stays in the form data.
 */
export function FileField({ id, service, field, label, value, documents, error, onUploaded }: {
  id: string;
  service: string;
  /** The field's data path, for the field's own size and type limits. */
  field: string;
  label: string;
  value: unknown;
  documents: Record<string, DocumentRef>;
  error?: string;
  onUploaded: (document: DocumentRef) => void;
}) {
  const { t } = useLang();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  const ids = (Array.isArray(value) ? value : value ? [value] : []).filter((v): v is string => typeof v === 'string');
  const attached = ids.map((v) => (documents[v] ? `${documents[v].filename} (${formatSize(documents[v].size)})` : v)).join(', ');
  useEffect(() => setFailure(undefined), [value]);
  const upload = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    try {
      onUploaded(await ok(api.POST('/api/documents', {
        params: { query: { filename: file.name, service, field } },
        // The bytes as they are, with their own media type.
        body: file,
        bodySerializer: (bytes) => bytes,
        headers: { 'content-type': file.type || 'application/octet-stream' },
      })));
    } catch (e) {
      setFailure(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const message = failure ?? error;
  return (
    <div className="file-field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="file" aria-describedby={`${id}-status`} aria-invalid={message ? true : undefined} onChange={(e) => upload(e.currentTarget.files?.[0])} />
      <p id={`${id}-status`} role="status" className={message ? 'field-error' : 'muted'}>
        {busy ? t.uploading : message ?? attached}
      </p>
    </div>
  );
}
