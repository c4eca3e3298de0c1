/** Strapi instances in child processes (see instance.ts), for multi-process tests. */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { throwawaySecrets } from './secrets';

const ROOT = path.resolve(__dirname, '..', '..');

/** One set of secrets for every instance of a test: they must share them. */
export function instanceEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'test',
    ...throwawaySecrets(),
    POLICY_LEDGER_DEMO: 'true',
    POLICY_LEDGER_CACHE_TTL: '1',
    POLICY_LEDGER_JOBS: 'false',
    POLICY_LEDGER_LIMIT_PER_ADDRESS: '1000000',
    POLICY_LEDGER_LIMIT_PER_SUBJECT: '1000000',
    ...extra,
  };
}

export async function json(url: string, init: RequestInit & { token?: string } = {}) {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    ...(init.headers as Record<string, string>),
  };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  const res = await fetch(url, { ...init, headers });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

export interface Instance {
  child: ChildProcess;
  url: string;
  send(cmd: string, extra?: Record<string, unknown>): Promise<any>;
}

export function start(env: NodeJS.ProcessEnv): Promise<Instance> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(ROOT, 'tests', 'helpers', 'instance.ts'), [], {
      cwd: ROOT,
      env,
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    });
    let id = 0;
    const pending = new Map<
      number,
      { resolve: (v: unknown) => void; reject: (e: Error) => void }
    >();
    child.on('message', (m: { id: number; result?: unknown; error?: string }) => {
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (m.error) p?.reject(new Error(m.error));
      else p?.resolve(m.result);
    });
    child.on('exit', (code) =>
      reject(new Error(`instance exited with ${code} before it was ready`)),
    );
    child.stdout!.on('data', (d: Buffer) => {
      const m = /READY (\d+)/.exec(d.toString());
      if (!m) return;
      resolve({
        child,
        url: `http://127.0.0.1:${m[1]}`,
        send: (cmd, extra = {}) =>
          new Promise((res, rej) => {
            pending.set(++id, { resolve: res, reject: rej });
            child.send({ id, cmd, ...extra });
          }),
      });
    });
  });
}
