import { useShellTexts } from './texts.js';

/** "Step 2 of 4", also as a progress bar for sighted users. */
export function Progress({ step, of }: { step: number; of: number }) {
  const t = useShellTexts();
  return (
    <div className="progress">
      <p id="progress-label">{t.step(step, of)}</p>
      <progress aria-labelledby="progress-label" value={step} max={of} />
    </div>
  );
}
