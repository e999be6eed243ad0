// The official Neo4j JavaScript driver (neo4j-driver 6, pinned in package-lock.json) against a
// real `innograph serve` over Bolt: what a person pointing a Neo4j tool at innograph relies on.
//
// Run by ctest (label "bolt"); by hand:
//   INNOGRAPH_BIN=build/app/innograph node --test tests/bolt/driver.test.mjs

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import neo4j from 'neo4j-driver';

import { startServer, httpQuery, TOKEN } from './server.mjs';
import { RawBolt, login, msg, SUCCESS, RECORD, FAILURE } from './raw_bolt.mjs';

const PARKS_HOSTING = 'MATCH (p:Park)-[:HOSTS]->(i:Industry "生物医药") RETURN p.name AS park ORDER BY park';

let server;
let reader; // no credentials: read-only
let writer; // basic auth with the token

before(async () => {
  server = await startServer();
  reader = neo4j.driver(server.boltUrl);
  writer = neo4j.driver(server.boltUrl, neo4j.auth.basic('analyst', TOKEN));
});

after(async () => {
  await reader?.close();
  await writer?.close();
  await server?.stop();
});

async function count(label) {
  const s = reader.session();
  try {
    const r = await s.run(`MATCH (n:${label}) RETURN count(n) AS n`);
    return r.records[0].get('n').toNumber();
  } finally {
    await s.close();
  }
}

