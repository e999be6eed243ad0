export function downloadBlob(blob, filename) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke later: some browsers start the download after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

function cell(v) {
  if (v === null || v === undefined) return '';
  let s;
  if (typeof v === 'object') {
    if (v.labels && v.properties) s = v.properties.name ?? v.properties.title ?? `#${v.id}`;
    else s = JSON.stringify(v);
  } else s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv({ columns, rows }) {
  return [columns.map(cell).join(','), ...rows.map((r) => r.map(cell).join(','))].join('\r\n') + '\r\n';
}

// One sheet for both nodes and edges: an "element" column tells them apart, so the file opens
// as a single table anywhere.
export function graphCsv({ nodes, edges }) {
  const columns = ['element', 'id', 'label_or_type', 'name', 'source', 'target', 'aliases', 'evidence', 'sources'];
  const rows = [
    ...nodes.map((n) => ['node', n.id, n.label, n.name ?? n.title ?? '', '', '', (n.aliases ?? []).join('|'), '', '']),
    ...edges.map((e) => ['edge', e.relId ?? e.id, e.type, '', e.source, e.target, '', (e.evidence ?? []).join(' | '), (e.sources ?? []).join('|')]),
  ];
  return toCsv({ columns, rows });
}
