#!/usr/bin/env node
// The `opssc` command. npm links a package's bins when it installs it, before anything is built, so the bin is
// this small launcher rather than the compiled CLI itself (dist/cli/main.js, from `npm run build`).
const path = require('node:path');
const cli = path.join(__dirname, '..', 'dist', 'cli', 'main.js');
try {
  require.resolve(cli);
} catch {
  process.stderr.write('opssc: the CLI is not built yet; run `npm run build` (npm start and npm test build it too)\n');
  process.exit(2);
}
require(cli);
