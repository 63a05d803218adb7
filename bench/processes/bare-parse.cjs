// The floor, as a whole process: read every design under a folder and parse it with `yaml`
// (parseDocument + toJS), nothing else. Usage: node bare-parse.cjs <folder>
const fs = require('node:fs');
const { parseDocument } = require('yaml');

const { designsUnder } = require('./designs-under.cjs');
for (const file of designsUnder(process.argv[2])) parseDocument(fs.readFileSync(file, 'utf8')).toJS();
