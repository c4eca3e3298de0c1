/** Figures of a bench run: rounds, medians, ratios and goals, and their text. */

export const SCENARIOS = [
  'koa',
  'current-fast',
  'current-route',
  'stock-findone',
  'submit-sqlite',
  'submit-sqlite-normal',
  'submit-sqlite-nolimits',
  'submit-sqlite-1000addr',
  'submit-sqlite-nolimits-1000addr',
  'submit-doi-sqlite',
  'stock-create-sqlite',
  'submit-postgres',
  'submit-postgres-nolimits',
  'submit-postgres-1000addr',
  'submit-postgres-nolimits-1000addr',
  'submit-doi-postgres',
  'stock-create-postgres',
] as const;
export type ScenarioName = (typeof SCENARIOS)[number];
export type Db = 'sqlite' | 'postgres';

export const isScenario = (s: string): s is ScenarioName =>
  (SCENARIOS as readonly string[]).includes(s);

/** One autocannon run. Latencies in ms; CPU as a fraction of one core. */
export interface Round {
  rps: number;
  p50: number;
  p99: number;
  completed: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCounts: Record<string, number>;
  /** CPU the server process used during the round / wall time (1 = one core busy). */
  serverCpu: number | null;
  /** CPU this process (autocannon) used / wall time. */
  clientCpu: number;
  /** Server CPU time per completed request, in microseconds. */
  serverUsPerReq: number | null;
  bytesPerReq: number;
  /** CPU that other processes used on the server's core / on the client's core (busy − ours); null unpinned. */
  otherServerCore: number | null;
  otherClientCore: number | null;
  seconds: number;
}

/** Medians over rounds. */
export type Summary = Omit<Round, 'seconds'>;

