/**
 * Dev-only helper: builds the conformance BPMN files (Zeebe dialect) from short descriptions
 * and lays out their diagrams (BPMNDiagram shapes and edges) so Camunda Modeler can open and
 * render them. The committed .bpmn files are plain XML; edit them in the Modeler or change the
 * model in ./models and run `npx tsx engine-adapter/conformance/_tools/generate.ts`.
 *
 * Layout: per scope, columns by longest path from the start, rows by first visit (a fork's
 * first branch keeps the row, the others open new rows, targets of boundary events go below
 * their host), column widths and row heights from the largest element; expanded sub-processes
 * are laid out recursively; event sub-processes sit below the main flow of their scope.
 */

export type Timer = { duration: string } | { date: string } | { cycle: string };
export type EventDef =
  | { type: 'message'; name: string; correlationKey?: string }
  | { type: 'timer'; timer: Timer }
  | { type: 'error'; code?: string }
  | { type: 'terminate' };

export interface Mappings { in?: Array<[source: string, target: string]>; out?: Array<[source: string, target: string]> }

export interface Node {
  id: string;
  kind: 'start' | 'end' | 'task' | 'service' | 'send' | 'businessRule' | 'script' | 'user' | 'receive' | 'manual' | 'call'
    | 'subProcess' | 'eventSubProcess' | 'xor' | 'and' | 'or' | 'eventGateway' | 'catch' | 'throw' | 'boundary';
  name?: string;
  event?: EventDef;
  /** Boundary: cancelActivity; event sub-process start: isInterrupting. */
  interrupting?: boolean;
  attachedTo?: string;
  job?: { type: string; retries?: number; headers?: Record<string, string> };
  io?: Mappings;
  script?: { expression: string; resultVariable: string };
  user?: { assignee?: string; candidateGroups?: string; dueDate?: string; followUpDate?: string; formKey?: string };
  called?: { processId: string; propagateAllChildVariables?: boolean; propagateAllParentVariables?: boolean };
  loop?: { sequential?: boolean; inputCollection: string; inputElement?: string; outputCollection?: string; outputElement?: string };
  /** Receive task message. */
  message?: { name: string; correlationKey: string };
  /** Gateway default flow: the id of its target. */
  defaultTo?: string;
  /** Sub-process content. */
  nodes?: Node[];
  flows?: Flow[];
  /** Layout override: column and row in the scope's grid. */
  at?: [number, number];
}

export interface Flow { from: string; to: string; condition?: string; name?: string }

export interface Model { processId: string; name: string; nodes: Node[]; flows: Flow[] }

// ------------------------------------------------------------------ authoring helpers

type Extra = Partial<Omit<Node, 'id' | 'kind'>>;
const node = (kind: Node['kind']) => (id: string, extra: Extra = {}): Node => ({ id, kind, ...extra });

export const start = node('start');
export const end = node('end');
export const task = node('task');
export const manual = node('manual');
export const xor = node('xor');
export const and = node('and');
export const or = node('or');
export const eventGateway = node('eventGateway');
export const throwNone = node('throw');
export const service = (id: string, type: string, extra: Extra = {}): Node => ({ id, kind: 'service', job: { type }, ...extra });
export const send = (id: string, type: string, extra: Extra = {}): Node => ({ id, kind: 'send', job: { type }, ...extra });
export const businessRule = (id: string, type: string, extra: Extra = {}): Node => ({ id, kind: 'businessRule', job: { type }, ...extra });
export const script = (id: string, expression: string, resultVariable: string, extra: Extra = {}): Node => ({ id, kind: 'script', script: { expression, resultVariable }, ...extra });
export const user = (id: string, extra: Extra = {}): Node => ({ id, kind: 'user', user: {}, ...extra });
export const receive = (id: string, name: string, correlationKey: string, extra: Extra = {}): Node => ({ id, kind: 'receive', message: { name, correlationKey }, ...extra });
export const call = (id: string, processId: string, extra: Extra & { propagateAllChildVariables?: boolean; propagateAllParentVariables?: boolean } = {}): Node => {
  const { propagateAllChildVariables, propagateAllParentVariables, ...rest } = extra;
  return { id, kind: 'call', called: { processId, propagateAllChildVariables, propagateAllParentVariables }, ...rest };
};
export const sub = (id: string, nodes: Node[], flows: Flow[], extra: Extra = {}): Node => ({ id, kind: 'subProcess', nodes, flows, ...extra });
export const eventSub = (id: string, nodes: Node[], flows: Flow[], extra: Extra = {}): Node => ({ id, kind: 'eventSubProcess', nodes, flows, ...extra });

