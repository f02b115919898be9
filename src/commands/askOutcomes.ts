import { parseRating } from '../core/outcomes/goals.js';
import { parsePegAnswer, PEG_QUESTIONS, type PegAnswers } from '../core/outcomes/peg.js';
import type { Prompts } from '../ui/prompts.js';
import { validator } from './ask.js';

// The questions of goal and checkin, each with its anchors (M2, W1); every one also has a flag.

const ANCHORS = '0 = unable to do it, 10 = as well as before the pain problem';

/**
 * M2: the rating of a goal. `latest` is its last rating as people read it, with its day
 * (latestRatingWords). With `skippable`, Enter leaves it as it was (null).
 */
export async function askRating(p: Prompts, goal: string, latest: string | null, skippable = false): Promise<number | null> {
  const parse = (t: string) => parseRating(t, 'the rating');
  const last = latest === null ? '' : `; last time ${latest}`;
  const skip = skippable ? ', Enter to skip' : '';
  const answer = await p.text(`${goal}: how able are you to do it now?\n  ${ANCHORS}${last}${skip}`, {
    validate: (t) => (skippable && t.trim() === '' ? true : validator(parse)(t)),
  });
  return answer.trim() === '' ? null : parse(answer);
}

/** W1: the PEG-3 questions the flags did not answer, in order, each with its anchors. */
export async function askPeg(p: Prompts, given: Partial<PegAnswers>): Promise<PegAnswers> {
  const out: Partial<PegAnswers> = { ...given };
  for (const item of ['pain', 'enjoyment', 'general'] as const) {
    if (out[item] !== undefined) continue;
    const q = PEG_QUESTIONS[item];
    const parse = (t: string) => parsePegAnswer(t, item, 'the answer');
    out[item] = parse(await p.text(`${q.question}\n  0 = ${q.low}, 10 = ${q.high}`, { validate: validator(parse) }));
  }
  return out as PegAnswers;
}
