/**
 * The component layer of every web app the runtime serves (the citizen portal, the officials'
 * workspace, the administration): Designsystemet's accessible components (Digdir, MIT) in the
 * agency's theme (theme/, `npm run ui:theme`), and the few composites of our own built on them.
 * Apps import components from here, never from the design system directly, so a change of
 * design system or theme is made in one place.
 */
import './styles.css';

export {
  Alert, Badge, Button, Card, CardBlock, Details, DetailsContent, DetailsSummary, Divider, Heading, Link, Paragraph,
  Search, SearchButton, SearchClear, SearchInput, Spinner, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow, Tag,
  Textarea, Field, Label, Input, ValidationMessage, Pagination, Fieldset, FieldsetLegend, Dialog, DialogBlock,
} from '@digdir/designsystemet-react';
export * from './language.js';
export * from './format.js';
export * from './router.js';
export { SHELL_TEXTS, useShellTexts } from './texts.js';
export { AppShell, type NavItem } from './app-shell.js';
export { PageHeading } from './page-heading.js';
export { Progress } from './progress.js';
export { ErrorSummary, type SummaryEntry } from './error-summary.js';
export { TextField, SelectField, ChoiceGroup, type Choice } from './fields.js';
export { Timeline, type TimelineEntry } from './timeline.js';
export { KeyValues } from './key-values.js';
export { PageLinks } from './page-links.js';
export { ScrollTable, type ScrollTableRow } from './scroll-table.js';
