// Differential tests: our coefficients on many seeded random data sets against the reference
// implementations researchers compare with, run as outside programs in one process each:
// - scikit-learn `cohen_kappa_score` (κ unweighted, linear, quadratic; rank-based weights);
// - statsmodels `cohens_kappa` (κ, its ASE `std_kappa` and the interval κ ± z·ASE) and
//   `fleiss_kappa` (Fleiss' κ; method "randolph" = Brennan–Prediger) on complete data;
// - statsmodels `cohens_kappa` with `weights` = the numeric codes: value-based weighted κ
//   (|x − y| / (max − min), as irrCAC's weights), our `--weight-scale value`;
// - R psych `cohen.kappa` (κ and its quadratically weighted κ with the normal-theory interval).
// Each reference is used where it is installed (Debian: python3-sklearn, python3-statsmodels,
// r-base-core, r-cran-psych — .ci/run installs them); without it the test says so and skips.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { buildReliabilityData, cohenKappa, confusionMatrix, multiCoderAgreement, seededRandom, type Weights } from '../../../../src/core/agreement';

const random = seededRandom(20261202);
const int = (n: number) => Math.floor(random() * n);

/** Two coders: q categories 1…q, n units; coder B agrees with A 60 % of the time. */
const pairs = Array.from({ length: 60 }, () => {
  const q = 2 + int(4);
  const n = 12 + int(70);
  const a = Array.from({ length: n }, () => 1 + int(q));
  const b = a.map((x) => (random() < 0.6 ? x : 1 + int(q)));
  return { q, a, b };
});
/** Complete data, 3–5 coders. */
const multi = Array.from({ length: 40 }, () => {
  const q = 2 + int(4);
  const m = 3 + int(3);
  const n = 10 + int(50);
  const rows = Array.from({ length: n }, () => {
    const t = 1 + int(q);
    return Array.from({ length: m }, () => (random() < 0.65 ? t : 1 + int(q)));
  });
  return { q, m, rows };
});

/** Two coders with unequally spaced numeric codes (value-based weights differ from rank-based ones). */
const CODES = [1, 2, 5, 10, 11, 30];
const valued = Array.from({ length: 40 }, () => {
  const q = 3 + int(4);
  const codes = CODES.slice(0, q);
  const n = 15 + int(60);
  const a = Array.from({ length: n }, () => codes[int(q)]!);
  const b = a.map((x) => (random() < 0.6 ? x : codes[int(q)]!));
  return { a, b };
});

/** Our κ with value-based weights (the numeric codes), on the categories both coders used. */
function oursByValue(a: number[], b: number[], weights: Weights) {
  const codings = a.flatMap((x, u) => [
    { unit: String(u), coder: 'A', value: String(x) },
    { unit: String(u), coder: 'B', value: String(b[u]) },
  ]);
  const labels = [...new Set([...a, ...b])].sort((x, y) => x - y).map(String);
  const { data } = buildReliabilityData(codings, { categoryOrder: labels });
  return cohenKappa(confusionMatrix(data, 0, 1), weights, 'value', labels.map(Number));
}

/** Our κ on the categories both coders used (sorted), as scikit-learn and statsmodels' crosstab see them. */
function ours(a: number[], b: number[], weights: Weights) {
  const codings = a.flatMap((x, u) => [
    { unit: String(u), coder: 'A', value: String(x) },
    { unit: String(u), coder: 'B', value: String(b[u]) },
  ]);
  const labels = [...new Set([...a, ...b])].sort((x, y) => x - y).map(String);
  const { data } = buildReliabilityData(codings, { categoryOrder: labels });
  return cohenKappa(confusionMatrix(data, 0, 1), weights);
}

