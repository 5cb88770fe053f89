import type { ModuleDeclaration } from 'didi';

/*
 * The token simulation's instance colours (bpmn-js-token-simulation's ColoredScopes picks random
 * ones) with text that stays readable on them.
 */

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * The text colour for an instance's random colour: black or white, whichever contrasts more
 * (one of them always reaches 4.5:1). The library picks by a brightness guess that leaves white
 * on mid greens (2.5:1) in the log, the notifications and the instance buttons.
 */
export function readableOn(background: string): '#000' | '#fff' {
  if (!/^#[0-9a-f]{6}$/i.test(background)) return '#fff';
  const l = luminance(background);
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? '#000' : '#fff';
}

/** After the library's ColoredScopes (priority 1500) and before what shows the colours (1000). */
function ReadableScopeColors(eventBus: { on(event: string, priority: number, callback: (event: { scope: { colors?: { primary: string; auxiliary: string } } }) => void): void }) {
  eventBus.on('tokenSimulation.simulator.createScope', 1250, ({ scope }) => {
    if (scope.colors) scope.colors.auxiliary = readableOn(scope.colors.primary);
  });
}
ReadableScopeColors.$inject = ['eventBus'];

export const readableScopeColorsModule: ModuleDeclaration = {
  __init__: ['readableScopeColors'],
  readableScopeColors: ['type', ReadableScopeColors],
};
