import { translateViewerText } from '@konstruktor/forms/browser';
import type { Lang } from '../i18n.js';

const ATTRIBUTES = ['aria-label', 'placeholder', 'title'];

function translateNode(node: Node, lang: Lang): void {
  if (node.nodeType === Node.TEXT_NODE) {
    const text = node.textContent ?? '';
    const trimmed = text.trim();
    if (!trimmed) return;
    const translated = translateViewerText(trimmed, lang);
    if (translated !== trimmed) node.textContent = text.replace(trimmed, translated);
    return;
  }
  if (!(node instanceof Element)) return;
  for (const name of ATTRIBUTES) {
    const value = node.getAttribute(name);
    if (value) {
      const translated = translateViewerText(value, lang);
      if (translated !== value) node.setAttribute(name, translated);
    }
  }
  node.childNodes.forEach((child) => translateNode(child, lang));
}

/**
 * The form-js viewer writes its own English strings (Add new, Field is required., …); they are
 * swapped for the citizen's language as it renders them. Returns the stop function.
 */
export function translateViewer(container: HTMLElement, lang: Lang): () => void {
  if (lang === 'en') return () => undefined;
  translateNode(container, lang);
  const observer = new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      if (mutation.type === 'characterData' || mutation.type === 'attributes') translateNode(mutation.target, lang);
      mutation.addedNodes.forEach((node) => translateNode(node, lang));
    }
  });
  observer.observe(container, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ATTRIBUTES });
  return () => observer.disconnect();
}