export const message = (name: string, correlationKey?: string): EventDef => ({ type: 'message', name, ...(correlationKey ? { correlationKey } : {}) });
export const duration = (value: string): EventDef => ({ type: 'timer', timer: { duration: value } });
export const date = (value: string): EventDef => ({ type: 'timer', timer: { date: value } });
export const cycle = (value: string): EventDef => ({ type: 'timer', timer: { cycle: value } });
export const error = (code?: string): EventDef => ({ type: 'error', ...(code ? { code } : {}) });
export const terminate: EventDef = { type: 'terminate' };

export const catchEvent = (id: string, event: EventDef, extra: Extra = {}): Node => ({ id, kind: 'catch', event, ...extra });
export const boundary = (id: string, attachedTo: string, event: EventDef, extra: Extra = {}): Node => ({ id, kind: 'boundary', attachedTo, event, ...extra });

/** Flows along a path of ids. */
export const chain = (...ids: string[]): Flow[] => ids.slice(1).map((to, i) => ({ from: ids[i]!, to }));
export const when = (from: string, to: string, condition: string, name?: string): Flow => ({ from, to, condition, ...(name ? { name } : {}) });

// ------------------------------------------------------------------ layout

interface Box { x: number; y: number; w: number; h: number }
const SIZE: Record<string, [number, number]> = { event: [36, 36], gateway: [50, 50], activity: [100, 80] };
const COL_GAP = 50;
const ROW_GAP = 50;
const PAD = 30;

const isEvent = (n: Node) => ['start', 'end', 'catch', 'throw', 'boundary'].includes(n.kind);
const isGateway = (n: Node) => ['xor', 'and', 'or', 'eventGateway'].includes(n.kind);

interface Layout { boxes: Map<string, Box>; edges: Map<string, Array<[number, number]>>; size: [number, number] }

function flowId(flow: Flow): string {
  return `Flow_${flow.from}_${flow.to}`;
}

