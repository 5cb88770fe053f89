/**
 * Three places where feelin's semantics differ from FEEL-Scala in ways Zeebe users meet, mended by
 * rewriting the expression on feelin's own syntax tree before it is evaluated:
 *
 * 1. Zeebe keeps variables and functions apart: a variable `count` or `date` does not hide count()
 *    or date(). feelin looks both up in one context, where the variable would win. Calls to a
 *    built-in whose name a variable also has are pointed at an alias of the built-in. (Known gap:
 *    a FEEL-local function of that name, a context entry or parameter, is then bypassed too.)
 * 2. Ordering values of different types (`"99" >= 100`) gives null in FEEL-Scala, with a
 *    NOT_COMPARABLE warning, so such a condition raises an incident in Zeebe. feelin answers
 *    false. `<`, `<=`, `>`, `>=` are routed through a built-in that does what FEEL-Scala does.
 * 3. Filters that are function calls (`items[contains(name, "x")]`) apply to each item in
 *    FEEL-Scala; feelin evaluates them once for the whole list.
 */
import { parseExpression } from 'feelin';

/** Names under which rewritten calls find their functions; no variable can be named like these. */
export const ALIAS_PREFIX = 'feel built-in ';
export const COMPARE = `${ALIAS_PREFIX}compare`;

const ORDERING = new Set(['<', '<=', '>', '>=']);

interface Node { name: string; from: number; to: number; firstChild: Node | null; nextSibling: Node | null }

const normalizeName = (text: string): string => text.replaceAll('`', '').replace(/\s+/g, ' ').trim();

/**
 * The expression with both rewrites applied, and the built-in names that calls now reach through
 * an alias. `shadowed` holds the names of variables that are also built-ins; `context` the names
 * feelin needs to parse (variables and functions, some with spaces).
 */
export function rewrite(expression: string, context: Record<string, unknown>, shadowed: Set<string>): { text: string; aliased: string[] } {
  if (shadowed.size === 0 && !/[<>[]/.test(expression)) return { text: expression, aliased: [] };
  const aliased = new Set<string>();
  const rebuild = (node: Node): string => replace(node) ?? rebuildFrom(node.firstChild, node.from, node);
  /** The text of `node` from `position` on, with `child` and its later siblings rebuilt. */
  const rebuildFrom = (child: Node | null, position: number, node: Node): string => {
    let text = '';
    for (; child; child = child.nextSibling) {
      text += expression.slice(position, child.from) + rebuild(child);
      position = child.to;
    }
    return text + expression.slice(position, node.to);
  };
  const replace = (node: Node): string | undefined => {
    const first = node.firstChild;
    if (node.name === 'FunctionInvocation' && first?.name === 'VariableName') {
      const name = normalizeName(expression.slice(first.from, first.to));
      if (!shadowed.has(name)) return undefined;
      aliased.add(name);
      return `\`${ALIAS_PREFIX}${name}\`${rebuildFrom(first.nextSibling, first.to, node)}`;
    }
    const op = orderingOperator(node);
    if (op !== undefined) {
      const right = first!.nextSibling!.nextSibling!;
      return `\`${COMPARE}\`(${rebuild(first!)}, "${op}", ${rebuild(right)})`;
    }
    const condition = node.name === 'FilterExpression' ? first?.nextSibling?.nextSibling : undefined;
    if (first && condition && testedPerItem(condition)) {
      return `${rebuild(first)}${expression.slice(first.to, condition.from)}(${rebuild(condition)}) = true${rebuildFrom(condition.nextSibling, condition.to, node)}`;
    }
    return undefined;
  };
  const orderingOperator = (node: Node): string | undefined => {
    const operator = node.firstChild?.nextSibling;
    if (node.name !== 'Comparison' || operator?.name !== 'CompareOp' || !operator.nextSibling || operator.nextSibling.nextSibling) return undefined;
    const op = expression.slice(operator.from, operator.to);
    return ORDERING.has(op) ? op : undefined;
  };
  /**
   * FEEL-Scala applies a filter that is a function call or a comparison to each item (`[even(item)]`,
   * `[price > 10]`). feelin does so only for conditions it types as tests, and evaluates a call once
   * for the whole list; `(...) = true` makes both kinds (and our rewritten comparisons) tests again.
   */
  const testedPerItem = (node: Node): boolean => {
    while (node.name === 'ParenthesizedExpression' && node.firstChild?.nextSibling) node = node.firstChild.nextSibling;
    return node.name === 'FunctionInvocation' || orderingOperator(node) !== undefined;
  };
  const tree = parseExpression(expression, context, 'camunda');
  let broken = false;
  tree.iterate({ enter: (node) => !(broken ||= node.type.isError) });
  // A syntax error is feelin's to report, on the text as written.
  if (broken) return { text: expression, aliased: [] };
  return { text: rebuild(tree.topNode), aliased: [...aliased] };
}
