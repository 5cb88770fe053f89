import { describe, expect, it } from 'vitest';
import { readableOn } from '../web/src/test-runs/scope-colors.js';

/** WCAG contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const full = (c: '#000' | '#fff') => (c === '#000' ? '#000000' : '#ffffff');

describe('token simulation instance colours', () => {
  it('writes black on the mid green the library put white on (2.5:1), white on dark blue', () => {
    expect(readableOn('#26bc18')).toBe('#000');
    expect(readableOn('#1a237e')).toBe('#fff');
  });

  it('reaches AA contrast (4.5:1) on every colour of a sweep', () => {
    for (let r = 0; r < 256; r += 17) for (let g = 0; g < 256; g += 17) for (let b = 0; b < 256; b += 17) {
      const bg = `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
      expect(contrast(bg, full(readableOn(bg))), bg).toBeGreaterThanOrEqual(4.5);
    }
  });
});
