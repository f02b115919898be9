import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TempPace } from './pace.js';

// Months of history for end-to-end tests, written as the session CSV that `pace import` reads:
//   walks('2026-01-05', [10, 10, 10, 10], [10, flare(10), 10, 10])  is two weeks of walks.

/** One session of a week; a bare number is a comfortable session of that dose. */
export interface Bout {
  dose: number;
  /** 0 = Monday ... 6 = Sunday; by default a week's sessions are spread over it. */
  day?: number;
  flare?: boolean;
  painBefore?: number | null;
  painAfter?: number | null;
  symptoms?: string[];
}

export type Week = (number | Bout)[];

export interface ActivityKind {
  activity: string;
  unit: 'min' | 'reps' | 'm' | 'steps';
  category: 'aerobic' | 'mobility' | 'strength' | 'mind-body' | 'other';
}

export const WALK: ActivityKind = { activity: 'walk', unit: 'min', category: 'aerobic' };

export const flare = (dose: number, extra: Omit<Bout, 'dose' | 'flare'> = {}): Bout => ({ dose, flare: true, ...extra });

/** n sessions of the same dose. */
export const times = (n: number, dose: number): number[] => Array.from({ length: n }, () => dose);

export function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** The Monday of week n (1-based) counted from `start`, itself a Monday. */
export const mondayOf = (start: string, n: number): string => addDays(start, 7 * (n - 1));
export const sundayOf = (start: string, n: number): string => addDays(start, 7 * (n - 1) + 6);

export interface Row {
  date: string;
  kind: ActivityKind;
  bout: Bout;
}

/** Consecutive weeks of one activity from the Monday `start`, one array of doses per week. */
export function weeksOf(kind: ActivityKind, start: string, ...perWeek: Week[]): Row[] {
  return perWeek.flatMap((doses, w) =>
    doses.map((d, i) => {
      const bout: Bout = typeof d === 'number' ? { dose: d } : d;
      const day = bout.day ?? Math.floor((i * 7) / doses.length);
      return { date: addDays(start, 7 * w + day), kind, bout };
    }),
  );
}

export const walks = (start: string, ...perWeek: Week[]): Row[] => weeksOf(WALK, start, ...perWeek);

const HEADER = 'date,activity,category,dose,unit,pain_before,pain_after,flare,symptoms';

/** The rows as a session CSV, in date order. Pain is 3 before and 4 after unless said otherwise. */
export function csvOf(rows: readonly Row[]): string {
  const cell = (v: number | null | undefined, fallback: number) => (v === null ? '' : String(v ?? fallback));
  const sorted = [...rows].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const body = sorted.map(({ date, kind, bout }) =>
    [date, kind.activity, kind.category, bout.dose, kind.unit, cell(bout.painBefore, 3), cell(bout.painAfter, 4), bout.flare ? 'yes' : 'no', (bout.symptoms ?? []).join(';')].join(','),
  );
  return `${[HEADER, ...body].join('\r\n')}\r\n`;
}

let files = 0;

/** Imports the rows with `today` as PACE_TODAY; throws when pace refuses them. */
export function importRows(pace: TempPace, rows: readonly Row[], today: string): void {
  const path = join(pace.home, `history-${++files}.csv`);
  writeFileSync(path, csvOf(rows));
  const r = pace.run(['import', path], { PACE_TODAY: today });
  if (r.status !== 0) throw new Error(`pace import failed (${r.status}): ${r.stderr}`);
}

export interface Hold {
  kind: 'assess' | 'stop';
  since: string;
  symptoms: string[];
}

export interface PlanActivity {
  activity: string;
  unit: string;
  quota: number | null;
  sessions_per_week: number;
  change: string;
  reason: string;
  rule: string;
  offer: number | null;
}

/** cli.md's plan JSON (the fields these tests read). */
export interface PlanDoc {
  week_start: string;
  program_week: number;
  phase: number;
  mode: 'graded' | 'envelope';
  paused: boolean;
  hold: Hold | null;
  activities: PlanActivity[];
  suggestion: string | null;
  /** M4, in place of P4's general suggestion (null when there is none). */
  goal_suggestion: { rule: string; kind: string } | null;
}

/** Runs a command with --json on `today` and parses stdout; throws unless it exits 0. */
export function json<T = unknown>(pace: TempPace, args: readonly string[], today: string): T {
  const r = pace.run([...args, '--json'], { PACE_TODAY: today });
  if (r.status !== 0) throw new Error(`pace ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

/** `pace plan --json` on `today`. */
export const planOn = (pace: TempPace, today: string, ...args: string[]): PlanDoc => json<PlanDoc>(pace, ['plan', ...args], today);

/** What a plan's JSON says about one activity, as [quota, sessions_per_week, change]. */
export function planOf(doc: PlanDoc, activity = 'walk'): [number | null, number, string] {
  const a = doc.activities.find((x) => x.activity === activity);
  if (!a) throw new Error(`the plan has no ${activity}: ${JSON.stringify(doc)}`);
  return [a.quota, a.sessions_per_week, a.change];
}

/** ANSI escape sequences (colour, cursor), which NO_COLOR output must not contain. */
export const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/;
