/**
 * The register data is enough for a birth-of-a-child flow: the process reads the newborn's
 * family relations and lets only a parent continue; an unknown child ends at an error boundary.
 * On the embedded engine with the SDK worker and the sandbox population register.
 */
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { createEmbeddedEngine, type EngineAdapter } from '@konstruktor/engine-adapter';
import { startSandboxes, type Sandboxes } from '@konstruktor/examples';
import { familyRelations, memoryPlatformServices, runConnectors, waitFor, type ConnectorWorkerHandle } from '@konstruktor/connectors';

const BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="birth" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="birth-of-a-child" isExecutable="true">
    <bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:serviceTask id="relations" name="Family relations of the newborn">
      <bpmn:extensionElements>
        <zeebe:taskDefinition type="${familyRelations.id}" retries="3" />
        <zeebe:ioMapping>
          <zeebe:input source="=child.personalCode" target="personalCode" />
          <zeebe:input source="Birth registration: is the applicant a parent" target="purpose" />
          <zeebe:input source="=applicant.personalCode" target="requestedBy" />
        </zeebe:ioMapping>
        <zeebe:taskHeaders><zeebe:header key="resultVariable" value="family" /></zeebe:taskHeaders>
      </bpmn:extensionElements>
      <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
    </bpmn:serviceTask>
    <bpmn:boundaryEvent id="childUnknown" attachedToRef="relations"><bpmn:outgoing>f5</bpmn:outgoing><bpmn:errorEventDefinition errorRef="notFound" /></bpmn:boundaryEvent>
    <bpmn:exclusiveGateway id="isParent" default="f4"><bpmn:incoming>f2</bpmn:incoming><bpmn:outgoing>f3</bpmn:outgoing><bpmn:outgoing>f4</bpmn:outgoing></bpmn:exclusiveGateway>
    <bpmn:endEvent id="registered"><bpmn:incoming>f3</bpmn:incoming></bpmn:endEvent>
    <bpmn:endEvent id="notAParent"><bpmn:incoming>f4</bpmn:incoming></bpmn:endEvent>
    <bpmn:endEvent id="noSuchChild"><bpmn:incoming>f5</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="relations" />
    <bpmn:sequenceFlow id="f2" sourceRef="relations" targetRef="isParent" />
    <bpmn:sequenceFlow id="f3" sourceRef="isParent" targetRef="registered">
      <bpmn:conditionExpression>=some parent in family.parents satisfies parent.personalCode = applicant.personalCode</bpmn:conditionExpression>
    </bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="f4" sourceRef="isParent" targetRef="notAParent" />
    <bpmn:sequenceFlow id="f5" sourceRef="childUnknown" targetRef="noSuchChild" />
  </bpmn:process>
  <bpmn:error id="notFound" name="Person not found" errorCode="PERSON_NOT_FOUND" />
</bpmn:definitions>`;

let sandboxes: Sandboxes;
let engine: EngineAdapter;
let worker: ConnectorWorkerHandle;

beforeAll(async () => {
  sandboxes = await startSandboxes();
});
afterAll(async () => {
  await sandboxes?.close();
});
beforeEach(async () => {
  engine = await createEmbeddedEngine();
  worker = runConnectors({
    engine, connectors: [familyRelations], services: memoryPlatformServices(engine), secrets: sandboxes.connectorSecrets,
    pollIntervalMs: { min: 10, max: 50 }, logger: { debug() {}, info() {}, warn() {}, error() {} },
  });
  await engine.deploy([{ name: 'birth-of-a-child.bpmn', content: BPMN }]);
});
afterEach(async () => {
  await worker.close();
  await engine.close();
});

async function endOf(applicant: string, child: string): Promise<string | undefined> {
  const { instanceKey } = await engine.createInstance({ processId: 'birth-of-a-child', variables: { applicant: { personalCode: applicant }, child: { personalCode: child } } });
  worker.wake();
  await waitFor(async () => (await engine.instance(instanceKey))?.state === 'COMPLETED', 15_000, 'the instance to complete');
  return (await engine.elementInstances(instanceKey)).find((element) => element.type === 'END_EVENT')?.elementId;
}

it('lets the newborn\'s mother or father register the birth, and no one else', async () => {
  expect(await endOf('49009052147', '52611140015')).toBe('registered'); // Rūta, the mother
  expect(await endOf('38804121232', '52611140015')).toBe('registered'); // Tomas, the father
  expect(await endOf('38501010013', '52611140015')).toBe('notAParent'); // Jonas Jonaitis
  expect(await endOf('150587-10227', '320415-17283')).toBe('registered'); // Jānis, LV, new-form code of his daughter
});

it('ends at the error boundary when the register does not know the child', async () => {
  expect(await endOf('49009052147', '39001010000')).toBe('noSuchChild');
});
