import { describe, expect, it } from 'vitest';
import { unreadColumnsLine } from '../../src/commands/importLines.js';

// A column import did not read, left without a header: a spreadsheet names its columns by letter
// (A, B, ... Z, AA), so the place is said as the person sees it there, not only counted.
describe('unreadColumnsLine: a column without a header', () => {
  it('is named by its letter as well as its place', () => {
    expect(unreadColumnsLine([{ name: null, column: 15 }])).toMatch(/^Column 15 \(O in a spreadsheet\), which has no name in the header, was not imported/);
    expect(unreadColumnsLine([{ name: 'comment', column: 3 }, { name: null, column: 28 }])).toMatch(/^The columns "comment" and 28 \(AB in a spreadsheet, no name in the header\) were not imported/);
    expect(unreadColumnsLine([{ name: null, column: 26 }])).toMatch(/^Column 26 \(Z in a spreadsheet\)/);
  });
});
