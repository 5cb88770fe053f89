import { pino } from 'pino';
import type { ConnectorLogger } from './contract.js';
import { createRedactor } from './redact.js';

type Level = keyof ConnectorLogger;
const LEVELS: Level[] = ['debug', 'info', 'warn', 'error'];

/** The worker's default log sink: pino JSON lines on stdout. */
export function defaultLogger(): ConnectorLogger {
  const base = pino({ name: 'konstruktor-connectors', level: process.env.LOG_LEVEL ?? 'info' });
  return Object.fromEntries(LEVELS.map((level) => [level, (message: string, details?: Record<string, unknown>) => base[level](details ?? {}, message)])) as unknown as ConnectorLogger;
}

/** A logger that redacts the given secret values and secret-named fields before they reach `sink`. */
export function redactingLogger(sink: ConnectorLogger, secretValues: Iterable<string>, bindings: Record<string, unknown> = {}): ConnectorLogger {
  const redactor = createRedactor(secretValues);
  const write = (level: Level) => (message: string, details?: Record<string, unknown>) =>
    sink[level](redactor.text(message), redactor.value({ ...bindings, ...details }) as Record<string, unknown>);
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}
