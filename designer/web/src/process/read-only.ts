import type { ModuleDeclaration } from 'didi';

/**
 * A switch that makes the modeler view-only (published and retired versions): nothing on the
 * canvas changes the diagram, while scrolling, zooming, selecting, search and keyboard canvas
 * moves go on. Modelled on bpmn-js-token-simulation's DisableModeling, in three layers:
 *  - the ways in: no drag that edits (move, create, connect, resize; lasso and hand stay), no
 *    direct editing, no context pad, only navigation editor actions (so the keyboard's Delete,
 *    copy, paste, undo, redo, E, R, … do nothing);
 *  - the rules: every `commandStack.canExecute` answers no, so what asks the rules offers nothing;
 *  - the catch-all: `commandStack.execute`, `undo` and `redo` do nothing.
 * The palette is hidden by the tab's stylesheet (`.read-only .djs-palette`).
 */

/** Editor actions that only look (the keyboard's zoom, canvas moves, select all, search, tools that select or pan). */
const VIEW_ACTIONS = new Set(['stepZoom', 'zoom', 'moveCanvas', 'selectElements', 'find', 'lassoTool', 'handTool']);
/** Drags that only look: lasso selection and the hand tool's pan. */
const VIEW_DRAGS = /^(lasso|hand)(\.|$)/;
const HIGHEST_PRIORITY = 100_000;

type Fn = (...args: unknown[]) => unknown;
interface EventBus { on(event: string, priority: number, callback: () => unknown): void }
interface CommandStack { execute: Fn; undo: Fn; redo: Fn; clear(emit?: boolean): void }
interface Dragging { init: Fn; cancel(): void }
interface DirectEditing { activate: Fn; cancel(): void }
interface EditorActions { trigger: Fn }
interface ContextPad { close(): void }
interface PopupMenu { close(): void }
interface Injector { get<T>(name: string, strict?: boolean): T | null }

export interface ReadOnly {
  readonly active: boolean;
  set(active: boolean): void;
}

function ReadOnlyService(this: ReadOnly, eventBus: EventBus, injector: Injector) {
  let active = false;
  const optional = <T>(name: string) => injector.get<T>(name, false);
  const commandStack = optional<CommandStack>('commandStack');
  const dragging = optional<Dragging>('dragging');
  const directEditing = optional<DirectEditing>('directEditing');
  const editorActions = optional<EditorActions>('editorActions');
  const contextPad = optional<ContextPad>('contextPad');
  const popupMenu = optional<PopupMenu>('popupMenu');

  /** Replaces obj[name] by a version that does nothing while read-only unless `allowed(args)`. */
  const guard = <T extends object>(obj: T | null, name: keyof T & string, allowed: (args: unknown[]) => boolean = () => false) => {
    if (!obj) return;
    const original = obj[name] as Fn;
    (obj as Record<string, Fn>)[name] = function (this: unknown, ...args: unknown[]) {
      return active && !allowed(args) ? undefined : original.apply(this, args);
    };
  };

  guard(commandStack, 'execute');
  guard(commandStack, 'undo');
  guard(commandStack, 'redo');
  // init(event, prefix, options) or init(event, relativeTo, prefix, options).
  guard(dragging, 'init', (args) => VIEW_DRAGS.test(String(typeof args[1] === 'string' ? args[1] : args[2])));
  guard(directEditing, 'activate');
  guard(editorActions, 'trigger', (args) => VIEW_ACTIONS.has(String(args[0])));
  eventBus.on('commandStack.canExecute', HIGHEST_PRIORITY, () => (active ? false : undefined));
  eventBus.on('contextPad.open.allowed', HIGHEST_PRIORITY, () => (active ? false : undefined));

  Object.defineProperty(this, 'active', { get: () => active });
  this.set = (value: boolean) => {
    active = value;
    if (!active) return;
    dragging?.cancel();
    directEditing?.cancel();
    contextPad?.close();
    popupMenu?.close();
    // What was done before cannot be undone now (nor redone), and nothing is left to save.
    commandStack?.clear(false);
  };
}
ReadOnlyService.$inject = ['eventBus', 'injector'];

export const readOnlyModule: ModuleDeclaration = {
  __init__: ['readOnly'],
  readOnly: ['type', ReadOnlyService],
};
