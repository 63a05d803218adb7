#!/usr/bin/env node
// The command-line review; the bundle is built by `npm run build` (also on `npm ci`).
require('../dist/cli.js');
