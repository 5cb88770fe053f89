import { describe, expect, test } from 'vitest';
import { Namespace } from '../../src/scenarios/namespace.js';

const BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="order" isExecutable="true">
    <bpmn:startEvent id="start"><bpmn:messageEventDefinition messageRef="m1" /></bpmn:startEvent>
    <bpmn:serviceTask id="reserve"><bpmn:extensionElements><zeebe:taskDefinition type="reserve-stock" retries="5" /><zeebe:ioMapping><zeebe:input source="=orderId" target="ref" /></zeebe:ioMapping></bpmn:extensionElements></bpmn:serviceTask>
    <bpmn:serviceTask id="dynamic"><bpmn:extensionElements><zeebe:taskDefinition type="=kind + &quot;-work&quot;" /></bpmn:extensionElements></bpmn:serviceTask>
    <bpmn:callActivity id="callShipping"><bpmn:extensionElements><zeebe:calledElement processId="shipping" propagateAllChildVariables="false" /></bpmn:extensionElements></bpmn:callActivity>
    <bpmn:userTask id="review"><bpmn:extensionElements><zeebe:userTask /><zeebe:formDefinition formId="review-form" /></bpmn:extensionElements></bpmn:userTask>
    <bpmn:intermediateCatchEvent id="waitPaid"><bpmn:messageEventDefinition messageRef="m2" /></bpmn:intermediateCatchEvent>
  </bpmn:process>
  <bpmn:message id="m1" name="order-placed" />
  <bpmn:message id="m2" name="paid"><bpmn:extensionElements><zeebe:subscription correlationKey="=orderId" /></bpmn:extensionElements></bpmn:message>
  <bpmn:error id="e1" errorCode="DECLINED" />
</bpmn:definitions>`;

describe('namespace', () => {
  const ns = new Namespace('__t1');

  test('global names get the suffix; element ids, error codes, keys and expressions do not', async () => {
    const { content } = await ns.rewrite({ name: 'order.bpmn', content: BPMN });
    expect(content).toContain('id="order__t1"');
    expect(content).toContain('type="reserve-stock__t1"');
    expect(content).toContain('retries="5"');
    expect(content).toContain('processId="shipping__t1"');
    expect(content).toContain('name="order-placed__t1"');
    expect(content).toContain('name="paid__t1"');
    expect(content).toContain('formId="review-form__t1"');
    expect(content).toContain('type="=kind + &#34;-work&#34;"');
    for (const unchanged of ['id="reserve"', 'correlationKey="=orderId"', 'errorCode="DECLINED"', 'source="=orderId"', 'target="ref"', 'id="waitPaid"']) {
      expect(content).toContain(unchanged);
    }
  });

  test('unreadable BPMN is deployed as it is, for the engine to refuse', async () => {
    const broken = { name: 'x.bpmn', content: '<bpmn:definitions' };
    expect(await ns.rewrite(broken)).toEqual(broken);
  });

  test('forms and DMN', async () => {
    const form = await ns.rewrite({ name: 'f.form', content: JSON.stringify({ id: 'review-form', components: [] }) });
    expect(JSON.parse(form.content).id).toBe('review-form__t1');
    const dmn = await ns.rewrite({
      name: 'd.dmn',
      content: `<definitions id="drg" xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:dmndi="https://www.omg.org/spec/DMN/20191111/DMNDI/" xmlns:dc="http://www.omg.org/spec/DMN/20180521/DC/">
        <decision id="discount"><informationRequirement id="r1"><requiredDecision href="#base" /></informationRequirement></decision>
        <!-- <decision id="old" /> --><decision id="base" /><inputData id="amount" />
        <dmndi:DMNDI><dmndi:DMNDiagram id="d1"><dmndi:DMNShape id="s1" dmnElementRef="discount"><dc:Bounds height="80" width="180" x="100" y="100" /></dmndi:DMNShape></dmndi:DMNDiagram></dmndi:DMNDI>
      </definitions>`,
    });
    expect(dmn.content).toContain('id="drg__t1"');
    expect(dmn.content).toContain('id="discount__t1"');
    expect(dmn.content).toContain('href="#base__t1"');
    expect(dmn.content).toContain('dmnElementRef="discount__t1"');
    expect(dmn.content).toContain('id="amount"');
    expect(dmn.content).not.toContain('old__t1');
  });

  test('the suffix is mapped away again', () => {
    expect(ns.unmap("Expected to find process definition with process ID 'nope__t1', but none found")).toBe("Expected to find process definition with process ID 'nope', but none found");
    expect(ns.name('=expr')).toBe('=expr');
    expect(ns.owns('order__t1')).toBe(true);
    expect(new Namespace().suffix).not.toBe(new Namespace().suffix);
  });
});
