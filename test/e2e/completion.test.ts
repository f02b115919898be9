// pace completion, driven as a shell drives it: a real bash sources the script, then calls the
// function it registered with COMP_WORDS and COMP_CWORD set, as bash does on Tab.
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProgram, type ProgramDeps } from '../../src/program.js';
import { shapeOf, suggest } from '../../src/commands/completion.js';
import { ROOT, tempPace, type TempPace } from '../helpers/pace.js';
import { fileHash, removeTempDirs, tempDir } from '../helpers/tmp.js';

afterAll(removeTempDirs);

/** A folder holding a `pace` command that runs this checkout's bin/pace.js with this Node. */
let bin: string;
beforeAll(() => {
  bin = tempDir('pace-bin-');
  writeFileSync(join(bin, 'pace'), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(join(ROOT, 'bin', 'pace.js'))} "$@"\n`, { mode: 0o755 });
});

/** Sources `pace completion bash` in a clean bash, then completes the words as Tab would. */
const DRIVER = `
source <(pace completion bash) || exit 3
spec=$(complete -p pace) || exit 4
echo "SPEC $spec"
fn=\${spec#*-F }; fn=\${fn%% *}
COMP_WORDS=(pace "$@"); COMP_CWORD=$(( \${#COMP_WORDS[@]} - 1 ))
COMP_LINE="\${COMP_WORDS[*]}"; COMP_POINT=\${#COMP_LINE}
"$fn" pace "\${COMP_WORDS[COMP_CWORD]}" "\${COMP_WORDS[COMP_CWORD-1]}"
printf 'REPLY %s\\n' "\${COMPREPLY[@]}"
`;

function tab(pace: TempPace | null, ...words: string[]): { spec: string; reply: string[] } {
  const home = pace?.home ?? tempDir();
  const env: NodeJS.ProcessEnv = { PATH: `${bin}:${dirname(process.execPath)}:/usr/bin:/bin`, HOME: home, NO_COLOR: '1', PACE_TODAY: '2026-11-21' };
  if (pace) env.PACE_DB = pace.db;
  const r = spawnSync('bash', ['--norc', '--noprofile', '-c', DRIVER, 'bash', ...words], { cwd: home, env, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  expect(r.stderr).toBe('');
  const lines = r.stdout.split('\n');
  return {
    spec: lines.find((l) => l.startsWith('SPEC '))?.slice(5) ?? '',
    reply: lines.filter((l) => l.startsWith('REPLY ')).map((l) => l.slice(6)).filter((l) => l !== ''),
  };
}

/** A journal with two activities and three sessions. */
function journal(): TempPace {
  const pace = tempPace(tempDir());
  for (const args of [['log', 'walk', '10'], ['log', 'wall-push', '8reps'], ['log', 'walk', '12']]) expect(pace.run(args).status).toBe(0);
  return pace;
}

describe('pace completion bash, in a real bash', () => {
  it('registers a completion for pace, and completes pace st to status', () => {
    const { spec, reply } = tab(null, 'st');
    expect(spec).toMatch(/^complete -F \S+ pace$/);
    expect(reply).toEqual(['status']);
  });

  it('completes pace log --sy to --symptom, and a symptom code after it', () => {
    expect(tab(null, 'log', '--sy').reply).toEqual(['--symptom']);
    expect(tab(null, 'log', 'walk', '--symptom', 'chest').reply).toEqual(['chest-pain']);
  });

  it('completes activity names from the journal, for log and for --activity', () => {
    const pace = journal();
    expect(tab(pace, 'log', 'wa').reply).toEqual(['walk', 'wall-push']);
    expect(tab(pace, 'edit', '3', '--activity', 'wal').reply).toEqual(['walk', 'wall-push']);
  });

  it('quotes names for the command line: spaces stay in one word, * is not a file pattern, ` and $( ) run nothing', () => {
    const pace = tempPace(tempDir());
    for (const name of ['sit to stand', 'arm*', 'back`touch hacked`', 'neck$(touch hacked2)']) expect(pace.run(['log', name, '10']).status).toBe(0);
    writeFileSync(join(pace.home, 'armchair.txt'), '');
    expect(tab(pace, 'log', 'si').reply).toEqual(['sit\\ to\\ stand']);
    expect(tab(pace, 'log', 'arm').reply).toEqual(['arm\\*']);
    const back = tab(pace, 'log', 'back').reply;
    expect(back).toEqual(["back\\`touch\\ hacked\\`"]);
    // What bash would put on the line reads back as the name itself, and running it runs nothing.
    const line = spawnSync('bash', ['--norc', '-c', `printf '%s\\n' ${back[0]} ${tab(pace, 'log', 'neck').reply[0]}`], { cwd: pace.home, encoding: 'utf8' });
    expect(line.stdout).toBe('back`touch hacked`\nneck$(touch hacked2)\n');
    expect(existsSync(join(pace.home, 'hacked')) || existsSync(join(pace.home, 'hacked2'))).toBe(false);
  });

  it('reads the word being typed as the shell will: after an escaped space, or inside an open quote', () => {
    const pace = tempPace(tempDir());
    for (const name of ['sit to stand', 'sit to lie']) expect(pace.run(['log', name, '10']).status).toBe(0);
    expect(tab(pace, 'log', 'si').reply).toEqual(['sit\\ to\\ lie', 'sit\\ to\\ stand']);
    expect(tab(pace, 'log', 'sit\\ to\\ s').reply).toEqual(['sit\\ to\\ stand']);
    // Inside a quote the person opened, bash keeps the quote: the offer is the name as that quote needs it.
    expect(tab(pace, 'log', '"sit to l').reply).toEqual(['sit to lie']);
    expect(tab(pace, 'log', "'sit to ").reply).toEqual(['sit to lie', 'sit to stand']);
  });

  it('completes session ids, newest first, for edit, delete and triage --session', () => {
    const pace = journal();
    expect(tab(pace, 'edit', '').reply).toEqual(['3', '2', '1']);
    expect(tab(pace, 'delete', '--yes', '').reply).toEqual(['3', '2', '1']);
    expect(tab(pace, 'triage', '--session', '').reply).toEqual(['3', '2', '1']);
  });

  it('completes the subcommands of goal, and the options of one', () => {
    expect(tab(null, 'goal', '').reply).toEqual(['add', 'rate', 'list', 'close']);
    expect(tab(null, 'goal', 'r').reply).toEqual(['rate']);
    expect(tab(null, 'goal', 'close', '1', '--a').reply).toEqual(['--achieved']);
  });

  it('completes the ids of open goals for goal rate and goal close, not a closed one', () => {
    const pace = tempPace(tempDir());
    for (const text of ['climb the stairs', 'sit on the floor', 'carry the shopping']) expect(pace.run(['goal', 'add', text, '--rating', '3']).status).toBe(0);
    expect(pace.run(['goal', 'close', '2', '--achieved']).status).toBe(0);
    expect(tab(pace, 'goal', 'rate', '').reply).toEqual(['1', '3']);
    expect(tab(pace, 'goal', 'close', '--dropped', '').reply).toEqual(['1', '3']);
    // The rating after the id is a number of the person's own.
    expect(tab(pace, 'goal', 'rate', '1', '').reply).toEqual([]);
  });

  it('offers no goal ids from a journal without goals (nor its session ids)', () => {
    const pace = journal();
    expect(tab(pace, 'goal', 'rate', '').reply).toEqual([]);
    expect(tab(pace, 'goal', 'close', '').reply).toEqual([]);
  });

  it('reads the journal --db names on the line, and only reads it', () => {
    const pace = journal();
    const before = fileHash(pace.db);
    expect(tab(null, '--db', pace.db, 'log', 'wal').reply).toEqual(['walk', 'wall-push']);
    // --db=<path> as bash hands it over: split at the = into three words.
    expect(tab(null, '--db', '=', pace.db, 'log', 'wal').reply).toEqual(['walk', 'wall-push']);
    expect(tab(pace, 'log', '--unit', '=', '').reply).toEqual(['min', 'reps', 'm', 'steps']);
    expect(fileHash(pace.db)).toBe(before);
  });

  it('completes the value right after --unit= and --activity=, where bash hands over the = as the word under the cursor', () => {
    const pace = journal();
    // Tab at `pace log --unit=`: bash splits at the = and the word under the cursor is the = itself.
    expect(tab(pace, 'log', '--unit', '=').reply).toEqual(['min', 'reps', 'm', 'steps']);
    expect(tab(pace, 'edit', '3', '--activity', '=').reply).toEqual(['walk', 'wall-push']);
  });

  it('reads a journal an earlier pace left in WAL mode without creating its -wal and -shm files', () => {
    const pace = journal();
    const db = new Database(pace.db);
    db.pragma('journal_mode = WAL');
    db.close();
    const files = readdirSync(dirname(pace.db)).sort();
    const before = fileHash(pace.db);
    expect(tab(pace, 'log', 'wal').reply).toEqual(['walk', 'wall-push']);
    expect(tab(pace, 'edit', '').reply).toEqual(['3', '2', '1']);
    expect(readdirSync(dirname(pace.db)).sort()).toEqual(files);
    expect(fileHash(pace.db)).toBe(before);
  });

  it('reads the journal --db names with a ~ for the home folder, as the shell will expand it', () => {
    const pace = tempPace(tempDir());
    expect(pace.run(['--db', join(pace.home, 'mine.db'), 'log', 'walk', '10']).status).toBe(0);
    expect(tab(pace, '--db', '~/mine.db', 'log', 'wa').reply).toEqual(['walk']);
    // Quoted, the ~ is a folder of that name, which the command would use.
    expect(tab(pace, '--db', '"~/mine.db"', 'log', 'wa').reply).toEqual([]);
  });

  it('a --db that names a named pipe gives nothing at once: opening a FIFO would wait for a writer, and Tab hang', () => {
    const home = tempDir();
    expect(spawnSync('mkfifo', [join(home, 'pipe')]).status).toBe(0);
    const env: NodeJS.ProcessEnv = { PATH: `${bin}:${dirname(process.execPath)}:/usr/bin:/bin`, HOME: home, NO_COLOR: '1', PACE_TODAY: '2026-11-21' };
    // The timeout only keeps a hang from stopping the test run; the run itself takes well under a second.
    const r = spawnSync('pace', ['completion', '--words', '--', '--db', join(home, 'pipe'), 'log', ''], { cwd: home, env, encoding: 'utf8', timeout: 20_000 });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('');
  });

  it('creates nothing where there is no journal yet, and offers no names', () => {
    const pace = tempPace(tempDir());
    expect(tab(pace, 'log', '').reply).toEqual([]);
    expect(existsSync(dirname(pace.db))).toBe(false);
  });

  it('offers choices, and leaves file names to bash', () => {
    expect(tab(null, 'log', 'walk', '--unit', '').reply).toEqual(['min', 'reps', 'm', 'steps']);
    expect(tab(null, 'init', '--pem', '').reply).toEqual(['yes', 'no']);
    expect(tab(null, 'init', '--paper', '').reply).toEqual(['a4', 'letter', 'auto']);
    expect(tab(null, 'report', '--paper', '').reply).toEqual(['a4', 'letter', 'auto']);
    // Every day flag takes the words too; a number (a dose, a pain score) offers nothing.
    expect(tab(null, 'log', 'walk', '10', '--date', 'y').reply).toEqual(['yesterday']);
    expect(tab(null, 'edit', '1', '--date', '').reply).toEqual(['today', 'yesterday']);
    for (const day of [['list', '--from'], ['export', '--to'], ['report', '--from'], ['plan', '--week'], ['init', '--start']]) {
      expect(tab(null, ...day, '').reply, day.join(' ')).toEqual(['today', 'yesterday']);
    }
    expect(tab(null, 'log', 'walk', '10', '--pain-before', '').reply).toEqual([]);
    // pace asks for file names, and the script leaves the reply empty for bash's own (-o default).
    const r = tempPace(tempDir()).run(['completion', '--words', '--', 'import', '']);
    expect(r.stdout).toBe(':files\n');
    expect(tab(null, 'import', '').reply).toEqual([]);
  });
});

describe('pace completion', () => {
  it('prints a script for bash, zsh and fish, each calling pace back on Tab', () => {
    const pace = tempPace(tempDir());
    for (const [shell, registers] of [['bash', /^complete -F _pace_complete pace$/m], ['zsh', /^compdef _pace pace$/m], ['fish', /^complete -c pace /m]] as const) {
      const r = pace.run(['completion', shell]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(registers);
      expect(r.stdout).toContain('pace completion --words --');
    }
  });

  it('refuses a shell it does not know with exit 2 and how to fix it', () => {
    const pace = tempPace(tempDir());
    const r = pace.run(['completion', 'tcsh']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('pace: pace completion takes one shell: bash, zsh or fish (not "tcsh").\n  For example: source <(pace completion bash)\n');
    expect(pace.run(['completion']).status).toBe(2);
  });

  it('completes commands added to the tree later, with no list of its own to update', () => {
    const deps = { makeContext: () => { throw new Error('nothing runs'); }, setExitCode: () => {}, stdout: () => {}, stderr: () => {}, stdoutInfo: () => ({ isTTY: false, columns: undefined }), stderrInfo: () => ({ isTTY: false, columns: undefined }) } as ProgramDeps;
    const program = buildProgram(deps);
    program.command('stairs').option('--target <n>').argument('[activity]');
    const walks = program.command('walks');
    walks.command('start').option('--route <name>');
    walks.command('stop').option('--tired');
    const shape = shapeOf(program);
    expect(suggest(shape, ['sta'], '/nonexistent/pace.db')).toEqual(['status', 'stairs']);
    expect(suggest(shape, ['stairs', '--t'], '/nonexistent/pace.db')).toEqual(['--target']);
    expect(suggest(shape, ['walks', ''], '/nonexistent/pace.db')).toEqual(['start', 'stop']);
    expect(suggest(shape, ['walks', 'stop', '--t'], '/nonexistent/pace.db')).toEqual(['--tired']);
  });
});
