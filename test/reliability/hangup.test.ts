// Issue 17, item 14: a terminal that hangs up while pace asks a question (a closed window, a dropped
// ssh link). Reproduced with a pseudo-terminal from util-linux `script`, whose end is closed while
// pace waits for an answer. The run ends as Ctrl-C does: nothing written, one line, no trace.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLI, pace, sandbox, stackLines, useBuiltCli, type Sandbox } from './helpers.js';

const hasScript = spawnSync('script', ['--version']).status === 0;
useBuiltCli();
let sb: Sandbox;
beforeEach(() => {
  sb = sandbox();
});
afterEach(() => sb.remove());

/**
 * Runs `pace args` on a pseudo-terminal, closes the terminal once `question` shows, and returns
 * pace's exit code and stderr. A small runner keeps pace's stderr in a file and its exit code, and
 * outlives the hangup (it ignores SIGHUP), so pace itself meets the closed terminal.
 */
async function hangUpAt(args: string[], question: RegExp, env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; signal: string | null; stderr: string; saw: string }> {
  const runner = join(sb.dir, 'runner.cjs');
  const errFile = join(sb.dir, 'stderr.txt');
  const codeFile = join(sb.dir, 'code.json');
  writeFileSync(
    runner,
    `process.on('SIGHUP', () => {});
     const fs = require('node:fs');
     const err = fs.openSync(${JSON.stringify(errFile)}, 'w');
     const child = require('node:child_process').spawn(process.execPath, ${JSON.stringify([CLI, ...args])}, { stdio: ['inherit', 'inherit', err] });
     child.on('exit', (code, signal) => fs.writeFileSync(${JSON.stringify(codeFile)}, JSON.stringify({ code, signal })));`,
  );
  const term = spawn('script', ['-qfec', `exec "${process.execPath}" "${runner}"`, '/dev/null'], {
    cwd: sb.dir,
    env: { ...sb.env, TERM: 'xterm', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let saw = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no question within 20 s; the terminal showed: ${saw}`)), 20_000);
    term.stdout.on('data', (d: Buffer) => {
      saw += d.toString();
      if (question.test(saw)) {
        clearTimeout(timer);
        // The end of the pseudo-terminal that script holds closes with it: a hangup.
        term.kill('SIGKILL');
        resolve();
      }
    });
  });
  for (let waited = 0; !existsSync(codeFile) && waited < 20_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
  const { code, signal } = JSON.parse(readFileSync(codeFile, 'utf8')) as { code: number | null; signal: string | null };
  return { code, signal, stderr: readFileSync(errFile, 'utf8'), saw };
}

describe.skipIf(!hasScript)('a terminal that hangs up during a question (issue 17, item 14)', () => {
  it('pace log ends with exit 130, one line and no trace, and writes nothing', async () => {
    const r = await hangUpAt(['log'], /symptoms get much worse|Activity/);
    expect(r.signal).toBeNull();
    expect(r.code, r.stderr).toBe(130);
    expect(stackLines(r.stderr)).toEqual([]);
    expect(r.stderr).not.toMatch(/Error|Assertion|Native stack/);
    const lines = r.stderr.split('\n').filter((l) => l.trim() !== '' && !/helps you pace/.test(l));
    expect(lines).toEqual(['Stopped: the terminal closed. Nothing was saved.']);
    expect(existsSync(sb.db)).toBe(false);
  }, 60_000);

  it('a hang-up at the check-in offered after log exits 130 as at any question, and says the session is saved (issue 17)', async () => {
    // A journal past its first day, with no next-day check waiting: log saves, then offers the check-in.
    const setUp = (args: string[], today: string) => expect(pace({ ...sb, env: { ...sb.env, PACE_TODAY: today } }, args).status).toBe(0);
    setUp(['init', '--pem', 'no'], '2026-11-02');
    setUp(['log', 'walk', '10'], '2026-11-02');
    // Every field given, so the first question is the offer (--flare: there is no flag for "not a flare").
    const full = ['--pain-before', '2', '--pain-after', '3', '--symptom', 'muscle-fatigue', '--effort', '3', '--flare', '--note', 'x'];
    const r = await hangUpAt(['log', 'walk', '12', ...full], /check-in/, { PACE_TODAY: '2026-11-20' });
    expect(r.signal).toBeNull();
    expect(r.code, r.stderr).toBe(130);
    expect(r.stderr).toMatch(/Your session is saved/);
    expect(r.stderr).not.toMatch(/Nothing was saved/);
    expect(stackLines(r.stderr)).toEqual([]);
    const listed = pace({ ...sb, env: { ...sb.env, PACE_TODAY: '2026-11-20' } }, ['list', '--json']);
    expect((JSON.parse(listed.stdout) as { dose: number }[]).map((s) => s.dose)).toEqual([12, 10]);
  }, 60_000);
});

