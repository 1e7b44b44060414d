import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type ComposeDocument, type ComposeService, environmentOf, parseMount } from './compose-document';

/*
 * The essentials of the Compose Specification (https://github.com/compose-spec/compose-spec) that a file must
 * meet for `docker compose config` to accept it, encoded for hosts without the compose plugin. Each check
 * returns readable problems rather than throwing, so one run names every defect.
 */

const TOP_LEVEL_KEYS = new Set(['version', 'name', 'include', 'services', 'networks', 'volumes', 'configs', 'secrets']);

const SERVICE_KEYS = new Set([
  'annotations', 'attach', 'build', 'blkio_config', 'cap_add', 'cap_drop', 'cgroup', 'cgroup_parent', 'command', 'configs',
  'container_name', 'cpu_count', 'cpu_percent', 'cpu_period', 'cpu_quota', 'cpu_rt_period', 'cpu_rt_runtime', 'cpu_shares',
  'cpus', 'cpuset', 'credential_spec', 'depends_on', 'deploy', 'develop', 'device_cgroup_rules', 'devices', 'dns',
  'dns_opt', 'dns_search', 'domainname', 'entrypoint', 'env_file', 'environment', 'expose', 'extends', 'external_links',
  'extra_hosts', 'gpus', 'group_add', 'healthcheck', 'hostname', 'image', 'init', 'ipc', 'isolation', 'labels', 'links',
  'logging', 'mac_address', 'mem_limit', 'mem_reservation', 'mem_swappiness', 'memswap_limit', 'network_mode', 'networks',
  'oom_kill_disable', 'oom_score_adj', 'pid', 'pids_limit', 'platform', 'ports', 'post_start', 'pre_stop', 'privileged',
  'profiles', 'pull_policy', 'read_only', 'restart', 'runtime', 'scale', 'secrets', 'security_opt', 'shm_size',
  'stdin_open', 'stop_grace_period', 'stop_signal', 'storage_opt', 'sysctls', 'tmpfs', 'tty', 'ulimits', 'user',
  'userns_mode', 'uts', 'volumes', 'volumes_from', 'working_dir',
]);

const HEALTHCHECK_KEYS = new Set(['test', 'interval', 'timeout', 'retries', 'start_period', 'start_interval', 'disable']);
const DURATION = /^(\d+(\.\d+)?(us|ms|s|m|h))+$/;
const DEPENDENCY_CONDITIONS = new Set(['service_started', 'service_healthy', 'service_completed_successfully']);
const RESTART = /^(no|always|unless-stopped|on-failure(:\d+)?)$/;
const SERVICE_NAME = /^[a-zA-Z0-9][a-zA-Z0-9._-]*$/;
const VOLUME_MODES = new Set(['ro', 'rw', 'z', 'Z', 'cached', 'delegated', 'consistent', 'nocopy']);
// [ip:][host[-host]:]container[-container][/protocol]
const PORT = /^(?:(?:\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-fA-F:]+\]):)?(?:(\d+)(?:-(\d+))?:)?(\d+)(?:-(\d+))?(?:\/(tcp|udp|sctp))?$/;

const isExtension = (key: string) => key.startsWith('x-');

function healthcheckProblems(name: string, check: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(check)) {
    if (!HEALTHCHECK_KEYS.has(key)) problems.push(`${name}: healthcheck has an unknown key ${key}`);
  }
  const test = check.test;
  if (Array.isArray(test)) {
    const [kind, ...args] = test as unknown[];
    if (!['NONE', 'CMD', 'CMD-SHELL'].includes(String(kind))) problems.push(`${name}: healthcheck test must start with NONE, CMD or CMD-SHELL`);
    if (kind !== 'NONE' && (args.length === 0 || args.some((a) => typeof a !== 'string' || a === ''))) {
      problems.push(`${name}: healthcheck test ${String(kind)} needs a command of non-empty strings`);
    }
  } else if (typeof test !== 'string' && check.disable !== true) {
    problems.push(`${name}: healthcheck needs a test (a string or a list)`);
  }
  for (const key of ['interval', 'timeout', 'start_period', 'start_interval']) {
    if (check[key] !== undefined && !DURATION.test(String(check[key]))) problems.push(`${name}: healthcheck ${key} ${String(check[key])} is not a duration`);
  }
  if (check.retries !== undefined && !(Number.isInteger(check.retries) && (check.retries as number) > 0)) {
    problems.push(`${name}: healthcheck retries must be a positive integer`);
  }
  return problems;
}

function portProblems(name: string, port: string | number | Record<string, unknown>): string[] {
  if (typeof port === 'number' || typeof port === 'object') return [];
  const match = PORT.exec(port);
  if (!match) return [`${name}: port ${port} is not [ip:][host:]container[/protocol]`];
  const [, hostFrom, hostTo, from, to] = match;
  const span = (a?: string, b?: string) => (b === undefined ? 0 : Number(b) - Number(a));
  if (span(from, to) < 0 || span(hostFrom, hostTo) < 0) return [`${name}: port range ${port} runs backwards`];
  if (hostFrom !== undefined && span(hostFrom, hostTo) !== span(from, to)) return [`${name}: port ranges in ${port} differ in length`];
  return [];
}

