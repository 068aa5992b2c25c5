/**
 * pdf.js' Node build loads `@napi-rs/canvas` (a native addon, ≈ 0.1 s of CPU per thread) as it
 * starts, for three browser classes Node lacks — DOMMatrix, Path2D and ImageData — and later for
 * canvases to render on. Extraction never renders: the command only needs pdf.js' text. So before
 * pdf.js loads, `deferCanvas()` puts the three classes in place itself —
 *   - DOMMatrix: the package's own pure-JavaScript implementation (its geometry.js, the very class
 *     the package exports), and
 *   - Path2D, ImageData: stand-ins that load the package on first use and then construct, and
 *     answer `instanceof`, as the package's classes —
 * and, while pdf.js' module is evaluated, answers its one `require("@napi-rs/canvas")` from
 * `require.cache` (documented: "adding or replacing entries is also possible") with an empty
 * module, since pdf.js then reads nothing from it. The entry is removed again at once, so a later
 * require (pdf.js' canvas factory, were a page ever rendered) loads the real package.
 */
import Module, { createRequire } from 'node:module';

type Ctor = abstract new (...args: never[]) => object;

/** A class that loads `load()`'s class when first constructed or asked `instanceof`. */
function deferredClass(name: string, load: () => Ctor): Ctor {
  const holder = {
    [name]: class {
      constructor(...args: unknown[]) {
        return Reflect.construct(load(), args) as object;
      }
      static [Symbol.hasInstance](value: unknown): boolean {
        return value instanceof load();
      }
    },
  };
  return holder[name]!;
}

/**
 * Put DOMMatrix, Path2D and ImageData in place where missing and run `evaluate` (the import of
 * pdf.js, whose file is `pdfjsPath`) with the canvas package's require answered from the cache.
 */
export async function withDeferredCanvas<T>(pdfjsPath: string, evaluate: () => Promise<T>): Promise<T> {
  const require = createRequire(pdfjsPath);
  let canvasPath = '';
  let geometry: { DOMMatrix?: Ctor };
  try {
    canvasPath = require.resolve('@napi-rs/canvas');
    geometry = require('@napi-rs/canvas/geometry') as { DOMMatrix?: Ctor };
  } catch {
    geometry = {};
  }
  // Not installed, laid out otherwise than this knows, or loaded already: pdf.js goes on as usual.
  if (!geometry.DOMMatrix || require.cache[canvasPath]) return evaluate();
  let real: Record<string, Ctor> | undefined;
  const load = (name: string) => () => (real ??= require('@napi-rs/canvas') as Record<string, Ctor>)[name]!;
  const g = globalThis as Record<string, unknown>;
  g.DOMMatrix ??= geometry.DOMMatrix;
  g.Path2D ??= deferredClass('Path2D', load('Path2D'));
  g.ImageData ??= deferredClass('ImageData', load('ImageData'));
  const placeholder = new Module(canvasPath);
  placeholder.filename = canvasPath;
  placeholder.loaded = true;
  require.cache[canvasPath] = placeholder;
  try {
    return await evaluate();
  } finally {
    if (require.cache[canvasPath] === placeholder) delete require.cache[canvasPath];
  }
}
