/** FEEL for the embedded engine: Zeebe's evaluation rules, messages and variable forms on top of feelin. */
export { evaluateRaw as evaluateFeel } from './feel.js';
export {
  evaluateCondition, evaluateCorrelationKey, evaluateExpression, evaluateInteger, evaluateList, evaluateString,
  evaluateStringList, isExpression, parseError, type FeelOptions, type FeelResult,
} from './feel.js';
export { evaluateDateTime, evaluateDuration, evaluateTimeCycle } from './timers.js';
export {
  addDuration, intervalDueDate, nextCycleDueDate, toVariableValue, type DateTimeValue, type Interval, type TimeCycle,
} from './temporal.js';
