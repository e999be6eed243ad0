// The document list (id, title, date), fetched once and shared by the panels, the reader and the
// timeline.

import { api } from './api.js';

let docIndex = null;
export function documentsById() {
  if (!docIndex) {
    docIndex = api.documents().then((r) => {
      const m = new Map();
      for (const d of r.documents ?? []) { m.set(String(d.docId), d); m.set(String(d.id), d); }
      return m;
    }).catch(() => new Map());
  }
  return docIndex;
}

// Forget the list (documents were added), so the next use fetches it again.
export function forgetDocuments() { docIndex = null; }
