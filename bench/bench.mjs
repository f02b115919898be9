// `npm run bench`: start-up, import and export figures for pace, checked against budgets.
// See docs/benchmarks.md. Figures are ratios to bare `node -e 0` measured in the same run, so a
// slow or busy machine moves both sides together.
//   npm run bench -- --node <path>   under another Node (scripts/node24.sh npm run bench does this for Node 24)
//   npm run bench -- --startup       the start-up figures only
// It builds dist/ with the Node it measures, since the code cache is made by and for one V8.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { historyCsv } from './history.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values: opts } = parseArgs({ options: { node: { type: 'string' }, startup: { type: 'boolean' } } });
const NODE = opts.node ?? process.execPath;
const CLI = join(root, 'bin', 'pace.js');
const MEASURE = join(root, 'bench', 'measure.mjs');
// Today's local date: the journals end yesterday, and pace reads the clock as it does for a person
// (no PACE_TODAY), so the figures include working out today's date.
const now = new Date();
const TODAY = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
// Single runs on this VM vary by 20% or more, so a median needs many of them to settle.
const RUNS = Number(process.env.BENCH_RUNS ?? 60);
const HEAVY_RUNS = Number(process.env.BENCH_HEAVY_RUNS ?? 3);
const BIG = Number(process.env.BENCH_BIG ?? 100_000);
const YEARS = [1, 10, 50];
const BUDGET_YEARS = 10;

const nodeVersion = spawnSync(NODE, ['-p', 'process.version'], { encoding: 'utf8' }).stdout?.trim();
if (!nodeVersion) {
  console.error(`bench: cannot run ${NODE} as node`);
  process.exit(2);
}
const builtBy = spawnSync(NODE, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
if (builtBy.status !== 0 || !existsSync(join(root, 'dist', 'pace.cjs.cache'))) {
  console.error(`bench: the build under ${nodeVersion} failed or made no code cache; is better-sqlite3 built for it (scripts/node24.sh)?`);
  process.exit(1);
}

const work = mkdtempSync(join(os.tmpdir(), 'pace-bench-'));
// A clean environment for every process, bare node included. Variables such as
// NODE_EXTRA_CA_CERTS make every node start slower (here by about 100 ms) and would hide pace's
// own cost; they are measured separately below when the shell has them.
const SLOWING = ['NODE_OPTIONS', 'NODE_EXTRA_CA_CERTS'].filter((k) => process.env[k]);
const inherited = Object.fromEntries(SLOWING.map((k) => [k, process.env[k]]));
let extraEnv = {};
const env = (db) => ({ PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: work, PACE_DB: db, NO_COLOR: '1', ...extraEnv });

const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

function run(cmd, args, opts = {}) {
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 30, ...opts });
  return { ms: ms(start), status: r.status, signal: r.signal, stdout: r.stdout ?? '', stderr: r.stderr ?? '', error: r.error };
}
const pace = (db, args, opts = {}) => run(NODE, [CLI, ...args], { env: env(db), cwd: work, ...opts });
const firstLine = (text) => text.split('\n').find((l) => l.trim() !== '')?.trim() ?? '';

function buildJournal(name, sessions, perDay) {
  const csv = join(work, `${name}.csv`);
  const db = join(work, `${name}.db`);
  writeFileSync(csv, historyCsv({ sessions, perDay, today: TODAY }));
  const r = pace(db, ['import', csv]);
  if (r.status !== 0) throw new Error(`could not build the ${name} journal: ${firstLine(r.stderr)}`);
  return { csv, db };
}

// ---------------------------------------------------------------- start-up

const COMMANDS = {
  status: ['status', '--json'],
  plan: ['plan', '--json'],
  log: ['log', 'walk', '10', '--pain-before', '3', '--pain-after', '4', '--json'],
  help: ['--help'],
};

