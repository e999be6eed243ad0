// A minimal Bolt client for the tests that must send what no driver would: just enough
// PackStream to write requests and read responses, with direct control over the bytes.

import net from 'node:net';

export const MAGIC = [0x60, 0x60, 0xb0, 0x17];

export function pack(v, out = []) {
  if (v === null || v === undefined) out.push(0xc0);
  else if (v === true) out.push(0xc3);
  else if (v === false) out.push(0xc2);
  else if (typeof v === 'number' && Number.isInteger(v)) {
    if (v >= -16 && v < 128) out.push(v & 0xff);
    else { out.push(0xca); const b = Buffer.alloc(4); b.writeInt32BE(v); out.push(...b); }
  } else if (typeof v === 'number') { out.push(0xc1); const b = Buffer.alloc(8); b.writeDoubleBE(v); out.push(...b); }
  else if (typeof v === 'string') {
    const b = Buffer.from(v, 'utf8');
    if (b.length < 16) out.push(0x80 | b.length); else if (b.length < 256) out.push(0xd0, b.length);
    else out.push(0xd1, b.length >> 8, b.length & 0xff);
    out.push(...b);
  } else if (Array.isArray(v)) {
    if (v.length < 16) out.push(0x90 | v.length); else out.push(0xd4, v.length);
    for (const x of v) pack(x, out);
  } else if (v.tag !== undefined) {
    out.push(0xb0 | v.fields.length, v.tag);
    for (const x of v.fields) pack(x, out);
  } else {
    const keys = Object.keys(v);
    if (keys.length < 16) out.push(0xa0 | keys.length); else out.push(0xd8, keys.length);
    for (const k of keys) { pack(k, out); pack(v[k], out); }
  }
  return out;
}

export function unpack(buf, pos = { i: 0 }) {
  const m = buf[pos.i++];
  const str = (n) => { const s = buf.subarray(pos.i, pos.i + n).toString('utf8'); pos.i += n; return s; };
  const list = (n) => Array.from({ length: n }, () => unpack(buf, pos));
  const map = (n) => { const o = {}; for (let k = 0; k < n; k++) { const key = unpack(buf, pos); o[key] = unpack(buf, pos); } return o; };
  const u = (n) => { let x = 0; for (let k = 0; k < n; k++) x = x * 256 + buf[pos.i++]; return x; };
  if (m < 0x80) return m;
  if (m >= 0xf0) return m - 256;
  if (m >= 0x80 && m <= 0x8f) return str(m & 0xf);
  if (m >= 0x90 && m <= 0x9f) return list(m & 0xf);
  if (m >= 0xa0 && m <= 0xaf) return map(m & 0xf);
  if (m >= 0xb0 && m <= 0xbf) { const n = m & 0xf; const tag = buf[pos.i++]; return { tag, fields: list(n) }; }
  switch (m) {
    case 0xc0: return null;
    case 0xc1: { const d = buf.readDoubleBE(pos.i); pos.i += 8; return d; }
    case 0xc2: return false;
    case 0xc3: return true;
    case 0xc8: { const x = buf.readInt8(pos.i); pos.i += 1; return x; }
    case 0xc9: { const x = buf.readInt16BE(pos.i); pos.i += 2; return x; }
    case 0xca: { const x = buf.readInt32BE(pos.i); pos.i += 4; return x; }
    case 0xcb: { const x = buf.readBigInt64BE(pos.i); pos.i += 8; return Number(x); }
    case 0xd0: return str(u(1));
    case 0xd1: return str(u(2));
    case 0xd2: return str(u(4));
    case 0xd4: return list(u(1));
    case 0xd5: return list(u(2));
    case 0xd8: return map(u(1));
    case 0xd9: return map(u(2));
    default: throw new Error(`unexpected marker 0x${m.toString(16)}`);
  }
}

export function chunk(message) {
  const out = [];
  for (let i = 0; i < message.length; i += 0xffff) {
    const part = message.slice(i, i + 0xffff);
    out.push(part.length >> 8, part.length & 0xff, ...part);
  }
  out.push(0, 0);
  return Buffer.from(out);
}

export const msg = (tag, ...fields) => chunk(pack({ tag, fields }));

export const SUCCESS = 0x70;
export const RECORD = 0x71;
export const IGNORED = 0x7e;
export const FAILURE = 0x7f;

export class RawBolt {
  constructor(port) {
    this.port = port;
    this.buf = Buffer.alloc(0);
    this.waiters = [];
    this.closed = false;
  }

  connect() {
    return new Promise((resolve, reject) => {
      this.sock = net.connect(this.port, '127.0.0.1', resolve);
      this.sock.once('error', reject);
      this.sock.on('error', () => {});
      this.sock.on('data', (d) => { this.buf = Buffer.concat([this.buf, d]); this.wake(); });
      this.sock.on('close', () => { this.closed = true; this.wake(); });
    });
  }

  wake() { const w = this.waiters; this.waiters = []; for (const f of w) f(); }

  async waitFor(pred, ms = 10_000) {
    const deadline = Date.now() + ms;
    for (;;) {
      const r = pred();
      if (r !== undefined) return r;
      if (this.closed) return pred(true);
      if (Date.now() > deadline) throw new Error('timed out waiting for the server');
      await new Promise((res) => { this.waiters.push(res); setTimeout(res, 50); });
    }
  }

  send(bytes) { this.sock.write(Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes)); }

  // Sends the magic and proposals (each [range, minor, major]); resolves to [major, minor].
  async handshake(proposals = [[4, 4, 5], [0, 4, 4], [0, 0, 0], [0, 0, 0]]) {
    const bytes = [...MAGIC];
    for (const [range, minor, major] of proposals) bytes.push(0, range, minor, major);
    this.send(bytes);
    const answer = await this.waitFor(() => (this.buf.length >= 4 ? this.buf.subarray(0, 4) : undefined));
    this.buf = this.buf.subarray(4);
    return [answer[3], answer[2]];
  }

  // The next whole message as {tag, fields}, or null once the server has closed.
  nextMessage(ms) {
    return this.waitFor((closed) => {
      let i = 0;
      const parts = [];
      for (;;) {
        if (this.buf.length < i + 2) return closed ? null : undefined;
        const n = this.buf.readUInt16BE(i);
        if (n === 0) {
          if (parts.length === 0) { i += 2; this.buf = this.buf.subarray(i); i = 0; continue; }
          this.buf = this.buf.subarray(i + 2);
          return unpack(Buffer.concat(parts));
        }
        if (this.buf.length < i + 2 + n) return closed ? null : undefined;
        parts.push(this.buf.subarray(i + 2, i + 2 + n));
        i += 2 + n;
      }
    }, ms);
  }

  // Resolves once the server has closed the connection (true) or after `ms` (false).
  async closedWithin(ms) {
    try { await this.waitFor(() => (this.closed ? true : undefined), ms); return true; } catch { return false; }
  }

  destroy() { this.sock.destroy(); }
}

// HELLO (+ LOGON on 5.1+) with the given auth; returns the HELLO SUCCESS metadata.
export async function login(c, version, auth = { scheme: 'none' }) {
  const [major, minor] = version;
  const extra = { user_agent: 'innograph-tests/1.0' };
  if (major === 4 || minor === 0) Object.assign(extra, auth);
  c.send(msg(0x01, extra));
  const hello = await c.nextMessage();
  if (major === 5 && minor >= 1) {
    c.send(msg(0x6a, auth));
    const logon = await c.nextMessage();
    if (logon.tag !== SUCCESS) throw new Error(`LOGON failed: ${JSON.stringify(logon)}`);
  }
  return hello;
}
