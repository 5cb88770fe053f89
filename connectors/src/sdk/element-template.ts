/**
 * Element templates (https://docs.camunda.io/docs/components/modeler/element-templates/) from
 * connector definitions, shaped like Camunda's own outbound connector templates: inputs as
 * `zeebe:input` mappings (FEEL allowed, so the engine evaluates them and the handler gets
 * values), result variable / result expression / error expression as task headers (read by
 * the worker, see result.ts), retries on the task definition.
 */
import type { ConnectorDefinition, JsonSchema } from './contract.js';
import { localized, schemaText, type Locale } from './schema-text.js';

export type { Locale };

export const ELEMENT_TEMPLATE_SCHEMA = 'https://unpkg.com/@camunda/zeebe-element-templates-json-schema/resources/schema.json';

type Binding =
  | { type: 'zeebe:taskDefinition'; property: 'type' | 'retries' }
  | { type: 'zeebe:input'; name: string }
  | { type: 'zeebe:taskHeader'; key: string };

export interface TemplateProperty {
  id?: string;
  label?: string;
  description?: string;
  type: 'Hidden' | 'String' | 'Text' | 'Number' | 'Boolean' | 'Dropdown';
  value?: string | number | boolean;
  feel?: 'optional' | 'required' | 'static';
  optional?: boolean;
  group?: string;
  choices?: { name: string; value: string }[];
  constraints?: { notEmpty?: boolean; pattern?: { value: string; message: string } };
  /** Shown only when the sibling field has one of these values (from `x-when` in the input schema). */
  condition?: { property: string; oneOf: string[] };
  binding: Binding;
}

export interface ElementTemplate {
  $schema: string;
  name: string;
  id: string;
  version: number;
  description?: string;
  category?: { id: string; name: string };
  keywords?: string[];
  appliesTo: string[];
  elementType: { value: string };
  groups: { id: string; label: string }[];
  properties: TemplateProperty[];
  metadata: Record<string, unknown>;
}

const LABELS: Record<Locale, Record<'input' | 'output' | 'errors' | 'retries' | 'resultVariable' | 'resultExpression' | 'errorExpression' | 'retriesLabel' | 'retryBackoff', string>> = {
  en: { input: 'Input', output: 'Output mapping', errors: 'Error handling', retries: 'Retries', resultVariable: 'Result variable', resultExpression: 'Result expression', errorExpression: 'Error expression', retriesLabel: 'Retries', retryBackoff: 'Retry back-off' },
  lt: { input: 'Įvestis', output: 'Rezultato susiejimas', errors: 'Klaidų apdorojimas', retries: 'Pakartojimai', resultVariable: 'Rezultato kintamasis', resultExpression: 'Rezultato išraiška', errorExpression: 'Klaidos išraiška', retriesLabel: 'Pakartojimų skaičius', retryBackoff: 'Pauzė tarp bandymų' },
  lv: { input: 'Ievade', output: 'Rezultāta kartēšana', errors: 'Kļūdu apstrāde', retries: 'Atkārtojumi', resultVariable: 'Rezultāta mainīgais', resultExpression: 'Rezultāta izteiksme', errorExpression: 'Kļūdas izteiksme', retriesLabel: 'Atkārtojumu skaits', retryBackoff: 'Pauze starp mēģinājumiem' },
};

const slug = (text: string) => text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** A FEEL literal for a JSON default (JSON objects and arrays are FEEL contexts and lists). */
const feelLiteral = (value: unknown) => `=${JSON.stringify(value)}`;

/** Template properties for one input field; an object with properties is flattened into `a.b` inputs, as Camunda's templates do. */
function inputProperties(name: string, schema: JsonSchema, required: boolean, group: string, locale: Locale): TemplateProperty[] {
  const nested = schema.properties as Record<string, JsonSchema> | undefined;
  if (schema.type === 'object' && nested && Object.keys(nested).length > 0 && schema['x-feel'] !== 'required') {
    const requiredInner = new Set((schema.required as string[] | undefined) ?? []);
    return Object.entries(nested).flatMap(([key, inner]) => inputProperties(`${name}.${key}`, inner, required && requiredInner.has(key), group, locale).map((property) => {
      // `x-when: { type: ['basic'] }`: only relevant when the sibling field `type` is basic.
      const [sibling, values] = Object.entries((inner['x-when'] as Record<string, string[]> | undefined) ?? {})[0] ?? [];
      return sibling && values ? { ...property, condition: { property: `${name}.${sibling}`, oneOf: values } } : property;
    }));
  }
  const property: TemplateProperty = {
    id: name,
    label: schemaText(schema, 'title', locale) ?? name,
    type: 'String',
    group,
    binding: { type: 'zeebe:input', name },
  };
  const description = schemaText(schema, 'description', locale);
  if (description) property.description = description;
  const enumeration = schema.enum as unknown[] | undefined;
  if (Array.isArray(enumeration) && enumeration.every((value) => typeof value === 'string')) {
    property.type = 'Dropdown';
    property.choices = (enumeration as string[]).map((value) => ({ name: value, value }));
    property.value = typeof schema.default === 'string' ? schema.default : (enumeration[0] as string);
    return [property];
  }
  switch (schema.type) {
    case 'boolean':
      property.type = 'Boolean';
      if (typeof schema.default === 'boolean') property.value = schema.default;
      break;
    case 'integer':
    case 'number':
      property.type = 'Number';
      property.feel = 'optional';
      if (typeof schema.default === 'number') property.value = schema.default;
      break;
    case 'string':
      property.type = schema['x-multiline'] ? 'Text' : 'String';
      property.feel = 'optional';
      if (typeof schema.default === 'string') property.value = schema.default;
      if (typeof schema.pattern === 'string') property.constraints = { pattern: { value: schema.pattern, message: `must match ${schema.pattern}` } };
      break;
    default:
      // Objects without fixed properties, lists, anything else: a FEEL expression.
      property.type = 'Text';
      property.feel = 'required';
      if (schema.default !== undefined) property.value = feelLiteral(schema.default);
  }
  if (required && (property.type === 'String' || property.type === 'Text')) property.constraints = { ...property.constraints, notEmpty: true };
  if (!required) {
    property.optional = true;
    // The schema wants an optional field's constraints to say explicitly that it may be empty.
    if (property.constraints) property.constraints.notEmpty = false;
  }
  return [property];
}

