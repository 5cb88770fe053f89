import { useEffect, useRef, type ReactNode } from 'react';
import { Heading } from '@digdir/designsystemet-react';

/** The page's h1; it takes focus when it appears, so screen readers announce the new page. */
export function PageHeading({ children, focus = true }: { children: ReactNode; focus?: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => { if (focus) ref.current?.focus(); }, [children, focus]);
  return <Heading level={1} data-size="lg" ref={ref} tabIndex={-1} className="page-heading">{children}</Heading>;
}
