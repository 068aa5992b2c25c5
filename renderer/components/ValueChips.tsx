/** A variable's values as coloured chips (codebook list and editor). */
import { localize, type Language, type Value } from '../../src/core';

export function ValueChips({ values, lang }: { values: readonly Value[]; lang: Language }) {
  return (
    <span className="value-chips">
      {values.map((val) => (
        <span key={val.id} className="chip" style={{ borderColor: val.colour }}>
          <span className="swatch" style={{ background: val.colour }} />
          {localize(val.label, lang)}
        </span>
      ))}
    </span>
  );
}
