import type { ReactNode } from 'react';

/** Facts about a thing as term and value pairs (a service's card, an order's summary). */
export function KeyValues({ items, className }: { items: Array<{ key: string; term: ReactNode; value: ReactNode }>; className?: string }) {
  return (
    <dl className={`key-values ${className ?? ''}`}>
      {items.map((item) => (
        <div key={item.key} className="key-values__row">
          <dt>{item.term}</dt>
          <dd>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
