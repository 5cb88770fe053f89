import { useId, type ComponentProps, type ReactNode, type SelectHTMLAttributes } from 'react';
import { Field, FieldDescription, Fieldset, FieldsetLegend, Input, Label, Select, SelectOption, ValidationMessage } from '@digdir/designsystemet-react';

/*
 * Form fields whose label, description and error are tied to the control in the markup itself
 * (for/id, aria-describedby), so they hold on a server-rendered page before any script runs.
 */

interface Described { label: ReactNode; description?: ReactNode; error?: ReactNode }

function describedBy(id: string, { description, error }: Described): string | undefined {
  return [description ? `${id}-description` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

function Extras({ id, description, error }: Described & { id: string }) {
  return (
    <>
      {description && <FieldDescription id={`${id}-description`}>{description}</FieldDescription>}
      {error && <ValidationMessage id={`${id}-error`}>{error}</ValidationMessage>}
    </>
  );
}

export function TextField({ label, description, error, id: given, ...input }: Described & ComponentProps<typeof Input>) {
  const generated = useId();
  const id = given ?? generated;
  return (
    <Field>
      <Label htmlFor={id}>{label}</Label>
      <Extras id={id} description={description} error={error} label={label} />
      <Input id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, { label, description, error })} {...input} />
    </Field>
  );
}

export interface Choice { value: string; label: ReactNode }

export function SelectField({ label, description, choices, id: given, ...select }: Omit<Described, 'error'> & { choices: Choice[] } & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'size'>) {
  const generated = useId();
  const id = given ?? generated;
  return (
    <Field>
      <Label htmlFor={id}>{label}</Label>
      {description && <FieldDescription id={`${id}-description`}>{description}</FieldDescription>}
      <Select id={id} aria-describedby={description ? `${id}-description` : undefined} {...select}>
        {choices.map((c) => <SelectOption key={c.value} value={c.value}>{c.label}</SelectOption>)}
      </Select>
    </Field>
  );
}

/** Several checkboxes (or radios) under one legend, sent as repeated `name` values by a plain form. */
export function ChoiceGroup({ legend, name, type = 'checkbox', choices, checked, onChange }: {
  legend: ReactNode;
  name: string;
  type?: 'checkbox' | 'radio';
  choices: Choice[];
  checked: readonly string[];
  onChange?: (value: string, on: boolean) => void;
}) {
  const id = useId();
  return (
    <Fieldset>
      <FieldsetLegend>{legend}</FieldsetLegend>
      {choices.map((c) => (
        <Field key={c.value}>
          <Input type={type} id={`${id}-${c.value}`} name={name} value={c.value} checked={checked.includes(c.value)}
            onChange={(event) => onChange?.(c.value, event.currentTarget.checked)} />
          <Label htmlFor={`${id}-${c.value}`} data-weight="regular">{c.label}</Label>
        </Field>
      ))}
    </Fieldset>
  );
}
