/**
 * Where a V8 CPU profile's time went, by function: the self time of each
 * function (the samples in which it was running, not its callees), within a
 * window of samples, largest first. Used by bench/integrity-share.ts to list
 * what a submission spends its server CPU on.
 */

export interface CallFrame {
  functionName: string;
  url: string;
  /** 0-based, as V8 reports them. */
  lineNumber?: number;
  columnNumber?: number;
}

export interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTime {
  /** `name (where:line)`: where is a package name or a path in the repository. */
  fn: string;
  /** Microseconds of samples in which it was the running function. */
  us: number;
}

/** What a script belongs to: a package, the plugin (a path below `root`), Node.js, or V8 itself. */
export function areaOf(url: string, root: string): string {
  const file = url.replace(/^file:\/\//, '');
  if (!file) return 'V8 (GC, program, natives)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file);
  if (pkg) return pkg[1];
  if (file.startsWith('node:')) return 'Node.js';
  if (file.startsWith(root)) return 'the plugin and the app (this repository)';
  return 'other';
}

/** A script URL shortened: the package it belongs to, or its path below `root`. */
export function whereOf(url: string, root: string): string {
  if (!url) return '';
  const file = url.replace(/^file:\/\//, '');
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(file);
  if (pkg) return `${pkg[1]}/${pkg[2].split('/').pop()}`;
  if (file.startsWith(root)) return file.slice(root.length).replace(/^\//, '');
  return file.startsWith('node:') ? file : file.split('/').slice(-2).join('/');
}

/**
 * Self time per function over the samples whose index `inWindow` accepts,
 * idle time left out; `busy` is the sum of the rest. `resolve` may map a
 * frame to where its source lives (a source map: see cpu-profile.ts).
 */
export function selfTimes(
  profile: CpuProfile,
  inWindow: (index: number) => boolean,
  root: string,
  resolve: (frame: CallFrame) => CallFrame = (frame) => frame,
): { busy: number; rows: SelfTime[]; areas: SelfTime[] } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  const areaTotals = new Map<string, number>();
  let busy = 0;
  profile.samples.forEach((id, i) => {
    if (!inWindow(i)) return;
    const raw = byId.get(id)?.callFrame;
    if (!raw || raw.functionName === '(idle)') return;
    const frame = resolve(raw);
    const dt = profile.timeDeltas[i] ?? 0;
    busy += dt;
    const where = whereOf(frame.url, root);
    const line =
      frame.lineNumber !== undefined && frame.lineNumber >= 0 ? `:${frame.lineNumber + 1}` : '';
    const key = `${frame.functionName || '(anonymous)'}${where ? ` (${where}${line})` : ''}`;
    totals.set(key, (totals.get(key) ?? 0) + dt);
    const area = areaOf(frame.url, root);
    areaTotals.set(area, (areaTotals.get(area) ?? 0) + dt);
  });
  const sorted = (m: Map<string, number>) =>
    [...m].map(([fn, us]) => ({ fn, us })).sort((a, b) => b.us - a.us);
  return { busy, rows: sorted(totals), areas: sorted(areaTotals) };
}
