import { readFileSync } from 'node:fs';
import { isAbsolute } from 'node:path';

/** What a joining org's agent is given to bootstrap its nodes, read from the environment. */
export interface BootstrapSettings {
  /** `OPSSC_BOOTSTRAP_API_URL`: one member's api-server, e.g. `https://api.org1.example.com`. */
  readonly apiUrl: string;
  /** `OPSSC_BOOTSTRAP_TOKEN`, or the content of `OPSSC_BOOTSTRAP_TOKEN_FILE`: the invitation token `inv_<id>.<secret>` that member issued. */
  readonly token: string;
  /** `OPSSC_BOOTSTRAP_STATE_FILE`: where progress is kept (replaced atomically); an absolute path. */
  readonly stateFile: string;
  /** `OPSSC_BOOTSTRAP_PROPOSAL_ID` (optional): the join proposal; found from the token when absent. */
  readonly proposalId?: string;
  /** `OPSSC_BOOTSTRAP_POLL_MS` (default 1000) and `OPSSC_BOOTSTRAP_POLL_MAX_MS` (default 15000): the polling backoff. */
  readonly pollInitialMs: number;
  readonly pollMaxMs: number;
}

/** A bootstrap variable is missing or malformed; names every problem at once and never the token. */
export class BootstrapSettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid bootstrap configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'BootstrapSettingsError';
  }
}

/**
 * Reads the bootstrap settings. Undefined when neither `OPSSC_BOOTSTRAP_TOKEN` nor `OPSSC_BOOTSTRAP_TOKEN_FILE`
 * is set: the org is a member already and its agent does not bootstrap.
 */
export function readBootstrapSettings(env: NodeJS.ProcessEnv, readFile: (path: string) => string = (p) => readFileSync(p, 'utf8')): BootstrapSettings | undefined {
  const value = (name: string) => env[name]?.trim() || undefined;
  const tokenFile = value('OPSSC_BOOTSTRAP_TOKEN_FILE');
  let token = value('OPSSC_BOOTSTRAP_TOKEN');
  if (!token && !tokenFile) return undefined;
  const problems: string[] = [];
  if (!token && tokenFile) {
    try {
      token = readFile(tokenFile).trim();
    } catch (err) {
      problems.push(`OPSSC_BOOTSTRAP_TOKEN_FILE (${tokenFile}) is unreadable: ${(err as Error).message.split('\n')[0]}`);
    }
  }
  if (token !== undefined && !/^inv_[0-9A-Za-z_-]+\.[0-9A-Za-z_-]+$/.test(token)) problems.push('the bootstrap token must look like inv_<id>.<secret>');
  const apiUrl = value('OPSSC_BOOTSTRAP_API_URL');
  if (!apiUrl) problems.push('OPSSC_BOOTSTRAP_API_URL is required with a bootstrap token');
  else if (!/^https?:\/\/[^\s]+$/.test(apiUrl)) problems.push(`OPSSC_BOOTSTRAP_API_URL must be an http(s) URL, got ${apiUrl}`);
  const stateFile = value('OPSSC_BOOTSTRAP_STATE_FILE');
  if (!stateFile) problems.push('OPSSC_BOOTSTRAP_STATE_FILE is required with a bootstrap token');
  else if (!isAbsolute(stateFile)) problems.push('OPSSC_BOOTSTRAP_STATE_FILE must be an absolute path');
  const proposalId = value('OPSSC_BOOTSTRAP_PROPOSAL_ID');
  if (proposalId && !/^p-[0-9a-f]{16}$/.test(proposalId)) problems.push(`OPSSC_BOOTSTRAP_PROPOSAL_ID must look like p-<16 hex>, got ${proposalId}`);
  const milliseconds = (name: string, fallback: number) => {
    const raw = value(name);
    const parsed = raw === undefined ? fallback : Number(raw);
    if (!Number.isInteger(parsed) || parsed < 1 || parsed > 3_600_000) problems.push(`${name} must be a number of milliseconds, got ${raw}`);
    return parsed;
  };
  const pollInitialMs = milliseconds('OPSSC_BOOTSTRAP_POLL_MS', 1_000);
  const pollMaxMs = milliseconds('OPSSC_BOOTSTRAP_POLL_MAX_MS', 15_000);
  if (problems.length > 0) throw new BootstrapSettingsError(problems);
  return Object.freeze({ apiUrl: (apiUrl as string).replace(/\/+$/, ''), token: token as string, stateFile: stateFile as string, ...(proposalId ? { proposalId } : {}), pollInitialMs, pollMaxMs: Math.max(pollMaxMs, pollInitialMs) });
}