test('connects and negotiates Bolt 5', async () => {
  const info = await reader.getServerInfo();
  assert.match(info.agent, /^Neo4j\//);
  assert.ok(info.protocolVersion >= 5 && info.protocolVersion <= 5.4, String(info.protocolVersion));
  await writer.verifyConnectivity();
});

test('answers which parks host 生物医药, as HTTP does', async () => {
  const { records, summary } = await reader.executeQuery(PARKS_HOSTING);
  const http = await httpQuery(server, PARKS_HOSTING);
  assert.equal(http.status, 200);
  const overHttp = http.body.rows.map((r) => r[0]);
  assert.ok(overHttp.length > 0, 'the corpus has parks hosting 生物医药');
  assert.deepEqual(records.map((r) => r.get('park')), overHttp);
  assert.deepEqual(summary.query.text, PARKS_HOSTING);
  assert.equal(summary.queryType, 'r');
  assert.equal(summary.counters.containsUpdates(), false);
});

test('parameters of every type come back as they went', async () => {
  const s = reader.session();
  try {
    const params = {
      nothing: null, yes: true, no: false,
      small: neo4j.int(7), big: neo4j.int('9007199254740993'), negative: neo4j.int(-1234567),
      pi: 3.25, text: '生物医药 and ASCII', empty: '',
      list: [neo4j.int(1), 'two', 3.5, null, [true]],
      map: { name: '大连高新区', nested: { depth: neo4j.int(2), tags: ['a', 'b'] } },
    };
    const keys = Object.keys(params);
    const r = await s.run(`RETURN ${keys.map((k) => `$${k} AS ${k}`).join(', ')}`, params);
    const row = r.records[0];
    for (const k of keys) assert.deepEqual(row.get(k), params[k], k);
    assert.ok(neo4j.isInt(row.get('big')));
    assert.equal(row.get('big').toString(), '9007199254740993');
    await assert.rejects(s.run('RETURN $b AS b', { b: new Int8Array([1, 2]) }),
      (e) => e.code === 'Neo.ClientError.Statement.TypeError');
  } finally {
    await s.close();
  }
});

test('nodes, relationships and paths arrive as driver objects', async () => {
  const s = reader.session();
  try {
    const r = await s.run('MATCH p = (a:Park)-[h:HOSTS]->(i:Industry) RETURN a, h, i, p LIMIT 1');
    assert.equal(r.records.length, 1);
    const [a, h, i, p] = ['a', 'h', 'i', 'p'].map((k) => r.records[0].get(k));
    assert.ok(neo4j.isNode(a));
    assert.ok(a.labels.includes('Park'));
    assert.equal(typeof a.properties.name, 'string');
    assert.equal(typeof a.elementId, 'string');
    assert.ok(neo4j.isRelationship(h));
    assert.equal(h.type, 'HOSTS');
    assert.equal(h.startNodeElementId, a.elementId);
    assert.equal(h.endNodeElementId, i.elementId);
    assert.ok(neo4j.isPath(p));
    assert.equal(p.length, 1);
    assert.equal(p.start.elementId, a.elementId);
    assert.equal(p.end.elementId, i.elementId);
    assert.equal(p.segments[0].relationship.elementId, h.elementId);
    assert.equal(p.segments[0].relationship.startNodeElementId, a.elementId);
    // The same node through HTTP: same id, same properties.
    const http = await httpQuery(server, 'MATCH (a) WHERE id(a) = $id RETURN a.name', { id: Number(a.elementId) });
    assert.deepEqual(http.body.rows, [[a.properties.name]]);
  } finally {
    await s.close();
  }
});

test('a write reports its counters', async () => {
  const { summary, records } = await writer.executeQuery(
    'CREATE (t:BoltWrite {name: $n})-[:LINKS]->(:BoltWrite {name: "b"}) RETURN t.name AS name', { n: 'a' });
  assert.equal(records[0].get('name'), 'a');
  const u = summary.counters.updates();
  assert.equal(u.nodesCreated, 2);
  assert.equal(u.relationshipsCreated, 1);
  assert.equal(u.labelsAdded, 2);
  assert.ok(summary.counters.containsUpdates());
  assert.equal(summary.queryType, 'rw');
  assert.equal(await count('BoltWrite'), 2);
});

test('without the token writes are refused as Forbidden, and nothing is written', async () => {
  await assert.rejects(reader.executeQuery('CREATE (:Refused {name: "x"})'),
    (e) => e instanceof neo4j.Neo4jError && e.code === 'Neo.ClientError.Security.Forbidden');
  assert.equal(await count('Refused'), 0);
  const wrong = neo4j.driver(server.boltUrl, neo4j.auth.basic('analyst', 'not-the-token-at-all'));
  try {
    await assert.rejects(wrong.verifyConnectivity(),
      (e) => e.code === 'Neo.ClientError.Security.Unauthorized');
  } finally {
    await wrong.close();
  }
  const bearer = neo4j.driver(server.boltUrl, neo4j.auth.bearer(TOKEN));
  try {
    const { summary } = await bearer.executeQuery('CREATE (:BearerWrite {name: "x"})');
    assert.equal(summary.counters.updates().nodesCreated, 1);
  } finally {
    await bearer.close();
  }
});

test('an explicit transaction commits atomically and rolls back to nothing', async () => {
  const s = writer.session();
  try {
    let tx = s.beginTransaction();
    await tx.run('CREATE (:TxNode {name: "one"})');
    await tx.run('CREATE (:TxNode {name: "two"})');
    // The transaction reads its own writes; others do not see them yet.
    const inside = await tx.run('MATCH (n:TxNode) RETURN count(n) AS n');
    assert.equal(inside.records[0].get('n').toNumber(), 2);
    assert.equal(await count('TxNode'), 0);
    await tx.rollback();
    assert.equal(await count('TxNode'), 0);

    tx = s.beginTransaction();
    await tx.run('CREATE (:TxNode {name: "three"})');
    await tx.run('MATCH (n:TxNode {name: "three"}) SET n.done = true');
    await tx.commit();
    assert.equal(await count('TxNode'), 1);

    const n = await s.executeWrite(async (t) => {
      await t.run('CREATE (:TxNode {name: "four"})');
      const r = await t.run('MATCH (n:TxNode) RETURN count(n) AS n');
      return r.records[0].get('n').toNumber();
    });
    assert.equal(n, 2);
    assert.equal(await count('TxNode'), 2);
  } finally {
    await s.close();
  }
});

test('a failing query in a transaction leaves nothing of it', async () => {
  const s = writer.session();
  try {
    const tx = s.beginTransaction();
    await tx.run('CREATE (:FailTx {name: "x"})');
    await assert.rejects(tx.run('RETURN 1 +'), (e) => e.code === 'Neo.ClientError.Statement.SyntaxError');
    await tx.close().catch(() => {});
    assert.equal(await count('FailTx'), 0);
    // The session is usable again (the driver sent RESET).
    const r = await s.run('RETURN 1 AS one');
    assert.equal(r.records[0].get('one').toNumber(), 1);
  } finally {
    await s.close();
  }
});

test('errors are Neo4jErrors with Neo4j codes; RESET recovers the connection', async () => {
  const s = reader.session();
  try {
    await assert.rejects(s.run('MATCH (n RETURN n'), (e) => {
      assert.ok(e instanceof neo4j.Neo4jError);
      assert.equal(e.code, 'Neo.ClientError.Statement.SyntaxError');
      assert.match(e.message, /line 1, column 10/);
      return true;
    });
    await assert.rejects(s.run('RETURN $missing'), (e) => e.code === 'Neo.ClientError.Statement.ParameterMissing');
    const r = await s.run('RETURN "still here" AS x');
    assert.equal(r.records[0].get('x'), 'still here');
  } finally {
    await s.close();
  }
  // The same on the wire: after a FAILURE, requests are IGNORED until RESET.
  const c = new RawBolt(server.bolt);
  await c.connect();
  const version = await c.handshake();
  await login(c, version);
  c.send(Buffer.concat([msg(0x10, 'RETURN 1 +', {}, {}), msg(0x3f, { n: -1 })]));
  const tags = [];
  for (let i = 0; i < 2; i++) tags.push((await c.nextMessage()).tag);
  c.send(Buffer.concat([msg(0x0f), msg(0x10, 'RETURN 2 AS two', {}, {}), msg(0x3f, { n: -1 })]));
  for (let i = 0; i < 4; i++) tags.push((await c.nextMessage()).tag);
  assert.deepEqual(tags, [FAILURE, 0x7e, SUCCESS, SUCCESS, RECORD, SUCCESS]);
  c.destroy();
});

test('PULL in batches with n, and DISCARD', async () => {
  const s = reader.session({ fetchSize: 3 });
  try {
    const r = await s.run('UNWIND range(1, 10) AS i RETURN i');
    assert.deepEqual(r.records.map((x) => x.get('i').toNumber()), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  } finally {
    await s.close();
  }
  const c = new RawBolt(server.bolt);
  await c.connect();
  await login(c, await c.handshake());
  c.send(Buffer.concat([msg(0x10, 'UNWIND range(1, 5) AS i RETURN i', {}, {}), msg(0x3f, { n: 2 }), msg(0x2f, { n: -1 })]));
  const run = await c.nextMessage();
  assert.deepEqual(run.fields[0].fields, ['i']);
  assert.deepEqual((await c.nextMessage()).fields, [[1]]);
  assert.deepEqual((await c.nextMessage()).fields, [[2]]);
  assert.deepEqual((await c.nextMessage()).fields[0], { has_more: true });
  const done = await c.nextMessage();
  assert.equal(done.tag, SUCCESS);
  assert.equal(done.fields[0].type, 'r');
  c.destroy();
});

test('many concurrent sessions get the same answers', async () => {
  const expected = (await reader.executeQuery(PARKS_HOSTING)).records.map((r) => r.get('park'));
  const results = await Promise.all(Array.from({ length: 48 }, async (_, k) => {
    const s = (k % 2 ? reader : writer).session();
    try {
      const r = await s.run(PARKS_HOSTING);
      return r.records.map((x) => x.get('park'));
    } finally {
      await s.close();
    }
  }));
  for (const r of results) assert.deepEqual(r, expected);
});

test('a connection dropped mid-stream and mid-transaction leaves nothing and harms no one', async () => {
  const c = new RawBolt(server.bolt);
  await c.connect();
  await login(c, await c.handshake(), { scheme: 'basic', principal: 'x', credentials: TOKEN });
  c.send(Buffer.concat([msg(0x11, {}), msg(0x10, 'CREATE (:Dropped {name: "x"})', {}, {}),
    msg(0x3f, { n: -1 }), msg(0x10, 'UNWIND range(1, 5000) AS i RETURN i', {}, {}), msg(0x3f, { n: 10 })]));
  for (let i = 0; i < 4; i++) assert.equal((await c.nextMessage()).tag, SUCCESS);
  assert.equal((await c.nextMessage()).tag, RECORD);
  c.destroy();
  // The dropped transaction held the store's writer slot; it must be released and rolled back.
  const { summary } = await writer.executeQuery('CREATE (:AfterDrop {name: "y"})');
  assert.equal(summary.counters.updates().nodesCreated, 1);
  assert.equal(await count('Dropped'), 0);
});

test('ROUTE answers this one server for reads, writes and routing', async () => {
  const routed = neo4j.driver(`neo4j://127.0.0.1:${server.bolt}`, neo4j.auth.basic('x', TOKEN));
  try {
    const { records } = await routed.executeQuery('RETURN 1 AS one', {}, { routing: neo4j.routing.READ });
    assert.equal(records[0].get('one').toNumber(), 1);
    const { summary } = await routed.executeQuery('CREATE (:Routed)');
    assert.equal(summary.counters.updates().nodesCreated, 1);
  } finally {
    await routed.close();
  }
});

test('Bolt shows in /metrics', async () => {
  const text = await (await fetch(`${server.httpUrl}/metrics`)).text();
  const runs = /innograph_bolt_messages_total\{message="RUN"\} (\d+)/.exec(text);
  assert.ok(runs && Number(runs[1]) > 10, text);
  assert.match(text, /innograph_bolt_connections_total \d+/);
});

test('an unknown property key reads null with a warning naming the key meant', async () => {
  const { records, summary } = await reader.executeQuery('MATCH (n:Park) RETURN n.nam AS x LIMIT 2');
  assert.equal(records.length, 2);
  for (const r of records) assert.equal(r.get('x'), null);
  assert.equal(summary.notifications.length, 1, JSON.stringify(summary.notifications));
  const n = summary.notifications[0];
  assert.equal(n.code, 'Neo.ClientNotification.Statement.UnknownPropertyKeyWarning');
  assert.match(n.description, /Did you mean name\?/);
  assert.equal(n.position.line, 1);
  assert.equal(n.position.column, 25);
});

test('the Query API v2 shape over HTTP answers as Bolt does', async () => {
  const post = (db, body, headers = {}) => fetch(`${server.httpUrl}/db/${db}/query/v2`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body),
  });
  let res = await post('innograph', { statement: PARKS_HOSTING });
  assert.equal(res.status, 202);
  let body = await res.json();
  const overBolt = (await reader.executeQuery(PARKS_HOSTING)).records.map((r) => r.get('park'));
  assert.deepEqual(body.data.fields, ['park']);
  assert.deepEqual(body.data.values.map((r) => r[0]), overBolt);
  assert.deepEqual(body.notifications, []);
  assert.ok(Array.isArray(body.bookmarks));

  res = await post('neo4j', { statement: 'MATCH p = (a:Park)-[h:HOSTS]->(i) RETURN a, p LIMIT 1' });
  body = await res.json();
  const [node, path] = body.data.values[0];
  assert.ok(node.labels.includes('Park') && typeof node.elementId === 'string', JSON.stringify(node));
  assert.equal(path.length, 3);
  assert.equal(path[1].type, 'HOSTS');
  assert.equal(path[1].startNodeElementId, node.elementId);

  res = await post('innograph', { statement: 'RETURN $x + 1 AS y', parameters: { x: 41 } });
  assert.deepEqual((await res.json()).data.values, [[42]]);

  res = await post('innograph', { statement: 'RETURN 1 +' });
  assert.equal(res.status, 400);
  assert.equal((await res.json()).errors[0].code, 'Neo.ClientError.Statement.SyntaxError');
  res = await post('innograph', { statement: 'CREATE (:V2Refused)' });
  assert.equal(res.status, 403);
  assert.equal((await res.json()).errors[0].code, 'Neo.ClientError.Security.Forbidden');
  res = await post('other', { statement: 'RETURN 1' });
  assert.equal(res.status, 404);
  assert.equal((await res.json()).errors[0].code, 'Neo.ClientError.Database.DatabaseNotFound');

  const basic = `Basic ${Buffer.from(`anyone:${TOKEN}`).toString('base64')}`;
  res = await post('innograph', { statement: 'CREATE (:V2Write) RETURN 1 AS one', includeCounters: true }, { Authorization: basic });
  assert.equal(res.status, 202);
  assert.equal((await res.json()).counters.nodesCreated, 1);
  const wrong = `Basic ${Buffer.from('anyone:wrong-token-wrong-token').toString('base64')}`;
  res = await post('innograph', { statement: 'CREATE (:V2Write)' }, { Authorization: wrong });
  assert.equal(res.status, 403);
  assert.equal(await count('V2Write'), 1);
  assert.equal(await count('V2Refused'), 0);
});
