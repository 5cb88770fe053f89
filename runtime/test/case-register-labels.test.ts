/**
 * How the case view names what a register step brought: each process variable traced to the
 * field of the connector's answer it holds — the whole answer under a result variable, a result
 * expression's entry, an output mapping's source, or (no header) the answer's own fields — and
 * labelled as the connector names that field, in the official's language; a computed value has
 * no label (the workspace shows its key). Step names follow zeebe:properties `name:<lang>`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { personLookup, representationCheck } from '@konstruktor/connectors';
import { caseElementsOf, type CaseElements } from '../src/cases/case-elements.js';
import { registerLabels } from '../src/cases/register-labels.js';

const REPRESENTATION = 'konstruktor:legal-entities:representation';
const PERSON = 'konstruktor:population:person';
const FIELDS: Record<string, string[]> = {
  [REPRESENTATION]: Object.keys(representationCheck.outputSchema.properties as object),
  [PERSON]: Object.keys(personLookup.outputSchema.properties as object),
};

const task = (id: string, type: string, extra: string, name = '') => `
    <bpmn:serviceTask id="${id}"${name ? ` name="${name}"` : ''}>
      <bpmn:extensionElements><zeebe:taskDefinition type="${type}" />${extra}</bpmn:extensionElements>
    </bpmn:serviceTask>`;

const BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="http://konstruktor.example/test">
  <bpmn:process id="labels" isExecutable="true">
    ${task('whole', REPRESENTATION, `
      <zeebe:taskHeaders><zeebe:header key="resultVariable" value="representation" /></zeebe:taskHeaders>
      <zeebe:properties><zeebe:property name="name:lt" value="Patikrinti įmonę" /><zeebe:property name="name:lv" value="Pārbaudīt uzņēmumu" /></zeebe:properties>`, 'Check the company')}
    ${task('picked', REPRESENTATION, `
      <zeebe:taskHeaders><zeebe:header key="resultExpression" value="={canAct: mayRepresent, &quot;with whom&quot;: jointlyWith, note: basis + &quot;!&quot;}" /></zeebe:taskHeaders>`)}
    ${task('mapped', REPRESENTATION, `
      <zeebe:taskHeaders><zeebe:header key="resultVariable" value="answer" /></zeebe:taskHeaders>
      <zeebe:ioMapping><zeebe:output source="=answer.validUntil" target="until" /><zeebe:output source="=count(answer.jointlyWith)" target="others" /></zeebe:ioMapping>`)}
    ${task('plain', PERSON, '')}
    ${task('notARegister', 'konstruktor:payments:create-order', '<zeebe:taskHeaders><zeebe:header key="resultVariable" value="paymentOrder" /></zeebe:taskHeaders>')}
  </bpmn:process>
</bpmn:definitions>`;

describe('register data labels', () => {
  let elements: CaseElements;
  beforeAll(async () => {
    elements = await caseElementsOf({ 'process.bpmn': { content: BPMN, encoding: 'utf8' } }, (jobType) => FIELDS[jobType]);
  });
  const step = (id: string) => elements.registerSteps.find((s) => s.elementId === id)!;

  it('finds each register step and where its variables come from in the answer', () => {
    expect(elements.registerSteps.map((s) => s.elementId)).toEqual(['whole', 'picked', 'mapped', 'plain']);
    expect(step('whole').variables).toEqual([{ name: 'representation', from: [] }]);
    expect(step('picked').variables).toEqual([{ name: 'canAct', from: ['mayRepresent'] }, { name: 'with whom', from: ['jointlyWith'] }, { name: 'note', from: null }]);
    // Output mappings: only their targets reach the process.
    expect(step('mapped').variables).toEqual([{ name: 'until', from: ['validUntil'] }, { name: 'others', from: null }]);
    expect(step('plain').variables).toContainEqual({ name: 'address', from: ['address'] });
  });

  it("names a step in each language by its name:<lang> properties, else by its BPMN name", () => {
    expect(elements.names.get('whole')).toEqual({ lt: 'Patikrinti įmonę', lv: 'Pārbaudīt uzņēmumu', en: 'Check the company' });
    expect(elements.names.has('picked')).toBe(false);
  });

  it('labels the values as the connector names its fields, in the language asked for; a computed value keeps its key', () => {
    const whole = { representation: { companyCode: '305888127', mayRepresent: true, jointlyWith: [], validUntil: null, extra: 'x' } };
    expect(registerLabels(step('whole').variables, whole, representationCheck.outputSchema, 'lv')).toEqual({
      'representation.companyCode': 'Reģistrācijas numurs', 'representation.mayRepresent': 'Drīkst pārstāvēt uzņēmumu',
      'representation.jointlyWith': 'Rīkojas kopā ar', 'representation.validUntil': 'Derīgs līdz',
    });
    const picked = { canAct: false, 'with whom': ['Petras Petraitis'], note: 'Director!' };
    expect(registerLabels(step('picked').variables, picked, representationCheck.outputSchema, 'en')).toEqual({ canAct: 'May represent the company', 'with whom': 'Acts jointly with' });
    expect(registerLabels(step('mapped').variables, { until: '2027-01-01', others: 1 }, representationCheck.outputSchema, 'lt')).toEqual({ until: 'Galioja iki' });
  });

  it('names a nested field by its parents and its own name', () => {
    const person = { givenName: 'Jonas', address: { city: 'Kaunas', street: 'Laisvės al. 1' } };
    expect(registerLabels(step('plain').variables, person, personLookup.outputSchema, 'lt')).toEqual({
      givenName: 'Vardas', 'address.city': 'Deklaruota gyvenamoji vieta › Miestas', 'address.street': 'Deklaruota gyvenamoji vieta › Gatvė',
    });
  });
});
