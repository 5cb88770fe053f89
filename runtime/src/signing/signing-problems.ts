import { HttpProblem } from '../http/problem.js';

/** Why an official's personal signature is refused; each slug has its lt/lv title in problem-texts.ts. */
export const signingProblems = {
  notMarked: () => new HttpProblem(422, 'signature-not-asked', 'This task asks for no signature', 'The user task has no konstruktor:sign property naming a document'),
  noDocument: (variable: string) => new HttpProblem(422, 'signature-no-document', 'The process has no document to sign yet', `The process variable "${variable}" holds no stored document ({ documentId })`),
  notInCase: (documentId: string) => new HttpProblem(422, 'signature-document-not-in-case', 'This document is not in this case',
    `Document ${documentId} is not the document this task asks to sign, or not of this application`, { errors: [{ in: 'body', path: '/documentId', message: 'not in this case' }] }),
  noPersonalCode: () => new HttpProblem(422, 'signature-no-personal-code', 'You have no personal code for a mobile signature', 'The official\'s account has no personal code; an administrator adds it'),
  pending: () => new HttpProblem(409, 'signature-pending', 'A signature is already waiting for confirmation on the phone', 'Confirm or refuse it on the phone, or wait until it times out'),
  required: () => new HttpProblem(422, 'signature-required', 'Sign the document before completing the task', 'This task is marked for a personal signature (konstruktor:sign) and has no signed copy yet'),
  unavailable: () => new HttpProblem(503, 'signature-unavailable', 'Personal signing is not available', 'No mobile-signature service is configured (MOBILE_SIGNATURE_URL)'),
  startFailed: (detail: string) => new HttpProblem(502, 'signature-start-failed', 'The mobile signature could not be started', detail),
};
