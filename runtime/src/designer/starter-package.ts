import { stringify } from 'yaml';
import { generateForm, JSON_SCHEMA_2020, type StructureSchema } from '@konstruktor/forms';
import type { LocalizedText } from '../common/schemas.js';
import type { ServiceCard } from '../catalogue/service-card.js';

const xml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A BPMN id must be an NCName: a code starting with a digit gets a prefix. */
export const processIdFor = (code: string) => (/^[a-z]/.test(code) ? code : `process-${code}`);

/** start -> end in the Zeebe dialect, with diagram shapes so bpmn-js opens it as drawn. */
function starterProcess(processId: string, name: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="Definitions_${processId}" targetNamespace="http://bpmn.io/schema/bpmn" exporter="Konstruktor" exporterVersion="0.1.0" modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.6.0">
  <bpmn:process id="${processId}" name="${xml(name)}" isExecutable="true">
    <bpmn:startEvent id="start" name="Application submitted">
      <bpmn:outgoing>flow_start_end</bpmn:outgoing>
    </bpmn:startEvent>
    <bpmn:endEvent id="end" name="Done">
      <bpmn:incoming>flow_start_end</bpmn:incoming>
    </bpmn:endEvent>
    <bpmn:sequenceFlow id="flow_start_end" sourceRef="start" targetRef="end" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_1">
    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="${processId}">
      <bpmndi:BPMNShape id="start_di" bpmnElement="start">
        <dc:Bounds x="152" y="102" width="36" height="36" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="end_di" bpmnElement="end">
        <dc:Bounds x="252" y="102" width="36" height="36" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="flow_start_end_di" bpmnElement="flow_start_end">
        <di:waypoint x="188" y="120" />
        <di:waypoint x="252" y="120" />
      </bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}

/** The files of a new service: card, start -> end process, an empty data structure and its generated start form. */
export function starterPackage({ code, title, provider }: { code: string; title: LocalizedText; provider: string }): Record<string, string> {
  const processId = processIdFor(code);
  const card: ServiceCard = {
    code, version: '0.1.0', title, provider, audience: ['citizens'], price: 'free', interactivityLevel: 4, onlineOrder: true,
    process: { file: 'process.bpmn', processId }, startForm: 'forms/application.form', dataStructure: 'data/application.schema.json',
  };
  const name = title.en ?? title.lt ?? title.lv ?? code;
  const structure: StructureSchema = { $schema: JSON_SCHEMA_2020, title: name, type: 'object', properties: {} } as StructureSchema;
  const form = { ...generateForm(structure), id: 'application' };
  return {
    'service.yaml': stringify(card),
    'process.bpmn': starterProcess(processId, name),
    'data/application.schema.json': `${JSON.stringify(structure, null, 2)}\n`,
    'forms/application.form': `${JSON.stringify(form, null, 2)}\n`,
  };
}
