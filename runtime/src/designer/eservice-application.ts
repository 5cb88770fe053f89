import { Type, type Static } from '@sinclair/typebox';
import type { AnyConnector } from '@konstruktor/connectors';
import type { Agency } from '../accounts/agency.entity.js';
import type { ServiceVersion } from '../catalogue/service-version.entity.js';
import { readBpmn, type BpmnElement } from './bpmn-lint.js';
import { CardView } from '../catalogue/card-view.js';

/** The "e-service application" an agency files before a service goes live (DOMAIN.md), derived from the package. */
export const EServiceApplication = Type.Composite([CardView, Type.Object({
  version: Type.String(),
  retention: Type.Record(Type.String(), Type.String()),
  dataProviders: Type.Array(Type.Object({
    connector: Type.String(), title: Type.String(), settings: Type.Record(Type.String(), Type.Unknown()), elements: Type.Array(Type.String()), fields: Type.Array(Type.String()),
  }), { description: 'registers and information systems the process reads, with the fields it takes from each' }),
  platformServices: Type.Array(Type.Object({
    connector: Type.String(), title: Type.String(), category: Type.Union([Type.String(), Type.Null()]), elements: Type.Array(Type.String()),
  }), { description: 'other platform services (signing, payments, notifications, documents…) the process uses' }),
  steps: Type.Array(Type.Object({ elementId: Type.String(), name: Type.Union([Type.String(), Type.Null()]), type: Type.String() }), { description: "the process's flow nodes in the order the flow reaches them" }),
  documents: Type.Array(Type.String()),
})]);
export type EServiceApplication = Static<typeof EServiceApplication>;

const text = (version: ServiceVersion, path: string) => {
  const file = version.files[path];
  return !file ? undefined : file.encoding === 'utf8' ? file.content : Buffer.from(file.content, 'base64').toString('utf8');
};

const FLOW_NODE = /^bpmn:(.*(Task|Event|Gateway)|CallActivity|SubProcess|Transaction)$/;

/** Dotted paths of an output schema's fields, two levels deep (person.firstName). */
function outputFields(schema: Record<string, unknown>, prefix = '', depth = 0): string[] {
  const properties = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
  return Object.entries(properties).flatMap(([name, child]) => {
    const path = prefix ? `${prefix}.${name}` : name;
    return depth < 1 && child.properties ? outputFields(child, path, depth + 1) : [path];
  });
}

function extensions(element: BpmnElement): BpmnElement[] {
  const ext = element.get('extensionElements') as { values?: BpmnElement[] } | undefined;
  return ext?.values ?? [];
}

/** Flow nodes from the start events along sequence flows (breadth first), then any not reached. */
function orderedNodes(process: BpmnElement): BpmnElement[] {
  const nodes: BpmnElement[] = [];
  const collect = (container: BpmnElement) => {
    for (const element of (container.get('flowElements') as BpmnElement[] | undefined) ?? []) {
      if (FLOW_NODE.test(element.$type)) nodes.push(element);
      if (element.$type === 'bpmn:SubProcess') collect(element);
    }
  };
  collect(process);
  const order: BpmnElement[] = [];
  const queue = nodes.filter((n) => n.$type === 'bpmn:StartEvent' && !((n.get('incoming') as unknown[] | undefined)?.length));
  const seen = new Set<BpmnElement>();
  while (queue.length) {
    const node = queue.shift()!;
    if (seen.has(node)) continue;
    seen.add(node);
    order.push(node);
    for (const flow of (node.get('outgoing') as { targetRef?: BpmnElement }[] | undefined) ?? []) if (flow.targetRef) queue.push(flow.targetRef);
    for (const boundary of nodes.filter((n) => n.$type === 'bpmn:BoundaryEvent' && n.get('attachedToRef') === node)) queue.push(boundary);
  }
  return [...order, ...nodes.filter((n) => !seen.has(n))];
}

export async function deriveApplication(version: ServiceVersion, provider: Agency, connectors: AnyConnector[]): Promise<EServiceApplication> {
  const { card } = version;
  const dataProviders = new Map<string, EServiceApplication['dataProviders'][number]>();
  const platformServices = new Map<string, EServiceApplication['platformServices'][number]>();
  const steps: EServiceApplication['steps'] = [];
  const processXml = card.process ? text(version, card.process.file) : undefined;
  if (card.process && processXml) {
    const definitions = await readBpmn(processXml);
    const process = ((definitions.get('rootElements') as BpmnElement[]) ?? []).find((e) => e.$type === 'bpmn:Process' && e.id === card.process!.processId);
    for (const node of process ? orderedNodes(process) : []) {
      steps.push({ elementId: node.id!, name: node.name ?? null, type: node.$type.replace(/^bpmn:/, '') });
      const definition = extensions(node).find((e) => e.$type === 'zeebe:TaskDefinition');
      const type = (node.get('zeebe:modelerTemplate') as string | undefined) ?? (definition?.get('type') as string | undefined);
      const connector = connectors.find((c) => c.id === type || c.id === definition?.get('type'));
      if (!connector) continue;
      const title = typeof connector.title === 'string' ? connector.title : connector.title.en ?? connector.title.lt ?? connector.id;
      if (connector.category === 'State registers') {
        const headers = (extensions(node).find((e) => e.$type === 'zeebe:TaskHeaders')?.get('values') as BpmnElement[] | undefined) ?? [];
        const expression = headers.find((h) => h.get('key') === 'resultExpression')?.get('value') as string | undefined;
        const all = outputFields(connector.outputSchema as Record<string, unknown>);
        // A result expression says which fields the process keeps; else it takes the whole result.
        const used = expression ? all.filter((field) => expression.includes(field)) : all;
        const entry: EServiceApplication['dataProviders'][number] = dataProviders.get(connector.id) ?? { connector: connector.id, title, settings: {}, elements: [], fields: [] };
        entry.elements.push(node.id!);
        entry.fields = [...new Set([...entry.fields, ...(used.length ? used : all)])];
        const area = connector.id.split(':')[1] ?? '';
        entry.settings = { ...(card.connectors?.[area] ?? card.connectors?.[connector.id] ?? {}) };
        dataProviders.set(connector.id, entry);
      } else {
        const entry: EServiceApplication['platformServices'][number] = platformServices.get(connector.id) ?? { connector: connector.id, title, category: connector.category ?? null, elements: [] };
        entry.elements.push(node.id!);
        platformServices.set(connector.id, entry);
      }
    }
  }
  return {
    code: card.code, version: card.version, title: card.title, summary: card.summary ?? null, provider: { code: provider.code, name: provider.name },
    legalBasis: card.legalBasis ?? null, audience: card.audience, price: card.price, interactivityLevel: card.interactivityLevel, onlineOrder: card.onlineOrder,
    lifeEvents: card.lifeEvents ?? [], retention: Object.fromEntries(Object.entries(card.retention ?? {}).filter(([, v]) => typeof v === 'string')) as Record<string, string>,
    dataProviders: [...dataProviders.values()], platformServices: [...platformServices.values()], steps,
    documents: Object.keys(version.files).filter((path) => path.startsWith('documents/')).sort(),
  };
}
