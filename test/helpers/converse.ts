import { screen } from '@inquirer/testing/vitest';

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
