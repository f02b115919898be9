import { Command, Help, Option } from 'commander';
import type { Context } from './commands/context.js';
import { printable } from './core/input.js';
import { extraLogWords } from './core/logWords.js';
import { SYMPTOMS } from './core/symptoms.js';
import { fitText, fittedWidth, wrapHolding } from './ui/fit.js';

export interface Globals {
  db?: string;
  color?: boolean;
  input?: boolean;
  plain?: boolean;
}

export interface ProgramDeps {
  makeContext: (globals: Globals) => Context;
  setExitCode: (code: number) => void;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Where help and errors go; commander would otherwise ask process.stdout, building the stream. */
  stdoutInfo: () => { isTTY: boolean; columns: number | undefined };
  stderrInfo: () => { isTTY: boolean; columns: number | undefined };
}

const HELP_AFTER_ERROR = '(run the command with --help to see its options)';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** The shape every command module's handler has: parsed words and options in, exit code out. */
type Handler<O> = (args: string[], opts: O, ctx: Context) => Promise<number>;

/**
 * The commander tree. Each action imports its command module only when that command runs, so
 * `pace --help` and `pace status` never load inquirer or the other commands.
 */
export function buildProgram(deps: ProgramDeps): Command {
  const program = new Command('pace')
    .description('A pacing journal for returning to exercise with chronic pain. It does not diagnose.')
    .version('0.1.0', '-V, --version')
    .option('--db <path>', 'journal file (default: $PACE_DB, else the user data folder)')
    .option('--no-color', 'output without colour (NO_COLOR is honoured too)')
    .option('--plain', 'text for a screen reader: tables as one line a row, charts as numbers, no colour (also PACE_PLAIN=1, or TERM=dumb)')
    .option('--no-input', 'never prompt; every value must come from flags')
    .configureHelp(NARROW_HELP)
    .configureOutput({
      // Help on a terminal fits its width; what commander leaves too long (an example, a line of
      // the symptom codes) is broken between words, not by the terminal inside one.
      writeOut: (text) => deps.stdout(fitText(text, deps.stdoutInfo().columns)),
      writeErr: (text) => deps.stderr(fitText(text, deps.stderrInfo().columns)),
      // Two lines at most: the error, then either commander's suggestion ("Did you mean log?") or
      // where to look. showHelpAfterError would add the pointer under a suggestion too.
      // A value commander quotes back ('...') is shown printable: a line break typed into one
      // (--category $'\n') must not make a third line.
      outputError: (raw, write) => {
        const text = raw.replace(/'([^']*)'/g, (_, value: string) => `'${value.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?')}'`);
        // A command that does not exist has no --help of its own to run.
        const hint = text.startsWith('error: unknown command') ? '(pace --help lists the commands)' : HELP_AFTER_ERROR;
        write(text.trimEnd().includes('\n') ? text : `${text.trimEnd()}\n${hint}\n`);
      },
      // undefined (not a terminal) is what commander itself gives, and means 80 columns; so does
      // a terminal that gives no size (0) or next to none, as fitText treats it.
      getOutHelpWidth: () => fittedWidth(deps.stdoutInfo().columns) as number,
      getErrHelpWidth: () => fittedWidth(deps.stderrInfo().columns) as number,
      // pace's help and messages carry no colour; these only decide whether any would be kept.
      getOutHasColors: () => deps.stdoutInfo().isTTY,
      getErrHasColors: () => deps.stderrInfo().isTTY,
    })
    .exitOverride();
  refuseUnknownHelp(program, (word) => `error: unknown command '${printable(word)}'`);

  const run =
    <O>(load: () => Promise<Handler<O>>) =>
    async (...params: unknown[]) => {
      const cmd = params[params.length - 1] as Command;
      const opts = cmd.opts() as O;
      const args = (params.slice(0, -2) as (string | string[] | undefined)[]).flatMap((a) => (a === undefined ? [] : a));
      const ctx = deps.makeContext(cmd.optsWithGlobals() as Globals);
      const handler = await load();
      deps.setExitCode(await handler(args, opts, ctx));
    };

  // `dateHelp` differs: log defaults to today, edit keeps the session's own day; and edit can
  // correct the category of an activity while the session is its only one.
  const sessionFlags = (cmd: Command, dateHelp: string, categoryHelp = 'category for a new activity') =>
    cmd
      .option('--activity <name>', 'what you did, for example walk')
      .option('--dose <amount>', 'how much: a number, optionally with a unit (10, 10min, 12reps, 800m)')
      .addOption(new Option('--unit <unit>', 'unit for a new activity').choices(['min', 'reps', 'm', 'steps']))
      .addOption(new Option('--category <category>', categoryHelp).choices(['aerobic', 'mobility', 'strength', 'mind-body', 'other']))
      .option('--pain-before <0-10>', 'pain before, 0 = none, 10 = worst imaginable')
      .option('--pain-after <0-10>', 'pain after, same scale')
      .option('--effort <0-10>', 'how hard it felt, 0-10')
      .option('--date <YYYY-MM-DD>', dateHelp)
      .option('--symptom <code>', 'a symptom you noticed (repeatable; see pace triage --help)', collect)
      .option('--flare', 'mark the session as part of a flare')
      .option('--note <text>', 'a private note (left out of exports unless asked)')
      .option('--json', 'print the result as JSON');

  sessionFlags(
    program
      .command('log')
      .description('record a session (asks when run by a person, takes flags when scripted)')
      .argument('[activity]', 'what you did, for example walk')
      .argument('[dose]', 'how much, for example 10 or 10min'),
    'the day of the session, or today or yesterday (default: today)',
  )
    .option('--settled <yes|no>', 'whether the pain of your sessions yesterday or the day before has settled (next-day check); alone, records only that')
    // A word too many ("10 min", "morning walk 10", "--flare yes") is named, with what to type.
    .allowExcessArguments()
    .hook('preAction', (_program, cmd) => {
      if (cmd.args.length > 2) throw extraLogWords(cmd.args);
    })
    .addHelpText('after', '\nExamples:\n  pace log                      answer a few questions\n  pace log walk 10 --pain-before 3 --pain-after 4\n  pace log sit-to-stand 12reps --category strength\n  pace log --settled no         a rest day: yesterday\'s pain has not settled')
    .action(run(async () => (await import('./commands/log.js')).log));

  program
    .command('list')
    .description('list sessions, newest first, with their ids')
    .option('--from <YYYY-MM-DD>', 'from this day, or today or yesterday')
    .option('--to <YYYY-MM-DD>', 'up to this day, or today or yesterday')
    .option('--limit <n>', 'at most this many sessions (default 20, or all with --json, --from or --to; 0 for all)')
    .option('--json', 'print an array of sessions as JSON')
    .action(run(async () => (await import('./commands/list.js')).list));

  sessionFlags(program.command('edit').description('correct a session').argument('<id>', 'session id (see pace list)'), 'move the session to this day, or to today or yesterday', "category for a new activity, or this session's activity while it has no other session")
    .option('--no-flare', 'take back a flare mark given by mistake')
    .option('--no-symptoms', 'take back every symptom given (ticked by mistake); a hold or pause stays until pace triage --cleared')
    .option('--settled <yes|no>', "whether the pain from the session's day had settled by the next day (next-day check, for all that day's sessions); late, or to correct the answer")
    .action(run(async () => (await import('./commands/edit.js')).edit));

  program
    .command('delete')
    .description('delete a session, printing the pace log command that puts it back')
    .argument('<id>', 'session id (see pace list)')
    .option('-y, --yes', 'do not ask for confirmation')
    .option('--json', 'print the deleted session as JSON')
    .action(run(async () => (await import('./commands/delete.js')).remove));

  program
    .command('export')
    .description('write sessions as CSV for a clinic visit, or a JSON backup')
    .option('--out <file>', 'write to this file, replacing a file of that name (never the journal, another SQLite file or a link); - or none: standard output')
    .option('--from <YYYY-MM-DD>', 'CSV rows from this day, or today or yesterday (a JSON backup is always whole)')
    .option('--to <YYYY-MM-DD>', 'CSV rows up to this day, or today or yesterday (with --weekly: the journal as it stood at the end of that day)')
    .option('--weekly', 'one row per week and activity (plan, adherence, pain, flares) instead of one per session')
    .addOption(new Option('--format <format>', 'csv or json').choices(['csv', 'json']).default('csv'))
    .addOption(new Option('--json', 'the same as --format json: a backup of the whole journal').conflicts('format'))
    .option('--include-notes', 'include private notes (left out by default)')
    .addHelpText('after', '\nExamples:\n  pace export --out clinic.csv\n  pace export --weekly --out weeks.csv\n  pace export --format json --include-notes --out backup.json')
    .action(run(async () => (await import('./commands/export.js')).exportCmd));

  program
    .command('import')
    .description('read a session CSV or a JSON backup back into the journal; symptoms from the last 7 days are triaged')
    .argument('<file>', 'a CSV written by pace export, or a JSON backup (UTF-8 text, at most 64 MiB); - reads standard input')
    .option('--add-changed', 'add a CSV row that differs from a session of its day and activity as another session, instead of refusing the file')
    .option('--json', 'print what was imported as JSON')
    .action(run(async () => (await import('./commands/import.js')).importCmd));

  program
    .command('init')
    .description('settings: start date, weekly aim, the safety question about post-exertional malaise, session time, report paper')
    .option('--start <YYYY-MM-DD>', 'the first day of your program (program week 1 is its week), or today or yesterday')
    .option('--target-minutes <n>', 'weekly aim for aerobic minutes (default 150); a new aim shapes the plan from next Monday')
    .option('--pem <yes|no>', 'whether your symptoms get much worse 12-72 hours after activity (post-exertional malaise)')
    .option('--time <HH:MM>', 'the time of sessions whose activity has no time of its own (default 09:00; see pace schedule)')
    .option('--paper <a4|letter|auto>', 'the paper of pace report; auto: from the locale (the default)')
    .option('--json', 'print the settings as JSON')
    .action(run(async () => (await import('./commands/init.js')).init));

  program
    .command('plan')
    .description("the coming week's plan: quotas per activity, each with its reason")
    .option('--week <date>', 'plan the week that holds this date instead (YYYY-MM-DD, or today or yesterday)')
    .option('--set <activity=quota[xN]>', 'set a quota (and sessions per week) by hand, from that week on (this week or a later one; repeatable); lowering is always allowed, raising is refused while a hold or pause is open, in a week planned under one, and above the drop-back level after a flare (Q7)', collect)
    .option('--accept-increase', 'accept the increase on offer (envelope mode)')
    .option('-y, --yes', 'confirm an override of 1.5 x the planned quota or more, or with none yet of your usual day lately (Q7)')
    .option('--json', 'print the plan as JSON')
    .option('--ics <file>', "write the week's sessions as a calendar file (iCalendar) to import into a calendar app; - for standard output")
    .option('--remind <minutes>', 'with --ics: a reminder this many minutes before each session (default 10; 0 for none)')
    .addHelpText('after', '\nExamples:\n  pace plan\n  pace plan --set walk=12x4\n  pace plan --week 2026-03-02 --json\n  pace plan --ics week.ics --remind 15')
    .action(run(async () => (await import('./commands/plan.js')).plan));

  program
    .command('status')
    .description('where you stand: this week against the plan, trends, boom-bust alerts, holds, your goals and the weekly check-in')
    .option('--json', 'print the status as JSON')
    .action(run(async () => (await import('./commands/status.js')).status));

  program
    .command('triage')
    .description('check symptoms: continue, see a physiotherapist or doctor, or stop now')
    .option('--symptom <code>', 'a symptom code (repeatable); without it a checklist is shown', collect)
    .option('--session <id>', "attach the result to this session (default: today's latest)")
    .option('--cleared', 'record that a clinician has assessed or cleared you, ending a hold or a pause')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', ({ command }) => `\nSymptom codes:\n${symptomHelp(command, fittedWidth(deps.stdoutInfo().columns))}`)
    .action(run(async () => (await import('./commands/triage.js')).triageCmd));

  program
    .command('backup')
    .description('copy the whole journal, notes included, to a file (safe while pace is in use)')
    .argument('<file>', 'where to write the copy (a new file, readable only by you)')
    .option('--json', 'print what was written as JSON')
    .action(run(async () => (await import('./commands/backup.js')).backup));

  program
    .command('check')
    .description('check the journal for damage and show its schema version and counts')
    .option('--json', 'print the result as JSON')
    .action(run(async () => (await import('./commands/check.js')).check));

  defineGoal(program, run);
  program
    .command('checkin')
    .description('the weekly check-in: three questions (0-10) about pain and how much it got in the way')
    .option('--pain <0-10>', 'your pain on average in the past 7 days (0 no pain, 10 as bad as you can imagine)')
    .option('--enjoyment <0-10>', 'how much pain interfered with your enjoyment of life (0 not at all, 10 completely)')
    .option('--general <0-10>', 'how much pain interfered with your general activity (0 not at all, 10 completely)')
    .option('--settled <yes|no>', 'whether the pain of your sessions yesterday or the day before has settled (next-day check, F2); alone, records only that')
    .option('--json', 'print the check-in as JSON')
    .action(run(async () => (await import('./commands/checkin.js')).checkin));
  program
    .command('review')
    .description('what has changed since your first two weeks: activity, pain, check-ins and goals')
    .option('--json', 'print the review as JSON')
    .action(run(async () => (await import('./commands/review.js')).review));
  program
    .command('schedule')
    .description('the days and time of an activity\'s sessions; alone, lists them')
    .argument('[activity]', 'for example walk')
    .argument('[days]', 'mon,wed,fri (any days, comma separated), weekdays, weekends or daily (also in a list: weekdays,sat)')
    .option('--at <HH:MM>', 'the time of day, on a 24-hour clock (default: the time the activity has, else the setting from pace init --time, else 09:00)')
    .option('--clear', 'remove the days: the plan spreads the sessions over the week again')
    .option('--json', 'print the schedule as JSON')
    .addHelpText('after', '\nExamples:\n  pace schedule walk mon,wed,fri --at 08:00\n  pace schedule stretching daily --at 19:30\n  pace schedule walk --clear\n  pace schedule')
    .action(run(async () => (await import('./commands/schedule.js')).schedule));
  program
    .command('report')
    .description('the one-page clinic report: a PDF (or HTML) with the hold, what changed, trends, goals and flares')
    .option('--out <file>', 'write to this file, replacing a file of that name (never the journal, another SQLite file or a link); - for standard output (default: pace-report-<today>.pdf)')
    .addOption(new Option('--format <format>', 'pdf or html (default: from the file name, else pdf)').choices(['pdf', 'html']))
    .option('--from <YYYY-MM-DD>', 'from this day, or today or yesterday (default: 12 weeks back, or program week 1 if later)')
    .option('--to <YYYY-MM-DD>', 'up to this day, or today or yesterday (default, and at the latest: today)')
    .option('--paper <a4|letter|auto>', 'the paper (default: the setting from pace init --paper; auto: from the locale)')
    .option('--include-notes', 'include private notes (left out by default)')
    .addHelpText('after', '\nExamples:\n  pace report\n  pace report --out visit.html --from 2026-01-05')
    .action(run(async () => (await import('./commands/report.js')).report));
  program
    .command('completion')
    .description('print the shell completion script for bash, zsh or fish')
    // One variadic argument: with --words (the script's call on Tab), the words typed so far.
    .argument('[shell...]', 'bash, zsh or fish')
    .addOption(new Option('--words', 'print what may complete the last of the words (the script runs this on Tab)').hideHelp())
    .addOption(new Option('--quoted', 'the words are as typed, with the shell\'s quotes and backslashes (bash and zsh)').hideHelp())
    .addOption(new Option('--escaped', 'print each offer escaped for the command line, as the last word is quoted (bash)').hideHelp())
    .addHelpText(
      'after',
      '\nOnce, with pace on your PATH:\n  bash  echo \'source <(pace completion bash)\' >> ~/.bashrc\n  zsh   echo \'source <(pace completion zsh)\' >> ~/.zshrc   (after compinit)\n  fish  pace completion fish > ~/.config/fish/completions/pace.fish',
    )
    .action(run(async () => (await import('./commands/completion.js')).completion(() => program)));

  // A new person sees many commands; three of them are the whole of a first week.
  program.addHelpText(
    'after',
    '\nStart here:\n  pace log      after a walk or other activity: a few questions, then saved\n  pace status   where you stand this week\n  pace plan     next week\'s plan, and why each number is what it is',
  );
  return program;
}

/** M: `pace goal add | rate | list | close`. */
function defineGoal(program: Command, run: <O>(load: () => Promise<Handler<O>>) => (...params: unknown[]) => Promise<void>): void {
  const goal = program
    .command('goal')
    .description('movement goals: everyday things you want back, rated 0-10 now and then')
    .addHelpText('after', '\nRatings: 0 = unable to do it, 10 = as well as before the pain problem.\n\nExamples:\n  pace goal add "climb the stairs to my flat without stopping" --rating 3\n  pace goal rate\n  pace goal close 1 --achieved');
  // `pace goal ad ...` would otherwise go to the default `list`, which refuses "too many arguments
  // for 'list'": name the word that is not a goal command instead.
  goal.hook('preSubcommand', (_goal, sub) => {
    const first = goal.args[0];
    if (sub.name() !== 'list' || first === undefined || first === 'list' || first.startsWith('-')) return;
    goal.error(unknownGoalCommand(first), { code: 'commander.unknownCommand' });
  });
  refuseUnknownHelp(goal, unknownGoalCommand);
  const load = async () => import('./commands/goal.js');
  goal
    .command('add')
    .description('add a goal in your own words (at most 5 open at a time)')
    .argument('[text...]', 'the goal, for example "sit on the floor and get up" (asked when left out)')
    .option('--rating <0-10>', 'how able you are to do it now')
    .option('--json', 'print the goal as JSON')
    .action(run(async () => (await load()).goalAdd));
  goal
    .command('rate')
    .description('re-rate a goal; with no arguments, each open goal in turn')
    .argument('[id]', 'goal id (see pace goal list)')
    .argument('[rating]', 'how able you are to do it now, 0-10')
    .option('--json', 'print the rated goal as JSON')
    .action(run(async () => (await load()).goalRate));
  goal
    // `pace goal` alone lists them.
    .command('list', { isDefault: true })
    .description('your open goals with their change and the function score (the default)')
    .option('--all', 'closed goals too')
    .option('--json', 'print the goals as JSON')
    .action(run(async () => (await load()).goalList));
  goal
    .command('close')
    .description('close a goal as achieved, or as no longer relevant')
    .argument('<id>', 'goal id (see pace goal list)')
    .option('--achieved', 'you can do it now')
    .option('--dropped', 'it no longer matters to you')
    .option('--json', 'print the closed goal as JSON')
    .action(run(async () => (await load()).goalClose));
}

/** The word is shown printable: the quote-by-quote cleaning of outputError stops at a ' in it. */
const unknownGoalCommand = (word: string) => `error: unknown command 'goal ${printable(word)}'\n(the goal commands are add, rate, list and close; see pace goal --help)`;

/**
 * `pace help dance` (or `pace goal help dance`): commander answers a help command for a command
 * that does not exist with the whole help on stderr, where cli.md allows an error one or two lines.
 * It says so through `help({ error: true })`, with the words it was given in `args`.
 */
function refuseUnknownHelp(cmd: Command, message: (word: string) => string): void {
  const help = cmd.help.bind(cmd) as (context?: { error: boolean }) => never;
  cmd.help = ((context?: { error: boolean }) => {
    const [first, word] = cmd.args;
    if (context?.error && first === 'help' && word !== undefined) {
      // `pace help help`: the help command is listed (help [command]) but is not among cmd.commands,
      // so commander takes it for unknown; its help is the command's own.
      if (word === 'help') return help();
      cmd.error(message(word), { code: 'commander.unknownCommand' });
    }
    return help(context);
  }) as Command['help'];
}

/** Each code with its class, its words beside them, wrapped under each other as commander wraps an option's. */
function symptomHelp(command: Command, columns: number | undefined): string {
  const help = command.createHelp();
  help.prepareContext({ helpWidth: columns ?? 80 });
  return SYMPTOMS.map((s) => help.formatItem(`${s.code.padEnd(22)} ${s.class}`, 31, s.label, help)).join('\n');
}

/**
 * Commander wraps an option's words only when 40 columns are left beside it, and otherwise lets
 * the terminal break them inside words (`pace log --help` at 60 columns). Here they wrap with 20
 * left; with fewer, the words go under the option, indented, as wide as the terminal allows.
 */
const NARROW_HELP: Partial<Help> = {
  minWidthToWrap: 20,
  // A command to type stays on one line when it fits: "stays until pace triage" / "--cleared".
  boxWrap(str: string, width: number): string {
    return wrapHolding(str, width, (held) => Help.prototype.boxWrap.call(this, held, width));
  },
  formatItem(term: string, termWidth: number, description: string, helper: Help): string {
    const width = helper.helpWidth ?? 80;
    if (!description || width - termWidth - 4 >= 20) return Help.prototype.formatItem.call(helper, term, termWidth, description, helper);
    const under = helper.boxWrap(description, width - 6).replace(/\n/g, '\n      ');
    return `  ${term}\n      ${under}`;
  },
};
