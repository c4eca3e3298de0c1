/** Figures of a bench run: rounds, medians, ratios and goals, and their text. */

export const SCENARIOS = [
  'koa',
  'current-fast',
  'current-route',
  'stock-findone',
  'submit-sqlite',
  'submit-sqlite-normal',
  'submit-sqlite-nolimits',
  'submit-doi-sqlite',
  'stock-create-sqlite',
  'submit-postgres',
  'submit-postgres-nolimits',
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

export interface RatioDef {
  num: ScenarioName;
  den: ScenarioName;
  /** Goal: num/den ≥ goal; null = shown, no goal. */
  goal: number | null;
}

export const RATIOS: RatioDef[] = [
  { num: 'current-fast', den: 'koa', goal: 0.7 },
  { num: 'current-fast', den: 'stock-findone', goal: 25 },
  { num: 'current-route', den: 'stock-findone', goal: 3.5 },
  { num: 'current-route', den: 'koa', goal: null },
  { num: 'stock-findone', den: 'koa', goal: null },
  { num: 'current-fast', den: 'current-route', goal: null },
  { num: 'submit-postgres', den: 'stock-create-postgres', goal: 8 },
  { num: 'submit-sqlite', den: 'stock-create-sqlite', goal: null },
  // What durability costs: synchronous=FULL + group commit over the demo's WAL + NORMAL.
  { num: 'submit-sqlite', den: 'submit-sqlite-normal', goal: null },
  // What the abuse limits cost: two counts in the database per submission.
  { num: 'submit-sqlite', den: 'submit-sqlite-nolimits', goal: null },
  { num: 'submit-postgres', den: 'submit-postgres-nolimits', goal: null },
  // Double opt-in: a held submission and its e-mail (outbox, sent over SMTP) against a recorded one.
  { num: 'submit-doi-sqlite', den: 'submit-sqlite', goal: null },
  { num: 'submit-doi-postgres', den: 'submit-postgres', goal: null },
];

export interface AbsoluteGoal {
  scenario: ScenarioName;
  metric: 'rps' | 'p99';
  op: '>=' | '<=';
  value: number;
}

export const ABSOLUTE_GOALS: AbsoluteGoal[] = [
  { scenario: 'submit-postgres', metric: 'rps', op: '>=', value: 1000 },
  { scenario: 'submit-postgres', metric: 'p99', op: '<=', value: 50 },
  { scenario: 'submit-sqlite', metric: 'rps', op: '>=', value: 750 },
  { scenario: 'submit-doi-postgres', metric: 'rps', op: '>=', value: 1000 },
  { scenario: 'submit-doi-sqlite', metric: 'rps', op: '>=', value: 750 },
];

export interface GoalOutcome {
  goal: string;
  measured: string;
  /** For ratios: the ratio of server CPU per response. */
  byCpu: string;
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

export function evaluateGoals(results: Map<ScenarioName, ScenarioResult>): GoalOutcome[] {
  const out: GoalOutcome[] = [];
  for (const d of RATIOS) {
    if (d.goal === null) continue;
    const goal = `${d.num} / ${d.den} ≥ ${d.goal}`;
    const x = ratio(results, d.num, d.den);
    const c = cpuRatio(results, d.num, d.den);
    const byCpu = c === null ? '—' : fmtRatio(c);
    const bad = invalidity(results.get(d.num)) ?? invalidity(results.get(d.den));
    if (x === null) {
      out.push({ goal, measured: '—', byCpu, status: 'not measured', detail: bad ?? 'not run' });
      continue;
    }
    const measured = `${fmtRatio(x)} (${fmtInt(results.get(d.num)!.summary!.rps)} / ${fmtInt(results.get(d.den)!.summary!.rps)} req/s)`;
    if (bad) {
      out.push({ goal, measured, byCpu, status: 'missed', detail: `invalid: ${bad}` });
    } else if (x >= d.goal) {
      out.push({
        goal,
        measured,
        byCpu,
        status: 'met',
        detail: `${fmtPct(x / d.goal - 1)} above the goal`,
      });
    } else {
      out.push({
        goal,
        measured,
        byCpu,
        status: 'missed',
        detail: `missed by ${fmtPct(1 - x / d.goal)} (needs ×${(d.goal / x).toFixed(2)})`,
      });
    }
  }
  for (const g of ABSOLUTE_GOALS) {
    const unit = g.metric === 'rps' ? ' req/s' : ' ms';
    const goal = `${g.scenario} ${g.metric === 'rps' ? 'req/s' : 'p99'} ${g.op === '>=' ? '≥' : '≤'} ${fmtInt(g.value)}${unit}`;
    const r = results.get(g.scenario);
    const s = r?.summary;
    const bad = invalidity(r);
    if (!s) {
      out.push({
        goal,
        measured: '—',
        byCpu: '',
        status: 'not measured',
        detail: bad ?? 'not run',
      });
      continue;
    }
    const x = s[g.metric];
    const measured = g.metric === 'rps' ? `${fmtInt(x)} req/s` : fmtMs(x);
    const ok = g.op === '>=' ? x >= g.value : x <= g.value;
    const byCpu = '';
    if (bad) out.push({ goal, measured, byCpu, status: 'missed', detail: `invalid: ${bad}` });
    else if (ok)
      out.push({
        goal,
        measured,
        byCpu,
        status: 'met',
        detail: g.op === '>=' ? `${fmtPct(x / g.value - 1)} above` : `${fmtMs(g.value - x)} under`,
      });
    else if (g.op === '>=')
      out.push({
        goal,
        measured,
        byCpu,
        status: 'missed',
        detail: `missed by ${fmtInt(g.value - x)}${unit} (${fmtPct(1 - x / g.value)})`,
      });
    else
      out.push({
        goal,
        measured,
        byCpu,
        status: 'missed',
        detail: `missed by ${fmtMs(x - g.value)} (${fmtPct(x / g.value - 1)} over)`,
      });
  }
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
