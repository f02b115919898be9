import { afterAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { answeredPace, type RunResult, type TempPace } from '../helpers/pace.js';
import { removeTempDirs } from '../helpers/tmp.js';

afterAll(removeTempDirs);

const TODAY = '2026-11-21'; // runPace's default PACE_TODAY, a Saturday
const YESTERDAY = '2026-11-20';

/** stdout is the JSON document alone; the words for the person are on stderr. */
function scripted(r: RunResult): { doc: Record<string, unknown>; stderr: string } {
  expect(r.status).toBe(0);
  return { doc: JSON.parse(r.stdout) as Record<string, unknown>, stderr: r.stderr };
}

function walkedYesterday(): TempPace {
  const pace = answeredPace();
  expect(pace.run(['log', 'walk', '10', '--date', YESTERDAY]).status).toBe(0);
  return pace;
}

// T5: "the advice is shown" on every path. A script reads stdout (`pace log ... --json | jq`), so
// JSON alone would hide STOP NOW from the person running it; stderr still reaches them.
describe('--json keeps stop and assess advice on stderr (T2, T3, T5)', () => {
  it('T3: triage --symptom chest-pain --json says STOP NOW and to call emergency services on stderr', () => {
    const { doc, stderr } = scripted(answeredPace().run(['triage', '--symptom', 'chest-pain', '--json']));
    expect(doc.class).toBe('stop');
    expect(stderr).toMatch(/^STOP NOW\. Call emergency services now/);
    expect(stderr).toMatch(/paused until a clinician has seen you/);
  });

  it('T3: log with a stop sign and --json says STOP NOW on stderr, and stdout stays one document', () => {
    const { doc, stderr } = scripted(answeredPace().run(['log', 'walk', '10', '--symptom', 'dizziness', '--json']));
    expect((doc.triage as { class: string }).class).toBe('stop');
    expect(stderr).toMatch(/^STOP NOW\. Stop and rest/);
  });

  it('T2: edit adding an assess sign with --json says to ease off and get it checked on stderr', () => {
    const pace = walkedYesterday();
    const { stderr } = scripted(pace.run(['edit', '1', '--symptom', 'joint-swelling', '--json']));
    expect(stderr).toMatch(/^Ease off and get this checked\./);
    expect(stderr).toMatch(/joint-swelling: assess, rule T2/);
  });

  it('F2, T2: "not settled" with --json (log, checkin, edit; alone or with more) gives its advice on stderr', () => {
    const peg = ['--pain', '4', '--enjoyment', '4', '--general', '4'];
    for (const args of [['log', '--settled', 'no'], ['log', 'bike', '10', '--settled', 'no'], ['checkin', '--settled', 'no'], ['checkin', ...peg, '--settled', 'no'], ['edit', '1', '--settled', 'no'], ['edit', '1', '--dose', '12', '--settled', 'no']]) {
      const { stderr } = scripted(walkedYesterday().run([...args, '--json']));
      expect(stderr, args.join(' ')).toMatch(/Ease off and get this checked\./);
      expect(stderr, args.join(' ')).toMatch(/pain-over-24h: assess, rule T2/);
    }
  });

  it('T5: an import with a stop sign from the last 7 days says STOP NOW on stderr under --json', () => {
    const pace = answeredPace();
    const file = join(pace.home, 'recent.csv');
    writeFileSync(file, `date,activity,dose,symptoms\n${YESTERDAY},walk,10,confusion\n`);
    const { doc, stderr } = scripted(pace.run(['import', file, '--json']));
    expect((doc.triage as { class: string }).class).toBe('stop');
    expect(stderr).toMatch(/^STOP NOW\. Call emergency services now/);
  });

  it('T3: a session logged while the plan is paused says so on stderr under --json, once', () => {
    const pace = answeredPace();
    expect(pace.run(['triage', '--symptom', 'dizziness']).status).toBe(0);
    const { doc, stderr } = scripted(pace.run(['log', 'walk', '10', '--json']));
    expect((doc.plan as { paused: boolean }).paused).toBe(true);
    expect(stderr).toBe('Your plan is paused until a clinician clears you (pace triage --cleared).\n');
    // The stop advice of a sign logged with it already says the plan is paused: not said twice.
    const again = scripted(pace.run(['log', 'walk', '10', '--symptom', 'confusion', '--json'])).stderr;
    expect(again.match(/paused/g)).toHaveLength(1);
  });

  it('B3: a boom is named on stderr at the moment it is logged, under --json too', () => {
    const pace = answeredPace();
    for (const day of ['2026-11-16', '2026-11-17', '2026-11-18']) expect(pace.run(['log', 'walk', '10', '--date', day]).status).toBe(0);
    const { doc, stderr } = scripted(pace.run(['log', 'walk', '30', '--json']));
    const boom = (doc.plan as { boom: { message: string } }).boom;
    expect(stderr).toBe(`Careful: ${boom.message}.\n`);
    // edit names the big day it makes, as log does.
    const edited = scripted(pace.run(['edit', '1', '--date', TODAY, '--json']));
    expect(edited.stderr).toBe('Careful: 40 min today is 4 x your usual day lately; on good days, sticking to the plan keeps the bad days fewer.\n');
  });

  it('T1: continue signs and a plain log add nothing to stderr under --json', () => {
    const pace = answeredPace();
    expect(pace.run(['log', 'walk', '10', '--symptom', 'muscle-fatigue', '--json']).stderr).toBe('');
    expect(pace.run(['triage', '--symptom', 'effort-warmth', '--json']).stderr).toBe('');
    expect(pace.run(['log', 'walk', '10', '--date', TODAY, '--json']).stderr).toBe('');
  });
});
