/**
 * `npm start` as a newcomer runs it: a real process, DynamoDB Local on Java, the demo edition, a clean
 * stop on Ctrl-C with nothing left running, and a clear message when the port is taken.
 */
import { describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../../lib/local/ports.ts';
import { listeningAddresses } from '../support/listeners.ts';

const ROOT = resolve(import.meta.dirname, '../..');

function start(port: number, dataDir: string, webPort: number): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bin/local.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), WEB_PORT: String(webPort), LOCAL_DATA_DIR: dataDir, POWERTOOLS_LOG_LEVEL: 'SILENT', HOST: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return { child, output: () => out, exited };
}

async function waitFor(pred: () => boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('npm start', () => {
  it('is ready within 30 s with an open demo edition, and Ctrl-C stops everything, Java included', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pc-local-'));
    const port = await freePort();
    const webPort = await freePort();
    const t0 = Date.now();
    const run = start(port, dataDir, webPort);
    try {
      await waitFor(() => run.output().includes(`Local API ready at http://localhost:${port}`), 30_000);
      const readyMs = Date.now() - t0;
      expect(readyMs).toBeLessThan(30_000);
      // The web app, served next to the API, with its runtime configuration pointing at it.
      expect(run.output()).toContain(`Web app at http://localhost:${webPort}`);
      const config = (await (await fetch(`http://localhost:${webPort}/config.json`)).json()) as { apiUrl: string };
      expect(config.apiUrl).toBe(`http://localhost:${port}`);

      const editions = (await (await fetch(`http://localhost:${port}/editions`)).json()) as { items: { status: string; timeZone: string }[] };
      expect(editions.items[0]).toMatchObject({ status: 'open', timeZone: 'Asia/Shanghai' });
      const dynamo = /DynamoDB Local at (http:\/\/[\d.:]+)/.exec(run.output())![1]!;
      expect((await fetch(dynamo).catch(() => null))?.status).toBeDefined();
      // The API and DynamoDB Local listen on 127.0.0.1 only (read from the kernel's socket table: nothing is sent off loopback).
      expect(new URL(dynamo).hostname).toBe('127.0.0.1');
      expect(run.output()).not.toContain('WARNING: HOST');
      for (const p of [port, Number(new URL(dynamo).port)]) expect(listeningAddresses(p), `port ${p}`).toEqual(['127.0.0.1']);

      run.child.kill('SIGINT');
      expect(await run.exited).toBe(0);
      // Java is gone too: its port no longer answers.
      await expect(fetch(dynamo)).rejects.toThrow();
    } finally {
      run.child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);

  it('keeps its data between runs and does not seed twice', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pc-local-'));
    try {
      for (let i = 0; i < 2; i++) {
        const port = await freePort();
        const run = start(port, dataDir, await freePort());
        await waitFor(() => run.output().includes('Local API ready'), 30_000);
        const body = (await (await fetch(`http://localhost:${port}/editions`)).json()) as { items: unknown[] };
        expect(body.items).toHaveLength(1);
        expect(run.output().includes('Created the open demo edition')).toBe(i === 0);
        run.child.kill('SIGINT');
        await run.exited;
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 90_000);

  it('says clearly that the port is in use, without a stack trace, and starts nothing', async () => {
    const blocker = createServer();
    const port = await freePort();
    await new Promise<void>((r) => blocker.listen(port, r));
    const dataDir = mkdtempSync(join(tmpdir(), 'pc-local-'));
    try {
      const run = start(port, dataDir, await freePort());
      expect(await run.exited).toBe(1);
      expect(run.output()).toContain(`Port ${port} is already in use`);
      expect(run.output()).not.toMatch(/\n\s+at /);
      expect(run.output()).not.toContain('DynamoDB Local at');
    } finally {
      blocker.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
