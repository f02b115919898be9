// The prompt mocks must load before main, which lazy-loads the prompts module.
import { screen } from '@inquirer/testing/vitest';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main, type Io } from '../../src/main.js';
import { pace, terminal } from '../helpers/inProcess.js';
import { removeTempDirs, tempDir } from '../helpers/tmp.js';

const savedUmask = process.umask();
afterAll(() => {
  process.umask(savedUmask);
  removeTempDirs();
});


/** Runs `pace log`, stops it at its first question with Ctrl-C (exit 130), and returns that question's screen. */
async function firstQuestion(io: Io): Promise<string> {
  const code = main(['log'], io);
  await screen.next();
  const shown = screen.getScreen();
  screen.keypress({ name: 'c', ctrl: true });
  expect(await code).toBe(130);
  return shown;
}

describe('pace on a terminal', () => {
  it('Ctrl-C at a prompt exits 130, says nothing was saved, and writes no journal', async () => {
    const home = tempDir();
    const t = terminal(home);
    await firstQuestion(t.io);
    expect(t.stderr.text).toMatch(/Nothing was saved/);
    expect(t.stderr.text).not.toMatch(/^\s+at /m);
    expect(existsSync(join(home, '.local', 'share', 'pace', 'pace.db'))).toBe(false);
  });

  it('the first interactive use names where the journal is kept, with what pace is not, before the first question', async () => {
    const home = tempDir();
    const t = terminal(home);
    await firstQuestion(t.io);
    expect(t.stderr.text).toMatch(new RegExp(`a substitute for a clinician: .*\\. Your journal is kept at ~/\\.local/share/pace/pace\\.db\\.\n`));
  });

  it('S1: the first interactive use asks the safety question before anything else', async () => {
    const t = terminal(tempDir());
    const first = await firstQuestion(t.io);
    expect(first).toMatch(/12 to 72 hours|post-exertional/i);
  });

  it('--no-input never prompts, even on a terminal: a missing activity exits 2', async () => {
    const t = terminal(tempDir());
    expect(await main(['--no-input', 'log'], t.io)).toBe(2);
    expect(t.stderr.text).toMatch(/^pace: the activity is missing/);
  });
});

describe('a dumb terminal (TERM=dumb: Emacs\'s shell, where Emacspeak reads)', () => {
  it('asks nothing: its questions would redraw with cursor codes it cannot follow, and a checklist needs arrow keys; a missing value names its flag', async () => {
    const t = terminal(tempDir());
    const io: Io = { ...t.io, env: { ...t.io.env, TERM: 'dumb' } };
    expect(await main(['log'], io)).toBe(2);
    expect(t.stderr.text).toMatch(/^pace: the activity is missing/);
    expect(t.stdout.text).toBe('');
  });

  it('gets plain output, as --plain gives it', async () => {
    const t = terminal(tempDir());
    const io: Io = { ...t.io, env: { ...t.io.env, TERM: 'dumb' } };
    expect(await main(['log', 'walk', '10', '--pain-before', '3', '--pain-after', '5'], io)).toBe(0);
    expect(t.stdout.text).toMatch(/pain 3 to 5/);
  });
});