function dependenciesOf(service: ComposeService): Record<string, string> {
  const deps = service.depends_on ?? [];
  const named = Array.isArray(deps) ? Object.fromEntries(deps.map((d) => [d, 'service_started'])) : Object.fromEntries(Object.entries(deps).map(([d, v]) => [d, v?.condition ?? 'service_started']));
  const shared = /^service:(.+)$/.exec(service.network_mode ?? '')?.[1];
  return shared ? { [shared]: 'service_started', ...named } : named;
}

function serviceProblems(doc: ComposeDocument, name: string, service: ComposeService, baseDir: string): string[] {
  const problems: string[] = [];
  if (!SERVICE_NAME.test(name)) problems.push(`${name}: not a valid service name`);
  for (const key of Object.keys(service)) {
    if (!SERVICE_KEYS.has(key) && !isExtension(key)) problems.push(`${name}: unknown service key ${key}`);
  }
  if (!service.image && !service.build) problems.push(`${name}: needs an image or a build`);
  if (service.build && typeof service.build === 'object') {
    const dockerfile = join(baseDir, service.build.context ?? '.', service.build.dockerfile ?? 'Dockerfile');
    if (!existsSync(dockerfile)) problems.push(`${name}: no Dockerfile at ${dockerfile}`);
  }
  if (service.healthcheck) problems.push(...healthcheckProblems(name, service.healthcheck));
  for (const key of Object.keys(environmentOf(service))) {
    if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(key)) problems.push(`${name}: environment variable name ${key} is invalid`);
  }
  for (const entry of service.volumes ?? []) {
    const mount = parseMount(entry);
    if (!mount.target.startsWith('/')) problems.push(`${name}: volume ${JSON.stringify(entry)} needs an absolute container path`);
    if (mount.kind === 'volume' && !(doc.volumes && mount.source in doc.volumes)) problems.push(`${name}: named volume ${mount.source} is not declared under volumes`);
    if (typeof entry === 'string') {
      const mode = entry.split(':')[2];
      if (mode !== undefined && mode.split(',').some((m) => !VOLUME_MODES.has(m))) problems.push(`${name}: volume mode ${mode} is unknown`);
    }
  }
  const networks = Array.isArray(service.networks) ? service.networks : Object.keys(service.networks ?? {});
  for (const network of networks) {
    if (network !== 'default' && !(doc.networks && network in doc.networks)) problems.push(`${name}: network ${network} is not declared under networks`);
  }
  const shared = /^service:(.+)$/.exec(service.network_mode ?? '')?.[1];
  if (shared !== undefined) {
    if (!(shared in doc.services)) problems.push(`${name}: network_mode names a missing service ${shared}`);
    if (service.ports || service.networks) problems.push(`${name}: a service in another service's network namespace cannot declare ports or networks`);
  }
  for (const port of service.ports ?? []) problems.push(...portProblems(name, port));
  for (const [dependency, condition] of Object.entries(dependenciesOf(service))) {
    const target = doc.services[dependency];
    if (!target) problems.push(`${name}: depends on a missing service ${dependency}`);
    if (!DEPENDENCY_CONDITIONS.has(condition)) problems.push(`${name}: unknown depends_on condition ${condition}`);
    if (condition === 'service_healthy' && target && !target.healthcheck) problems.push(`${name}: waits for ${dependency} to be healthy, which has no healthcheck`);
  }
  if (service.restart !== undefined && !RESTART.test(String(service.restart))) problems.push(`${name}: restart ${String(service.restart)} is unknown`);
  return problems;
}

function cycleProblems(doc: ComposeDocument): string[] {
  const state = new Map<string, 'visiting' | 'done'>();
  const problems: string[] = [];
  const visit = (name: string, path: string[]): void => {
    if (state.get(name) === 'done' || !doc.services[name]) return;
    if (state.get(name) === 'visiting') {
      problems.push(`dependency cycle: ${[...path, name].join(' -> ')}`);
      return;
    }
    state.set(name, 'visiting');
    for (const dependency of Object.keys(dependenciesOf(doc.services[name]))) visit(dependency, [...path, name]);
    state.set(name, 'done');
  };
  for (const name of Object.keys(doc.services)) visit(name, []);
  return problems;
}

/** Every way the document falls short of the compose specification's essentials; empty when it meets them. */
export function composeProblems(doc: ComposeDocument, baseDir: string): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(doc)) {
    if (!TOP_LEVEL_KEYS.has(key) && !isExtension(key)) problems.push(`unknown top-level key ${key}`);
  }
  if (!doc.services || typeof doc.services !== 'object' || Object.keys(doc.services).length === 0) return [...problems, 'no services'];
  for (const [name, service] of Object.entries(doc.services)) problems.push(...serviceProblems(doc, name, service, baseDir));
  const containerNames = Object.values(doc.services).map((s) => s.container_name).filter((n): n is string => typeof n === 'string');
  for (const duplicate of containerNames.filter((n, i) => containerNames.indexOf(n) !== i)) problems.push(`container_name ${duplicate} is used twice`);
  return [...problems, ...cycleProblems(doc)];
}
