/**
 * The reference citizen service the engine bench runs: an outdoor trading permit.
 *
 *   start -> register (job) -> check eligibility (job) -> eligible? (exclusive gateway)
 *     yes: review (Camunda user task) -> await payment (message catch, key = orderId)
 *          -> issue permit (job) -> issued (end)
 *     no (default): rejected (end)
 *
 * Process id, job types and message name carry a run suffix: a Zeebe broker outlives bench
 * runs, and jobs or messages of an earlier run must not be picked up by this one.
 */
import type { Resource } from '../src/contract.js';

export interface ReferenceProcess {
  processId: string;
  jobTypes: { register: string; check: string; issue: string };
  messageName: string;
  userTaskElementId: string;
  resource: Resource;
}

const flow = (id: string, from: string, to: string, condition?: string) => condition
  ? `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${condition}</bpmn:conditionExpression></bpmn:sequenceFlow>`
  : `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"/>`;

const serviceTask = (id: string, type: string) =>
  `<bpmn:serviceTask id="${id}"><bpmn:extensionElements><zeebe:taskDefinition type="${type}" retries="3"/></bpmn:extensionElements></bpmn:serviceTask>`;

export function referenceProcess(run: string): ReferenceProcess {
  const processId = `bench-permit-${run}`;
  const jobTypes = { register: `bench-register-${run}`, check: `bench-check-${run}`, issue: `bench-issue-${run}` };
  const messageName = `bench-payment-${run}`;
  const content = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="defs-${processId}" targetNamespace="https://konstruktor.example/bench">
  <bpmn:process id="${processId}" name="Outdoor trading permit (bench)" isExecutable="true">
    <bpmn:startEvent id="ordered"/>
    ${flow('f1', 'ordered', 'register')}
    ${serviceTask('register', jobTypes.register)}
    ${flow('f2', 'register', 'checkEligibility')}
    ${serviceTask('checkEligibility', jobTypes.check)}
    ${flow('f3', 'checkEligibility', 'eligible')}
    <bpmn:exclusiveGateway id="eligible" default="fRejected"/>
    ${flow('fEligible', 'eligible', 'review', '=eligible = true')}
    ${flow('fRejected', 'eligible', 'rejected')}
    <bpmn:endEvent id="rejected"/>
    <bpmn:userTask id="review"><bpmn:extensionElements><zeebe:userTask/><zeebe:assignmentDefinition candidateGroups="clerks"/></bpmn:extensionElements></bpmn:userTask>
    ${flow('f4', 'review', 'awaitPayment')}
    <bpmn:intermediateCatchEvent id="awaitPayment"><bpmn:messageEventDefinition messageRef="payment"/></bpmn:intermediateCatchEvent>
    ${flow('f5', 'awaitPayment', 'issuePermit')}
    ${serviceTask('issuePermit', jobTypes.issue)}
    ${flow('f6', 'issuePermit', 'issued')}
    <bpmn:endEvent id="issued"/>
  </bpmn:process>
  <bpmn:message id="payment" name="${messageName}"><bpmn:extensionElements><zeebe:subscription correlationKey="=orderId"/></bpmn:extensionElements></bpmn:message>
</bpmn:definitions>`;
  return { processId, jobTypes, messageName, userTaskElementId: 'review', resource: { name: `${processId}.bpmn`, content } };
}
