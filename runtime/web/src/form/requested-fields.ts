import type { FormPage, OrderForm } from './order-form.js';
import type { Component } from './components.js';

/** The top-level data key a component answers: its key's or path's first segment. */
function topKey(component: Component): string | undefined {
  return (component.key ?? component.path)?.split('.')[0];
}

/**
 * The parts of a start form an official asked to answer again (top-level data keys), gathered
 * from all its pages onto one, with their file fields, as the information page shows them.
 */
export function requestedPage(order: OrderForm, fields: readonly string[], title: string): FormPage {
  const pick = (components: Component[]) => components.filter((c) => {
    const key = topKey(c);
    return key !== undefined && fields.includes(key);
  });
  const answers = order.pages.flatMap((page) => pick(page.answers.flatMap((c) => (c.type === 'group' && !c.path ? c.components ?? [] : [c]))));
  return {
    title,
    components: answers.filter((c) => c.type !== 'filepicker'),
    answers,
    files: order.pages.flatMap((page) => page.files.filter((f) => fields.includes(f.path[0]!))),
  };
}