const built = new Map();
function startup(years) {
  const sessions = years * 365 * 2;
  if (!built.has(years)) {
    const { db } = buildJournal(`${years}y`, sessions, 2);
    // Kept as imported, before any command has left a checkpoint in it, for the first-status figure
    // (of every call for this journal: a second call, with the shell's environment, included).
    const pristine = join(work, `${years}y-pristine.db`);
    copyFileSync(db, pristine);
    built.set(years, { db, pristine });
  }
  const { db, pristine } = built.get(years);
  // log writes: it gets its own copy, thrown away afterwards, so the measured journal stays as built.
  const logDb = join(work, `${years}y-log.db`);
  copyFileSync(db, logDb);
  const dbFor = (name) => (name === 'log' ? logDb : db);

  const missing = {};
  for (const [name, args] of Object.entries(COMMANDS)) {
    const r = pace(dbFor(name), args);
    if (r.status !== 0) missing[name] = `exit ${r.status ?? r.signal}: ${firstLine(r.stderr) || firstLine(r.stdout)}`;
  }
  const live = Object.keys(COMMANDS).filter((n) => !(n in missing));
  const times = { node: [], ...Object.fromEntries(live.map((n) => [n, []])) };
  const order = ['node', ...live];
  const bareNode = () => run(NODE, ['-e', '0'], { env: env(db), cwd: work });
  bareNode();
  for (let i = 0; i < RUNS; i++) {
    // Interleaved, and the order rotates each round, so drift in machine load hits every command alike.
    for (let k = 0; k < order.length; k++) {
      const name = order[(i + k) % order.length];
      const r = name === 'node' ? bareNode() : pace(dbFor(name), COMMANDS[name]);
      if (r.status !== 0) throw new Error(`${name} failed during timing: ${firstLine(r.stderr)}`);
      times[name].push(r.ms);
    }
  }
  rmSync(logDb, { force: true });
  const bare = median(times.node);
  // The first status after an import has no checkpoint yet and replays every week: not budgeted,
  // but shown, since it is what the checkpoint saves every later run from and it grows with history.
  const coldDb = join(work, `${years}y-cold.db`);
  const cold = [];
  for (let i = 0; i < 3 && !('status' in missing); i++) {
    copyFileSync(pristine, coldDb);
    const r = pace(coldDb, COMMANDS.status);
    if (r.status !== 0) throw new Error(`status failed on a fresh copy: ${firstLine(r.stderr)}`);
    cold.push(r.ms);
    rmSync(coldDb, { force: true });
  }
  const commands = {};
  for (const name of Object.keys(COMMANDS)) {
    commands[name] = name in missing ? { missing: missing[name] } : { median_ms: round(median(times[name]), 1), ratio: round(median(times[name]) / bare), samples_ms: times[name].map((t) => round(t, 1)) };
  }
  const first = cold.length > 0 ? { median_ms: round(median(cold), 1), ratio: round(median(cold) / bare) } : null;
  // Every run's time is kept, in the order of the rounds, so the spread behind a median can be seen.
  return { years, sessions, journal_bytes: statSync(db).size, bare_node_ms: round(bare, 1), bare_node_samples_ms: times.node.map((t) => round(t, 1)), commands, status_first_run: first };
}

// ---------------------------------------------------------------- import and export

const hasTimeV = existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-v', 'true']).status === 0;

/** Wall time and peak resident memory of one pace run. */
function measured(db, args) {
  if (hasTimeV) {
    const r = run('/usr/bin/time', ['-v', NODE, CLI, ...args], { env: env(db), cwd: work });
    const kb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] ?? NaN);
    return { ...r, maxRssMiB: kb / 1024, via: '/usr/bin/time -v' };
  }
  // No GNU time: run pace inside a wrapper that reports its own peak from process.resourceUsage().
  const out = join(work, 'rusage.json');
  const r = run(NODE, [MEASURE, out, ...args], { env: env(db), cwd: work });
  const kb = existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')).maxRSS : NaN;
  return { ...r, maxRssMiB: kb / 1024, via: 'process.resourceUsage() in bench/measure.mjs' };
}

const SQLITE_SELECT = `SELECT s.day AS date, a.name AS activity, a.category, s.dose, a.unit, NULL AS quota, NULL AS pct_of_quota,
  s.pain_before, s.pain_after, s.pain_after - s.pain_before AS pain_change, s.effort,
  CASE s.flare WHEN 1 THEN 'yes' ELSE 'no' END AS flare, s.symptoms, NULL AS triage
  FROM sessions s JOIN activities a ON a.id = s.activity_id ORDER BY s.day, s.id`;