export interface ScenarioResult {
  name: ScenarioName;
  what: string;
  connections: number;
  db: Db | null;
  /** Name of the server process measured (its command is in the run's commands). */
  server: string;
  /** Equivalent autocannon command line. */
  command: string;
  rounds: Round[];
  summary: Summary | null;
  error: string | null;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function medianOrNull(xs: Array<number | null>): number | null {
  const known = xs.filter((x): x is number => x !== null);
  return known.length ? median(known) : null;
}

export function summarize(rounds: Round[]): Summary | null {
  if (rounds.length === 0) return null;
  const statusCounts: Record<string, number> = {};
  for (const r of rounds)
    for (const [k, v] of Object.entries(r.statusCounts))
      statusCounts[k] = (statusCounts[k] ?? 0) + v;
  const sum = (f: (r: Round) => number) => rounds.reduce((a, r) => a + f(r), 0);
  return {
    rps: median(rounds.map((r) => r.rps)),
    p50: median(rounds.map((r) => r.p50)),
    p99: median(rounds.map((r) => r.p99)),
    completed: sum((r) => r.completed),
    non2xx: sum((r) => r.non2xx),
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    statusCounts,
    serverCpu: medianOrNull(rounds.map((r) => r.serverCpu)),
    clientCpu: median(rounds.map((r) => r.clientCpu)),
    serverUsPerReq: medianOrNull(rounds.map((r) => r.serverUsPerReq)),
    bytesPerReq: median(rounds.map((r) => r.bytesPerReq)),
    otherServerCore: medianOrNull(rounds.map((r) => r.otherServerCore)),
    otherClientCore: medianOrNull(rounds.map((r) => r.otherClientCore)),
  };
}

/** Why a scenario's figure cannot be trusted (failed responses), or null. */
export function invalidity(r: ScenarioResult | undefined): string | null {
  if (!r) return 'not run';
  if (r.error) return `failed: ${r.error}`;
  if (!r.summary) return 'no rounds';
  const s = r.summary;
  const bad = [
    s.non2xx && `${s.non2xx} non-2xx`,
    s.errors && `${s.errors} errors`,
    s.timeouts && `${s.timeouts} timeouts`,
  ].filter(Boolean);
  return bad.length ? bad.join(', ') : null;
}

// ---------------------------------------------------------------------------
// Ratios and goals

/** A figure shown next to its baseline in the scenarios table ("vs baseline"). */
export interface RatioDef {
  num: ScenarioName;
  den: ScenarioName;
}

export const RATIOS: RatioDef[] = [
  { num: 'current-fast', den: 'koa' },
  { num: 'current-fast', den: 'stock-findone' },
  { num: 'current-route', den: 'stock-findone' },
  { num: 'current-route', den: 'koa' },
  { num: 'stock-findone', den: 'koa' },
  { num: 'current-fast', den: 'current-route' },
  { num: 'submit-postgres', den: 'stock-create-postgres' },
  { num: 'submit-sqlite', den: 'stock-create-sqlite' },
  // What durability costs: synchronous=FULL + group commit over the demo's WAL + NORMAL.
  { num: 'submit-sqlite', den: 'submit-sqlite-normal' },
  // What the abuse limits cost: two counts in the database per submission, every request
  // from one address (one hot row) …
  { num: 'submit-sqlite', den: 'submit-sqlite-nolimits' },
  { num: 'submit-postgres', den: 'submit-postgres-nolimits' },
  // … and from 1,000 addresses (X-Forwarded-For through a trusted proxy), as real traffic.
  { num: 'submit-sqlite-1000addr', den: 'submit-sqlite-nolimits-1000addr' },
  { num: 'submit-postgres-1000addr', den: 'submit-postgres-nolimits-1000addr' },
  { num: 'submit-sqlite-1000addr', den: 'submit-sqlite' },
  { num: 'submit-postgres-1000addr', den: 'submit-postgres' },
  { num: 'submit-sqlite-nolimits-1000addr', den: 'submit-sqlite-nolimits' },
  { num: 'submit-postgres-nolimits-1000addr', den: 'submit-postgres-nolimits' },
  // Double opt-in: a held submission and its e-mail (outbox, sent over SMTP) against a recorded one.
  { num: 'submit-doi-sqlite', den: 'submit-sqlite' },
  { num: 'submit-doi-postgres', den: 'submit-postgres' },
];

/** A ratio goal: num / den ≥ goal, by req/s or by server CPU time per response. */
export interface RatioGoal {
  num: ScenarioName;
  den: ScenarioName;
  goal: number;
  by: 'rps' | 'cpu';
  /** What the ratio measures, when its scenario names do not say it. */
  label?: string;
}

const limitGoals = (db: Db, name: string): RatioGoal[] => [
  {
    num: `submit-${db}`,
    den: `submit-${db}-nolimits`,
    goal: 0.8,
    by: 'rps',
    label: `limits on / off, one address (${name})`,
  },
  {
    num: `submit-${db}-1000addr`,
    den: `submit-${db}-nolimits-1000addr`,
    goal: 0.9,
    by: 'rps',
    label: `limits on / off, 1,000 addresses (${name})`,
  },
];

export const RATIO_GOALS: RatioGoal[] = [
  { num: 'current-fast', den: 'koa', goal: 0.7, by: 'rps' },
  { num: 'current-fast', den: 'koa', goal: 0.85, by: 'cpu' },
  { num: 'current-fast', den: 'stock-findone', goal: 25, by: 'rps' },
  { num: 'current-route', den: 'stock-findone', goal: 5, by: 'rps' },
  { num: 'submit-postgres', den: 'stock-create-postgres', goal: 8, by: 'rps' },
  { num: 'submit-postgres', den: 'stock-create-postgres', goal: 8, by: 'cpu' },
  { num: 'submit-sqlite', den: 'stock-create-sqlite', goal: 6, by: 'rps' },
  { num: 'submit-sqlite', den: 'stock-create-sqlite', goal: 6, by: 'cpu' },
  ...limitGoals('postgres', 'PostgreSQL'),
  ...limitGoals('sqlite', 'SQLite'),
  // A double opt-in submission costs no more than a recorded one.
  { num: 'submit-doi-postgres', den: 'submit-postgres', goal: 1, by: 'rps' },
  { num: 'submit-doi-sqlite', den: 'submit-sqlite', goal: 1, by: 'rps' },
];

/** Latency goal of every submission scenario (its p99, median over rounds). */
export const SUBMISSION_P99_MS = 50;
export const SUBMISSION_SCENARIOS = SCENARIOS.filter((s) => s.startsWith('submit-'));

export interface GoalOutcome {
  goal: string;
  /** The figure the goal is judged on. */
  measured: string;
  /** For ratios: the same ratio by the other measure (server CPU per response, or req/s). */
  other: string;
  status: 'met' | 'missed' | 'not measured';
  detail: string;
}

const fmtRatio = (x: number) => (x >= 10 ? x.toFixed(1) : x.toFixed(2));
export const fmtInt = (x: number) => Math.round(x).toLocaleString('en-US');
export const fmtMs = (x: number) => `${x % 1 === 0 ? x.toFixed(0) : x.toFixed(1)} ms`;
export const fmtPct = (x: number | null) => (x === null ? '?' : `${Math.round(x * 100)}%`);

export function ratio(
  results: Map<ScenarioName, ScenarioResult>,
  num: ScenarioName,
  den: ScenarioName,
): number | null {
  const a = results.get(num)?.summary;
  const b = results.get(den)?.summary;
  return a && b && b.rps > 0 ? a.rps / b.rps : null;
}

/** The same ratio from server CPU per response (den µs / num µs): steadier than req/s on a busy machine. */
export function cpuRatio(
  results: Map<ScenarioName, ScenarioResult>,
  num: ScenarioName,
  den: ScenarioName,
): number | null {
  const a = results.get(num)?.summary?.serverUsPerReq;
  const b = results.get(den)?.summary?.serverUsPerReq;
  return a && b ? b / a : null;
}

function ratioGoal(results: Map<ScenarioName, ScenarioResult>, d: RatioGoal): GoalOutcome {
  const goal = `${d.label ? `${d.label}: ` : ''}${d.num} / ${d.den} ≥ ${d.goal}${d.by === 'cpu' ? ' by CPU/response' : ''}`;
  const byRps = ratio(results, d.num, d.den);
  const byCpu = cpuRatio(results, d.num, d.den);
  const [x, y] = d.by === 'rps' ? [byRps, byCpu] : [byCpu, byRps];
  const other = y === null ? '—' : `${fmtRatio(y)} by ${d.by === 'rps' ? 'CPU/response' : 'req/s'}`;
  const bad = invalidity(results.get(d.num)) ?? invalidity(results.get(d.den));
  if (x === null)
    return { goal, measured: '—', other, status: 'not measured', detail: bad ?? 'not run' };
  const a = results.get(d.num)!.summary!;
  const b = results.get(d.den)!.summary!;
  const measured =
    d.by === 'rps'
      ? `${fmtRatio(x)} (${fmtInt(a.rps)} / ${fmtInt(b.rps)} req/s)`
      : `${fmtRatio(x)} (${fmtInt(b.serverUsPerReq!)} / ${fmtInt(a.serverUsPerReq!)} µs/response)`;
  if (bad) return { goal, measured, other, status: 'missed', detail: `invalid: ${bad}` };
  if (x >= d.goal)
    return {
      goal,
      measured,
      other,
      status: 'met',
      detail: `${fmtPct(x / d.goal - 1)} above the goal`,
    };
  return {
    goal,
    measured,
    other,
    status: 'missed',
    detail: `missed by ${fmtPct(1 - x / d.goal)} (needs ×${(d.goal / x).toFixed(2)})`,
  };
}

function p99Goal(results: Map<ScenarioName, ScenarioResult>, name: ScenarioName): GoalOutcome {
  const goal = `${name} p99 ≤ ${SUBMISSION_P99_MS} ms`;
  const r = results.get(name);
  const s = r?.summary;
  const bad = invalidity(r);
  if (!s)
    return { goal, measured: '—', other: '', status: 'not measured', detail: bad ?? 'not run' };
  const measured = fmtMs(s.p99);
  if (bad) return { goal, measured, other: '', status: 'missed', detail: `invalid: ${bad}` };
  if (s.p99 <= SUBMISSION_P99_MS)
    return {
      goal,
      measured,
      other: '',
      status: 'met',
      detail: `${fmtMs(SUBMISSION_P99_MS - s.p99)} under`,
    };
  return {
    goal,
    measured,
    other: '',
    status: 'missed',
    detail: `missed by ${fmtMs(s.p99 - SUBMISSION_P99_MS)} (${fmtPct(s.p99 / SUBMISSION_P99_MS - 1)} over)`,
  };
}

/**
 * Every goal whose scenarios were selected for the run (a goal none of whose
 * scenarios ran is left out; one whose scenario failed is "not measured").
 */
export function evaluateGoals(results: Map<ScenarioName, ScenarioResult>): GoalOutcome[] {
  const out: GoalOutcome[] = [];
  for (const d of RATIO_GOALS)
    if (results.has(d.num) || results.has(d.den)) out.push(ratioGoal(results, d));
  for (const name of SUBMISSION_SCENARIOS) if (results.has(name)) out.push(p99Goal(results, name));
  return out;
}

/** "0.82× koa, 31.4× stock-findone": each figure next to its baselines. */
export function ratiosOf(results: Map<ScenarioName, ScenarioResult>, name: ScenarioName): string {
  const parts: string[] = [];
  for (const d of RATIOS) {
    if (d.num !== name) continue;
    const x = ratio(results, d.num, d.den);
    if (x !== null) parts.push(`${fmtRatio(x)}× ${d.den}`);
  }
  return parts.join(', ') || '—';
}

// ---------------------------------------------------------------------------
// Text

export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export function markdownTable(header: string[], rows: string[][]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  return [
    `| ${header.map(esc).join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
}

export const SCENARIO_HEADER = [
  'scenario',
  'req/s',
  'vs baseline',
  'p50',
  'p99',
  'non-2xx',
  'responses',
  'server CPU',
  'server µs/req',
  'client CPU',
  'other CPU',
  'bytes/resp',
];

export function scenarioRows(results: Map<ScenarioName, ScenarioResult>): string[][] {
  const rows: string[][] = [];
  for (const name of SCENARIOS) {
    const r = results.get(name);
    if (!r) continue;
    const s = r.summary;
    if (!s) {
      rows.push([name, 'FAILED', r.error ?? '', '', '', '', '', '', '', '', '', '']);
      continue;
    }
    const responses = [
      ...Object.entries(s.statusCounts)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => `${fmtInt(v)}×${k}`),
      s.errors ? `${fmtInt(s.errors)} errors` : '',
      s.timeouts ? `${fmtInt(s.timeouts)} timeouts` : '',
    ]
      .filter(Boolean)
      .join(' ');
    rows.push([
      name,
      fmtInt(s.rps),
      ratiosOf(results, name),
      fmtMs(s.p50),
      fmtMs(s.p99),
      fmtInt(s.non2xx),
      responses,
      fmtPct(s.serverCpu),
      s.serverUsPerReq === null ? '?' : fmtInt(s.serverUsPerReq),
      fmtPct(s.clientCpu),
      s.otherServerCore === null
        ? '?'
        : `${fmtPct(s.otherServerCore)} / ${fmtPct(s.otherClientCore)}`,
      fmtInt(s.bytesPerReq),
    ]);
  }
  return rows;
}
