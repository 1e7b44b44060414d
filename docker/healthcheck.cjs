#!/usr/bin/env node
// Container health check for the api-server and agent images: `node healthcheck.cjs api-server|agent`.
// The slim Node image has no curl or wget, so the probe is a Node fetch. It reads the same variables as the
// service, so a port changed in the environment is probed where the service really listens.
'use strict';

const targets = {
  // liveness only: /api/v1/ready also needs the peer, and a peer outage must not make Docker restart the server
  'api-server': () => `http://127.0.0.1:${process.env.OPSSC_PORT || '8080'}/api/v1/health`,
  // the status endpoint listens on 127.0.0.1 inside the container; the probe runs there too
  agent: () => `http://127.0.0.1:${process.env.OPSSC_STATUS_PORT || '9090'}/status`,
};

const target = targets[process.argv[2]];
if (!target) {
  process.stderr.write('usage: healthcheck.cjs api-server|agent\n');
  process.exit(2);
}

fetch(target(), { signal: AbortSignal.timeout(4000) }).then(
  (res) => process.exit(res.ok ? 0 : 1),
  () => process.exit(1),
);
