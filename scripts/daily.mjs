// The commands people run daily get bundles of their own, dist/<command>.cjs, holding that command
// and none of the others, and V8 code caches of their own, with and without --json: the build makes
// one cache per entry (scripts/build.mjs), trained by the runs listed (scripts/train-cache.mjs), and
// bin/pace.js picks the bundle by the command and the cache by --json.

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

/** The command a cache is for, and so the bundle it belongs to. */
export const commandOf = (cache) => cache.replace(/-json$/, '');

/** The commands with bundles of their own, as bin/pace.js lists them. */
export const OWN_BUNDLES = [...new Set(Object.keys(DAILY).map(commandOf))].sort();
