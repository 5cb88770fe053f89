/**
 * The folders of this package's browser code (src/ and web/, as file: URLs), for an app that
 * bundles it (the citizen portal, the designer) to know when its build is stale. URLs rather than
 * paths keep this entry free of node: modules.
 */
export const FORMS_BROWSER_SOURCES: readonly URL[] = [new URL('./', import.meta.url), new URL('../web/', import.meta.url)];
