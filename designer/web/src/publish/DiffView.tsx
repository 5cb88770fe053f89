import type { DiffSummary, FileDiff } from './package-diff.js';
import type { PublishMessages } from './messages.js';

/**
 * The package diff: a summary, then one collapsible section per file with its unified hunks.
 * Lines are list items whose change is said in words for screen readers, not by colour alone.
 */
export function DiffView({ diff, t }: { diff: DiffSummary; t: PublishMessages }) {
  if (diff.files.length === 0) return <p>{t.noChanges}</p>;
  return (
    <div className="kp-diff">
      <p>{t.summary(diff.added, diff.removed, diff.changed)}</p>
      {diff.files.map((file) => <FileSection key={file.path} file={file} t={t} />)}
    </div>
  );
}

function FileSection({ file, t }: { file: FileDiff; t: PublishMessages }) {
  return (
    <details className={`kp-file kp-file-${file.change}`}>
      <summary>
        <code>{file.path}</code> — {t[file.change]}{file.binary ? ` (${t.binary})` : `, ${t.lines(file.linesAdded, file.linesRemoved)}`}
      </summary>
      {file.hunks.map((hunk, i) => (
        <div key={i} className="kp-hunk">
          <p className="kp-hunk-head"><code>@@ -{hunk.oldStart},{hunk.oldLines} +{hunk.newStart},{hunk.newLines} @@</code></p>
          <ol className="kp-lines">
            {hunk.lines.map((line, j) => {
              const kind = line[0] === '+' ? 'add' : line[0] === '-' ? 'del' : line[0] === '\\' ? 'meta' : 'ctx';
              return (
                <li key={j} className={`kp-line kp-${kind}`}>
                  {kind === 'add' && <span className="kp-visually-hidden">{t.added}: </span>}
                  {kind === 'del' && <span className="kp-visually-hidden">{t.removed}: </span>}
                  <code>{line}</code>
                </li>
              );
            })}
          </ol>
        </div>
      ))}
    </details>
  );
}
