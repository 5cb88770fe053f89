import { useEffect, useId, useRef, useState } from 'react';
import type { PDFDocumentLoadingTask, PDFDocumentProxy } from 'pdfjs-dist';
import { Button, Paragraph } from '../../ui/index.js';
import type { CaseDocument } from '../api-types.js';
import { useTexts } from '../i18n.js';

/** Enough pages to judge a document by; the rest are a download away. */
const MAX_PAGES = 5;
const IMAGE_TYPES = new Set(['image/png', 'image/jpeg']);

/** Whether the case view can show a document inside the page. */
export function canPreview(document: CaseDocument): boolean {
  return document.mediaType === 'application/pdf' || IMAGE_TYPES.has(document.mediaType);
}

/** A "Preview" button that shows an image or a PDF's first pages under it, with a link to the whole file. */
export function DocumentPreview({ document }: { document: CaseDocument }) {
  const { t } = useTexts();
  const [open, setOpen] = useState(false);
  const regionId = useId();
  return (
    <div className="document-preview">
      <Button variant="tertiary" data-size="sm" aria-expanded={open} aria-controls={regionId} onClick={() => setOpen(!open)}>
        {open ? t.hidePreview : t.preview}<span className="visually-hidden">: {document.filename}</span>
      </Button>
      <div id={regionId} hidden={!open} data-testid="document-preview">
        {open && (IMAGE_TYPES.has(document.mediaType)
          ? <img src={document.href} alt={t.previewOf(document.filename)} className="document-preview__image" />
          : <PdfPages document={document} />)}
        {open && <Paragraph data-size="sm"><a href={document.href} target="_blank" rel="noopener">{t.openWhole(document.filename)}</a></Paragraph>}
      </div>
    </div>
  );
}

/** pdf.js, loaded when a PDF is first previewed (the inbox never pays for it), its worker from our own origin. */
async function loadPdfjs() {
  const [pdfjs, worker] = await Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]);
  pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
  return pdfjs;
}

function PdfPages({ document }: { document: CaseDocument }) {
  const { t } = useTexts();
  const [pdf, setPdf] = useState<PDFDocumentProxy>();
  const [failed, setFailed] = useState(false);
  const canvases = useRef<(HTMLCanvasElement | null)[]>([]);

  useEffect(() => {
    let loading: PDFDocumentLoadingTask | undefined;
    let cancelled = false;
    void (async () => {
      const pdfjs = await loadPdfjs();
      const response = await fetch(document.href);
      if (!response.ok) throw new Error(`${response.status}`);
      const data = await response.arrayBuffer();
      if (cancelled) return;
      loading = pdfjs.getDocument({ data });
      const loaded = await loading.promise;
      if (!cancelled) setPdf(loaded);
    })().catch(() => { if (!cancelled) setFailed(true); });
    // Closing the preview ends the document and its worker.
    return () => { cancelled = true; void loading?.destroy(); };
  }, [document.href]);

  useEffect(() => {
    if (!pdf) return;
    const tasks: { cancel(): void }[] = [];
    void (async () => {
      for (let n = 1; n <= Math.min(pdf.numPages, MAX_PAGES); n++) {
        const canvas = canvases.current[n - 1];
        if (!canvas) continue;
        const page = await pdf.getPage(n);
        const viewport = page.getViewport({ scale: 1.5 });
        canvas.width = viewport.width;
        canvas.height = viewport.height;
        const task = page.render({ canvas, viewport });
        tasks.push(task);
        await task.promise;
      }
    })().catch(() => { /* cancelled on close, or a page pdf.js cannot draw: the link to the file stays */ });
    return () => tasks.forEach((task) => task.cancel());
  }, [pdf]);

  if (failed) return <Paragraph data-size="sm">{t.previewFailed}</Paragraph>;
  if (!pdf) return <Paragraph data-size="sm" role="status">{t.loading}</Paragraph>;
  const shown = Math.min(pdf.numPages, MAX_PAGES);
  return (
    <ol className="document-preview__pages">
      {Array.from({ length: shown }, (_, i) => (
        <li key={i}>
          <Paragraph data-size="sm" className="muted">{t.pageOf(i + 1, pdf.numPages)}</Paragraph>
          <canvas ref={(c) => { canvases.current[i] = c; }} role="img" aria-label={t.pageOfFile(i + 1, pdf.numPages, document.filename)} className="document-preview__page" />
        </li>
      ))}
    </ol>
  );
}
