// The design files the benchmark's folders hold: <folder>/<team>/mlsystem.yaml, in name order.
const fs = require('node:fs');
const path = require('node:path');

exports.designsUnder = (folder) =>
  fs.readdirSync(folder).sort().map((team) => path.join(folder, team, 'mlsystem.yaml')).filter((file) => fs.existsSync(file));
