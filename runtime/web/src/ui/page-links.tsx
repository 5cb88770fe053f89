import { Pagination, PaginationButton, PaginationItem, PaginationList, usePagination } from '@digdir/designsystemet-react';
import { navigate } from './router.js';

/**
 * Numbered pages of a long list as links (`?page=N`), so each page has an address and works
 * before the script runs; with it, they navigate in place.
 */
export function PageLinks({ current, total, href, label, previous, next }: {
  current: number;
  total: number;
  href: (page: number) => string;
  label: string;
  previous: string;
  next: string;
}) {
  const { pages, prevButtonProps, nextButtonProps } = usePagination({ currentPage: current, totalPages: total, showPages: 7 });
  if (total <= 1) return null;
  const go = (page: number) => (event: React.MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    navigate(href(page));
    window.scrollTo(0, 0);
  };
  return (
    <Pagination aria-label={label}>
      <PaginationList>
        <PaginationItem>
          <PaginationButton {...prevButtonProps} asChild aria-label={previous}>
            {current > 1 ? <a href={href(current - 1)} onClick={go(current - 1)}>{previous}</a> : <span>{previous}</span>}
          </PaginationButton>
        </PaginationItem>
        {pages.map(({ page, itemKey, buttonProps }) => (
          <PaginationItem key={itemKey}>
            {typeof page === 'number' && buttonProps
              ? <PaginationButton {...buttonProps} asChild><a href={href(page)} onClick={go(page)}>{page}</a></PaginationButton>
              : <span aria-hidden="true">…</span>}
          </PaginationItem>
        ))}
        <PaginationItem>
          <PaginationButton {...nextButtonProps} asChild aria-label={next}>
            {current < total ? <a href={href(current + 1)} onClick={go(current + 1)}>{next}</a> : <span>{next}</span>}
          </PaginationButton>
        </PaginationItem>
      </PaginationList>
    </Pagination>
  );
}
