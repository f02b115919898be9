import { describe, expect, it } from 'vitest';
import { holdAt, holdNow, holdsOn } from '../../../src/core/coach/holds.js';
import type { TriageRecord } from '../../../src/core/coach/types.js';
import { d } from './builders.js';

const triage = (date: string, cls: 'continue' | 'assess' | 'stop', ...symptoms: string[]): TriageRecord => ({ date: d(date), kind: 'triage', class: cls, symptoms });
const cleared = (date: string): TriageRecord => ({ date: d(date), kind: 'cleared', class: null, symptoms: [] });

describe('holdAt (T2, T3)', () => {
  it('T1: continue results open no hold', () => {
    expect(holdAt([triage('2026-01-05', 'continue', 'muscle-fatigue')], d('2026-01-10'))).toBeNull();
  });

  it('T2: an assess result holds from its date on', () => {
    const records = [triage('2026-01-06', 'assess', 'pain-worsening')];
    expect(holdAt(records, d('2026-01-05'))).toBeNull();
    expect(holdAt(records, d('2026-01-06'))).toEqual({ kind: 'assess', since: d('2026-01-06'), symptoms: ['pain-worsening'] });
  });

  it('T3: stop beats assess, and lists both symptoms', () => {
    const records = [triage('2026-01-06', 'assess', 'joint-swelling'), triage('2026-01-08', 'stop', 'chest-pain')];
    expect(holdAt(records, d('2026-01-09'))).toEqual({ kind: 'stop', since: d('2026-01-08'), symptoms: ['chest-pain', 'joint-swelling'] });
  });

  it('T1/T2: a continue symptom recorded beside a warning sign is not named as a cause of the hold', () => {
    const records = [triage('2026-01-06', 'assess', 'muscle-fatigue', 'joint-swelling'), triage('2026-01-08', 'stop', 'effort-warmth', 'dizziness')];
    expect(holdAt(records, d('2026-01-07'))?.symptoms).toEqual(['joint-swelling']);
    expect(holdAt(records, d('2026-01-09'))?.symptoms).toEqual(['dizziness', 'joint-swelling']);
  });

  it('T2/T3: a clearance ends every open hold; a later result opens a new one', () => {
    const records = [
      triage('2026-01-06', 'stop', 'dizziness'),
      cleared('2026-01-10'),
      triage('2026-01-20', 'assess', 'new-radiation'),
      triage('2026-01-22', 'assess', 'new-radiation', 'joint-swelling'),
    ];
    expect(holdAt(records, d('2026-01-09'))?.kind).toBe('stop');
    expect(holdAt(records, d('2026-01-10'))).toBeNull();
    expect(holdAt(records, d('2026-01-25'))).toEqual({ kind: 'assess', since: d('2026-01-20'), symptoms: ['new-radiation', 'joint-swelling'] });
  });

  it('T2: on one day, records count in the order they were stored', () => {
    expect(holdAt([triage('2026-01-06', 'assess', 'pain-worsening'), cleared('2026-01-06')], d('2026-01-06'))).toBeNull();
    expect(holdAt([cleared('2026-01-06'), triage('2026-01-06', 'assess', 'pain-worsening')], d('2026-01-06'))?.kind).toBe('assess');
  });

  it('T2: records need not be given in date order', () => {
    const records = [cleared('2026-01-10'), triage('2026-01-06', 'assess', 'pain-worsening')];
    expect(holdAt(records, d('2026-01-08'))?.kind).toBe('assess');
    expect(holdAt(records, d('2026-01-11'))).toBeNull();
  });

  it('T3: a clearance closes only what was stored before it, whatever the dates (today gone back)', () => {
    // Seen: a clearance recorded on 10 Mar, then the day went back (a clock set back, a flight west
    // over the date line) and chest pain was recorded on 9 Mar. Read in date order, the clearance
    // came after the sign and closed it from 10 Mar on: no clinician had seen it.
    const records: TriageRecord[] = [
      { ...triage('2026-03-08', 'assess', 'joint-swelling'), id: 1 },
      { ...cleared('2026-03-10'), id: 2 },
      { ...triage('2026-03-09', 'stop', 'chest-pain'), id: 3 },
    ];
    const paused = { kind: 'stop', since: d('2026-03-09'), symptoms: ['chest-pain'] };
    expect(holdAt(records, d('2026-03-09'))).toEqual({ ...paused, symptoms: ['chest-pain', 'joint-swelling'] });
    expect(holdAt(records, d('2026-03-10'))).toEqual(paused);
    expect(holdAt(records, d('2026-04-01'))).toEqual(paused);
    const dates = ['2026-03-08', '2026-03-09', '2026-03-10', '2026-03-11'].map(d);
    expect(holdsOn(records, dates)).toEqual(dates.map((x) => holdAt(records, x)));
    // A later clearance, stored after the sign, closes it.
    expect(holdAt([...records, { ...cleared('2026-03-10'), id: 4 }], d('2026-03-11'))).toBeNull();
  });

  it('T3: a sign recorded with the day gone ahead is open today, and a clearance stored after it closes it', () => {
    // Seen: chest pain logged on 12 Mar, then the day went back to 11 Mar: status showed no pause
    // and triage --cleared said there was nothing to clear.
    const sign = { ...triage('2026-03-12', 'stop', 'chest-pain'), id: 1 };
    expect(holdAt([sign], d('2026-03-11'))).toBeNull();
    expect(holdNow([sign], d('2026-03-11'))).toEqual({ kind: 'stop', since: d('2026-03-12'), symptoms: ['chest-pain'] });
    // Cleared on 11 Mar, after it was recorded: closed, then and on the sign's own day.
    const both = [sign, { ...cleared('2026-03-11'), id: 2 }];
    expect(holdNow(both, d('2026-03-11'))).toBeNull();
    expect(holdAt(both, d('2026-03-12'))).toBeNull();
    expect(holdAt(both, d('2026-03-20'))).toBeNull();
    // Without the day going back, holdNow is holdAt of today.
    const plain = [{ ...triage('2026-03-02', 'assess', 'joint-swelling'), id: 1 }];
    expect(holdNow(plain, d('2026-03-05'))).toEqual(holdAt(plain, d('2026-03-05')));
  });

  it('holdsOn agrees with holdAt day by day', () => {
    const records = [triage('2026-01-06', 'assess', 'pain-worsening'), triage('2026-01-12', 'stop', 'confusion'), cleared('2026-01-15'), triage('2026-01-16', 'continue')];
    const dates = ['2026-01-05', '2026-01-06', '2026-01-11', '2026-01-12', '2026-01-15', '2026-01-20'].map(d);
    expect(holdsOn(records, dates)).toEqual(dates.map((x) => holdAt(records, x)));
  });
});
