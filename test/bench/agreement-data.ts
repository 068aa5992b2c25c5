/** The α benchmark's data: seeded, 10% missing, 70% of values agree with a unit's "truth". */
import { MISSING, seededRandom, type ReliabilityData } from '../../src/core/agreement';

export function generate(units: number, coders = 5, values = 10, missing = 0.1, seed = 42): ReliabilityData {
  const random = seededRandom(seed);
  const data = new Int32Array(units * coders);
  for (let u = 0; u < units; u++) {
    const truth = Math.floor(random() * values);
    for (let c = 0; c < coders; c++) {
      data[u * coders + c] = random() < missing ? MISSING : random() < 0.7 ? truth : Math.floor(random() * values);
    }
  }
  return { units, coders, values: data, categories: Array.from({ length: values }, (_, i) => String(i)), numeric: Float64Array.from({ length: values }, (_, i) => i) };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

