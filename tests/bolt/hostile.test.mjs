// Bolt input no driver would send: each case must close (or answer) that one connection and
// leave the server answering everyone else.
//
// Run by ctest (label "bolt"); by hand:
//   INNOGRAPH_BIN=build/app/innograph node --test tests/bolt/hostile.test.mjs

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { startServer } from './server.mjs';
import { RawBolt, login, msg, chunk, SUCCESS, FAILURE, IGNORED } from './raw_bolt.mjs';

let server;
let stalled; // a handshake that never completes, opened first and checked last

before(async () => {
  server = await startServer(['--max-body-bytes', '1048576']);
  stalled = new RawBolt(server.bolt);
  await stalled.connect();
  stalled.send([0x60, 0x60, 0xb0]);
});

after(async () => {
  await server?.stop();
});

// A fresh, well-behaved connection still gets an answer.
async function stillServes() {
  const c = new RawBolt(server.bolt);
  await c.connect();
  await login(c, await c.handshake());
  c.send(Buffer.concat([msg(0x10, 'RETURN 40 + 2 AS x', {}, {}), msg(0x3f, { n: -1 })]));
  assert.equal((await c.nextMessage()).tag, SUCCESS);
  assert.deepEqual((await c.nextMessage()).fields, [[42]]);
  c.destroy();
}

async function connected() {
  const c = new RawBolt(server.bolt);
  await c.connect();
  await login(c, await c.handshake());
  return c;
}

test('version negotiation: ranges, 4.4, and no common version', async () => {
  let c = new RawBolt(server.bolt);
  await c.connect();
  assert.deepEqual(await c.handshake([[0, 1, 255], [8, 8, 5], [2, 4, 4], [0, 0, 3]]), [5, 4]);
  c.destroy();
  c = new RawBolt(server.bolt);
  await c.connect();
  assert.deepEqual(await c.handshake([[0, 0, 6], [0, 4, 4], [0, 0, 0], [0, 0, 0]]), [4, 4]);
  const hello = await login(c, [4, 4]);
  assert.equal(hello.tag, SUCCESS);
  c.send(Buffer.concat([msg(0x10, 'MATCH (p:Park) RETURN p LIMIT 1', {}, {}), msg(0x3f, { n: -1 })]));
  await c.nextMessage();
  const node = (await c.nextMessage()).fields[0][0];
  assert.equal(node.tag, 0x4e);
  assert.equal(node.fields.length, 3, 'Bolt 4.4 nodes have no element id');
  c.destroy();
  c = new RawBolt(server.bolt);
  await c.connect();
  assert.deepEqual(await c.handshake([[0, 0, 3], [0, 0, 2], [0, 0, 1], [0, 0, 0]]), [0, 0]);
  assert.ok(await c.closedWithin(5000));
  c = new RawBolt(server.bolt);
  await c.connect();
  c.send(Buffer.from('GET / HTTP/1.1\r\nHost: x\r\n\r\n'));
  assert.ok(await c.closedWithin(5000), 'not Bolt: closed');
  await stillServes();
});

test('a message over the size limit closes the connection', async () => {
  const c = await connected();
  const big = Buffer.alloc(0xffff, 0x41);
  const parts = [];
  for (let i = 0; i < 20; i++) parts.push(Buffer.from([0xff, 0xff]), big); // 1.3 MB, never ended
  c.send(Buffer.concat(parts));
  const m = await c.nextMessage();
  assert.equal(m.tag, FAILURE);
  assert.equal(m.fields[0].code, 'Neo.ClientError.Request.Invalid');
  assert.ok(await c.closedWithin(5000));
  await stillServes();
});

test('structures nested 100,000 deep are refused without a crash', async () => {
  for (const marker of [0x91, 0xb1]) {
    const c = await connected();
    const body = [0xb1, 0x10]; // RUN whose first field nests
    for (let i = 0; i < 100_000; i++) body.push(marker, ...(marker === 0xb1 ? [0x4e] : []));
    body.push(0xc0);
    c.send(chunk(body));
    const m = await c.nextMessage();
    assert.equal(m.tag, FAILURE);
    assert.match(m.fields[0].message, /nested deeper/);
    assert.ok(await c.closedWithin(5000));
  }
  await stillServes();
});

test('unknown signatures, truncated and lying PackStream close the connection', async () => {
  const cases = [
    chunk([0xb0, 0x99]), // unknown signature
    chunk([0xb1, 0x10, 0xd2, 0xff, 0xff, 0xff, 0xff]), // a 4 GiB string in a few bytes
    chunk([0xb1, 0x10, 0xd6, 0x7f, 0xff, 0xff, 0xff]), // a list of 2^31 entries
    chunk([0xb3, 0x10, 0x81]), // ends inside a value
    chunk([0xc3]), // not a structure
    chunk([0xb1, 0x01, 0xa0, 0x00]), // bytes after the message
    chunk([0xb1, 0x10, 0xa1, 0x01, 0x02]), // a map key that is not a string
  ];
  for (const bytes of cases) {
    const c = await connected();
    c.send(bytes);
    const m = await c.nextMessage();
    assert.equal(m?.tag, FAILURE, bytes.toString('hex'));
    assert.ok(await c.closedWithin(5000), bytes.toString('hex'));
  }
  await stillServes();
});

test('requests out of order fail, and HELLO must come first', async () => {
  let c = new RawBolt(server.bolt);
  await c.connect();
  await c.handshake();
  c.send(msg(0x10, 'RETURN 1', {}, {}));
  assert.equal((await c.nextMessage()).tag, FAILURE);
  assert.ok(await c.closedWithin(5000));
  c = await connected();
  c.send(msg(0x3f, { n: -1 })); // PULL with nothing to pull
  assert.equal((await c.nextMessage()).tag, FAILURE);
  c.send(msg(0x13)); // ROLLBACK outside a transaction: IGNORED while FAILED
  assert.equal((await c.nextMessage()).tag, IGNORED);
  c.send(msg(0x0f));
  assert.equal((await c.nextMessage()).tag, SUCCESS);
  // A RESET read while requests wait interrupts them: those before it are IGNORED.
  c.send(Buffer.concat([msg(0x10, 'UNWIND range(1, 3) AS i RETURN i', {}, {}), msg(0x3f, { n: -1 }), msg(0x0f)]));
  const tags = [];
  for (let i = 0; i < 3; i++) tags.push((await c.nextMessage()).tag);
  assert.deepEqual(tags, [IGNORED, IGNORED, SUCCESS]);
  c.send(msg(0x02)); // GOODBYE
  assert.ok(await c.closedWithin(5000));
  await stillServes();
});

test('a handshake that never completes is cut off', async () => {
  // Opened before every other case; the read timeout (15 s) has run meanwhile or soon will.
  assert.ok(await stalled.closedWithin(30_000));
  const text = await (await fetch(`${server.httpUrl}/metrics`)).text();
  const bad = /innograph_bolt_malformed_messages_total (\d+)/.exec(text);
  assert.ok(bad && Number(bad[1]) >= 10, text);
  await stillServes();
});
