import { screen } from '@inquirer/testing/vitest';
import { expect } from 'vitest';

export type Step = [prompt: RegExp, answer: string | (() => void)];

/**
 * Answers prompts as they appear, matching each screen against the script (so the order of the
 * questions is the command's to choose), until the command finishes. Returns the screens seen.
 * Import it after '@inquirer/testing/vitest' has mocked inquirer in the test file.
 */
export async function converse(done: Promise<unknown>, script: readonly Step[]): Promise<string[]> {
  let finished = false;
  const settled = done.then(
    () => (finished = true),
    () => (finished = true),
  );
  const seen: string[] = [];
  await Promise.race([screen.next(), settled]);
  while (!finished) {
    const text = screen.getScreen();
    const step = script.find(([prompt]) => prompt.test(text));
    if (!step) throw new Error(`no answer scripted for the prompt:\n${text}`);
    seen.push(text);
    if (typeof step[1] === 'function') step[1]();
    else if (step[1] !== '') screen.type(step[1]);
    screen.keypress('enter');
    await Promise.race([screen.next(), settled]);
  }
  return seen;
}

/**
 * At a text prompt: types `wrong` and submits it, expects `refusal` on the screen (the prompt stays
 * open), then erases it, types `right` and submits that.
 */
export async function refuseThenCorrect(wrong: string, refusal: RegExp, right: string): Promise<void> {
  screen.type(wrong);
  screen.keypress('enter');
  await screen.next();
  expect(screen.getScreen()).toMatch(refusal);
  for (let i = 0; i < wrong.length; i++) screen.keypress('backspace');
  screen.type(right);
  screen.keypress('enter');
}
