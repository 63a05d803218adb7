#!/usr/bin/env node
// The language server (LSP over stdio); the bundle is built by `npm run build` (also on `npm ci`).
require('../dist/language-server.js');
