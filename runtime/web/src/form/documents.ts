import type { DocumentRef } from '../api.js';

/**
 * Names and sizes of the files this browser uploaded, by document id: the form data keeps only
 * the id, and a resumed draft still shows what was attached.
 */
const KEY = 'konstruktor.documents';

export function rememberedDocuments(): Record<string, DocumentRef> {
  try {
    return JSON.parse(sessionStorage.getItem(KEY) ?? '{}') as Record<string, DocumentRef>;
  } catch {
    return {};
  }
}

export function rememberDocument(document: DocumentRef): void {
  sessionStorage.setItem(KEY, JSON.stringify({ ...rememberedDocuments(), [document.id]: document }));
}
