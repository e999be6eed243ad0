// Where names occur in a text, for highlighting evidence and documents.

import { html } from 'lit-html';

// Non-overlapping [begin, end) ranges of every occurrence of any term, longest term first.
export function findRanges(text, terms) {
  const ranges = [];
  const sorted = [...new Set(terms)].filter((x) => x && x.length > 0).sort((a, b) => b.length - a.length);
  for (const term of sorted) {
    let i = text.indexOf(term);
    while (i >= 0) {
      const e = i + term.length;
      if (!ranges.some(([b, f]) => i < f && e > b)) ranges.push([i, e]);
      i = text.indexOf(term, e);
    }
  }
  return ranges.sort((a, b) => a[0] - b[0]);
}

// The text with each range wrapped in <mark>; the template escapes the text itself.
export function marked(text, ranges, cls = () => '') {
  const out = [];
  let at = 0;
  ranges.forEach(([b, e], k) => {
    out.push(text.slice(at, b), html`<mark data-k=${k} class=${cls(k)}>${text.slice(b, e)}</mark>`);
    at = e;
  });
  out.push(text.slice(at));
  return out;
}

export function highlightTerms(text, terms) {
  return marked(text, findRanges(text, terms.filter(Boolean)));
}
