import { translateViewerText } from '@konstruktor/forms/browser';
import { translateDom } from '@konstruktor/forms/dom';
import type { Lang } from '../i18n.js';

/**
 * The form-js viewer writes its own English strings (Add new, Field is required., …); they are
 * swapped for the citizen's language as it renders them. Returns the stop function.
 */
export function translateViewer(container: HTMLElement, lang: Lang): () => void {
  if (lang === 'en') return () => undefined;
  return translateDom(container, { translate: (text) => translateViewerText(text, lang) });
}
