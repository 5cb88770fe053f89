/**
 * The properties panel of a read-only version: every field can still be reached and read (with
 * the keyboard and a screen reader too), and groups still open and close, but no field takes
 * input. Text fields become readonly; choices, which have no readonly state, disabled; the
 * panel's FEEL editors (contenteditable) not editable. It follows the panel as it re-renders
 * for another element. Returns the stop function, which gives the fields back.
 */
const FIELDS = 'input, textarea, select, [contenteditable="true"]';
const MARK = 'ktReadOnly';

const isChoice = (field: HTMLElement): field is HTMLSelectElement | HTMLInputElement =>
  field instanceof HTMLSelectElement || (field instanceof HTMLInputElement && ['checkbox', 'radio'].includes(field.type));

/** Locks the fields that take input now, marking them so that only they are given back. */
function lock(root: HTMLElement): void {
  for (const field of root.querySelectorAll<HTMLElement>(FIELDS)) {
    if (field.dataset[MARK]) continue;
    if (field.isContentEditable) field.setAttribute('contenteditable', 'false');
    else if (isChoice(field)) {
      if (field.disabled) continue;
      field.disabled = true;
    } else {
      const text = field as HTMLInputElement | HTMLTextAreaElement;
      if (text.readOnly) continue;
      text.readOnly = true;
    }
    field.dataset[MARK] = '1';
  }
}

function unlock(root: HTMLElement): void {
  for (const field of root.querySelectorAll<HTMLElement>('[data-kt-read-only]')) {
    delete field.dataset[MARK];
    if (field.getAttribute('contenteditable') === 'false') field.setAttribute('contenteditable', 'true');
    else if (isChoice(field)) field.disabled = false;
    else (field as HTMLInputElement | HTMLTextAreaElement).readOnly = false;
  }
}

export function readOnlyPanel(root: HTMLElement): () => void {
  lock(root);
  const observer = new MutationObserver(() => lock(root));
  observer.observe(root, { childList: true, subtree: true });
  return () => {
    observer.disconnect();
    unlock(root);
  };
}