describe('colour on a terminal', () => {
  /** triage's STOP result, printed to a terminal with this environment. */
  async function stopResult(env: NodeJS.ProcessEnv): Promise<string> {
    const t = terminal(tempDir());
    const io: Io = { ...t.io, env: { HOME: t.io.env.HOME, PACE_TODAY: '2026-11-21', ...env } };
    expect(await main(['triage', '--symptom', 'chest-pain', '--no-input'], io)).toBe(0);
    return t.stdout.text;
  }

  it('is on for a terminal, and TERM=dumb or NO_COLOR turn it off', async () => {
    expect(await stopResult({ TERM: 'xterm-256color' })).toMatch(/\u001b\[/);
    for (const env of [{ TERM: 'dumb' }, { TERM: 'xterm-256color', NO_COLOR: '1' }]) {
      const text = await stopResult(env);
      expect(text, JSON.stringify(env)).toMatch(/STOP NOW/);
      expect(text, JSON.stringify(env)).not.toMatch(/\u001b\[/);
    }
  });
});

describe('the width of the terminal', () => {
  /** A journal with a long activity name and a hold, then `args` printed to a terminal `columns` wide. */
  async function shown(args: string[], columns: number): Promise<string> {
    const home = tempDir();
    const quiet = terminal(home);
    const days = ['2026-11-02', '2026-11-04', '2026-11-06', '2026-11-09', '2026-11-11', '2026-11-13', '2026-11-16'];
    expect(await main(['--no-input', 'init', '--pem', 'no', '--start', '2026-11-02'], quiet.io)).toBe(0);
    for (const d of days) {
      expect(await main(['--no-input', 'log', 'gentle stretching with the physio band', '8', '--unit', 'min', '--category', 'mobility', '--date', d], quiet.io)).toBe(0);
    }
    expect(await main(['--no-input', 'log', 'walk', '10', '--symptom', 'joint-swelling', '--date', '2026-11-18'], quiet.io)).toBe(0);
    const t = terminal(home);
    Object.assign(t.stdout, { columns });
    expect(await main(['--no-input', ...args], t.io)).toBe(0);
    return t.stdout.text;
  }

  for (const columns of [40, 60, 80]) {
    it(`plan, status and list fit ${columns} columns: no line longer, so the terminal breaks no word`, async () => {
      for (const args of [['plan'], ['status'], ['list']]) {
        const text = await shown(args, columns);
        const long = text.split('\n').filter((l) => l.length > columns);
        expect(long, `${args.join(' ')} at ${columns}`).toEqual([]);
        expect(text).toMatch(/gentle/);
      }
    });
  }
});

describe('questions at the width of the terminal', () => {
  it('S1: the safety question at 80 columns is broken between words, its (y/N) whole, not "proporti / on"', async () => {
    const t = terminal(tempDir());
    Object.assign(t.stdout, { columns: 80 });
    const shown = await firstQuestion(t.io);
    expect(shown).toMatch(/post-exertional/);
    const lines = shown.split('\n');
    expect(lines.filter((l) => l.length > 80)).toEqual([]);
    expect(lines.some((l) => /\bproportion\b/.test(l))).toBe(true);
    expect(lines.some((l) => /\(y\/N\)/.test(l))).toBe(true);
  });

  /** A journal with the safety question answered and `names` logged, oldest first (the last is the default). */
  async function journalWith(home: string, names: readonly string[]) {
    const plain = terminal(home);
    Object.assign(plain.io.stdin, { isTTY: false });
    expect(await main(['init', '--pem', 'no'], plain.io)).toBe(0);
    for (const [i, name] of names.entries()) expect(await main(['log', name, '5', '--date', `2026-11-${10 + i}`], plain.io)).toBe(0);
  }

  it("a text question's default keeps the line within the terminal: the question leaves room for it", async () => {
    const home = tempDir();
    await journalWith(home, ['stretching', 'sit-to-stand-slowly']);
    const t = terminal(home);
    Object.assign(t.stdout, { columns: 40 });
    const shown = await firstQuestion(t.io);
    expect(shown).toMatch(/\(sit-to-stand-slowly\)/);
    expect(shown.split('\n').filter((l) => l.length > 40)).toEqual([]);
  });

  /** `pace triage` on a terminal 40 columns wide, at its checklist. */
  async function checklistAt40() {
    const home = tempDir();
    await journalWith(home, []);
    const t = terminal(home);
    Object.assign(t.stdout, { columns: 40 });
    const code = main(['triage'], t.io);
    await screen.next();
    return { t, code };
  }

  it('T4: the checklist of signs fits 40 columns, each sign broken between words and carried on under its box', async () => {
    const { code } = await checklistAt40();
    const shown = screen.getScreen();
    screen.keypress({ name: 'c', ctrl: true });
    expect(await code).toBe(130);
    const lines = shown.split('\n');
    expect(lines.filter((l) => l.length > 40)).toEqual([]);
    // The longest warning sign, whole: its second line starts under the first word, past the box.
    const at = lines.findIndex((l) => /joint pain with the joint/.test(l));
    expect(at).toBeGreaterThan(-1);
    expect(lines[at + 1]).toMatch(/^ {3}\S/);
    expect(lines.slice(at, at + 3).join(' ').replace(/\s+/g, ' ')).toMatch(/giving way or feeling unstable/);
    // Every warning sign is in sight, down to the last, though names broken over lines make the list longer.
    expect(shown.replace(/\s+/g, ' ')).toMatch(/sudden confusion, or trouble speaking or seeing/);
  });

  it('T4: the signs ticked are listed under the question once answered, each fitted to 40 columns', async () => {
    const { t, code } = await checklistAt40();
    for (let i = 0; i < 15; i++) screen.keypress('down');
    screen.keypress('space');
    screen.keypress('enter');
    expect(await code).toBe(0);
    const answered = screen.getScreen();
    const lines = answered.split('\n');
    expect(lines.filter((l) => l.length > 40)).toEqual([]);
    const at = lines.findIndex((l) => l.startsWith('  - sudden confusion'));
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toMatch(/^ {4}\S/);
    expect(t.stdout.text).toMatch(/STOP NOW/);
  });

  it('T4: with nothing ticked, the answered checklist says "none", as the README shows it', async () => {
    const { t, code } = await checklistAt40();
    screen.keypress('enter');
    expect(await code).toBe(0);
    expect(screen.getScreen()).toMatch(/Enter when\s+done\) none$/m);
    expect(t.stdout.text).not.toMatch(/STOP NOW/);
  });

  it('a refusal at a question is broken between words too, as the question is', async () => {
    const home = tempDir();
    await journalWith(home, ['walk']);
    const t = terminal(home);
    Object.assign(t.stdout, { columns: 40 });
    const code = main(['log'], t.io);
    await screen.next();
    screen.type('wa=lk');
    screen.keypress('enter');
    await screen.next();
    const shown = screen.getScreen();
    screen.keypress({ name: 'c', ctrl: true });
    expect(await code).toBe(130);
    expect(shown.replace(/\s+/g, ' ')).toMatch(/contains characters a name cannot have/);
    expect(shown.split('\n').filter((l) => l.length > 40)).toEqual([]);
  });
});

describe('what pace says on stderr at a narrow terminal', () => {
  const narrow = (home: string) => {
    const t = terminal(home);
    Object.assign(t.stderr, { isTTY: true, columns: 40 });
    return t;
  };
  const tooLong = (text: string) => text.split('\n').filter((l) => l.length > 40);

  it('the first-use notice before the safety question, and the line after Ctrl-C, fit 40 columns', async () => {
    const t = narrow(tempDir());
    await firstQuestion(t.io);
    expect(t.stderr.text).toMatch(/a substitute for a clinician/);
    expect(t.stderr.text).toMatch(/Nothing was saved/);
    expect(tooLong(t.stderr.text)).toEqual([]);
  });

  it('a refusal and its hint fit 40 columns, words whole', async () => {
    const t = narrow(tempDir());
    expect(await main(['--no-input', 'log'], t.io)).toBe(2);
    expect(tooLong(t.stderr.text)).toEqual([]);
    expect(t.stderr.text.replace(/\s+/g, ' ')).toMatch(/for example: pace log walk 10/);
  });
});

describe('help on a narrow terminal', () => {
  for (const columns of [40, 60]) {
    it(`every --help fits ${columns} columns, each option's words kept whole and under it`, async () => {
      for (const args of [['--help'], ['log', '--help'], ['triage', '--help'], ['plan', '--help'], ['goal', '--help']]) {
        const t = terminal(tempDir());
        Object.assign(t.stdout, { columns });
        expect(await main(args, t.io)).toBe(0);
        const long = t.stdout.text.split('\n').filter((l) => l.length > columns);
        expect(long, `${args.join(' ')} at ${columns}`).toEqual([]);
      }
    });
  }

  it('a terminal that gives no size (0 columns) gets the help a pipe gets, 80 columns wide', async () => {
    for (const args of [['log', '--help'], ['triage', '--help']]) {
      const shown = async (columns: number | undefined) => {
        const t = terminal(tempDir());
        Object.assign(t.stdout, { columns });
        expect(await main(args, t.io)).toBe(0);
        return t.stdout.text;
      };
      expect(await shown(0), args.join(' ')).toBe(await shown(undefined));
    }
  });

  it('triage --help at 40 columns: each symptom code keeps its class on its line, its words below', async () => {
    const t = terminal(tempDir());
    Object.assign(t.stdout, { columns: 40 });
    expect(await main(['triage', '--help'], t.io)).toBe(0);
    expect(t.stdout.text).toMatch(/^ {2}chest-pain +stop\n {6}chest pain, pressure or tightness$/m);
  });
});

describe('a path on a terminal', () => {
  it('C: report prints the path it wrote on one line, however narrow the terminal: it is there to be copied', async () => {
    const home = tempDir();
    expect(await main(['--no-input', 'log', 'walk', '10'], terminal(home).io)).toBe(0);
    const out = join(home, 'reports for the clinic', 'pace-report-2026-11-21.html');
    mkdirSync(join(home, 'reports for the clinic'));
    const t = terminal(home);
    Object.assign(t.stdout, { columns: 30 });
    expect(await main(['--no-input', 'report', '--out', out], t.io), t.stderr.text).toBe(0);
    expect(t.stdout.text).toBe(`${out}\n`);
  });
});

describe("after midnight, by the machine's clock (D1)", () => {
  // Saturday 21 November 2026 has a planned walk at 7:30; the clock says 0:30 on Sunday.
  async function journal(): Promise<string> {
    const db = join(tempDir(), 'pace.db');
    expect((await pace(db, '2026-11-02', ['init', '--pem', 'no'])).code).toBe(0);
    for (const date of ['2026-11-02', '2026-11-04', '2026-11-06', '2026-11-09', '2026-11-11', '2026-11-13']) {
      expect((await pace(db, date, ['log', 'walk', '10', '--pain-before', '2', '--pain-after', '3'])).code).toBe(0);
    }
    expect((await pace(db, '2026-11-13', ['schedule', 'walk', 'tue,thu,sat', '--at', '07:30'])).code).toBe(0);
    return db;
  }
  const atHalfPastMidnight = (db: string, today: string, clockDay = 22): Io => {
    const t = terminal(join(db, '..'), { PACE_DB: db, PACE_TODAY: today });
    return { ...t.io, clock: () => new Date(2026, 10, clockDay, 0, 30) };
  };

  it("offers yesterday's planned walk first when today is the clock's day", async () => {
    const db = await journal();
    expect(await firstQuestion(atHalfPastMidnight(db, '2026-11-22'))).toMatch(/Log yesterday's planned session, walk [\d.]+ min at 7:30 on Sat 21 Nov\?/);
  });

  it('does not when PACE_TODAY names another day than the clock', async () => {
    const db = await journal();
    expect(await firstQuestion(atHalfPastMidnight(db, '2026-11-22', 25))).not.toMatch(/planned session/);
  });
});