function bulk() {
  const csv = join(work, 'big.csv');
  writeFileSync(csv, historyCsv({ sessions: BIG, perDay: 4, today: TODAY }));
  const imports = [];
  let db = '';
  for (let i = 0; i < HEAVY_RUNS; i++) {
    db = join(work, `big-${i}.db`);
    const r = measured(db, ['import', csv]);
    if (r.status !== 0) throw new Error(`import of ${BIG} sessions failed: ${firstLine(r.stderr)}`);
    imports.push(r);
    if (i < HEAVY_RUNS - 1) rmSync(db, { force: true });
  }
  const exports = [];
  const sqlite = [];
  const hasSqlite = spawnSync('sqlite3', ['-version']).status === 0;
  const out = join(work, 'export.csv');
  for (let i = 0; i < HEAVY_RUNS; i++) {
    rmSync(out, { force: true });
    const r = measured(db, ['export', '--out', out]);
    if (r.status !== 0) throw new Error(`export failed: ${firstLine(r.stderr)}`);
    exports.push(r);
    if (hasSqlite) {
      const s = run('/bin/sh', ['-c', 'sqlite3 -csv -header "$1" "$2" > "$3"', 'sh', db, SQLITE_SELECT, join(work, 'sqlite.csv')]);
      if (s.status !== 0) throw new Error(`sqlite3 failed: ${firstLine(s.stderr)}`);
      sqlite.push(s.ms);
    }
  }
  // pace list as a table (issue 17: cli-table3 took 12 s for 8,000 rows) against list --json,
  // which draws nothing, over the same journal.
  const lists = { table: [], json: [] };
  for (let i = 0; i < HEAVY_RUNS; i++) {
    for (const [kind, args] of [['table', ['list', '--limit', '0']], ['json', ['list', '--json']]]) {
      const r = pace(db, args);
      if (r.status !== 0) throw new Error(`list ${kind} failed: ${firstLine(r.stderr)}`);
      lists[kind].push(r.ms);
    }
  }
  const listS = median(lists.table) / 1000;
  const listJsonS = median(lists.json) / 1000;
  const exportS = median(exports.map((r) => r.ms)) / 1000;
  const sqliteS = hasSqlite ? median(sqlite) / 1000 : null;
  return {
    sessions: BIG,
    memory_measured_with: imports[0].via,
    import: { seconds: round(median(imports.map((r) => r.ms)) / 1000), peak_rss_mib: round(Math.max(...imports.map((r) => r.maxRssMiB)), 1) },
    list: { seconds: round(listS), json_seconds: round(listJsonS), ratio_to_json: round(listS / listJsonS) },
    export: {
      seconds: round(exportS),
      peak_rss_mib: round(Math.max(...exports.map((r) => r.maxRssMiB)), 1),
      csv_bytes: statSync(out).size,
      sqlite3_seconds: sqliteS === null ? null : round(sqliteS, 3),
      ratio_to_sqlite3: sqliteS === null ? null : round(exportS / sqliteS),
      sqlite3_missing: hasSqlite ? undefined : 'the sqlite3 shell is not installed (apt-get install -y sqlite3); the ratio was skipped',
    },
  };
}

/** The clinic report (C2: the last 12 weeks) of the 10-year journal, as a PDF and as HTML. */
function clinicReport() {
  const { db } = built.get(BUDGET_YEARS);
  const out = {};
  for (const file of ['report.pdf', 'report.html']) {
    const times = [];
    for (let i = 0; i < HEAVY_RUNS; i++) {
      const r = pace(db, ['report', '--out', join(work, file)]);
      if (r.status !== 0) throw new Error(`report failed: ${firstLine(r.stderr)}`);
      times.push(r.ms);
    }
    out[file.slice(7)] = { seconds: round(median(times) / 1000), bytes: statSync(join(work, file)).size };
  }
  return { years: BUDGET_YEARS, weeks: 12, ...out };
}

// ---------------------------------------------------------------- report

function budgets(journals, big, report) {
  const j = journals.find((x) => x.years === BUDGET_YEARS);
  const ratio = (name, limit) => {
    const c = j.commands[name];
    return { budget: `${name} on ${BUDGET_YEARS} years <= ${limit}x bare node`, value: c.missing ? null : c.ratio, limit, missing: c.missing };
  };
  const rows = [
    ratio('status', 1.5),
    ratio('plan', 1.5),
    ratio('help', 1.3),
    ratio('log', 1.5),
  ];
  if (big === null) return mark(rows);
  rows.push(
    { budget: `import of ${BIG} sessions < 20 s`, value: big.import.seconds, limit: 20 },
    { budget: `export of ${BIG} sessions: peak RSS < 200 MiB`, value: big.export.peak_rss_mib, limit: 200, strict: true },
    { budget: `export of ${BIG} sessions <= 4x sqlite3 -csv`, value: big.export.ratio_to_sqlite3, limit: 4, missing: big.export.sqlite3_missing },
    { budget: `list --limit 0 of ${BIG} sessions (a table) <= 3x list --json`, value: big.list.ratio_to_json, limit: 3 },
    { budget: `report (PDF) of 12 weeks of a ${BUDGET_YEARS}-year journal < 1 s`, value: report.pdf.seconds, limit: 1, strict: true },
  );
  return mark(rows);
}

