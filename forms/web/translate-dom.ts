/**
 * Browser only (`@konstruktor/forms/dom`). form-js has no translation service: its editor
 * (palette, properties panel) and its viewer write English strings straight into the DOM.
 * translateDom swaps known strings for another language as they are rendered, and keeps doing
 * so as preact updates them. The portal and the designer both use it.
 */
import { translateViewerText } from '../src/form/viewer-strings.js';
import type { Locale } from '../src/text.js';

const ATTRIBUTES = ['aria-label', 'placeholder', 'title'];

export interface DomTranslation {
  /** The translation of one whole text, or the text itself. */
  translate(text: string): string;
  /** Elements whose content is the user's own (a form's labels on the canvas): left alone. */
  skip?: string;
}

function translateNode(node: Node, how: DomTranslation): void {
  if (node.nodeType === Node.TEXT_NODE) {
    if (how.skip && node.parentElement?.closest(how.skip)) return;
    const text = node.textContent ?? '';
    const trimmed = text.trim();
    if (!trimmed) return;
    const translated = how.translate(trimmed);
    if (translated !== trimmed) node.textContent = text.replace(trimmed, translated);
    return;
  }
  if (!(node instanceof Element)) return;
  if (how.skip && node.closest(how.skip)) return;
  for (const name of ATTRIBUTES) {
    const value = node.getAttribute(name);
    if (value) {
      const translated = how.translate(value);
      if (translated !== value) node.setAttribute(name, translated);
    }
  }
  node.childNodes.forEach((child) => translateNode(child, how));
}

/** Translates `container` now and as it changes; returns the stop function. */
export function translateDom(container: HTMLElement, how: DomTranslation): () => void {
  translateNode(container, how);
  const observer = new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      if (mutation.type === 'characterData' || mutation.type === 'attributes') translateNode(mutation.target, how);
      mutation.addedNodes.forEach((node) => translateNode(node, how));
    }
  });
  observer.observe(container, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ATTRIBUTES });
  return () => observer.disconnect();
}

/**
 * The form-js viewer's own English strings (Add new, Field is required., …) in `locale`, as it
 * renders them: the portal's forms and the designer's previews and test runs. Returns the stop function.
 */
export function translateViewer(container: HTMLElement, locale: Locale): () => void {
  if (locale === 'en') return () => undefined;
  return translateDom(container, { translate: (text) => translateViewerText(text, locale) });
}
