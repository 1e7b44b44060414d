import { spawnSync } from 'node:child_process';
import { COMPOSE_FILE, repoRoot } from './support/compose-document';

// The compose plugin is optional (CI runners and this repository's dev hosts may have only the docker CLI or
// nothing); compose-specification.test.ts checks the file structurally either way.
const composeAvailable = spawnSync('docker', ['compose', 'version'], { encoding: 'utf8' }).status === 0;
const withCompose = composeAvailable ? it : it.skip;

describe('docker compose itself', () => {
  withCompose(`accepts docker-compose.yaml (docker compose config -q${composeAvailable ? '' : '; skipped: no compose plugin here'})`, () => {
    const result = spawnSync('docker', ['compose', '-f', COMPOSE_FILE, 'config', '-q'], { cwd: repoRoot, encoding: 'utf8' });

    expect({ status: result.status, stderr: result.stderr.trim() }).toEqual({ status: 0, stderr: '' });
  });
});