function mark(rows) {
  return rows.map(({ strict, ...b }) => ({
    ...b,
    result: b.missing || b.value === null || Number.isNaN(b.value) ? 'MISSING' : (strict ? b.value < b.limit : b.value <= b.limit) ? 'PASS' : 'FAIL',
  }));
}

function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  return rows.map((r) => r.map((c, i) => String(c).padEnd(widths[i])).join('  ').trimEnd()).join('\n');
}

const machine = {
  cpu: os.cpus()[0]?.model ?? 'unknown',
  cores: os.cpus().length,
  memory_gib: round(os.totalmem() / 2 ** 30, 1),
  os: `${os.platform()} ${os.release()}`,
  node: nodeVersion,
};

try {
  console.log(`pace bench: node ${machine.node} (${NODE}), ${machine.cpu}, ${machine.cores} cores; ${RUNS} interleaved runs per command\n`);
  const journals = YEARS.map(startup);
  let asShell = null;
  if (SLOWING.length) {
    extraEnv = inherited;
    asShell = { ...startup(BUDGET_YEARS), env: SLOWING };
    extraEnv = {};
  }
  const cell = (c) => (c.missing ? 'missing' : `${c.ratio}x (${c.median_ms} ms)`);
  console.log(
    table([
      ['journal', 'sessions', 'node -e 0', 'status --json', 'plan --json', 'log --json', '--help', 'first status'],
      ...journals.map((j) => [
        `${j.years} y`,
        j.sessions,
        `${j.bare_node_ms} ms`,
        cell(j.commands.status),
        cell(j.commands.plan),
        cell(j.commands.log),
        cell(j.commands.help),
        j.status_first_run ? cell(j.status_first_run) : '-',
      ]),
    ]),
  );
  console.log('  first status: the first run after an import, before the journal has a checkpoint (not budgeted)');
  for (const [name, c] of Object.entries(journals[0].commands)) if (c.missing) console.log(`  ${name} is missing: ${c.missing}`);
  if (asShell) {
    const j = asShell;
    console.log(
      `\nWith this shell's ${SLOWING.join(' and ')} (slower node start-up; for comparison, not budgeted):\n` +
        table([
          ['journal', 'sessions', 'node -e 0', 'status --json', 'plan --json', 'log --json', '--help'],
          [`${j.years} y`, j.sessions, `${j.bare_node_ms} ms`, cell(j.commands.status), cell(j.commands.plan), cell(j.commands.log), cell(j.commands.help)],
        ]),
    );
  }

  // --startup: the start-up figures alone, for comparing two builds quickly.
  const big = opts.startup ? null : bulk();
  if (big) {
    console.log(
      `\n${BIG} sessions: import ${big.import.seconds} s (peak ${big.import.peak_rss_mib} MiB), ` +
        `export ${big.export.seconds} s (peak ${big.export.peak_rss_mib} MiB)` +
        (big.export.ratio_to_sqlite3 === null ? '' : `, sqlite3 -csv ${big.export.sqlite3_seconds} s, ratio ${big.export.ratio_to_sqlite3}x`),
    );
    if (big.export.sqlite3_missing) console.log(`  ${big.export.sqlite3_missing}`);
    console.log(`list --limit 0 (a table of ${BIG} sessions) ${big.list.seconds} s, list --json ${big.list.json_seconds} s, ratio ${big.list.ratio_to_json}x`);
  }
  const report = opts.startup ? null : clinicReport();
  if (report) console.log(`report of the last 12 weeks of ${BUDGET_YEARS} years: PDF ${report.pdf.seconds} s (${report.pdf.bytes} bytes), HTML ${report.html.seconds} s`);

  const checks = budgets(journals, big, report);
  console.log(`\n${table([['budget', 'value', 'result'], ...checks.map((b) => [b.budget, b.value ?? '-', b.result])])}`);

  const results = {
    date: new Date().toISOString(),
    machine,
    runs: RUNS,
    heavy_runs: HEAVY_RUNS,
    today: TODAY,
    environment: 'clean: PATH, HOME, PACE_DB, NO_COLOR only (today from the clock)',
    journals,
    with_shell_environment: asShell,
    bulk: big,
    report,
    budgets: checks,
  };
  mkdirSync(join(root, 'bench', 'results'), { recursive: true });
  // One file per Node major, so that the figures of both supported lines sit side by side.
  const file = `latest-node${nodeVersion.slice(1).split('.')[0]}${opts.startup ? '-startup' : ''}.json`;
  writeFileSync(join(root, 'bench', 'results', file), `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nFigures written to bench/results/${file}`);
  if (checks.some((b) => b.result === 'FAIL')) process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
