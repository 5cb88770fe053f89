import type { ReactNode } from 'react';
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from '@digdir/designsystemet-react';

export interface ScrollTableRow { key: string; cells: ReactNode[]; testId?: string }

/**
 * A table that scrolls sideways in its own box on a phone instead of widening the page; the
 * box is a named region one can focus and scroll with the keyboard.
 */
export function ScrollTable({ labelledBy, columns, rows }: { labelledBy: string; columns: ReactNode[]; rows: ScrollTableRow[] }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={labelledBy}>
      <Table>
        <TableHead><TableRow>{columns.map((c, i) => <TableHeaderCell key={i} scope="col">{c}</TableHeaderCell>)}</TableRow></TableHead>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.key} data-testid={row.testId}>
              {row.cells.map((cell, i) => <TableCell key={i}>{cell}</TableCell>)}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
