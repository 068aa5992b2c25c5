/** One row of the benchmark table printed by `npm run bench` and copied into the README. */
export interface BenchRow {
  /** Area of the product, e.g. "Krippendorff's α". */
  area: string;
  /** What was measured on what input, e.g. "5 coders × 1,000,000 units, nominal, 10% missing". */
  input: string;
  /** Our result, with unit: "212 ms", "143 MB". */
  result: string;
  /** The peer's result on the same input in the same run, if there is a peer. */
  peer?: string;
  /** Ratio against the peer, e.g. "23× faster". */
  ratio?: string;
  /** The target from the issue, e.g. "≥ 20× faster, ≤ 200 MB". */
  target: string;
  pass: boolean;
}
