import { stringify } from 'yaml';
import { generateForm } from '@konstruktor/forms';

/**
 * A draft ready to publish: start (start form: full name) -> review (user task with its form:
 * approved) -> decision gateway -> granted / refused. Shapes laid out for the path highlight.
 */
export function reviewServicePackage(code: string): Record<string, string> {
  const structure = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    title: 'Review test',
    required: ['fullName'],
    properties: { fullName: { type: 'string', title: 'Full name', 'x-title': { lt: 'Vardas ir pavardė', lv: 'Vārds un uzvārds', en: 'Full name' }, minLength: 2, maxLength: 100 } },
  };
  const reviewForm = {
    id: 'review', type: 'default', schemaVersion: 16,
    components: [{ id: 'approvedField', key: 'approved', type: 'checkbox', label: 'Approved' }],
  };
  const card = {
    code, version: '1.0.0', title: { lt: 'Peržiūros bandymas', lv: 'Izskatīšanas tests', en: 'Review test' }, summary: { en: 'A service with a review' },
    provider: 'kaunas-city', legalBasis: 'Test act', audience: ['citizens'], price: 'free', interactivityLevel: 4, onlineOrder: true,
    process: { file: 'process.bpmn', processId: 'review-test' }, startForm: 'forms/application.form', dataStructure: 'data/application.schema.json', lifeEvents: [],
  };
  return {
    'service.yaml': stringify(card),
    'process.bpmn': REVIEW_BPMN,
    'data/application.schema.json': JSON.stringify(structure, null, 2),
    'forms/application.form': JSON.stringify(generateForm(structure as Parameters<typeof generateForm>[0]), null, 2),
    'forms/review.form': JSON.stringify(reviewForm, null, 2),
  };
}

const shape = (id: string, x: number, y: number, w: number, h: number) =>
  `<bpmndi:BPMNShape id="${id}_di" bpmnElement="${id}"><dc:Bounds x="${x}" y="${y}" width="${w}" height="${h}" /></bpmndi:BPMNShape>`;
const edge = (id: string, ...points: [number, number][]) =>
  `<bpmndi:BPMNEdge id="${id}_di" bpmnElement="${id}">${points.map(([x, y]) => `<di:waypoint x="${x}" y="${y}" />`).join('')}</bpmndi:BPMNEdge>`;

const REVIEW_BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="review-definitions" targetNamespace="http://bpmn.io/schema/bpmn" exporter="Konstruktor" modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.6.0">
  <bpmn:process id="review-test" name="Review test" isExecutable="true">
    <bpmn:startEvent id="submitted" name="Submitted"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="submitted" targetRef="review" />
    <bpmn:userTask id="review" name="Review the application">
      <bpmn:extensionElements><zeebe:userTask /><zeebe:formDefinition formId="review" /></bpmn:extensionElements>
      <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="decision" />
    <bpmn:exclusiveGateway id="decision" name="Approved?" default="no"><bpmn:incoming>f2</bpmn:incoming><bpmn:outgoing>yes</bpmn:outgoing><bpmn:outgoing>no</bpmn:outgoing></bpmn:exclusiveGateway>
    <bpmn:sequenceFlow id="yes" sourceRef="decision" targetRef="granted"><bpmn:conditionExpression>=approved = true</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="no" sourceRef="decision" targetRef="refused" />
    <bpmn:endEvent id="granted" name="Granted"><bpmn:incoming>yes</bpmn:incoming></bpmn:endEvent>
    <bpmn:endEvent id="refused" name="Refused"><bpmn:incoming>no</bpmn:incoming></bpmn:endEvent>
  </bpmn:process>
  <bpmndi:BPMNDiagram id="diagram">
    <bpmndi:BPMNPlane id="plane" bpmnElement="review-test">
      ${shape('submitted', 152, 102, 36, 36)}
      ${shape('review', 240, 80, 100, 80)}
      ${shape('decision', 395, 95, 50, 50)}
      ${shape('granted', 502, 102, 36, 36)}
      ${shape('refused', 402, 212, 36, 36)}
      ${edge('f1', [188, 120], [240, 120])}
      ${edge('f2', [340, 120], [395, 120])}
      ${edge('yes', [445, 120], [502, 120])}
      ${edge('no', [420, 145], [420, 212])}
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;

/** A draft whose process waits for one connector job (start -> lookup -> end), for answering jobs by hand. */
export function lookupServicePackage(code: string): Record<string, string> {
  const card = {
    code, version: '1.0.0', title: { en: 'Lookup test' }, provider: 'kaunas-city', audience: ['citizens'], price: 'free',
    interactivityLevel: 4, onlineOrder: true, process: { file: 'process.bpmn', processId: 'lookup-test' }, lifeEvents: [],
  };
  const bpmn = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="lookup-definitions" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="lookup-test" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="l1" sourceRef="start" targetRef="lookup" />
    <bpmn:serviceTask id="lookup" name="Look up the register"><bpmn:extensionElements><zeebe:taskDefinition type="register-lookup" /></bpmn:extensionElements></bpmn:serviceTask>
    <bpmn:sequenceFlow id="l2" sourceRef="lookup" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="lookup-diagram">
    <bpmndi:BPMNPlane id="lookup-plane" bpmnElement="lookup-test">
      ${shape('start', 152, 102, 36, 36)}
      ${shape('lookup', 240, 80, 100, 80)}
      ${shape('end', 392, 102, 36, 36)}
      ${edge('l1', [188, 120], [240, 120])}
      ${edge('l2', [340, 120], [392, 120])}
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
  return { 'service.yaml': stringify(card), 'process.bpmn': bpmn };
}