function run(command: string, args: string[], input: string): { ok: true; out: string } | { ok: false; why: string } {
  const r = spawnSync(command, args, { input, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.error) return { ok: false, why: `${command} not installed` };
  if (r.status !== 0) return { ok: false, why: r.stderr.trim().split('\n').at(-1) ?? `${command} failed` };
  return { ok: true, out: r.stdout };
}

const PYTHON = `
import json, sys
import numpy as np
from sklearn.metrics import cohen_kappa_score
from statsmodels.stats.inter_rater import cohens_kappa, fleiss_kappa, aggregate_raters, to_table
data = json.load(sys.stdin)
out = {"pairs": [], "multi": []}
for p in data["pairs"]:
    a, b = p["a"], p["b"]
    table = to_table(np.column_stack([a, b]))[0]
    res = cohens_kappa(table)
    lin = cohens_kappa(table, wt="linear")
    out["pairs"].append({
        "sk": [cohen_kappa_score(a, b), cohen_kappa_score(a, b, weights="linear"), cohen_kappa_score(a, b, weights="quadratic")],
        "sm": [res.kappa, res.std_kappa, res.kappa_low, res.kappa_upp],
        "sm_linear": [lin.kappa, lin.std_kappa],
    })
out["valued"] = []
for p in data["valued"]:
    a, b = p["a"], p["b"]
    table, cats = to_table(np.column_stack([a, b]))
    values = np.array(sorted(set(a) | set(b)), dtype=float)
    lin = cohens_kappa(table, wt="linear", weights=values)
    quad = cohens_kappa(table, wt="quadratic", weights=values)
    out["valued"].append([lin.kappa, lin.std_kappa, quad.kappa, quad.std_kappa])
for t in data["multi"]:
    counts = aggregate_raters(np.array(t["rows"]), n_cat=None)[0]
    out["multi"].append({"fleiss": fleiss_kappa(counts, method="fleiss"), "randolph": fleiss_kappa(counts, method="randolph")})
print(json.dumps(out))
`;

describe('differential: scikit-learn and statsmodels (outside programs)', () => {
  const result = run('/usr/bin/python3', ['-c', PYTHON], JSON.stringify({ pairs, multi, valued }));
  it.skipIf(!result.ok)(`Cohen's κ (3 weightings, rank- and value-based), its ASE and Wald CI, Fleiss' κ and BP on ${pairs.length + multi.length + valued.length} data sets${result.ok ? '' : ` — skipped: ${result.why}`}`, () => {
    const ref = JSON.parse((result as { out: string }).out) as { pairs: { sk: number[]; sm: number[]; sm_linear: number[] }[]; multi: { fleiss: number; randolph: number }[]; valued: number[][] };
    pairs.forEach((p, i) => {
      const r = ref.pairs[i]!;
      const none = ours(p.a, p.b, 'none');
      expect(none.value, `pair ${i}`).toBeCloseTo(r.sk[0]!, 12);
      expect(ours(p.a, p.b, 'linear').value, `pair ${i} linear`).toBeCloseTo(r.sk[1]!, 12);
      expect(ours(p.a, p.b, 'quadratic').value, `pair ${i} quadratic`).toBeCloseTo(r.sk[2]!, 12);
      // statsmodels: κ, ASE (Fleiss–Cohen–Everitt) and κ ± z·ASE (before our clipping to [−1, 1]).
      expect(none.value, `pair ${i} statsmodels`).toBeCloseTo(r.sm[0]!, 12);
      expect(none.se, `pair ${i} ASE`).toBeCloseTo(r.sm[1]!, 12);
      expect(none.ci95![0], `pair ${i} CI low`).toBeCloseTo(Math.max(-1, r.sm[2]!), 12);
      expect(none.ci95![1], `pair ${i} CI high`).toBeCloseTo(Math.min(1, r.sm[3]!), 12);
      const linear = ours(p.a, p.b, 'linear');
      expect(linear.value, `pair ${i} statsmodels linear`).toBeCloseTo(r.sm_linear[0]!, 12);
      expect(linear.se, `pair ${i} linear ASE`).toBeCloseTo(r.sm_linear[1]!, 12);
    });
    // Value-based weights: statsmodels with the codes as its weights (irrCAC's convention).
    valued.forEach((p, i) => {
      const [lk, lse, qk, qse] = ref.valued[i]!;
      const lin = oursByValue(p.a, p.b, 'linear');
      expect(lin.value, `valued ${i} linear`).toBeCloseTo(lk!, 12);
      expect(lin.se, `valued ${i} linear ASE`).toBeCloseTo(lse!, 12);
      const quad = oursByValue(p.a, p.b, 'quadratic');
      expect(quad.value, `valued ${i} quadratic`).toBeCloseTo(qk!, 12);
      expect(quad.se, `valued ${i} quadratic ASE`).toBeCloseTo(qse!, 12);
      // …and they are not the rank-based values (the test tells the two apart).
      if (i === 0) expect(Math.abs(lin.value! - ours(p.a, p.b, 'linear').value!)).toBeGreaterThan(1e-6);
    });
    multi.forEach((t, i) => {
      const codings = t.rows.flatMap((row, u) => row.map((x, c) => ({ unit: String(u), coder: String(c), value: String(x) })));
      // statsmodels' table has a column per category used; so does our data without a given order.
      const agreement = multiCoderAgreement(buildReliabilityData(codings).data);
      expect(agreement.fleissKappa, `multi ${i} Fleiss`).toBeCloseTo(ref.multi[i]!.fleiss, 12);
      expect(agreement.brennanPrediger, `multi ${i} BP`).toBeCloseTo(ref.multi[i]!.randolph, 12);
    });
  });
});

const R = `
suppressMessages(library(psych))
lines <- readLines(file("stdin"))
for (line in lines) {
  x <- as.numeric(strsplit(line, " ")[[1]])
  n <- length(x) / 2
  k <- cohen.kappa(cbind(x[1:n], x[(n + 1):(2 * n)]))
  cat(sprintf("%.15g %.15g %.15g %.15g %.15g\\n", k$kappa, k$weighted.kappa, k$confid[1, 1], k$confid[1, 3], sqrt(k$var.kappa)))
}
`;

describe('differential: R psych (an outside program)', () => {
  const input = pairs.map((p) => [...p.a, ...p.b].join(' ')).join('\n') + '\n';
  const result = run('Rscript', ['-e', R], input);
  it.skipIf(!result.ok)(`cohen.kappa: κ, quadratically weighted κ, the normal-theory interval on ${pairs.length} data sets${result.ok ? '' : ` — skipped: ${result.why}`}`, () => {
    const lines = (result as { out: string }).out.trim().split('\n').map((l) => l.split(' ').map(Number));
    pairs.forEach((p, i) => {
      const [kappa, weighted, low, high, se] = lines[i]!;
      const none = ours(p.a, p.b, 'none');
      expect(none.value, `pair ${i}`).toBeCloseTo(kappa!, 12);
      expect(none.se, `pair ${i} SE`).toBeCloseTo(se!, 12);
      // psych does not clip its interval to κ's range.
      expect(none.ci95![0], `pair ${i} low`).toBeCloseTo(Math.max(-1, low!), 12);
      expect(none.ci95![1], `pair ${i} high`).toBeCloseTo(Math.min(1, high!), 12);
      expect(ours(p.a, p.b, 'quadratic').value, `pair ${i} weighted`).toBeCloseTo(weighted!, 12);
    });
  });
});
