import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadConfig as loadAgentConfig } from '../../../../agent/src/config';
import { hashApiKey } from '../../../../api-server/src/auth/api-keys';
import { loadConfig as loadApiServerConfig } from '../../../../api-server/src/config';
import { type ComposeDocument, dockerfileOf, environmentOf, mountsOf, repoRoot } from './compose-document';

/** What the compose checks know about one of the project's services: its documented variables and its loader. */
export interface ServiceConfig {
  /** The Dockerfile its compose services are built from. */
  dockerfile: string;
  /** The config module whose TSDoc documents every variable. */
  configSource: string;
  /** The service's own config loader; throws when the environment is incomplete or malformed. */
  load(env: Record<string, string>): unknown;
  /** Content for files whose content the loader parses, by variable; other files get a 64-byte placeholder. */
  sampleFiles: Record<string, string>;
}

export const SERVICE_CONFIGS: readonly ServiceConfig[] = [
  {
    dockerfile: 'docker/api-server.Dockerfile',
    configSource: 'api-server/src/config.ts',
    load: (env) => loadApiServerConfig(env),
    sampleFiles: { OPSSC_API_KEYS_FILE: JSON.stringify([{ id: 'sample', role: 'admin', sha256: hashApiKey('sample') }]) },
  },
  {
    dockerfile: 'docker/agent.Dockerfile',
    configSource: 'agent/src/config.ts',
    load: (env) => loadAgentConfig(env),
    sampleFiles: {},
  },
];

/**
 * The variables a config module documents: every upper-case name in backticks inside its TSDoc comments, such
 * as `OPSSC_PEER_ENDPOINT`. STYLE.md asks for TSDoc on every config variable, so this is the documented list.
 */
export function documentedVariables(source: string): Set<string> {
  const names = new Set<string>();
  for (const comment of source.match(/\/\*\*[\s\S]*?\*\//g) ?? []) {
    for (const [, name] of comment.matchAll(/`([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)`/g)) names.add(name);
  }
  return names;
}

export function documentedVariablesOf(config: ServiceConfig): Set<string> {
  return documentedVariables(readFileSync(join(repoRoot, config.configSource), 'utf8'));
}

/**
 * Runs the service's loader on an environment whose paths (absolute values) exist, as the compose mounts would
 * provide them: a path that is a mount target is created as a directory, any other as a file, under a temporary
 * root that the values are rewritten to. Returns the loader's complaint, or undefined when it accepts the
 * environment.
 */
export function loaderComplaint(config: ServiceConfig, env: Record<string, string>, mountTargets: ReadonlySet<string> = new Set()): string | undefined {
  const root = mkdtempSync(join(tmpdir(), 'opssc-compose-env-'));
  try {
    const local = Object.fromEntries(Object.entries(env).map(([name, value]) => {
      if (!value.startsWith('/')) return [name, value];
      const path = join(root, value);
      if (mountTargets.has(value)) {
        mkdirSync(path, { recursive: true });
      } else {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, config.sampleFiles[name] ?? 'x'.repeat(64));
      }
      return [name, path];
    }));
    config.load(local);
    return undefined;
  } catch (err) {
    return (err as Error).message;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/**
 * Every problem with the environment of the services built from the project's Dockerfiles: a variable the
 * service's config does not document, or an environment its own loader refuses (a required variable missing,
 * a malformed value).
 */
export function environmentProblems(doc: ComposeDocument): string[] {
  const problems: string[] = [];
  for (const [name, service] of Object.entries(doc.services)) {
    const config = SERVICE_CONFIGS.find((c) => c.dockerfile === dockerfileOf(service));
    if (!config) continue;
    const env = environmentOf(service);
    const documented = documentedVariablesOf(config);
    for (const variable of Object.keys(env)) {
      if (!documented.has(variable)) problems.push(`${name}: ${variable} is not a variable of ${config.configSource}`);
    }
    const complaint = loaderComplaint(config, env, new Set(mountsOf(service).map((m) => m.target)));
    if (complaint) problems.push(`${name}: its config refuses the environment: ${complaint}`);
  }
  return problems;
}
