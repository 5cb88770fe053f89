import type { TestMessages } from './messages.js';

/**
 * The library's controls (all <button>s, so Tab reaches them and Enter or Space presses them),
 * named in the tab's language by what they do and, on the canvas, to which element. They are
 * told apart by the library's English titles (kept in data-kt-title); a control this does not
 * know keeps its English title as its name. The title follows, for the tooltip.
 */
export function nameSimulationControls(root: HTMLElement, t: TestMessages['sim'], elementName: (id: string) => string): void {
  for (const button of root.querySelectorAll<HTMLButtonElement>('button')) {
    const original = button.dataset.ktTitle ?? button.getAttribute('title') ?? '';
    button.dataset.ktTitle = original;
    const id = button.closest<HTMLElement>('[data-container-id]')?.dataset.containerId;
    const element = id ? elementName(id) : '';
    const speed = /^Set animation speed = (\w+)$/.exec(original)?.[1];
    const instance = /^Focus process instance (.+)$/.exec(original)?.[1];
    const name =
      original === 'Trigger Event' ? t.trigger(element)
      : original === 'Set Sequence Flow' ? t.chooseFlow(element)
      : original === 'Add pause point' ? t.addPause(element)
      : original === 'Remove pause point' ? t.removePause(element)
      : original === 'Play/Pause Simulation' ? t.playPause
      : original === 'Reset Simulation' ? t.reset
      : original === 'Toggle Simulation Log' ? t.log
      : button.classList.contains('bts-close') ? t.closeLog
      : speed ? (t.speed[speed] ?? original)
      // Its text is the instance's token count, which the name must contain too (WCAG 2.5.3).
      : instance ? t.instance(instance, button.textContent?.trim() ?? '')
      : original;
    if (name && button.getAttribute('aria-label') !== name) {
      button.setAttribute('aria-label', name);
      button.title = name;
    }
    // The speed chosen is shown by colour only: say it too.
    if (speed) {
      const pressed = String(button.classList.contains('active'));
      if (button.getAttribute('aria-pressed') !== pressed) button.setAttribute('aria-pressed', pressed);
    }
  }
}
