/**
 * The CPU profile section of bench/RESULTS.md: where the server's CPU went
 * during a profiled round (V8 self time by package and by function, see
 * self-time.ts), the plugin's functions named by their TypeScript source
 * through the inline source maps of its build.
 */
import fs from 'node:fs';
import { SourceMap, type SourceMapPayload } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { selfTimes, type CallFrame, type CpuProfile } from './self-time';

/**
 * Maps a frame of a script of this repository built with an inline source map
 * (dist/server, bench/out/build-*) to its source; any other frame is kept.
 * The maps are read when first needed: call it right after the profile, before
 * a rebuild can change them.
 */
export function sourceResolver(root: string): (frame: CallFrame) => CallFrame {
  const maps = new Map<string, SourceMap | null>();
  const mapOf = (file: string): SourceMap | null => {
    if (maps.has(file)) return maps.get(file)!;
    let map: SourceMap | null = null;
    try {
      const text = fs.readFileSync(file, 'utf8');
      const inline = /\/\/# sourceMappingURL=data:application\/json;base64,(\S+)\s*$/.exec(text);
      if (inline)
        map = new SourceMap(
          JSON.parse(Buffer.from(inline[1], 'base64').toString('utf8')) as SourceMapPayload,
        );
    } catch {
      // unreadable: left as it is
    }
    maps.set(file, map);
    return map;
  };
  return (frame) => {
    if (!frame.url.startsWith('file://') || frame.lineNumber === undefined) return frame;
    const file = fileURLToPath(frame.url);
    if (!file.startsWith(root + path.sep) || file.includes(`${path.sep}node_modules${path.sep}`))
      return frame;
    const entry = mapOf(file)?.findEntry(frame.lineNumber, frame.columnNumber ?? 0);
    if (!entry || !('originalSource' in entry)) return frame;
    const source = path.resolve(path.dirname(file), entry.originalSource);
    return {
      ...frame,
      url: pathToFileURL(source).href,
      lineNumber: entry.originalLine,
      columnNumber: entry.originalColumn,
    };
  };
}

/**
 * The samples of the load: not the first (its time runs from the profile's
 * start, while the profiler itself was starting), nor any taken while the
 * profiler was being driven (node:inspector on the stack).
 */
function loadSamples(profile: CpuProfile): (index: number) => boolean {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const control = new Map<number, boolean>();
  const isControl = (id: number): boolean => {
    const known = control.get(id);
    if (known !== undefined) return known;
    const p = parent.get(id);
    const yes =
      byId.get(id)?.callFrame.url === 'node:inspector' || (p !== undefined && isControl(p));
    control.set(id, yes);
    return yes;
  };
  return (i) => i > 0 && !isControl(profile.samples[i]);
}

export interface ProfileSection {
  /** Markdown lines of the section (without its title). */
  markdown: string[];
  /** The same, as plain text for the console. */
  text: string;
}

/**
 * Where a profiled round's server CPU went, per response: the top `areas`
 * packages and the top `functions` functions by self time, over the whole
 * profile (it covers the round only), idle left out.
 */
export function profileSection(
  profile: CpuProfile,
  o: {
    root: string;
    responses: number;
    areas?: number;
    functions?: number;
    /** Name this repository's functions by their source (default): only if the build is the one profiled. */
    mapSources?: boolean;
  },
): ProfileSection {
  const { busy, rows, areas } = selfTimes(
    profile,
    loadSamples(profile),
    o.root,
    o.mapSources === false ? undefined : sourceResolver(o.root),
  );
  const n = Math.max(1, o.responses);
  const us = (x: number) => (x / n).toFixed(1);
  const share = (x: number) => `${((x / busy) * 100).toFixed(1)}%`;
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const byArea = areas.slice(0, o.areas ?? 8);
  const byFn = rows.slice(0, o.functions ?? 10);
  const markdown = [
    '| where (package) | self µs per response | share of server CPU |',
    '|---|---|---|',
    ...byArea.map((r) => `| ${esc(r.fn)} | ${us(r.us)} | ${share(r.us)} |`),
    '',
    '| # | function (where) | self µs per response | share of server CPU |',
    '|---|---|---|---|',
    ...byFn.map((r, i) => `| ${i + 1} | \`${esc(r.fn)}\` | ${us(r.us)} | ${share(r.us)} |`),
  ];
  const text = [
    '  by package:',
    ...byArea.map((r) => `  ${share(r.us).padStart(6)}  ${us(r.us).padStart(7)} µs  ${r.fn}`),
    '  by function:',
    ...byFn.map((r) => `  ${share(r.us).padStart(6)}  ${us(r.us).padStart(7)} µs  ${r.fn}`),
  ].join('\n');
  return {
    markdown: [
      `${(busy / 1e6).toFixed(2)} s of server CPU in the profile (idle left out), ${us(busy)} µs per response; top ${byArea.length} of ${areas.length} places and top ${byFn.length} of ${rows.length} functions by self time (the function running, not its callees).`,
      '',
      ...markdown,
    ],
    text,
  };
}
