#!/usr/bin/env node
'use strict';
// The entry point stays tiny: the bundled program is dist/main.cjs (built by `npm install`).
// This folder's package.json makes this file CommonJS, which starts faster than an ES module.

// Node 22.8+ caches compiled code between runs; Node 20 simply goes without.
require('node:module').enableCompileCache?.();

require('../dist/main.cjs')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
