// Thin wrappers over innograph's HTTP API. Every failure becomes an ApiError carrying the
// server's error object, so the console can show line, column and caret.

export class ApiError extends Error {
  constructor(status, body) {
    const e = body?.error ?? {};
    super(e.message || `HTTP ${status}`);
    this.status = status;
    this.code = e.code || `HTTP ${status}`;
    this.line = e.line;
    this.column = e.column;
    this.excerpt = e.excerpt;
  }
}

async function call(path, init) {
  let res;
  try {
    res = await fetch(path, init);
  } catch (err) {
    throw new ApiError(0, { error: { code: 'NetworkError', message: String(err.message || err) } });
  }
  let body = null;
  const text = await res.text();
  try { body = text ? JSON.parse(text) : null; } catch { body = { error: { message: text.slice(0, 300) } }; }
  if (!res.ok || body?.error) throw new ApiError(res.status, body);
  return body;
}

const qs = (params) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : '';
};

export const api = {
  query: (query, { parameters, maxRows = 2000, timeoutMs = 15000 } = {}) =>
    call('/v1/query', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query, parameters: parameters ?? {}, max_rows: maxRows, timeout_ms: timeoutMs, graph: true }),
    }),
  search: (q, { label, limit = 12 } = {}, signal) =>
    call(`/v1/entities${qs({ q, label, limit })}`, { signal }),
  entity: (id) => call(`/v1/entities/${encodeURIComponent(id)}`),
  neighbors: (id, { types, direction, limit = 100 } = {}) =>
    call(`/v1/entities/${encodeURIComponent(id)}/neighbors${qs({ types, direction, limit })}`),
  paths: (from, to, maxHops = 6) => call(`/v1/paths${qs({ from, to, max_hops: maxHops })}`),
  schema: () => call('/v1/schema'),
  documents: () => call('/v1/documents'),
  document: (id) => call(`/v1/documents/${encodeURIComponent(id)}`),
  geoPlaces: () => call('/v1/geo/places'),
};
