import { describe, expect, it } from 'vitest';
import { describeReason } from '../../../src/core/coach/reasons.js';
import { addDays } from '../../../src/core/dates.js';
import type { Acceptance, Override, TriageRecord } from '../../../src/core/coach/types.js';
import { brief, d, flare, MON, plan, planOf, series, settings, simulate, times, week, weeks } from './builders.js';

const envelope = settings({ pem: true });
const base = [times(3, 10), times(3, 10)];
const accept = (n: number, quota: number): Acceptance => ({ activity: 'walk', weekStart: week(n), quota, acceptedOn: d('2026-02-06') });

describe('S2 envelope mode', () => {
  it('S1/S2: the plan says which mode is in force', () => {
    expect(plan(weeks(MON, [10]), week(2), { settings: envelope }).mode).toBe('envelope');
    expect(plan(weeks(MON, [10]), week(2), { settings: settings({ pem: null }) }).mode).toBe('graded');
  });

  it('S2: never increases on its own; after two steady weeks it offers next(quota) and keeps the old quota', () => {
    const { plans } = simulate({ weeks: 7, first: base, extra: { settings: envelope } });
    expect(plans.map((p) => [p.quota, p.change, p.offer])).toEqual([
      [10, 'baseline', null],
      [10, 'hold', null], // baseline weeks do not count toward the two
      [10, 'hold', null],
      [10, 'offer', 11],
      [10, 'offer', 11],
      [10, 'offer', 11],
    ]);
    expect(describeReason(plans[3]!.reason, 'min')).toBe(
      '2 steady weeks at 10 min with no flare: 11 min is on offer if it feels right; until you accept, the plan stays at 10 min',
    );
    expect(describeReason(plans[1]!.reason, 'min')).toBe('envelope mode: staying at 10 min; the plan does not increase on its own');
  });

  it('S2: an accepted offer becomes the quota from its week; the count of steady weeks starts again', () => {
    const { plans } = simulate({ weeks: 9, first: base, extra: { settings: envelope, acceptances: [accept(6, 11)] } });
    expect(brief(plans).slice(3)).toEqual([
      [10, 3, 'offer'],
      [11, 3, 'increase'],
      [11, 3, 'hold'],
      [11, 3, 'offer'], // weeks 6 and 7 were both completed at 11
      [11, 3, 'offer'],
    ]);
    expect(plans[4]!.reason).toEqual({ rule: 'S2', kind: 'accepted', from: 10, to: 11, acceptedOn: d('2026-02-06') });
  });

  it('S2: an unfinished week starts the count of steady weeks again', () => {
    const h = weeks(MON, ...base, times(3, 10), times(2, 10), times(3, 10), times(3, 10));
    expect(series(h, 4, 7, { settings: envelope }).map((x) => x[2])).toEqual(['hold', 'hold', 'hold', 'offer']);
  });

  it('S2: drops back after a flare like Q5, to the level before the accepted increase', () => {
    const h = weeks(MON, ...base, times(3, 10), times(3, 10), times(3, 10), [11, flare(11)]);
    expect(planOf(h, week(7), { settings: envelope, acceptances: [accept(6, 11)] })).toMatchObject({ quota: 10, change: 'drop-back' });
  });

  it('S2/Q5: a flare in the week before beats an acceptance', () => {
    const h = weeks(MON, ...base, times(3, 10), times(3, 10), [10, flare(10), 10]);
    expect(planOf(h, week(6), { settings: envelope, acceptances: [accept(6, 11)] })).toMatchObject({ quota: 10, change: 'drop-back' });
  });

  it('S2/T2: no offer and no accepted increase under an assess hold', () => {
    const h = weeks(MON, ...base, times(3, 10), times(3, 10), times(3, 10));
    const hold = { kind: 'assess' as const, since: week(5), symptoms: ['joint-swelling'] };
    expect(planOf(h, week(6), { settings: envelope, hold })).toMatchObject({ quota: 10, change: 'hold', offer: null });
    expect(planOf(h, week(6), { settings: envelope, hold, acceptances: [accept(6, 11)] })).toMatchObject({ quota: 10, change: 'hold' });
  });

  it('T2/S2: a hold opened mid-week withdraws that week\'s offer, and an increase accepted under it raises nothing', () => {
    const h = weeks(MON, ...base, times(3, 10), times(3, 10), times(3, 10));
    const wed = addDays(week(6), 2);
    const records: TriageRecord[] = [{ date: wed, kind: 'triage', class: 'assess', symptoms: ['new-radiation'] }];
    expect(planOf(h, week(6), { settings: envelope, today: week(6), triageRecords: records })).toMatchObject({ quota: 10, change: 'offer', offer: 11 });
    const held = planOf(h, week(6), { settings: envelope, today: wed, triageRecords: records });
    expect(held).toMatchObject({ quota: 10, change: 'hold', offer: null, reason: { rule: 'T2', since: wed, symptoms: ['new-radiation'] } });
    // Accepted while the hold was open all day (the Thursday after it opened): it raises nothing.
    const thu = addDays(wed, 1);
    const underHold: Acceptance = { activity: 'walk', weekStart: week(6), quota: 11, acceptedOn: thu };
    expect(planOf(h, week(6), { settings: envelope, today: thu, triageRecords: records, acceptances: [underHold] })).toMatchObject({ quota: 10, change: 'hold' });
    // Accepted before the hold (the day before, or the morning of the day it opened, since plan
    // refuses one under a hold): the week keeps the quota it had when the hold opened (T2).
    for (const acceptedOn of [addDays(week(6), 1), wed]) {
      const before: Acceptance = { ...underHold, acceptedOn };
      expect(planOf(h, week(6), { settings: envelope, today: thu, triageRecords: records, acceptances: [before] }), acceptedOn).toMatchObject({ quota: 11, change: 'increase' });
    }
    // Once assessed, the offer is back; the acceptance given under the hold still counts for nothing,
    // and one given on the day of the clearance (after it) counts.
    const fri = addDays(thu, 1);
    const cleared: TriageRecord[] = [...records, { date: fri, kind: 'cleared', class: null, symptoms: [] }];
    expect(planOf(h, week(6), { settings: envelope, today: fri, triageRecords: cleared, acceptances: [underHold] })).toMatchObject({ quota: 10, change: 'offer', offer: 11 });
    expect(planOf(h, week(6), { settings: envelope, today: fri, triageRecords: cleared, acceptances: [{ ...underHold, acceptedOn: fri }] })).toMatchObject({ quota: 11, change: 'increase' });
  });

  it('T2/S2/Q9: a week planned under a hold has no offer, even once the hold is cleared mid-week', () => {
    const h = weeks(MON, ...base, times(3, 10), times(3, 10), times(3, 10));
    const fri = addDays(week(6), -3);
    const tue = addDays(week(6), 1);
    const records: TriageRecord[] = [
      { date: fri, kind: 'triage', class: 'assess', symptoms: ['joint-swelling'] },
      { date: tue, kind: 'cleared', class: null, symptoms: [] },
    ];
    for (const today of [addDays(tue, 1), week(8)]) {
      expect(planOf(h, week(6), { settings: envelope, today, triageRecords: records }), today).toMatchObject({
        quota: 10,
        change: 'hold',
        offer: null,
        reason: { rule: 'T2', since: fri, clearedOn: tue },
      });
    }
  });

  it('S2/Q7: an accepted offer below a quota set by hand since then lowers nothing', () => {
    const h = weeks(MON, ...base, times(3, 10), times(3, 10), times(3, 12));
    const raised: Override = { activity: 'walk', weekStart: week(5), quota: 12, sessionsPerWeek: null, setOn: d('2026-02-07') };
    expect(planOf(h, week(6), { settings: envelope, overrides: [raised], acceptances: [accept(6, 11)] })).toMatchObject({ quota: 12, change: 'hold' });
  });

  it('S2: acceptances mean nothing in graded mode, which grows by itself', () => {
    const h = weeks(MON, ...base, times(3, 11));
    expect(planOf(h, week(4), { acceptances: [accept(4, 20)] })).toMatchObject({ quota: 12, change: 'increase' });
  });

  it('S2/Q6: no offer past the 30 minute ceiling', () => {
    const h = weeks(MON, times(3, 30), times(3, 30), times(3, 30), times(3, 30), times(3, 30));
    expect(planOf(h, week(6), { settings: envelope })).toMatchObject({ quota: 30, change: 'hold', offer: null });
  });
});
