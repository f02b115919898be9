import { describe, expect, it } from 'vitest';
import { mergeSettings } from '../../src/core/settingsMerge.js';
import type { IsoDate } from '../../src/core/types.js';

const answer = (date: string, pem: boolean) => ({ date: date as IsoDate, pem });

describe('mergeSettings (importing a backup)', () => {
  it('S1: an older "no" from a backup never replaces a newer "yes"; it joins the history', () => {
    const m = mergeSettings(
      { settings: { pem: 'yes' }, pemAnswers: [answer('2026-01-20', true)] },
      { settings: { pem: 'no' }, pemAnswers: [answer('2026-01-06', false)] },
    );
    expect(m.set).toEqual({});
    expect(m.answers).toEqual([answer('2026-01-06', false)]);
    expect(m.kept).toEqual([{ key: 'pem', journal: 'yes', backup: 'no', journalSince: '2026-01-20', backupSince: '2026-01-06' }]);
  });

  it('S2: a newer answer in the backup becomes the current one', () => {
    const m = mergeSettings(
      { settings: { pem: 'no' }, pemAnswers: [answer('2026-01-06', false)] },
      { settings: { pem: 'yes' }, pemAnswers: [answer('2026-01-06', false), answer('2026-01-20', true)] },
    );
    expect(m.set).toEqual({ pem: 'yes' });
    expect(m.kept).toEqual([]);
  });

  it('on the same day the journal’s answer stands, in the history too', () => {
    const m = mergeSettings(
      { settings: { pem: 'yes' }, pemAnswers: [answer('2026-01-20', true)] },
      { settings: { pem: 'no' }, pemAnswers: [answer('2026-01-20', false)] },
    );
    expect(m.set).toEqual({});
    expect(m.answers).toEqual([]);
    expect(m.kept.map((k) => k.key)).toEqual(['pem']);
  });

  it('start date and weekly aim: the journal’s value is kept and reported; a missing one is filled in', () => {
    const m = mergeSettings(
      { settings: { target_minutes: '150', notice_shown: '2026-01-01' }, pemAnswers: [] },
      { settings: { target_minutes: '120', start_date: '2026-01-05', notice_shown: '2025-12-01', pem: 'no' }, pemAnswers: [answer('2025-12-01', false)] },
    );
    expect(m.set).toEqual({ start_date: '2026-01-05', pem: 'no' });
    expect(m.kept).toEqual([{ key: 'target_minutes', journal: '150', backup: '120' }]);
  });

  it('D2: the default session time is a setting like the others: filled in when missing, else the journal’s is kept and reported', () => {
    const fill = mergeSettings({ settings: {}, pemAnswers: [] }, { settings: { default_time: '10:00' }, pemAnswers: [] });
    expect(fill.set).toEqual({ default_time: '10:00' });
    expect(fill.kept).toEqual([]);
    const keep = mergeSettings({ settings: { default_time: '07:30' }, pemAnswers: [] }, { settings: { default_time: '10:00' }, pemAnswers: [] });
    expect(keep.set).toEqual({});
    expect(keep.kept).toEqual([{ key: 'default_time', journal: '07:30', backup: '10:00' }]);
  });
});
