import { Fragment } from 'react';
import { formats } from '@konstruktor/forms/browser';
import { FIELD_TYPES, TEXT_LOCALES, emptyTexts, newRow } from './schema-rows.js';
import type { CodeValue, FieldRow, FieldType } from './schema-rows.js';
import { appendRow, moveRow, removeRow, updateRow } from './row-edit.js';
import type { RowPath } from './row-edit.js';
import type { DataStrings } from './strings.js';

/** String formats a text field may take; date and document are types of their own in the table. */
const TEXT_FORMATS = Object.keys(formats).filter((name) => name !== 'date' && name !== 'document');

interface Props {
  rows: FieldRow[];
  onRows(rows: FieldRow[]): void;
  readOnly: boolean;
  t: DataStrings;
  /** Dot paths of fields with a problem (marked invalid). */
  invalid: Set<string>;
}

/** The field table: one line per field, the fields of a group indented below it. */
export function FieldTable({ rows, onRows, readOnly, t, invalid }: Props) {
  const edit = (path: RowPath, change: Partial<FieldRow>) => onRows(updateRow(rows, path, (row) => ({ ...row, ...change })));

  const line = (row: FieldRow, path: RowPath, prefix: string, siblings: number) => {
    const dotted = prefix + row.name;
    const label = (what: string) => `${what}: ${dotted || '#' + (path.at(-1)! + 1)}`;
    const setType = (type: FieldType) => edit(path, {
      type,
      format: type === 'string' ? row.format : '',
      codes: type === 'code' && row.codes.length === 0 ? [{ value: 'value1', titles: emptyTexts() }] : row.codes,
    });
    const setCode = (index: number, change: Partial<CodeValue>) =>
      edit(path, { codes: row.codes.map((code, i) => (i === index ? { ...code, ...change } : code)) });
    return (
      <Fragment key={path.join('.')}>
        <tr className={`depth-${Math.min(path.length - 1, 4)}`}>
          <td>
            <input
              className="field-name"
              data-field={dotted}
              aria-label={label(t.name)}
              aria-invalid={invalid.has(dotted) || undefined}
              value={row.name}
              readOnly={readOnly}
              style={{ marginInlineStart: `${(path.length - 1) * 1.25}rem` }}
              onChange={(e) => edit(path, { name: e.target.value })}
            />
          </td>
          <td>
            {row.type === 'other' ? (
              <span>{t.otherType}</span>
            ) : (
              <select aria-label={label(t.type)} value={row.type} disabled={readOnly} onChange={(e) => setType(e.target.value as FieldType)}>
                {FIELD_TYPES.map((type) => <option key={type} value={type}>{t.types[type]}</option>)}
              </select>
            )}
          </td>
          <td className="center">
            <input type="checkbox" aria-label={label(t.required)} checked={row.required} disabled={readOnly} onChange={(e) => edit(path, { required: e.target.checked })} />
          </td>
          <td>
            {row.type === 'string' && (
              <select aria-label={label(t.format)} value={row.format} disabled={readOnly} onChange={(e) => edit(path, { format: e.target.value })}>
                <option value="">{t.noFormat}</option>
                {TEXT_FORMATS.map((name) => <option key={name} value={name}>{name}</option>)}
                {row.format && !TEXT_FORMATS.includes(row.format) && <option value={row.format}>{row.format}</option>}
              </select>
            )}
          </td>
          <td className="center">
            {row.type !== 'other' && (
              <input type="checkbox" aria-label={label(t.repeat)} checked={row.repeat} disabled={readOnly} onChange={(e) => edit(path, { repeat: e.target.checked })} />
            )}
          </td>
          <td className="titles">
            {TEXT_LOCALES.map((locale) => (
              <input
                key={locale}
                aria-label={`${label(t.titles)} (${locale.toUpperCase()})`}
                placeholder={locale.toUpperCase()}
                value={row.titles[locale]}
                readOnly={readOnly || row.type === 'other'}
                onChange={(e) => edit(path, { titles: { ...row.titles, [locale]: e.target.value } })}
              />
            ))}
          </td>
          <td className="actions">
            {!readOnly && (
              <>
                <button type="button" aria-label={label(t.moveUp)} title={t.moveUp} disabled={path.at(-1) === 0} onClick={() => onRows(moveRow(rows, path, -1))}>↑</button>
                <button type="button" aria-label={label(t.moveDown)} title={t.moveDown} disabled={path.at(-1) === siblings - 1} onClick={() => onRows(moveRow(rows, path, 1))}>↓</button>
                {row.type === 'object' && (
                  <button type="button" aria-label={label(t.addChild)} title={t.addChild} onClick={() => onRows(appendRow(rows, path, (list) => newRow(list)))}>+</button>
                )}
                <button type="button" aria-label={label(t.remove)} title={t.remove} onClick={() => onRows(removeRow(rows, path))}>✕</button>
              </>
            )}
          </td>
        </tr>
        {row.type === 'code' && (
          <tr className="codes">
            <td colSpan={7}>
              <fieldset style={{ marginInlineStart: `${path.length * 1.25}rem` }}>
                <legend>{t.codes}: {dotted}</legend>
                {row.codes.map((code, index) => (
                  <div className="code" key={index}>
                    <input aria-label={`${label(t.codeValue)} ${index + 1}`} value={code.value} readOnly={readOnly} onChange={(e) => setCode(index, { value: e.target.value })} />
                    {TEXT_LOCALES.map((locale) => (
                      <input
                        key={locale}
                        aria-label={`${label(t.codeValue)} ${index + 1} (${locale.toUpperCase()})`}
                        placeholder={locale.toUpperCase()}
                        value={code.titles[locale]}
                        readOnly={readOnly}
                        onChange={(e) => setCode(index, { titles: { ...code.titles, [locale]: e.target.value } })}
                      />
                    ))}
                    {!readOnly && (
                      <button type="button" aria-label={`${label(t.remove)} ${code.value}`} onClick={() => edit(path, { codes: row.codes.filter((_, i) => i !== index) })}>✕</button>
                    )}
                  </div>
                ))}
                {!readOnly && (
                  <button type="button" onClick={() => edit(path, { codes: [...row.codes, { value: `value${row.codes.length + 1}`, titles: emptyTexts() }] })}>
                    {t.addCode}
                  </button>
                )}
              </fieldset>
            </td>
          </tr>
        )}
        {row.type === 'object' && row.children.map((child, index) => line(child, [...path, index], `${dotted}.`, row.children.length))}
      </Fragment>
    );
  };

  return (
    <>
      <table className="field-table">
        <caption>{t.fields}</caption>
        <thead>
          <tr>
            <th scope="col">{t.name}</th>
            <th scope="col">{t.type}</th>
            <th scope="col">{t.required}</th>
            <th scope="col">{t.format}</th>
            <th scope="col">{t.repeat}</th>
            <th scope="col">{t.titles} (LT, LV, EN)</th>
            <th scope="col"><span className="visually-hidden">{t.actions}</span></th>
          </tr>
        </thead>
        <tbody>{rows.map((row, index) => line(row, [index], '', rows.length))}</tbody>
      </table>
      {!readOnly && (
        <button type="button" className="add-field" onClick={() => onRows(appendRow(rows, [], (list) => newRow(list)))}>
          {t.addField}
        </button>
      )}
    </>
  );
}