/** The element template of a connector, in one language (the palette shows the user's). */
export function elementTemplate(definition: Omit<ConnectorDefinition, 'handler'>, options: { locale?: Locale } = {}): ElementTemplate {
  const locale = options.locale ?? 'en';
  const labels = LABELS[locale];
  const required = new Set((definition.inputSchema.required as string[] | undefined) ?? []);
  const inputs = Object.entries((definition.inputSchema.properties as Record<string, JsonSchema> | undefined) ?? {})
    .flatMap(([name, schema]) => inputProperties(name, schema, required.has(name), 'input', locale));
  const errorCodes = (definition.errors ?? []).map((error) => `${error.code} (${error.description})`).join(', ');
  const template: ElementTemplate = {
    $schema: ELEMENT_TEMPLATE_SCHEMA,
    name: localized(definition.title, locale)!,
    id: definition.id,
    version: definition.version,
    appliesTo: ['bpmn:Task'],
    elementType: { value: 'bpmn:ServiceTask' },
    groups: [
      { id: 'input', label: labels.input },
      { id: 'output', label: labels.output },
      { id: 'errors', label: labels.errors },
      { id: 'retries', label: labels.retries },
    ],
    properties: [
      { type: 'Hidden', value: definition.id, binding: { type: 'zeebe:taskDefinition', property: 'type' } },
      ...inputs,
      {
        id: 'resultVariable', label: labels.resultVariable, type: 'String', group: 'output', optional: true,
        description: 'Name of the process variable that receives the whole result.', binding: { type: 'zeebe:taskHeader', key: 'resultVariable' },
      },
      {
        id: 'resultExpression', label: labels.resultExpression, type: 'Text', feel: 'required', group: 'output', optional: true,
        description: 'FEEL context built from the result, one process variable per entry, e.g. ={ name: person.firstName }.',
        binding: { type: 'zeebe:taskHeader', key: 'resultExpression' },
      },
      {
        id: 'errorExpression', label: labels.errorExpression, type: 'Text', feel: 'required', group: 'errors', optional: true,
        description: `FEEL returning bpmnError(code, message) to raise a BPMN error, e.g. =if error.code = "404" then bpmnError("NOT_FOUND", error.message) else null.${errorCodes ? ` Error codes: ${errorCodes}.` : ''}`,
        binding: { type: 'zeebe:taskHeader', key: 'errorExpression' },
      },
      {
        id: 'retries', label: labels.retriesLabel, type: 'String', group: 'retries', value: String(definition.retries ?? 3),
        binding: { type: 'zeebe:taskDefinition', property: 'retries' },
      },
      {
        id: 'retryBackoff', label: labels.retryBackoff, type: 'String', group: 'retries', optional: true,
        description: 'ISO 8601 duration between attempts, e.g. PT30S; empty: 1 s doubling per attempt up to 60 s.',
        constraints: { notEmpty: false, pattern: { value: '^(P(\\d+D)?(T(\\d+H)?(\\d+M)?(\\d+(\\.\\d+)?S)?)?)?$', message: 'must be an ISO 8601 duration such as PT30S' } },
        binding: { type: 'zeebe:taskHeader', key: 'retryBackoff' },
      },
    ],
    metadata: { konstruktor: { connectorId: definition.id, outputSchema: definition.outputSchema, errors: definition.errors ?? [] } },
  };
  const description = localized(definition.description, locale);
  if (description) template.description = description;
  if (definition.category) template.category = { id: `konstruktor-${slug(definition.category)}`, name: definition.category };
  return template;
}
