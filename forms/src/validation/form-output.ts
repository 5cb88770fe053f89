/**
 * What a form may submit, as a structure: exactly the fields it binds, each typed by the data
 * structure where that defines it (followed by JSON Pointer, so the structure's own `$ref`s
 * keep working), else by the kind of field (a number field holds a number, a radio with fixed
 * options one of them); the form's own rules (required, lengths, patterns) are checked beside
 * it. Nothing else: a key the form does not ask for is refused. A user task's form is checked with it, since
 * a task's result is partial by nature and holds outputs the structure may not name.
 */
import type { FormComponent, FormSchema } from '../form/types.js';
import { walkForm } from '../form/walk.js';
import type { StructureSchema } from '../structure/schema.js';

/** Where the data structure is kept inside the output structure, for pointers into it. */
const STRUCTURE = 'konstruktor-data-structure';

type Node = { type: 'object'; properties: Record<string, Node | StructureSchema>; additionalProperties: false } | { type: 'array'; items: Node };

/** The JSON type a component's value has, for a field the data structure does not define. */
const VALUE_TYPES: Record<string, StructureSchema> = {
  textfield: { type: 'string' }, textarea: { type: 'string' }, radio: { type: 'string' }, select: { type: 'string' }, datetime: { type: 'string' },
  number: { type: 'number' }, checkbox: { type: 'boolean' }, checklist: { type: 'array' }, taglist: { type: 'array' },
};

/** A choice field with fixed options holds one of them (a checklist or taglist: a list of them). */
function valueType(component: FormComponent): StructureSchema {
  const type = { ...VALUE_TYPES[component.type] };
  const options = component.values?.map((option) => option.value);
  if (!options?.length || component.valuesKey || component.valuesExpression) return type;
  return type.type === 'array' ? { ...type, items: { enum: options } } : { ...type, enum: options };
}

const objectNode = (): Node => ({ type: 'object', properties: {}, additionalProperties: false });

const escape = (segment: string) => segment.replaceAll('~', '~0').replaceAll('/', '~1');

/** The pointer (from the structure's root) to the schema at the data path, following local `$ref`s; undefined where it defines nothing. */
function pointerTo(structure: StructureSchema, path: readonly string[]): string | undefined {
  const resolve = (pointer: string): { schema: StructureSchema | undefined; pointer: string } => {
    let current: unknown = structure;
    for (const raw of pointer.split('/').slice(1)) current = (current as Record<string, unknown> | undefined)?.[raw.replaceAll('~1', '/').replaceAll('~0', '~')];
    const schema = current && typeof current === 'object' ? current as StructureSchema : undefined;
    const ref = schema?.$ref;
    return typeof ref === 'string' && ref.startsWith('#/') && ref !== `#${pointer}` ? resolve(ref.slice(1)) : { schema, pointer };
  };
  let at = resolve('');
  for (const segment of path) {
    const next = segment === '*' ? `${at.pointer}/items` : `${at.pointer}/properties/${escape(segment)}`;
    at = resolve(next);
    if (!at.schema) return undefined;
  }
  return at.pointer;
}

export function formOutputStructure(form: FormSchema, structure?: StructureSchema): StructureSchema {
  const root = objectNode();
  walkForm(form.components, ({ component, path, kind }) => {
    if (kind !== 'input' || path.length === 0) return;
    let node: Node = root;
    path.forEach((segment, i) => {
      if (segment === '*') return; // the array node was made by the segment before
      if (node.type !== 'object') return;
      const last = i === path.length - 1;
      if (last) {
        const pointer = structure ? pointerTo(structure, path) : undefined;
        node.properties[segment] = pointer === undefined ? valueType(component) : { $ref: `#/$defs/${STRUCTURE}${pointer}` };
        return;
      }
      const list = path[i + 1] === '*';
      const existing = node.properties[segment] as Node | undefined;
      const child: Node = existing?.type === (list ? 'array' : 'object') ? existing : list ? { type: 'array', items: objectNode() } : objectNode();
      node.properties[segment] = child;
      node = child.type === 'array' ? child.items : child;
    });
  });
  if (!structure) return root as unknown as StructureSchema;
  const { $id: _id, $schema: _schema, ...kept } = structure;
  // The structure's own $defs are copied to the root too: its local `$ref`s point there.
  const defs = (structure.$defs ?? {}) as Record<string, StructureSchema>;
  return { ...root, $defs: { ...defs, [STRUCTURE]: kept } } as unknown as StructureSchema;
}
