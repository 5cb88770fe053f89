import type { ApplicationStatus } from '../applications/application.entity.js';
import type { PaymentStatus } from './payment-order.entity.js';

export const FINAL_STATUSES: readonly PaymentStatus[] = ['paid', 'expired', 'cancelled'];
export const OPEN_STATUSES: readonly PaymentStatus[] = ['created', 'pending', 'failed'];

/**
 * Status moves forward only: created -> pending -> paid | expired | cancelled. `failed` is not
 * final: the payer may try again and a bank may capture late, so it can still become paid.
 * Anything reported for a final order, or a step back (pending after paid), changes nothing.
 */
export function canMove(from: PaymentStatus, to: PaymentStatus): boolean {
  return from !== to && to !== 'created' && !FINAL_STATUSES.includes(from);
}

/** An application in these states owes nothing more: money the bank takes for it afterwards is to be refunded. */
export const WITHDRAWN_APPLICATION: readonly ApplicationStatus[] = ['cancelled'];
