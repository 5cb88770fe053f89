/**
 * The HTTP/REST connector. The analyst's FEEL templates (URL, body, headers) are input mappings
 * the engine evaluates, so the handler receives plain values. Credentials come in as
 * `{{secrets.NAME}}` references and are redacted from logs by the worker.
 */
import { ConnectorError } from '../sdk/contract.js';
import { defineConnector } from '../sdk/define-connector.js';
import { authorize, forgetToken, type Authentication } from './auth.js';
import { send, type HttpResponse } from './client.js';

export interface HttpInput {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  queryParameters?: Record<string, string | number | boolean>;
  body?: unknown;
  authentication?: Authentication;
  caCertificate?: string;
  timeoutMs?: number;
  statusErrors?: Record<string, string>;
}

export type HttpOutput = Omit<HttpResponse, 'statusText'>;

const requiredWhen = (type: string, fields: string[]) => ({ if: { properties: { type: { const: type } }, required: ['type'] }, then: { required: fields } });
const forTypes = (...types: string[]) => ({ 'x-when': { type: types } });

/** The BPMN error code mapped to this status: exact ("404") first, then its class ("4xx"). */
export function mappedErrorCode(status: number, statusErrors: Record<string, string> | undefined): string | undefined {
  return statusErrors?.[String(status)] ?? statusErrors?.[`${String(status)[0]}xx`] ?? statusErrors?.[`${String(status)[0]}XX`];
}

function encodeBody(body: unknown, headers: Record<string, string>): string | undefined {
  if (body === undefined || body === null) return undefined;
  const hasType = Object.keys(headers).some((name) => name.toLowerCase() === 'content-type');
  if (typeof body === 'string') {
    if (!hasType) headers['content-type'] = 'text/plain; charset=utf-8';
    return body;
  }
  if (!hasType) headers['content-type'] = 'application/json';
  return JSON.stringify(body);
}

export const httpConnector = defineConnector<HttpInput, HttpOutput>({
  id: 'konstruktor:http:request',
  version: 1,
  title: { en: 'REST call', lt: 'REST užklausa', lv: 'REST pieprasījums' },
  description: { en: 'Calls an HTTP/REST endpoint and returns its status, headers and body.', lt: 'Kreipiasi į HTTP/REST galinį tašką ir grąžina būseną, antraštes ir turinį.', lv: 'Izsauc HTTP/REST galapunktu un atgriež statusu, galvenes un saturu.' },
  category: 'Integration',
  inputSchema: {
    type: 'object',
    required: ['method', 'url'],
    properties: {
      method: { type: 'string', title: 'Method', enum: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'], default: 'GET' },
      url: { type: 'string', title: 'URL', pattern: '^https?://', description: 'e.g. ="https://api.example.lt/persons/" + personalCode' },
      headers: { type: 'object', title: 'Headers', additionalProperties: { type: 'string' }, description: 'FEEL context, e.g. ={ "Accept-Language": "lt" }' },
      queryParameters: { type: 'object', title: 'Query parameters', additionalProperties: { type: ['string', 'number', 'boolean'] } },
      body: { title: 'Body', description: 'FEEL: a context is sent as JSON, a string as text.' },
      authentication: {
        type: 'object',
        title: 'Authentication',
        required: ['type'],
        properties: {
          type: { type: 'string', title: 'Authentication', enum: ['none', 'basic', 'bearer', 'oauth2-client-credentials', 'client-certificate'], default: 'none' },
          username: { type: 'string', title: 'Username', ...forTypes('basic') },
          password: { type: 'string', title: 'Password', description: 'e.g. {{secrets.REGISTER_PASSWORD}}', ...forTypes('basic') },
          token: { type: 'string', title: 'Bearer token', description: 'e.g. {{secrets.API_TOKEN}}', ...forTypes('bearer') },
          oauthTokenEndpoint: { type: 'string', title: 'OAuth 2.0 token endpoint', pattern: '^https?://', ...forTypes('oauth2-client-credentials') },
          clientId: { type: 'string', title: 'Client id', ...forTypes('oauth2-client-credentials') },
          clientSecret: { type: 'string', title: 'Client secret', description: 'e.g. {{secrets.CLIENT_SECRET}}', ...forTypes('oauth2-client-credentials') },
          scopes: { type: 'string', title: 'Scopes', ...forTypes('oauth2-client-credentials') },
          audience: { type: 'string', title: 'Audience', ...forTypes('oauth2-client-credentials') },
          clientCertificate: { type: 'string', title: 'Client certificate (PEM)', description: 'e.g. {{secrets.CLIENT_CERT}}', ...forTypes('client-certificate') },
          clientKey: { type: 'string', title: 'Client private key (PEM)', description: 'e.g. {{secrets.CLIENT_KEY}}', ...forTypes('client-certificate') },
        },
        allOf: [
          requiredWhen('basic', ['username', 'password']),
          requiredWhen('bearer', ['token']),
          requiredWhen('oauth2-client-credentials', ['oauthTokenEndpoint', 'clientId', 'clientSecret']),
          requiredWhen('client-certificate', ['clientCertificate', 'clientKey']),
        ],
      },
      caCertificate: { type: 'string', title: 'Trusted CA certificate (PEM)', description: 'For servers whose certificate is issued by a private CA.' },
      timeoutMs: { type: 'integer', title: 'Timeout (ms)', minimum: 1, maximum: 300_000, default: 20_000 },
      statusErrors: {
        type: 'object', title: 'BPMN errors by status', additionalProperties: { type: 'string', minLength: 1 },
        propertyNames: { pattern: '^[1-5]([0-9]{2}|xx|XX)$' },
        description: 'e.g. ={ "404": "NOT_FOUND", "4xx": "REJECTED" }; other non-2xx statuses fail the job (retried).',
      },
    },
  },
  outputSchema: {
    type: 'object',
    properties: { status: { type: 'integer' }, headers: { type: 'object' }, body: {} },
  },
  timeoutMs: 310_000,
  async handler(input, context) {
    const timeoutMs = input.timeoutMs ?? 20_000;
    const url = new URL(input.url);
    for (const [name, value] of Object.entries(input.queryParameters ?? {})) url.searchParams.append(name, String(value));
    const auth = input.authentication ?? { type: 'none' };

    const call = async () => {
      const { headers: authHeaders, tls } = await authorize(auth, input.caCertificate, timeoutMs, context.signal);
      const headers = { accept: 'application/json', ...input.headers, ...authHeaders };
      const body = input.method === 'GET' ? undefined : encodeBody(input.body, headers);
      return send({ method: input.method, url, headers, body, tls, timeoutMs, signal: context.signal });
    };
    context.logger.info('HTTP request', { method: input.method, url: `${url.origin}${url.pathname}`, auth: auth.type });
    let response = await call();
    if (response.status === 401 && auth.type === 'oauth2-client-credentials') {
      // The cached token may have been revoked: one more try with a fresh one.
      forgetToken(auth);
      response = await call();
    }
    context.logger.info('HTTP response', { status: response.status });
    const output: HttpOutput = { status: response.status, headers: response.headers, body: response.body };
    if (response.status >= 200 && response.status < 300) return output;
    const summary = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''} from ${input.method} ${url.origin}${url.pathname}`;
    const code = mappedErrorCode(response.status, input.statusErrors);
    if (code) throw new ConnectorError(code, summary, { status: response.status, body: response.body });
    throw Object.assign(new Error(summary), { code: String(response.status) });
  },
});
