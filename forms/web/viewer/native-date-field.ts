/**
 * Browser only (`@konstruktor/forms/viewer`). A form-js viewer module that renders date fields
 * (`datetime` of subtype `date`) as the browser's own `<input type="date">` instead of form-js's
 * flatpickr calendar.
 *
 * Why: the native control is what phones and screen readers handle best, and it is cheap.
 * form-js builds a whole flatpickr calendar for every date field when it mounts, and redraws
 * the empty ones whenever the form changes (it deep-compares their Invalid Date, and NaN never
 * equals NaN). With this module a page's date fields cost no more than text fields.
 * The input's id is the field's DOM id, so an error summary's link lands on it.
 * Read-only, the date is text written as the form's option `formatDate` says (the page's
 * language): a date input always shows the browser's own format, say 05/01/2027 to an
 * official reading a Lithuanian form in an American browser.
 * Time and date-time fields keep form-js's own picker.
 */
import { h, type FunctionComponent } from 'preact';
import { Datetime, Description, Errors, Label as FormJsLabel } from '@bpmn-io/form-js-viewer';
import './native-date-field.css';

// form-js types Label's children as one VNode, narrower than preact's own children type.
const Label = FormJsLabel as unknown as FunctionComponent<{ htmlFor: string; label?: string; required: boolean }>;

interface DateField {
  subtype?: string;
  dateLabel?: string;
  description?: string;
  disallowPassedDates?: boolean;
  validate?: { required?: boolean };
}

interface FormFieldProps {
  field: DateField;
  value?: unknown;
  domId: string;
  errors?: string[];
  disabled?: boolean;
  readonly?: boolean;
  onChange(change: { field: DateField; value: string | null }): void;
  onBlur?(): void;
  onFocus?(): void;
}

/** `new Form({ formatDate })`: writes a date field's ISO date (`2027-05-01`) for a reader; read-only fields show it so. */
export type FormatDate = (isoDate: string) => string;

/** Today in the citizen's time zone, as an input's `min`. */
function today(): string {
  const now = new Date();
  return [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
}

/** The date field's renderer; a read-only field writes its date with `formatDate`. */
function nativeDate(formatDate: FormatDate = (isoDate) => isoDate) {
  function NativeDate(props: FormFieldProps) {
    const { field, value, domId, errors = [], disabled = false, readonly = false, onChange, onBlur, onFocus } = props;
    if (field.subtype !== 'date') return h(Datetime, props);
    const required = field.validate?.required ?? false;
    const descriptionId = `${domId}-description`;
    const errorMessageId = `${domId}-error-message`;
    const describedBy = `${descriptionId} ${errorMessageId}`;
    const classes = ['fjs-form-field', 'fjs-form-field-datetime', errors.length > 0 && 'fjs-has-errors', disabled && 'fjs-disabled', readonly && 'fjs-readonly'];
    const input = readonly
      ? h('input', { class: 'fjs-input', type: 'text', id: domId, readOnly: true, disabled, value: typeof value === 'string' && value ? formatDate(value) : '', 'aria-describedby': describedBy })
      : h('input', {
        class: 'fjs-input', type: 'date', id: domId,
        // A value that is no ISO date (say, a stale draft's) shows as empty, as the browser does.
        value: typeof value === 'string' ? value : '',
        min: field.disallowPassedDates ? today() : undefined,
        required, disabled,
        'aria-describedby': describedBy,
        'aria-invalid': errors.length > 0,
        // The browser reports '' until the date is whole and valid; form-js's empty date is null.
        onInput: (event: Event) => onChange({ field, value: (event.currentTarget as HTMLInputElement).value || null }),
        onBlur, onFocus,
      });
    return h('div', { class: classes.filter(Boolean).join(' ') },
      h(Label, { htmlFor: domId, label: field.dateLabel, required }),
      // In form-js's input frame, as its text fields are, so the two look alike.
      h('div', { class: ['fjs-input-group', disabled && 'fjs-disabled', readonly && 'fjs-readonly'].filter(Boolean).join(' ') }, input),
      h(Description, { id: descriptionId, description: field.description }),
      h(Errors, { id: errorMessageId, errors }),
    );
  }
  NativeDate.config = Datetime.config;
  return NativeDate;
}

class NativeDateFields {
  static $inject = ['formFields', 'config'];
  constructor(formFields: { register(type: string, component: unknown): void }, config: { formatDate?: FormatDate }) {
    formFields.register('datetime', nativeDate(config.formatDate));
  }
}

/** `new Form({ additionalModules: [nativeDateModule], formatDate })`: replaces form-js's `datetime` renderer. */
export const nativeDateModule = { __init__: ['nativeDateFields'], nativeDateFields: ['type', NativeDateFields] };
