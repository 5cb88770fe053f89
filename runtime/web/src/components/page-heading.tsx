import { useEffect, useRef, type ReactNode } from 'react';

/** The page's h1; it takes focus when it appears, so screen readers announce the new page. */
export function PageHeading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => { ref.current?.focus(); }, [children]);
  return <h1 ref={ref} tabIndex={-1}>{children}</h1>;
}
