/**
 * The case code of an application, as PSPP numbers a service's cases: the service number, then
 * the application's own number (seed 004: service "9999", case "9999 7654"). The same in every
 * channel; payment references embed it (payments/reference.ts).
 */
export function caseCode(serviceNumber: number, applicationNumber: string): string {
  return `${serviceNumber} ${applicationNumber}`;
}
