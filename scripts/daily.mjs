// The commands people run daily get V8 code caches of their own, with and without --json: the
// build makes one per entry (scripts/build.mjs), trained by the runs listed (scripts/train-cache.mjs),
// and bin/pace.js picks one by the command and --json, falling back to the general cache.

/** Each cache's name, and the runs that train it: as a person runs them, and with --json (no tables, charts or colours). */
export const DAILY = {
  log: [['log', 'walk', '11', '--pain-before', '3', '--pain-after', '4']],
  'log-json': [['log', 'walk', '10', '--pain-before', '3', '--pain-after', '4', '--json']],
  status: [['status'], ['status']],
  'status-json': [['status', '--json'], ['status', '--json']],
  plan: [['plan'], ['plan']],
  'plan-json': [['plan', '--json'], ['plan', '--json']],
  list: [['list']],
  'list-json': [['list', '--json']],
};
