import { describe, expect, it } from 'vitest';
import { refuseChangedRows } from '../../src/core/importChanges.js';
import { addDays } from '../../src/core/dates.js';
import type { IsoDate, Session, SessionInput } from '../../src/core/types.js';
import { walk } from '../helpers/sessions.js';

const inJournal = (id: number, over: Partial<Session> = {}): Session => ({ ...walk(), id, ...over });
const check = (rows: SessionInput[], journal: Session[], withNotes = true) => () =>
  refuseChangedRows(rows, journal, { withNotes }, (i) => `row ${i + 2}`);

describe('import: a row that is a session of the journal changed in a spreadsheet', () => {
  it('is refused, naming the row, the columns, the session and the edit that makes the change', () => {
    expect(check([walk({ dose: 12.5, painAfter: 5 })], [inJournal(7)])).toThrow(
      'row 2, columns dose and pain_after: walk on 2026-11-20 is already in the journal as session 7, with dose 10, not 12.5, and pain_after 4, not 5; import adds sessions and never changes one.',
    );
  });

  it('names the closest of two sessions that day, and a cleared value as empty', () => {
    const journal = [inJournal(1, { dose: 30, effort: 9 }), inJournal(2)];
    expect(check([walk({ effort: null })], journal)).toThrow(/as session 2, with effort 5, not empty;/);
  });

  it('lets through rows that match, a session forgotten on another day, and a second walk beside two matched ones', () => {
    const journal = [inJournal(1), inJournal(2, { date: '2026-11-19' as IsoDate })];
    expect(check([walk(), walk({ date: '2026-11-19' as IsoDate }), walk({ date: '2026-11-18' as IsoDate }), walk({ dose: 5 })], journal)).not.toThrow();
  });

  it('compares notes only when the file has them', () => {
    expect(check([walk({ note: 'typo fixed' })], [inJournal(1, { note: 'typo fxed' })], false)).not.toThrow();
    expect(check([walk({ note: 'typo fixed' })], [inJournal(1, { note: 'typo fxed' })])).toThrow(/column note: .* with a different note;/);
  });

  it('stays quick when many rows and sessions fall on other days (a merge of two journals, 40,000 each)', () => {
    // Each row not matched looked through every session not matched: 20,000 each way took 3 s,
    // 100,000 (the size pace is measured at) more than a minute.
    const n = 40_000;
    const journal = Array.from({ length: n }, (_, i) => inJournal(i + 1, { date: addDays('2000-01-03' as IsoDate, 2 * i) }));
    const rows = Array.from({ length: n }, (_, i) => walk({ date: addDays('2000-01-03' as IsoDate, 2 * i + 1) }));
    const started = performance.now();
    expect(check(rows, journal)).not.toThrow();
    expect(performance.now() - started).toBeLessThan(3000);
  });
});

