// bpmn-js-token-simulation ships no types; its modules are didi modules like bpmn-js's own.
declare module 'bpmn-js-token-simulation/lib/viewer.js' {
  import type { ModuleDeclaration } from 'didi';
  const module: ModuleDeclaration;
  export default module;
}