/** Lays out one scope with its top-left corner at (x0, y0); boxes use absolute coordinates. */
function layoutScope(nodes: Node[], flows: Flow[], x0: number, y0: number, out: Layout): [number, number] {
  const main = nodes.filter((n) => n.kind !== 'boundary' && n.kind !== 'eventSubProcess');
  const boundaries = nodes.filter((n) => n.kind === 'boundary');
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const hostOf = (id: string) => byId.get(id)?.kind === 'boundary' ? byId.get(id)!.attachedTo! : id;

  // Sizes first (sub-processes need their content laid out; done again at the final place).
  const size = new Map<string, [number, number]>();
  for (const n of main) {
    if (n.kind === 'subProcess') size.set(n.id, layoutScope(n.nodes ?? [], n.flows ?? [], 0, 0, { boxes: new Map(), edges: new Map(), size: [0, 0] }).map((v) => v + 2 * PAD) as [number, number]);
    else size.set(n.id, SIZE[isEvent(n) ? 'event' : isGateway(n) ? 'gateway' : 'activity']!);
  }

  // Columns: longest path; a boundary event's targets count as successors of its host.
  const succ = new Map<string, string[]>(main.map((n) => [n.id, []]));
  const bsucc = new Map<string, string[]>(main.map((n) => [n.id, []]));
  for (const f of flows) {
    const from = hostOf(f.from);
    if (!succ.has(from) || !succ.has(f.to)) continue;
    (byId.get(f.from)?.kind === 'boundary' ? bsucc : succ).get(from)!.push(f.to);
  }
  const col = new Map<string, number>();
  const indeg = new Map(main.map((n) => [n.id, 0]));
  for (const n of main) for (const t of [...succ.get(n.id)!, ...bsucc.get(n.id)!]) indeg.set(t, indeg.get(t)! + 1);
  for (const n of main) if (indeg.get(n.id) === 0) col.set(n.id, 0);
  for (let pass = 0; pass < main.length; pass++) {
    for (const n of main) {
      const c = col.get(n.id);
      if (c === undefined) continue;
      for (const t of [...succ.get(n.id)!, ...bsucc.get(n.id)!]) if ((col.get(t) ?? -1) < c + 1 && c + 1 <= main.length) col.set(t, c + 1);
    }
  }
  for (const n of main) if (n.at) col.set(n.id, n.at[0]);
  for (const n of main) if (!col.has(n.id)) col.set(n.id, 0);

  // Rows: depth-first, first successor keeps the row.
  const row = new Map<string, number>();
  const taken = new Set<string>();
  let maxRow = 0;
  const place = (id: string, r: number) => {
    while (taken.has(`${col.get(id)}:${r}`)) r = ++maxRow;
    row.set(id, r);
    taken.add(`${col.get(id)}:${r}`);
    maxRow = Math.max(maxRow, r);
  };
  const visit = (id: string, r: number) => {
    if (row.has(id)) return;
    const n = byId.get(id)!;
    if (n.at) {
      row.set(id, n.at[1]);
      taken.add(`${col.get(id)}:${n.at[1]}`);
      maxRow = Math.max(maxRow, n.at[1]);
    } else place(id, r);
    succ.get(id)!.forEach((t, i) => visit(t, i === 0 ? row.get(id)! : maxRow + 1));
    for (const t of bsucc.get(id)!) visit(t, maxRow + 1);
  };
  for (const n of main) if (indeg.get(n.id) === 0) visit(n.id, row.size ? maxRow + 1 : 0);
  for (const n of main) if (!row.has(n.id)) visit(n.id, maxRow + 1);

  const cols = Math.max(0, ...col.values()) + 1;
  const rows = Math.max(0, ...row.values()) + 1;
  const colW = Array.from({ length: cols }, () => 36);
  const rowH = Array.from({ length: rows }, () => 36);
  for (const n of main) {
    const [w, h] = size.get(n.id)!;
    colW[col.get(n.id)!] = Math.max(colW[col.get(n.id)!]!, w);
    rowH[row.get(n.id)!] = Math.max(rowH[row.get(n.id)!]!, h);
  }
  const colX = colW.map((_, i) => x0 + colW.slice(0, i).reduce((a, b) => a + b + COL_GAP, 0));
  const rowY = rowH.map((_, i) => y0 + rowH.slice(0, i).reduce((a, b) => a + b + ROW_GAP, 0));
  for (const n of main) {
    const [w, h] = size.get(n.id)!;
    const c = col.get(n.id)!;
    const r = row.get(n.id)!;
    const box = { x: colX[c]! + (colW[c]! - w) / 2, y: rowY[r]! + (rowH[r]! - h) / 2, w, h };
    out.boxes.set(n.id, box);
    if (n.kind === 'subProcess') layoutScope(n.nodes ?? [], n.flows ?? [], box.x + PAD, box.y + PAD, out);
  }
  let width = colX[cols - 1]! + colW[cols - 1]! - x0;
  let height = rowY[rows - 1]! + rowH[rows - 1]! - y0;

  // Boundary events on the bottom edge of their host.
  const perHost = new Map<string, number>();
  for (const b of boundaries) {
    const host = out.boxes.get(b.attachedTo!);
    if (!host) throw new Error(`boundary event ${b.id}: no host ${b.attachedTo}`);
    const i = perHost.get(b.attachedTo!) ?? 0;
    perHost.set(b.attachedTo!, i + 1);
    out.boxes.set(b.id, { x: host.x + host.w - 36 - 12 - i * 42, y: host.y + host.h - 18, w: 36, h: 36 });
  }

  // Event sub-processes below the main flow, side by side.
  let x = x0;
  let bandHeight = 0;
  for (const e of nodes.filter((n) => n.kind === 'eventSubProcess')) {
    const inner = layoutScope(e.nodes ?? [], e.flows ?? [], x + PAD, y0 + height + ROW_GAP + PAD, out);
    const box = { x, y: y0 + height + ROW_GAP, w: inner[0] + 2 * PAD, h: inner[1] + 2 * PAD };
    out.boxes.set(e.id, box);
    x += box.w + COL_GAP;
    bandHeight = Math.max(bandHeight, box.h);
  }
  if (bandHeight) {
    width = Math.max(width, x - COL_GAP - x0);
    height += ROW_GAP + bandHeight;
  }

  // Edges.
  const bottom = y0 + height;
  for (const f of flows) {
    const s = out.boxes.get(f.from)!;
    const t = out.boxes.get(f.to)!;
    const sn = byId.get(f.from)!;
    const tn = byId.get(f.to)!;
    const scy = s.y + s.h / 2;
    const tcy = t.y + t.h / 2;
    const scx = s.x + s.w / 2;
    const tcx = t.x + t.w / 2;
    let points: Array<[number, number]>;
    if (t.x <= s.x) {
      points = [[scx, s.y + s.h], [scx, bottom + 20], [tcx, bottom + 20], [tcx, t.y + t.h]];
    } else if (sn.kind === 'boundary') {
      points = [[scx, s.y + s.h], [scx, tcy], [t.x, tcy]];
    } else if (Math.abs(scy - tcy) < 1) {
      points = [[s.x + s.w, scy], [t.x, tcy]];
    } else if (isGateway(sn)) {
      points = [[scx, tcy > scy ? s.y + s.h : s.y], [scx, tcy], [t.x, tcy]];
    } else if (isGateway(tn)) {
      points = [[s.x + s.w, scy], [tcx, scy], [tcx, scy > tcy ? t.y + t.h : t.y]];
    } else {
      const mid = Math.round((s.x + s.w + t.x) / 2);
      points = [[s.x + s.w, scy], [mid, scy], [mid, tcy], [t.x, tcy]];
    }
    out.edges.set(flowId(f), points.map(([px, py]) => [Math.round(px), Math.round(py)]));
  }
  return [width, height];
}

