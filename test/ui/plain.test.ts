// Plain output, for a screen reader (docs/decisions.md, "Output for every reader").
// The prompt mocks must load before any module that imports inquirer.
import { screen } from '@inquirer/testing/vitest';
import { describe, expect, it } from 'vitest';
import { fitQuestions, fitText } from '../../src/ui/fit.js';
import { PLAIN_CHECKLIST_MARKS, spoken, spokenQuestions } from '../../src/ui/plain.js';
import { displayWidth } from '../../src/ui/table.js';
import { makePrompts, type Prompts } from '../../src/ui/prompts.js';
import { makeStyle } from '../../src/ui/style.js';
import { table } from '../../src/ui/table.js';

describe('spoken: signs a screen reader skips, in words', () => {
  it.each([
    ['pain 3 -> 4', 'pain 3 to 4'],
    ['(4.2 -> 3.9), but', '(4.2 to 3.9), but'],
    // "-" is a value not recorded: a screen reader skips it, and "pain 3 to" says nothing.
    ['pain 3 -> -', 'pain 3 to none'],
    ['Delete walk 10 min on Sat 21 Nov 2026, pain - -> 5?', 'Delete walk 10 min on Sat 21 Nov 2026, pain none to 5?'],
    ['pain 3 -> - (session 4).', 'pain 3 to none (session 4).'],
  ])('%s', (text, said) => {
    expect(spoken(text)).toBe(said);
  });

  // A screen reader reads "x" as the letter: "plan: 3 ex 18.5 min", "2.43 ex your planned session".
  it.each([
    ['activity: walk; plan: 3 x 18.5 min; done: 1 of 3', 'activity: walk; plan: 3 times 18.5 min; done: 1 of 3'],
    ['per session: 8 reps; sessions: 3x; change: hold', 'per session: 8 reps; sessions: 3 times; change: hold'],
    ['Careful: 45 min today is 2.43 x your planned session of 18.5 min;', 'Careful: 45 min today is 2.43 times your planned session of 18.5 min;'],
  ])('a multiple: %s', (text, said) => {
    expect(spoken(text)).toBe(said);
  });

  it('in a row of plain output, a multiple is said in words too, its value kept whole', () => {
    const row = table(makeStyle(false, undefined, true), ['activity', 'plan', 'sessions'], [['walk', '3 x 18.5 min', '3x']]);
    expect(fitText(spoken(row), 26)).toBe('activity: walk;\nplan: 3 times 18.5 min;\nsessions: 3 times');
  });

  it('leaves alone what is no multiple: a flag value, a word, a name', () => {
    for (const text of ['pace plan --set walk=12x4', 'pace plan --set walk=12x', 'box x-ray', 'sets of 3x3', 'walk 0x10']) expect(spoken(text)).toBe(text);
  });

  it('leaves alone what is no change between two values', () => {
    for (const text of ['pace list --limit 0', 'x->y', 'from -1', '-> 5', 'walk 10 min - a flare day']) expect(spoken(text)).toBe(text);
  });

  it('in a row of plain output, too, where a value holds its spaces', () => {
    const row = table(makeStyle(false, undefined, true), ['id', 'pain', 'effort'], [[1, '- -> 5', '']]);
    expect(fitText(spoken(row), 40)).toBe('id: 1; pain: none to 5');
  });

  it('a value not recorded ("-") is left out of a row, as an empty one is', () => {
    const row = table(makeStyle(false, undefined, true), ['activity', 'per session', 'sessions', 'change'], [['walk', '-', '-', 'paused']]);
    expect(fitText(row, undefined)).toBe('activity: walk; change: paused');
  });
});

describe('questions in plain output', () => {
  it('say their changes in words, in the question, the choices and a refusal', async () => {
    const asked: string[] = [];
    const fake: Prompts = {
      text: async (message, opts) => {
        asked.push(message, String(opts?.validate?.('x')));
        return '';
      },
      select: async (message, choices) => {
        asked.push(message, ...choices.map((c) => `${c.name}|${c.short ?? ''}`));
        return choices[0]!.value;
      },
      checklist: async (message, groups) => {
        asked.push(message, ...groups.flatMap((g) => g.choices.map((c) => c.name)));
        return [];
      },
      confirm: async (message) => {
        asked.push(message);
        return false;
      },
    };
    const p = spokenQuestions(fake);
    await p.confirm('Delete walk 10 min, pain 3 -> 4?', false);
    await p.text('Pain after (was 3 -> 4)', { validate: () => 'from 0 -> 10' });
    await p.select('Which?', [{ name: 'walk 3 -> 4', value: 1, short: '3 -> 4' }]);
    await p.checklist('Signs 1 -> 2', [{ title: 't', choices: [{ name: 'a 1 -> 2', value: 1 }] }]);
    expect(asked.join('\n')).not.toMatch(/->/);
    expect(asked).toContain('Delete walk 10 min, pain 3 to 4?');
    expect(asked).toContain('from 0 to 10');
  });

  it('the checklist has words and plain signs for its marks and keys, not circles and arrows', async () => {
    const answer = makePrompts(() => false, true).checklist('Did you notice any of these?', [
      { title: 'usual with exercise', choices: [{ name: 'tired muscles', value: 'a' }, { name: 'a mild rise in my usual pain', value: 'b' }] },
    ]);
    await screen.next();
    screen.keypress('space');
    const shown = screen.getScreen();
    expect(shown).toMatch(/^>\[x\] tired muscles$/m);
    expect(shown).toMatch(/^ \[ \] a mild rise in my usual pain$/m);
    expect(shown).toMatch(/Up and Down to move, Space to tick or untick, Enter when done/);
    expect(shown).not.toMatch(/[\u2190-\u21ff\u23ce\u25cb-\u25cf\u25ef\u276f\u2022]/);
    screen.keypress('enter');
    expect(await answer).toEqual(['a']);
    expect(screen.getScreen()).not.toMatch(/\u2714/);
  });

  it('at 40 columns, each sign of the checklist fits beside the wider marks (">[ ] ")', async () => {
    let shown: string[] = [];
    const fake = { checklist: async (_: string, groups: { choices: { name: string }[] }[]) => {
      shown = groups.flatMap((g) => g.choices.flatMap((c) => c.name.split('\n')));
      return [];
    } } as unknown as Prompts;
    const sign = 'joint pain with the joint giving way or feeling unstable';
    await fitQuestions(fake, () => 40, PLAIN_CHECKLIST_MARKS).checklist('Did you notice any of these?', [{ title: 'warning signs', choices: [{ name: sign, value: 1 }] }]);
    expect(shown.length).toBeGreaterThan(1);
    for (const line of shown) expect(PLAIN_CHECKLIST_MARKS + displayWidth(line.trimStart())).toBeLessThanOrEqual(40);
    expect(shown.map((l) => l.trim()).join(' ')).toBe(sign);
  });
});
