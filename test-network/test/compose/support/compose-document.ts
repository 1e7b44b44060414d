import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as yaml from 'js-yaml';

/** The repository root, from test-network/test/compose/support. */
export const repoRoot = join(__dirname, '..', '..', '..', '..');
export const COMPOSE_FILE = join(repoRoot, 'docker-compose.yaml');

type Scalar = string | number | boolean | null;

/** The parts of a compose service the checks read; anything else is kept as parsed. */
export interface ComposeService {
  image?: string;
  build?: string | { context?: string; dockerfile?: string };
  command?: string | string[];
  environment?: Record<string, Scalar> | string[];
  volumes?: (string | Record<string, unknown>)[];
  ports?: (string | number | Record<string, unknown>)[];
  networks?: string[] | Record<string, unknown>;
  network_mode?: string;
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface ComposeDocument {
  name?: string;
  services: Record<string, ComposeService>;
  networks?: Record<string, unknown>;
  volumes?: Record<string, unknown>;
  [key: string]: unknown;
}

/**
 * Compose's variable interpolation on one string: `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `$VAR`, and
 * `$$` for a literal dollar.
 */
export function interpolate(value: string, env: Record<string, string | undefined>): string {
  return value.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)-([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (match, name?: string, colon?: string, fallback?: string, bare?: string) => {
    if (match === '$$') return '$';
    const key = name ?? bare ?? '';
    const set = env[key];
    if (fallback !== undefined && (set === undefined || (colon === ':' && set === ''))) return fallback;
    return set ?? '';
  });
}

function interpolateAll(node: unknown, env: Record<string, string | undefined>): unknown {
  if (typeof node === 'string') return interpolate(node, env);
  if (Array.isArray(node)) return node.map((item) => interpolateAll(item, env));
  if (node && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, interpolateAll(value, env)]));
  }
  return node;
}

/**
 * Parses a compose file as `docker compose` reads it: YAML with anchors and merge keys, then interpolation of
 * the values (never of comments) from `env`, which defaults to none so that the file's own defaults apply.
 */
export function loadCompose(file = COMPOSE_FILE, env: Record<string, string | undefined> = {}): ComposeDocument {
  const parsed = yaml.load(readFileSync(file, 'utf8'));
  return interpolateAll(parsed, env) as ComposeDocument;
}

/** A service's environment as a map, whichever of the two compose forms the file uses. */
export function environmentOf(service: ComposeService): Record<string, string> {
  const env = service.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(env.map((entry) => {
      const at = entry.indexOf('=');
      return at < 0 ? [entry, ''] : [entry.slice(0, at), entry.slice(at + 1)];
    }));
  }
  return Object.fromEntries(Object.entries(env).map(([key, value]) => [key, value === null ? '' : String(value)]));
}

/** One entry of a service's `volumes`, short or long syntax. */
export interface Mount {
  kind: 'bind' | 'volume';
  source: string;
  target: string;
  readOnly: boolean;
}

/** Parses a volume entry; in the short syntax a source that is not a path is a named volume. */
export function parseMount(entry: string | Record<string, unknown>): Mount {
  if (typeof entry === 'string') {
    const [source, target, mode = ''] = entry.split(':');
    const kind = /^[./~]/.test(source) ? 'bind' : 'volume';
    return { kind, source, target: target ?? '', readOnly: mode.split(',').includes('ro') };
  }
  return {
    kind: entry.type === 'bind' ? 'bind' : 'volume',
    source: String(entry.source ?? ''),
    target: String(entry.target ?? ''),
    readOnly: entry.read_only === true,
  };
}

export function mountsOf(service: ComposeService): Mount[] {
  return (service.volumes ?? []).map(parseMount);
}

/** The Dockerfile a service is built from, relative to the repository root, if it is built. */
export function dockerfileOf(service: ComposeService): string | undefined {
  if (service.build === undefined) return undefined;
  if (typeof service.build === 'string') return join(service.build, 'Dockerfile');
  return join(service.build.context ?? '.', service.build.dockerfile ?? 'Dockerfile');
}
