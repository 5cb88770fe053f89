/**
 * Example agency connector: asks the city's parking system whether a vehicle has a valid
 * residents' parking permit. Replace it with your own; keep the shape.
 */
import { ConnectorError, defineConnector } from '@konstruktor/connectors';

export interface PermitInput {
  /** The parking system's base URL, e.g. https://parking.kaunas.example/api */
  baseUrl: string;
  plateNumber: string;
}

export interface PermitOutput {
  valid: boolean;
  zone: string;
  validUntil: string;
}

export const parkingPermitConnector = defineConnector<PermitInput, PermitOutput>({
  // `<agency>:<area>:<name>`; also the job type of the service task.
  id: 'kaunas-city:parking:permit',
  version: 1,
  title: { en: 'Parking permit check', lt: 'Leidimo statyti automobilį patikra', lv: 'Transportlīdzekļa novietošanas atļaujas pārbaude' },
  description: { en: 'Whether a vehicle has a valid residents\' parking permit.', lt: 'Ar transporto priemonė turi galiojantį gyventojo leidimą statyti automobilį.', lv: 'Vai transportlīdzeklim ir derīga iedzīvotāja stāvvietas atļauja.' },
  category: 'Kaunas city',
  inputSchema: {
    type: 'object',
    required: ['baseUrl', 'plateNumber'],
    properties: {
      baseUrl: { type: 'string', title: 'Parking system URL', pattern: '^https?://', default: 'https://parking.kaunas.example/api' },
      plateNumber: { type: 'string', title: 'Plate number', pattern: '^[A-Z0-9]{2,8}$', description: 'e.g. =vehicle.plate' },
    },
  },
  outputSchema: {
    type: 'object',
    properties: { valid: { type: 'boolean' }, zone: { type: 'string' }, validUntil: { type: 'string', format: 'date' } },
  },
  // The worker hands these to the handler (context.secrets) and keeps them out of every log line.
  secrets: ['PARKING_API_TOKEN'],
  // Business outcomes the process models with an error boundary event.
  errors: [{ code: 'NO_PERMIT', description: 'the vehicle has no permit at all' }],
  timeoutMs: 10_000,
  retries: 3,
  async handler(input, context) {
    const response = await fetch(`${input.baseUrl}/permits/${encodeURIComponent(input.plateNumber)}`, {
      headers: { authorization: `Bearer ${context.secrets.PARKING_API_TOKEN}`, 'idempotency-key': context.idempotencyKey },
      signal: context.signal,
    });
    context.logger.info('parking system answered', { status: response.status });
    if (response.status === 404) throw new ConnectorError('NO_PERMIT', `no permit for ${input.plateNumber}`);
    // Anything else unexpected is a technical failure: retried with back-off, then an incident.
    if (!response.ok) throw new Error(`parking system answered ${response.status}`);
    const permit = (await response.json()) as { zone: string; validUntil: string };
    return { valid: permit.validUntil >= new Date().toISOString().slice(0, 10), zone: permit.zone, validUntil: permit.validUntil };
  },
});
