#!/usr/bin/env node
// The `opssc-agent` command. npm links a package's bins when it installs it, before anything is built, so the bin
// is this small launcher rather than the compiled agent itself (dist/main.js, from `npm run build`).
const path = require('node:path');
const agent = path.join(__dirname, '..', 'dist', 'main.js');
try {
  require.resolve(agent);
} catch {
  process.stderr.write('opssc-agent: the agent is not built yet; run `npm run build`\n');
  process.exit(2);
}
require(agent);
