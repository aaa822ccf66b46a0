import { basePx, largestFitting, type TypeRange, typeRange } from './boardType';

/**
 * Tries type sizes on `target` (through the custom property `name`) from the range's largest down, by bisection
 * and in the real layout, and leaves it at the largest size for which `fits` holds (the floor when none does).
 * Runs in a layout effect or an observer, before paint, so the trial sizes are never seen.
 */
export function fitFont(
  target: HTMLElement,
  name: string,
  scale: { maxEm: number; floorEm: number },
  fits: () => boolean,
): { fontPx: number; fits: boolean; range: TypeRange } {
  const range = typeRange(basePx(target), scale);
  const result = largestFitting(range.floor, range.max, (fontPx) => {
    target.style.setProperty(name, `${fontPx}px`);
    return fits();
  });
  target.style.setProperty(name, `${result.value}px`);
  return { fontPx: result.value, fits: result.fits, range };
}