// ------------------------------------------------------------------ XML

const esc = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const attr = (name: string, value: string | number | boolean | undefined) => (value === undefined ? '' : ` ${name}="${esc(String(value))}"`);
const slug = (text: string) => text.replace(/[^A-Za-z0-9_]/g, '_');

class Writer {
  readonly messages = new Map<string, { id: string; name: string; correlationKey?: string }>();
  readonly errors = new Map<string, { id: string; code: string }>();

  messageRef(name: string, correlationKey?: string): string {
    const key = `${name}\u0000${correlationKey ?? ''}`;
    let entry = this.messages.get(key);
    if (!entry) {
      const base = `Message_${slug(name)}`;
      const taken = [...this.messages.values()].filter((m) => m.id.startsWith(base)).length;
      entry = { id: taken ? `${base}_${taken + 1}` : base, name, ...(correlationKey ? { correlationKey } : {}) };
      this.messages.set(key, entry);
    }
    return entry.id;
  }

  errorRef(code: string): string {
    let entry = this.errors.get(code);
    if (!entry) {
      entry = { id: `Error_${slug(code)}`, code };
      this.errors.set(code, entry);
    }
    return entry.id;
  }

  eventDefinition(n: Node, indent: string): string {
    const e = n.event;
    if (!e) return '';
    const id = `${n.id}_def`;
    switch (e.type) {
      case 'message': return `${indent}<bpmn:messageEventDefinition id="${id}" messageRef="${this.messageRef(e.name, n.kind === 'start' && !e.correlationKey ? undefined : e.correlationKey)}" />\n`;
      case 'error': return `${indent}<bpmn:errorEventDefinition id="${id}"${e.code ? ` errorRef="${this.errorRef(e.code)}"` : ''} />\n`;
      case 'terminate': return `${indent}<bpmn:terminateEventDefinition id="${id}" />\n`;
      case 'timer': {
        const [tag, value] = 'duration' in e.timer ? ['timeDuration', e.timer.duration] : 'date' in e.timer ? ['timeDate', e.timer.date] : ['timeCycle', e.timer.cycle];
        return `${indent}<bpmn:timerEventDefinition id="${id}">\n${indent}  <bpmn:${tag} xsi:type="bpmn:tFormalExpression">${esc(value)}</bpmn:${tag}>\n${indent}</bpmn:timerEventDefinition>\n`;
      }
    }
  }

