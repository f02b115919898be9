// The coaching rules of pacing-model.md (P, Q, F, B, S, G, E2): pure functions of the journal.
//
// Where the model is silent, these are the choices made (each is also noted where it lives):
// - Replay: every plan is rebuilt from the first week of each activity, week by week, using only
//   earlier weeks (Q9). Levels reached are kept as a ladder; a flare steps down one rung (Q5), so
//   flares in a row walk back toward the baseline. A week after a flare never asks for more.
//   A checkpoint (checkpoint.ts) holds the replay's state at a Monday; resumed from it, the replay
//   gives the same plans from that week on, reading only the sessions since the week before.
// - Program week 1 is the week of the start date or of the first session, whichever is earlier.
// - Q1: the baseline median is rounded to the unit's step, halves down; with no tolerated session
//   yet, the plan suggests half the smallest dose tried. A flare in the last baseline week keeps the
//   baseline for one more week instead of next(baseline), and so does an empty one (Q10: one
//   empty week is a Q4 hold).
// - Q4: the count of unfinished weeks runs at one level; a flare, a completed week, an override or
//   a return after a break starts it again. At the baseline the plan stays where it is. It runs
//   at a ceiling and at the weekly aim too (Q6): they maintain until the third short week, which
//   steps down.
// - Q3/T3: whether a session counts toward its week is `countsForWeek`, for every view and log.
// - Q10 (breaks.ts): "done" is any session of the activity that week, counted or not. A level is a
//   rung of the ladder the activity climbed; the step down is counted from the rung of the last
//   week done, so a flare or Q4 step taken meanwhile is not added to it (the lower wins). An
//   activity still in its baseline, or a week with an override, is not stepped down; after 6+
//   empty weeks a baseline still forming starts over too, from half the amount it had seen. After 6+
//   empty weeks the suggestion is half the last quota (halves down), at the last sessions per week,
//   until the first session back starts the new two-week baseline.
// - T2/T3: a week planned under a hold never asks for more than the week before (capUnderHold),
//   a baseline that settles meanwhile included; growth resumes from that level once assessed.
// - Q5/Q6/T2: flares and session ceilings are per activity (the weekly aim is shared, below);
//   holds cover the whole plan.
//   Under a stop hold (T3) the plan is paused (quota null, 0 sessions); underneath, the level is
//   kept as under an assess hold, and resumes from there after clearance.
// - T2/T3 timing (weekHolds.ts): a week's quota is decided with the holds as they stood the day
//   before its Monday, so a hold opened mid-week leaves the week as planned. This week and later
//   ones show today's hold: a pause hides the quotas from its day on; cleared mid-week, the rest of
//   the week has its planned quota. A past week shows as paused only when it was paused from its
//   Monday to its Sunday. Sessions on a day the plan was paused (at that day's end) never count.
// - Q6: session ceilings are 30 min, 3,000 m, 4,000 steps (then one more session a week, up to 7)
//   and 30 reps (then maintain, no extra sessions). The weekly aim is shared by the aerobic
//   activities counted in minutes (metres and steps have no minutes to add): each week, an
//   activity is judged with the others' planned minutes of the week before, so all activities are
//   replayed side by side and the order of their names never matters; two growing together may
//   pass the aim by one step each. At the aim, at the ceiling x 7, or at 30 reps: maintain.
//   The aim of each week is the one set by the day before its Monday (weeklyValues, as S2's mode),
//   so a new aim leaves the week it was set in as planned and applies from the next Monday.
// - Q7: an override takes effect at the Monday of its week; of two for one week, the later `setOn`
//   wins; a field left null keeps what the rules gave that week. It ends a baseline and, while in
//   program weeks 1-2, growth still waits (P1). It may always lower the plan; in a week under a
//   hold or pause, or after a flare, the replay keeps only the fields it lowers; so it does for one
//   set while a hold was open all that day (from a backup: plan refuses it), in any week it names. overrideCheck.ts
//   refuses at input whatever raises the plan under today's hold, or in a week the replay marks
//   `afterFlare` (the same fact it guards on), so an override accepted at input is the one shown.
//   "Raising" compares with the level underneath a pause; with no plan yet, any quota counts as
//   raising. A boom by B1 is 1.5 x the week's planned quota or more; with none yet, 1.5 x the
//   median of the activity's days with a session in the 14 up to today (B1's own reference).
// - S2: offers are of a longer session only, up to the session ceiling (Q6); a flare or a hold beats an acceptance;
//   acceptances are ignored in graded mode. The mode of every week is the safety answer given by
//   the day before its Monday, so an answer given mid-week leaves that week as planned and every
//   view of a week agrees; weeks lived in the other mode do not count toward an offer. In
//   envelope mode no reason says the plan grows (reasons.ts).
// - Q3: a dose's percent of the quota is rounded to a whole number, except that one short of 90%
//   shows 89, never a 90 that does not count.
// - B1-B3: a flare on the boom day itself also counts as the bust; low days are judged once both
//   are over; booms that end in the same bust are one cycle. Across activities too for the
//   person's figures (status, review, report: `personCycles`); export --weekly's rows are per
//   activity and count each activity's own. A planned day at F3's bad-day dose is not low.
// - B4: history counts from the first session in minutes; the ratio is shown from day 28. Under-doing
//   is said only in graded mode, and not in a week whose plan asks for less (return, drop-back, step-down),
//   nor on a flare day (F3, `flareOfDay`).
export type * from './types.js';
export { planHistory, planAndCheckpoint } from './plan.js';
export { CheckpointMismatch, checkpointReadsFrom, chooseCheckpoint } from './checkpoint.js';
export type { Checkpoint } from './checkpoint.js';
export { describeReason, describeSuggestion, describeBoom, describeBoomBust, describeBigDays, weekBeforeOf, type WeekBefore } from './reasons.js';
export { quotaComparison, countsForWeek } from './progression.js';
export { type FlareReason } from './flares.js';
export { holdAt, holdNow } from './holds.js';
export { judgeOverride } from './overrideCheck.js';
export { boomAt, lookbackFrom, recentReference } from './boombust.js';
export type { Boom } from './boombust.js';
export { weeklyRows, WEEKLY_COLUMNS } from './weekly.js';
export { asOf, statusOf, statusAndCheckpoint, statusPlansFrom, statusReadsFrom, sessionsThrough, PAIN_TREND_WEEKS } from './status.js';
export type { Status } from './status.js';
export { formatAmount } from './amounts.js';
