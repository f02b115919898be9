#!/usr/bin/env node
// The entry point stays tiny: the bundled program lives in dist/ (built by `npm install`).
import module from 'node:module';

// Node 22.8+ caches compiled code between runs; Node 20 simply goes without.
module.enableCompileCache?.();

const { main } = await import('../dist/main.js');
process.exitCode = await main(process.argv.slice(2));