  extensions(n: Node, indent: string): string {
    const lines: string[] = [];
    const i2 = `${indent}  `;
    if (n.job) lines.push(`${i2}<zeebe:taskDefinition${attr('type', n.job.type)}${attr('retries', n.job.retries)} />`);
    if (n.script) lines.push(`${i2}<zeebe:script${attr('expression', n.script.expression)}${attr('resultVariable', n.script.resultVariable)} />`);
    if (n.user) {
      lines.push(`${i2}<zeebe:userTask />`);
      if (n.user.formKey) lines.push(`${i2}<zeebe:formDefinition${attr('externalReference', n.user.formKey)} />`);
      if (n.user.assignee || n.user.candidateGroups) lines.push(`${i2}<zeebe:assignmentDefinition${attr('assignee', n.user.assignee)}${attr('candidateGroups', n.user.candidateGroups)} />`);
      if (n.user.dueDate || n.user.followUpDate) lines.push(`${i2}<zeebe:taskSchedule${attr('dueDate', n.user.dueDate)}${attr('followUpDate', n.user.followUpDate)} />`);
    }
    if (n.called) lines.push(`${i2}<zeebe:calledElement${attr('processId', n.called.processId)}${attr('propagateAllChildVariables', n.called.propagateAllChildVariables)}${attr('propagateAllParentVariables', n.called.propagateAllParentVariables)} />`);
    if (n.io && (n.io.in?.length || n.io.out?.length)) {
      lines.push(`${i2}<zeebe:ioMapping>`);
      for (const [source, target] of n.io.in ?? []) lines.push(`${i2}  <zeebe:input${attr('source', source)}${attr('target', target)} />`);
      for (const [source, target] of n.io.out ?? []) lines.push(`${i2}  <zeebe:output${attr('source', source)}${attr('target', target)} />`);
      lines.push(`${i2}</zeebe:ioMapping>`);
    }
    if (n.job?.headers) {
      lines.push(`${i2}<zeebe:taskHeaders>`);
      for (const [key, value] of Object.entries(n.job.headers)) lines.push(`${i2}  <zeebe:header${attr('key', key)}${attr('value', value)} />`);
      lines.push(`${i2}</zeebe:taskHeaders>`);
    }
    return lines.length ? `${indent}<bpmn:extensionElements>\n${lines.join('\n')}\n${indent}</bpmn:extensionElements>\n` : '';
  }

  scope(nodes: Node[], flows: Flow[], indent: string): string {
    const incoming = new Map<string, string[]>();
    const outgoing = new Map<string, string[]>();
    for (const f of flows) {
      (incoming.get(f.to) ?? incoming.set(f.to, []).get(f.to)!).push(flowId(f));
      (outgoing.get(f.from) ?? outgoing.set(f.from, []).get(f.from)!).push(flowId(f));
    }
    let xml = '';
    for (const n of nodes) {
      const tag = {
        start: 'startEvent', end: 'endEvent', task: 'task', service: 'serviceTask', send: 'sendTask', businessRule: 'businessRuleTask',
        script: 'scriptTask', user: 'userTask', receive: 'receiveTask', manual: 'manualTask', call: 'callActivity', subProcess: 'subProcess',
        eventSubProcess: 'subProcess', xor: 'exclusiveGateway', and: 'parallelGateway', or: 'inclusiveGateway', eventGateway: 'eventBasedGateway',
        catch: 'intermediateCatchEvent', throw: 'intermediateThrowEvent', boundary: 'boundaryEvent',
      }[n.kind];
      const defaultFlow = n.defaultTo ? flowId({ from: n.id, to: n.defaultTo }) : undefined;
      const attrs = attr('id', n.id) + attr('name', n.name)
        + (n.kind === 'eventSubProcess' ? ' triggeredByEvent="true"' : '')
        + (n.kind === 'boundary' && n.interrupting === false ? ' cancelActivity="false"' : '')
        + (n.kind === 'start' && n.interrupting === false ? ' isInterrupting="false"' : '')
        + (n.kind === 'boundary' ? attr('attachedToRef', n.attachedTo) : '')
        + (n.kind === 'receive' && n.message ? attr('messageRef', this.messageRef(n.message.name, n.message.correlationKey)) : '')
        + attr('default', defaultFlow);
      const i2 = `${indent}  `;
      let body = this.extensions(n, i2);
      for (const id of incoming.get(n.id) ?? []) body += `${i2}<bpmn:incoming>${id}</bpmn:incoming>\n`;
      for (const id of outgoing.get(n.id) ?? []) body += `${i2}<bpmn:outgoing>${id}</bpmn:outgoing>\n`;
      if (n.loop) {
        const l = n.loop;
        body += `${i2}<bpmn:multiInstanceLoopCharacteristics${l.sequential ? ' isSequential="true"' : ''}>\n${i2}  <bpmn:extensionElements>\n`
          + `${i2}    <zeebe:loopCharacteristics${attr('inputCollection', l.inputCollection)}${attr('inputElement', l.inputElement)}${attr('outputCollection', l.outputCollection)}${attr('outputElement', l.outputElement)} />\n`
          + `${i2}  </bpmn:extensionElements>\n${i2}</bpmn:multiInstanceLoopCharacteristics>\n`;
      }
      body += this.eventDefinition(n, i2);
      if (n.nodes) body += this.scope(n.nodes, n.flows ?? [], i2);
      xml += body ? `${indent}<bpmn:${tag}${attrs}>\n${body}${indent}</bpmn:${tag}>\n` : `${indent}<bpmn:${tag}${attrs} />\n`;
    }
    for (const f of flows) {
      const head = `${indent}<bpmn:sequenceFlow${attr('id', flowId(f))}${attr('name', f.name)}${attr('sourceRef', f.from)}${attr('targetRef', f.to)}`;
      xml += f.condition
        ? `${head}>\n${indent}  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${esc(f.condition)}</bpmn:conditionExpression>\n${indent}</bpmn:sequenceFlow>\n`
        : `${head} />\n`;
    }
    return xml;
  }
}

