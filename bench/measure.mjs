// Runs one pace command in this process and writes its peak memory to the file named first:
// the bench's fallback where GNU time (/usr/bin/time -v) is not installed.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const [out, ...args] = process.argv.slice(2);
const { main } = createRequire(import.meta.url)('../dist/pace.cjs');
process.exitCode = await main(args);
process.on('exit', () => writeFileSync(out, JSON.stringify({ maxRSS: process.resourceUsage().maxRSS })));
