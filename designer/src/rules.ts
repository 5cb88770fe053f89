/**
 * Rules of a service package (../shared/spec/service-package.md) that the designer checks as the
 * analyst types and the runtime enforces on import and publishing: one copy for both. Browser-safe
 * (no node: modules): the designer app imports this file directly, the runtime through
 * @konstruktor/designer.
 */

/** The Camunda 8 version whose compatibility rules the BPMN linter applies, whatever a file declares (the runtime's Zeebe dialect). */
export const EXECUTION_PLATFORM = { name: 'Camunda Cloud', version: '8.6.0' } as const;

/** A service card's ISO 8601 duration such as P30D or PT12H (PostgreSQL reads it as an interval). */
export const ISO_DURATION_PATTERN = '^P(?!$)(\\d{1,4}Y)?(\\d{1,4}M)?(\\d{1,4}W)?(\\d{1,5}D)?(T(?=\\d)(\\d{1,6}H)?(\\d{1,6}M)?(\\d{1,8}S)?)?$';

/** A service card's price amount in euros: up to 9 digits, cents optional. */
export const PRICE_AMOUNT_PATTERN = '^\\d{1,9}(\\.\\d{2})?$';
