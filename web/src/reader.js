// The document reader: a document's cleaned text with the evidence marked, and every fact read
// from it.

import { html, render } from 'lit-html';

import { api } from './api.js';
import { $, $$, busy } from './dom.js';
import { t } from './i18n.js';
import { findRanges, marked } from './text-ranges.js';
import { typeChip } from './details.js';

const reader = { marks: [], at: -1, text: '' };

export async function openReader(docId, terms) {
  const doc = await busy(api.document(docId));
  const text = doc.text ?? '';
  let ranges = findRanges(text, terms);
  // The extractor normalises whitespace and punctuation in sentences; fall back to a sentence's
  // opening words when the whole sentence is not found verbatim.
  if (!ranges.length) {
    for (const s of terms) {
      const head = s.slice(0, 18);
      const i = head.length >= 6 ? text.indexOf(head) : -1;
      if (i >= 0) {
        const stop = text.slice(i).search(/[。！？\n]/);
        ranges.push([i, stop < 0 ? text.length : i + stop + 1]);
      }
    }
    ranges = ranges.sort((a, b) => a[0] - b[0]);
  }
  reader.text = text;
  $('#reader-title').textContent = doc.title || t('reader.untitled');
  const meta = [doc.docId, doc.date, doc.issuer ? `${t('reader.issuer')}：${doc.issuer}` : '', ranges.length ? t('reader.highlights', { n: ranges.length }) : ''];
  $('#reader-meta').textContent = meta.filter(Boolean).join(' · ');
  render(marked(text, ranges), $('#reader-text'));
  const facts = doc.facts ?? [];
  render(html`<h4>${t('reader.facts')} <span class="count">${facts.length}</span></h4>
    <ul>${facts.slice(0, 400).map((f) => html`<li><button class="fact" data-sentence=${f.evidence?.[0]?.sentence ?? ''}>
      ${typeChip(f.type)}<span>${f.start?.name} → ${f.end?.name}</span></button></li>`)}</ul>`, $('#reader-facts'));
  $('#reader').hidden = false;
  reader.marks = $$('#reader-text mark');
  reader.at = -1;
  $('#reader-next').hidden = reader.marks.length < 2;
  nextMark();
}

function nextMark() {
  if (!reader.marks.length) { $('#reader-text').scrollTop = 0; return; }
  reader.marks.forEach((m) => m.classList.remove('current'));
  reader.at = (reader.at + 1) % reader.marks.length;
  const m = reader.marks[reader.at];
  m.classList.add('current');
  m.scrollIntoView({ block: 'center' });
}

export const readerOpen = () => !$('#reader').hidden;
export const closeReader = () => { $('#reader').hidden = true; };

export function initReader() {
  $('#reader-next').addEventListener('click', nextMark);
  $('#reader-close').addEventListener('click', closeReader);
  $('#reader').addEventListener('click', (ev) => { if (ev.target.id === 'reader') closeReader(); });
  $('#reader-facts').addEventListener('click', (ev) => {
    const b = ev.target.closest('.fact');
    if (!b) return;
    const s = b.dataset.sentence;
    const i = s ? reader.text.indexOf(s) : -1;
    if (i < 0) return;
    // Re-mark the document around this fact's sentence only.
    render(marked(reader.text, [[i, i + s.length]]), $('#reader-text'));
    reader.marks = $$('#reader-text mark');
    reader.at = -1;
    nextMark();
  });
}
