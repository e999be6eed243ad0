// The chosen period: facts (relationships) count only when one of their source documents was
// published in it. A source that is not a document (a reference list such as
// gazetteer:universities) is timeless and always counts; a document without a date never does
// while a period is chosen.

import { state } from './state.js';

let docDates = new Map(); // docId -> ISO date

export function setDocumentDates(map) { docDates = map; }

// A document without a date is not known to be of the period, so it does not count in one.
export function inPeriod(date) {
  const p = state.period;
  if (!p || (!p.from && !p.to)) return true;
  if (!date) return false;
  const y = date.slice(0, 10);
  return (!p.from || y >= p.from) && (!p.to || y <= p.to);
}

export function timeAllows(sources) {
  const p = state.period;
  if (!p || (!p.from && !p.to)) return true;
  if (!sources || !sources.length) return true;
  return sources.some((s) => !docDates.has(String(s)) || inPeriod(docDates.get(String(s))));
}