function allNodes(nodes: Node[]): Node[] {
  return nodes.flatMap((n) => [n, ...allNodes(n.nodes ?? [])]);
}
function allFlows(nodes: Node[], flows: Flow[]): Flow[] {
  return [...flows, ...nodes.flatMap((n) => allFlows(n.nodes ?? [], n.flows ?? []))];
}

/** The model as a complete BPMN file with a diagram. */
export function toBpmn(model: Model): string {
  const ids = new Set<string>([model.processId]);
  for (const n of allNodes(model.nodes)) {
    if (ids.has(n.id)) throw new Error(`${model.processId}: duplicate id ${n.id}`);
    ids.add(n.id);
  }
  for (const f of allFlows(model.nodes, model.flows)) {
    if (!ids.has(f.from) || !ids.has(f.to)) throw new Error(`${model.processId}: flow ${f.from} -> ${f.to} names an unknown element`);
  }
  const writer = new Writer();
  const body = writer.scope(model.nodes, model.flows, '    ');
  const layout: Layout = { boxes: new Map(), edges: new Map(), size: [0, 0] };
  layoutScope(model.nodes, model.flows, 160, 80, layout);

  let roots = '';
  for (const m of writer.messages.values()) {
    roots += m.correlationKey
      ? `  <bpmn:message id="${m.id}"${attr('name', m.name)}>\n    <bpmn:extensionElements>\n      <zeebe:subscription${attr('correlationKey', m.correlationKey)} />\n    </bpmn:extensionElements>\n  </bpmn:message>\n`
      : `  <bpmn:message id="${m.id}"${attr('name', m.name)} />\n`;
  }
  for (const e of writer.errors.values()) roots += `  <bpmn:error id="${e.id}"${attr('name', e.code)}${attr('errorCode', e.code)} />\n`;

  let di = '';
  const expanded = new Set(allNodes(model.nodes).filter((n) => n.kind === 'subProcess' || n.kind === 'eventSubProcess').map((n) => n.id));
  for (const n of allNodes(model.nodes)) {
    const b = layout.boxes.get(n.id)!;
    di += `      <bpmndi:BPMNShape id="${n.id}_di" bpmnElement="${n.id}"${expanded.has(n.id) ? ' isExpanded="true"' : ''}>\n`
      + `        <dc:Bounds x="${Math.round(b.x)}" y="${Math.round(b.y)}" width="${b.w}" height="${b.h}" />\n      </bpmndi:BPMNShape>\n`;
  }
  for (const f of allFlows(model.nodes, model.flows)) {
    const points = layout.edges.get(flowId(f))!;
    di += `      <bpmndi:BPMNEdge id="${flowId(f)}_di" bpmnElement="${flowId(f)}">\n`
      + points.map(([x, y]) => `        <di:waypoint x="${x}" y="${y}" />\n`).join('')
      + '      </bpmndi:BPMNEdge>\n';
  }

  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="Definitions_${slug(model.processId)}" targetNamespace="http://bpmn.io/schema/bpmn" exporter="Konstruktor conformance" exporterVersion="1.0" modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.8.0">
  <bpmn:process id="${esc(model.processId)}"${attr('name', model.name)} isExecutable="true">
${body}  </bpmn:process>
${roots}  <bpmndi:BPMNDiagram id="BPMNDiagram_1">
    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="${esc(model.processId)}">
${di}    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}
