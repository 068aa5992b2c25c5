/**
 * The colours coded passages are painted in. A codebook value's own colour is used when it tells
 * the value apart: no other value of the codebook has it and it is not near the viewer's selection
 * colour. Otherwise (the shipped Vårdanalys template gives the first value of all 37 variables the
 * same blue) the value gets a palette colour: twelve well-separated hues (OKLCH, the selection's
 * blue left out) walked through the variables in codebook order — the variables of a group, which are
 * coded together, never share a colour — and within a variable the values step through
 * lightness. Pure; `test/unit/highlight-palette.test.ts` checks the distances.
 */

export interface PaletteVariable {
  values: readonly { id: string; colour: string }[];
}

/** The viewer's selection colour (set on the viewer's ::selection), never used for a passage. */
export const SELECTION_COLOUR = '#1f5fd6';
export const SELECTION_ALPHA = 0.32;

/** OKLab distance below which two colours count as the same (≈ a just-noticeable difference × 5). */
export const MIN_DISTANCE = 0.08;

/**
 * Twelve OKLCH hues 24° apart from 300° round to 204°, which leaves out the 96° around the
 * selection's blue (≈ 262°), in the order variables take them: first every other hue (48° apart),
 * then the ones between.
 */
export const HUES = [300, 348, 36, 84, 132, 180, 324, 12, 60, 108, 156, 204] as const;
/**
 * Lightness (OKLCH L) of a variable's first value: the first six variables of each twelve take the
 * first, the second six (whose hues lie between the first six's) the second, so a hue next to an
 * earlier variable's differs in lightness too. The other values step away from it.
 */
const BASE_LIGHTNESS = [0.74, 0.6] as const;
const VALUE_STEPS = [0, -0.16, 0.1, -0.26, 0.16] as const;
const CHROMA = 0.15;

/** The colour of every value id in the codebook's variables (in codebook order). */
export function highlightColours(variables: readonly PaletteVariable[]): Map<string, string> {
  const counts = new Map<string, number>();
  for (const v of variables) for (const value of v.values) counts.set(value.colour.toLowerCase(), (counts.get(value.colour.toLowerCase()) ?? 0) + 1);
  const selection = hexToOklab(SELECTION_COLOUR);
  const result = new Map<string, string>();
  variables.forEach((variable, i) => {
    const hue = HUES[i % HUES.length]!;
    const base = BASE_LIGHTNESS[Math.floor(i / (HUES.length / 2)) % 2]!;
    variable.values.forEach((value, j) => {
      const own = value.colour.toLowerCase();
      const usable = /^#[0-9a-f]{6}$/.test(own) && counts.get(own) === 1 && oklabDistance(hexToOklab(own), selection) >= MIN_DISTANCE * 1.5;
      result.set(value.id, usable ? own : oklchToHex(base + VALUE_STEPS[j % VALUE_STEPS.length]!, CHROMA, hue));
    });
  });
  return result;
}

type Lab = [number, number, number];

export function oklabDistance(a: Lab, b: Lab): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

const toLinear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const fromLinear = (c: number) => (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055);

/** #rrggbb → OKLab (Björn Ottosson's matrices). */
export function hexToOklab(hex: string): Lab {
  const n = Number.parseInt(hex.slice(1), 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => toLinear(c / 255)) as Lab;
  const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  return [0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s, 1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s, 0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s];
}

function oklabToLinearRgb([L, a, b]: Lab): Lab {
  const l = (L + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m = (L - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s = (L - 0.0894841775 * a - 1.291485548 * b) ** 3;
  return [4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s, -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s, -0.0041960863 * l - 0.7034186147 * m + 1.707614701 * s];
}

/** OKLCH → #rrggbb, lowering the chroma until the colour is inside sRGB. */
export function oklchToHex(L: number, C: number, hueDegrees: number): string {
  const h = (hueDegrees * Math.PI) / 180;
  for (let c = C; c >= 0; c -= 0.005) {
    const rgb = oklabToLinearRgb([L, c * Math.cos(h), c * Math.sin(h)]);
    if (rgb.every((x) => x >= -1e-4 && x <= 1 + 1e-4) || c < 0.005) {
      return `#${rgb.map((x) => Math.round(Math.min(1, Math.max(0, fromLinear(Math.min(1, Math.max(0, x))))) * 255).toString(16).padStart(2, '0')).join('')}`;
    }
  }
  return '#808080';
}
