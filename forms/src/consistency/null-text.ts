/**
 * Conditions that compare a text field with null. form-js keeps a text field left empty as "",
 * not null, and submits it so: `name = null` does not hold for it and `name != null` does, in the
 * browser and on the server alike (null only while the field is hidden and its value dropped).
 * Analysts mean "left empty"; the lint says how to write it.
 */
import { parseUnaryTests } from 'feelin';

interface SyntaxNode {
  name: string;
  from: number;
  to: number;
  firstChild: SyntaxNode | null;
  nextSibling: SyntaxNode | null;
}

export interface NullComparison {
  /** The text field as the condition names it: `name`, `applicant.name`. */
  field: string;
  operator: '=' | '!=';
}

function operands(comparison: SyntaxNode): SyntaxNode[] {
  const children: SyntaxNode[] = [];
  for (let child = comparison.firstChild; child; child = child.nextSibling) children.push(child);
  return children;
}

/**
 * Comparisons of a listed text field with null in a unary test (form-js's `conditional.hide`
 * without its leading `=`), leaving out fields the test also compares with "".
 */
export function nullComparedTextFields(test: string, textFields: ReadonlySet<string>): NullComparison[] {
  const withNull: NullComparison[] = [];
  const withEmpty = new Set<string>();
  const cursor = parseUnaryTests(test, {}, undefined).cursor();
  do {
    if (cursor.name !== 'Comparison') continue;
    const [left, op, right] = operands(cursor.node);
    if (!left || !op || !right || op.name !== 'CompareOp') continue;
    const operator = test.slice(op.from, op.to);
    for (const [reference, other] of [[left, right], [right, left]] as const) {
      const field = test.slice(reference.from, reference.to).replace(/\s+/g, '');
      if (!textFields.has(field)) continue;
      if (other.name === 'null' && (operator === '=' || operator === '!=')) withNull.push({ field, operator });
      if (other.name === 'StringLiteral' && test.slice(other.from, other.to) === '""') withEmpty.add(field);
    }
  } while (cursor.next());
  return withNull.filter((comparison) => !withEmpty.has(comparison.field));
}

export function nullComparisonMessage({ field, operator }: NullComparison): string {
  return operator === '='
    ? `"${field} = null" does not hold for a text field left empty, which holds "". Write ${field} = null or ${field} = ""`
    : `"${field} != null" holds for a text field left empty too, which holds "". Write ${field} != null and ${field} != ""`;
}
