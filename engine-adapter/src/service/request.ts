import type { Request } from 'express';
import { isDecimalKey } from '../contract.js';
import { invalidArgument } from './problem.js';

/** Reading request bodies the way Camunda's gateway checks them: each wrong field is named. */

export type Body = Record<string, unknown>;

export function bodyOf(req: Request): Body {
  const body: unknown = req.body;
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) throw invalidArgument('The request body must be a JSON object');
  return body as Body;
}

export function requiredString(body: Body, name: string): string {
  const value = body[name];
  if (typeof value !== 'string' || value === '') throw invalidArgument(`No ${name} provided.`);
  return value;
}

export function optionalString(body: Body, name: string): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalidArgument(`The provided ${name} must be a string.`);
  return value;
}

export function optionalInteger(body: Body, name: string, min = Number.MIN_SAFE_INTEGER): number | undefined {
  const raw = body[name];
  if (raw === undefined || raw === null) return undefined;
  // int64 fields may travel as decimal strings (the official clients send them so when exact).
  const value = typeof raw === 'string' && /^-?\d{1,16}$/.test(raw) ? Number(raw) : raw;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    throw invalidArgument(`The value for ${name} is '${String(value)}' but must be an integer${min > Number.MIN_SAFE_INTEGER ? ` of at least ${min}` : ''}.`);
  }
  return value;
}

export function requiredInteger(body: Body, name: string, min?: number): number {
  const value = optionalInteger(body, name, min);
  if (value === undefined) throw invalidArgument(`No ${name} provided.`);
  return value;
}

export function variablesOf(body: Body, name = 'variables'): Record<string, unknown> | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw invalidArgument(`The provided ${name} must be a JSON object.`);
  return value as Record<string, unknown>;
}

/** A key in a path or body: Zeebe's keys are 64-bit integers written in decimal. */
export function keyOf(value: unknown, name: string): string {
  const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
  if (typeof text !== 'string' || !isDecimalKey(text)) throw invalidArgument(`The provided ${name} '${String(value)}' is not a valid key.`);
  return text;
}

/** Fields this engine does not serve are refused by name, never ignored. */
export function refuseUnsupported(body: Body, names: string[]): void {
  for (const name of names) {
    const value = body[name];
    if (value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0) && value !== false) {
      throw invalidArgument(`${name} is not supported by this engine.`);
    }
  }
}

/** The one tenant: multi-tenancy is off, as in a cluster without it. */
export const DEFAULT_TENANT = '<default>';

export function checkTenant(body: Body): void {
  const tenantId = body.tenantId;
  if (tenantId !== undefined && tenantId !== null && tenantId !== DEFAULT_TENANT) {
    throw invalidArgument(`Expected to handle request with tenant identifier '${String(tenantId)}', but multi-tenancy is disabled`);
  }
}
