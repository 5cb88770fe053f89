import { useEffect } from 'react';
import { useTexts } from './i18n.js';

/** The browser tab names the page and the app (WCAG 2.4.2): "Review the application · 1001 8 — Officials' workspace". */
export function usePageTitle(page: string | undefined): void {
  const { t } = useTexts();
  useEffect(() => { document.title = page ? `${page} — ${t.workspace}` : t.workspace; }, [page, t]);
}
