// Starts a real `innograph serve` for a test file: a fresh store built from the corpus, HTTP and
// Bolt on free loopback ports (read from its log), a write token.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const source = path.resolve(here, '../..');

export const TOKEN = 'bolt-test-token-0123456789';

export async function startServer(extraArgs = []) {
  const bin = process.env.INNOGRAPH_BIN ?? path.join(source, 'build/app/innograph');
  const corpus = process.env.INNOGRAPH_CORPUS ?? path.join(source, 'data/corpus');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'innograph-bolt-'));
  fs.writeFileSync(path.join(tmp, 'token'), TOKEN);
  const child = spawn(bin, [
    'serve', '--db', path.join(tmp, 'db'), '--corpus', corpus, '--host', '127.0.0.1',
    '--port', '0', '--bolt-port', '0', '--token-file', path.join(tmp, 'token'), '--threads', '4',
    ...extraArgs,
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const ports = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`innograph serve did not start within 120 s:\n${log}`)), 120_000);
    child.stderr.on('data', (chunk) => {
      log += chunk;
      const http = /serving http:\/\/[\d.]+:(\d+)/.exec(log);
      const bolt = /serving bolt:\/\/[\d.]+:(\d+)/.exec(log);
      if (http && bolt) {
        clearTimeout(timer);
        resolve({ http: Number(http[1]), bolt: Number(bolt[1]) });
      }
    });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`innograph serve exited (${code}):\n${log}`)); });
  });
  return {
    ...ports,
    boltUrl: `bolt://127.0.0.1:${ports.bolt}`,
    httpUrl: `http://127.0.0.1:${ports.http}`,
    log: () => log,
    // Asserts that the process is still alive, then stops it.
    async stop() {
      const alive = child.exitCode === null && child.signalCode === null;
      child.kill('SIGTERM');
      const how = await exited;
      fs.rmSync(tmp, { recursive: true, force: true });
      if (!alive) throw new Error(`the server had died: ${JSON.stringify(how)}\n${log}`);
    },
  };
}

export async function httpQuery(server, query, parameters = {}, token) {
  const res = await fetch(`${server.httpUrl}/v1/query`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, parameters }),
  });
  return { status: res.status, body: await res.json() };
}
