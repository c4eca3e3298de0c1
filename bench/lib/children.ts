/**
 * Child processes of a bench run: started pinned to one CPU (taskset), ready
 * when they print `READY <port>`, logged to bench/out/logs/, measured through
 * /proc (CPU time), and all stopped at the end or on a signal.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';

export interface Child {
  name: string;
  proc: ChildProcess;
  pid: number;
  port: number;
  /** `INFO key=value` lines the child printed before READY. */
  info: Record<string, string>;
  /** The command line, as it would be typed. */
  command: string;
  logFile: string;
  /** The child's stdout, line by line (see ask()). */
  lines: readline.Interface;
}

const running = new Set<ChildProcess>();

let clockTicks: number | null = null;
function ticksPerSecond(): number {
  if (clockTicks === null) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

/** CPU time (user + system, every thread) a process has used so far, in seconds; null if unknown. */
export function processCpuSeconds(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after "(comm)": state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond();
  } catch {
    return null;
  }
}

function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

export interface StartOptions {
  name: string;
  /** TypeScript entry, run with `node --import tsx`. */
  script: string;
  args?: string[];
  /** Options for node itself (e.g. --cpu-prof), before the script. */
  nodeArgs?: string[];
  /** Extra environment, also shown in `command`. */
  env?: Record<string, string>;
  /** CPU list for `taskset -c`, or null for no pinning. */
  cpus: string | null;
  logDir: string;
  cwd: string;
  readyTimeoutMs?: number;
}

export async function startChild(o: StartOptions): Promise<Child> {
  const nodeArgs = [
    ...(o.nodeArgs ?? []),
    '--import',
    'tsx',
    path.relative(o.cwd, o.script),
    ...(o.args ?? []),
  ];
  const [cmd, args] =
    o.cpus !== null
      ? ['taskset', ['-c', o.cpus, process.execPath, ...nodeArgs]]
      : [process.execPath, nodeArgs];
  const command = [
    ...Object.entries(o.env ?? {}).map(([k, v]) => `${k}=${shellQuote(v)}`),
    ...(o.cpus !== null ? ['taskset', '-c', o.cpus] : []),
    'node',
    ...nodeArgs.map(shellQuote),
  ].join(' ');

  fs.mkdirSync(o.logDir, { recursive: true });
  const logFile = path.join(o.logDir, `${o.name}.log`);
  const log = fs.createWriteStream(logFile);
  log.write(`$ ${command}\n`);

  const proc = spawn(cmd, args, {
    cwd: o.cwd,
    env: { ...process.env, ...o.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  running.add(proc);
  proc.once('exit', () => running.delete(proc));
  proc.stderr!.pipe(log, { end: false });
  // stdin stays open: the child exits when it closes (--watch-stdin), even if this process is killed.
  proc.stdin!.on('error', () => {});

  const info: Record<string, string> = {};
  const tail: string[] = [];
  proc.stderr!.on('data', (chunk: Buffer) => {
    tail.push(chunk.toString());
    if (tail.length > 40) tail.shift();
  });

  const lines = readline.createInterface({ input: proc.stdout! });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(
        new Error(
          `${o.name} did not print READY within ${(o.readyTimeoutMs ?? 180_000) / 1000} s; see ${logFile}`,
        ),
      );
    }, o.readyTimeoutMs ?? 180_000);
    lines.on('line', (line) => {
      log.write(line + '\n');
      const info1 = /^INFO ([\w.-]+)=(.*)$/.exec(line);
      if (info1) info[info1[1]] = info1[2];
      const ready = /^READY (\d+)$/.exec(line);
      if (ready) {
        clearTimeout(timer);
        resolve(Number(ready[1]));
      }
    });
    proc.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(
        new Error(
          `${o.name} exited (${signal ?? code}) before READY; see ${logFile}\n${tail.join('').slice(-3000)}`,
        ),
      );
    });
    proc.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
  return { name: o.name, proc, pid: proc.pid!, port, info, command, logFile, lines };
}

/**
 * Writes one line to a child's stdin and waits for its answer: the first line
 * on its stdout that `answer` matches (`fails` matching: rejected).
 */
export function ask(
  child: Child,
  line: string,
  answer: RegExp,
  fails: RegExp | null = null,
  timeoutMs = 60_000,
): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const done = (f: () => void) => {
      clearTimeout(timer);
      child.lines.off('line', onLine);
      child.proc.off('exit', onExit);
      f();
    };
    const onLine = (l: string) => {
      const m = answer.exec(l);
      if (m) done(() => resolve(m));
      else if (fails?.test(l)) done(() => reject(new Error(`${child.name}: ${l}`)));
    };
    const onExit = () =>
      done(() => reject(new Error(`${child.name} exited; see ${child.logFile}`)));
    const timer = setTimeout(
      () =>
        done(() =>
          reject(new Error(`${child.name} did not answer "${line}" in ${timeoutMs / 1000} s`)),
        ),
      timeoutMs,
    );
    child.lines.on('line', onLine);
    child.proc.once('exit', onExit);
    child.proc.stdin!.write(`${line}\n`);
  });
}

function waitExit(proc: ChildProcess, ms: number): Promise<boolean> {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    proc.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** SIGTERM, then SIGKILL after `graceMs`. */
export async function stopChild(proc: ChildProcess, graceMs = 8000): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  proc.kill('SIGTERM');
  if (!(await waitExit(proc, graceMs))) {
    proc.kill('SIGKILL');
    await waitExit(proc, 2000);
  }
}

/** Stops every child still running (in parallel). */
export async function stopAll(graceMs = 8000): Promise<void> {
  await Promise.all([...running].map((p) => stopChild(p, graceMs)));
}

/** Last resort from an exit handler: synchronous SIGKILL of every child still running. */
export function killAllNow(): void {
  for (const p of running) {
    try {
      p.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
}

/**
 * Cumulative busy and total time of every CPU (/proc/stat, clock ticks). Busy
 * counts user, nice, system and steal (the hypervisor ran someone else), not
 * irq/softirq: loopback networking done on behalf of our own processes lands
 * there, and is not "other load".
 */
export function cpuTimes(): Array<{ busy: number; total: number }> | null {
  try {
    return fs
      .readFileSync('/proc/stat', 'utf8')
      .split('\n')
      .filter((l) => /^cpu\d+ /.test(l))
      .map((l) => {
        const [user, nice, system, idle, iowait, irq, softirq, steal] = l
          .trim()
          .split(/\s+/)
          .slice(1)
          .map(Number);
        const busy = user + nice + system + (steal || 0);
        return { busy, total: busy + idle + iowait + irq + softirq };
      });
  } catch {
    return null;
  }
}

/** Busy fraction of each CPU between two cpuTimes() samples. */
export function cpuBusy(
  a: ReturnType<typeof cpuTimes>,
  b: ReturnType<typeof cpuTimes>,
): number[] | null {
  if (!a || !b || a.length !== b.length) return null;
  return a.map((x, i) => {
    const total = b[i].total - x.total;
    return total > 0 ? (b[i].busy - x.busy) / total : 0;
  });
}
