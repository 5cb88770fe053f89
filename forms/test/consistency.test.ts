import { describe, expect, it } from 'vitest';
import type { FormComponent, FormSchema } from '@konstruktor/forms';
import { checkConsistency, createStructureRegistry, generateForm } from '@konstruktor/forms';
import { applicationStructure, personStructure, withConditions } from './support/structures.js';

const registry = createStructureRegistry([personStructure]);
const generated = generateForm(applicationStructure, { registry });

function edit(form: FormSchema, change: (components: FormComponent[]) => void): FormSchema {
  const copy = structuredClone(form);
  change(copy.components);
  return copy;
}

function find(components: FormComponent[], match: (c: FormComponent) => boolean): FormComponent {
  for (const component of components) {
    if (match(component)) return component;
    if (component.components) {
      try {
        return find(component.components, match);
      } catch {
        // keep looking in the next branch
      }
    }
  }
  throw new Error('no such component');
}

describe('checkConsistency', () => {
  it('finds nothing wrong with a generated form', () => {
    expect(checkConsistency(applicationStructure, generated, { registry })).toEqual([]);
  });

  it('reports a field whose key is not in the structure, also inside a repeating group', () => {
    const form = edit(generated, (components) => {
      find(components, (c) => c.key === 'email').key = 'mail';
      find(components, (c) => c.key === 'birthDate').key = 'born';
    });
    const problems = checkConsistency(applicationStructure, form, { registry });
    expect(problems).toEqual(
      expect.arrayContaining([
        { severity: 'error', componentId: 'Field_email', key: 'mail', path: '/mail', message: '"mail" is not in the data structure' },
        { severity: 'error', componentId: 'Field_children___birthDate', key: 'born', path: '/children/*/born', message: '"children.*.born" is not in the data structure' },
        { severity: 'error', componentId: null, key: 'birthDate', path: '/children/*/birthDate', message: 'Required field "children.*.birthDate" has no form field to fill it' },
      ]),
    );
    expect(problems).toHaveLength(3);
  });

  it('reports widgets that do not fit the structure\'s type', () => {
    const form = edit(generated, (components) => {
      find(components, (c) => c.key === 'hasPartner').type = 'textfield';
      find(components, (c) => c.key === 'iban').type = 'filepicker';
      find(components, (c) => c.key === 'disabilityCertificate').type = 'textfield';
    });
    const messages = checkConsistency(applicationStructure, form, { registry }).map((p) => [p.componentId, p.message]);
    expect(messages).toEqual([
      ['Field_iban', 'A file picker stores document references: "iban" needs format "document"'],
      ['Field_hasPartner', 'A textfield cannot hold the structure\'s boolean "hasPartner"'],
      ['Field_children___disabilityCertificate', '"children.*.disabilityCertificate" holds document references: use a file picker'],
    ]);
  });

  it('reports required structure fields no form field can fill, nested ones included', () => {
    const form = edit(generated, (components) => {
      const applicant = find(components, (c) => c.path === 'applicant');
      applicant.components = applicant.components!.filter((c) => c.key !== 'personalCode');
      const page = find(components, (c) => c.components?.some((child) => child.key === 'payout') ?? false);
      page.components = page.components!.filter((c) => c.key !== 'payout');
    });
    const problems = checkConsistency(applicationStructure, form, { registry });
    expect(problems.map((p) => [p.severity, p.path])).toEqual([
      ['error', '/applicant/personalCode'],
      ['error', '/payout'],
    ]);
  });

  it('reports a repeating group on a non-list, options outside the code list, broken patterns and hideable required fields', () => {
    const form = edit(withConditions(generated), (components) => {
      find(components, (c) => c.type === 'dynamiclist').path = 'applicant';
      find(components, (c) => c.key === 'payout').values!.push({ label: 'Cash', value: 'cash' });
      find(components, (c) => c.key === 'givenName').validate = { pattern: '([a-z' };
      find(components, (c) => c.key === 'hasPartner').conditional = { hide: '=false' };
    });
    const problems = checkConsistency(applicationStructure, form, { registry });
    expect(problems.map((p) => `${p.severity} ${p.path}: ${p.message}`)).toEqual(
      expect.arrayContaining([
        'error /applicant: Repeating group "applicant" needs a list in the structure, found object',
        'error /payout: Option "cash" is not in the structure\'s code list',
        'error /applicant/givenName: Pattern "([a-z" is not a valid regular expression',
        'warning /hasPartner: Required field "hasPartner" can be hidden; while hidden it is not required',
        'error /children: Required field "children" has no form field to fill it',
      ]),
    );
  });

  it('warns about a hide condition comparing a text field with null, which form-js leaves "" when empty', () => {
    const form = edit(withConditions(generated), (components) => {
      find(components, (c) => c.key === 'iban').conditional = { hide: '=applicant.givenName = null' };
      find(components, (c) => c.key === 'partnerCode').conditional = { hide: '=null != iban' };
      // Compared with "" as well, or not a text field: nothing to say.
      find(components, (c) => c.key === 'hasPartner').conditional = { hide: '=iban = null or iban = "" or payout = null' };
    });
    const problems = checkConsistency(applicationStructure, form, { registry }).filter((p) => p.message.startsWith('Hide condition'));
    expect(problems.map((p) => [p.severity, p.componentId, p.message])).toEqual([
      ['warning', find(form.components, (c) => c.key === 'iban').id,
        'Hide condition: "applicant.givenName = null" does not hold for a text field left empty, which holds "". Write applicant.givenName = null or applicant.givenName = ""'],
      ['warning', find(form.components, (c) => c.key === 'partnerCode').id,
        'Hide condition: "iban != null" holds for a text field left empty too, which holds "". Write iban != null and iban != ""'],
    ]);
  });

  describe("a user task's form (purpose 'task')", () => {
    const review: FormSchema = {
      type: 'default',
      schemaVersion: 19,
      components: [
        { id: 'Field_email', type: 'textfield', key: 'email', label: 'E-mail', readonly: true },
        { id: 'Field_decision', type: 'radio', key: 'decision', label: 'Decision', values: [{ label: 'Grant', value: 'grant' }, { label: 'Refuse', value: 'refuse' }] },
        { id: 'Field_reason', type: 'textarea', key: 'reason', label: 'Reason' },
        { id: 'Group_notes', type: 'group', path: 'notes', components: [{ id: 'Field_notes_text', type: 'textfield', key: 'text', label: 'Note' }] },
      ],
    };

    it('takes keys outside the structure as the task\'s own variables and does not ask for required fields', () => {
      expect(checkConsistency(applicationStructure, review, { registry, purpose: 'task' })).toEqual([]);
      // The same form as a start form: unknown keys, and the required fields nobody fills.
      const asStart = checkConsistency(applicationStructure, review, { registry });
      expect(asStart.filter((p) => p.message.endsWith('is not in the data structure')).map((p) => p.path)).toEqual(['/decision', '/reason', '/notes', '/notes/text']);
      expect(asStart.some((p) => p.message.startsWith('Required field'))).toBe(true);
    });

    it('still checks what it binds from the structure and refuses a key bound twice', () => {
      const form = edit(review, (components) => {
        components.push({ id: 'Field_hasPartner', type: 'number', key: 'hasPartner', label: 'Partner' });
        components.push({ id: 'Field_reason_again', type: 'textfield', key: 'reason', label: 'Reason again' });
        components.push({ id: 'Field_payout', type: 'select', key: 'payout', label: 'Payout', values: [{ label: 'Cash', value: 'cash' }] });
      });
      expect(checkConsistency(applicationStructure, form, { registry, purpose: 'task' }).map((p) => `${p.severity} ${p.componentId} ${p.path}: ${p.message}`)).toEqual([
        'error Field_hasPartner /hasPartner: A number cannot hold the structure\'s boolean "hasPartner"',
        'error Field_reason_again /reason: Field "reason" is also bound by Field_reason',
        'error Field_payout /payout: Option "cash" is not in the structure\'s code list',
      ]);
    });

    it("is the start form's check by default", () => {
      expect(checkConsistency(applicationStructure, generated, { registry, purpose: 'start' })).toEqual([]);
      const form = edit(generated, (components) => { find(components, (c) => c.key === 'email').key = 'mail'; });
      expect(checkConsistency(applicationStructure, form, { registry, purpose: 'start' })).toEqual(checkConsistency(applicationStructure, form, { registry }));
    });
  });
});
