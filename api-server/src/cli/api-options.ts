import { UsageError } from './cli-errors';

/** Where an api-server is and the API key to present to it. */
export interface ApiConnection {
  apiUrl: string;
  apiKey: string;
}

/** The connection flags as parsed from argv. */
export interface ConnectionFlags {
  api?: string;
  'api-key-file'?: string;
}

/** The environment variables a command reads its connection from. */
export type CliEnv = Record<string, string | undefined>;

/** Connection and output flags every api command accepts, for `parseArgs`. */
export const CONNECTION_OPTIONS = {
  api: { type: 'string' },
  'api-key-file': { type: 'string' },
  json: { type: 'boolean', default: false },
} as const;

/** The usage lines of {@link CONNECTION_OPTIONS}. */
export const CONNECTION_USAGE = `connection: --api <url> (or OPSSC_API_URL)
            the API key from OPSSC_API_KEY or --api-key-file <path>; never as a flag value`;

const KEY_FLAGS = /^--(api-key|key|token)(=|$)/;

/**
 * Refuses an API key given on the command line before anything else reads argv: a flag value ends up
 * in shell history and in `ps` for every local user. The message never repeats the value.
 */
export function refuseKeyOnCommandLine(argv: string[]): void {
  const flag = argv.find((arg) => KEY_FLAGS.test(arg));
  if (flag) {
    throw new UsageError(`${flag.split('=')[0]} is not accepted: a key on the command line ends up in shell history and ps; set OPSSC_API_KEY or use --api-key-file <path>`);
  }
}

/**
 * Resolves the api-server URL (`--api`, else `OPSSC_API_URL`) and the API key (`--api-key-file`, else
 * `OPSSC_API_KEY`). Errors name where a key was looked for, never the key itself.
 */
export function resolveConnection(flags: ConnectionFlags, env: CliEnv, readText: (path: string) => string): ApiConnection {
  return { apiUrl: resolveApiUrl(flags.api ?? env.OPSSC_API_URL), apiKey: resolveApiKey(flags['api-key-file'], env, readText) };
}

function resolveApiUrl(value: string | undefined): string {
  if (!value) {
    throw new UsageError('no api-server: pass --api <url> or set OPSSC_API_URL');
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--api must be an http(s) URL, got ${value}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`--api must be an http(s) URL, got ${url.protocol}`);
  }
  if (url.username || url.password) {
    // Credentials in the URL would be printed with every error that names the server.
    throw new UsageError('--api must not carry credentials; the API key comes from OPSSC_API_KEY or --api-key-file');
  }
  return value.replace(/\/+$/, '');
}

function resolveApiKey(keyFile: string | undefined, env: CliEnv, readText: (path: string) => string): string {
  let key: string;
  let source: string;
  if (keyFile) {
    source = `--api-key-file ${keyFile}`;
    try {
      key = readText(keyFile);
    } catch (err) {
      throw new UsageError(`cannot read ${source}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
  } else if (env.OPSSC_API_KEY !== undefined) {
    source = 'OPSSC_API_KEY';
    key = env.OPSSC_API_KEY;
  } else {
    throw new UsageError('no API key: set OPSSC_API_KEY or pass --api-key-file <path> (create a key with opssc keygen)');
  }
  key = key.trim();
  // fetch rejects an invalid header value with a message that quotes it, key included: check first.
  if (!/^[\x21-\x7e]+$/.test(key)) {
    throw new UsageError(`the API key from ${source} is empty or holds characters an HTTP header cannot carry`);
  }
  return key;
}

/** A warning when the key would travel in clear text to another host, or undefined. */
export function plainHttpWarning(apiUrl: string): string | undefined {
  const { protocol, hostname } = new URL(apiUrl);
  const loopback = hostname === 'localhost' || hostname === '[::1]' || /^127\./.test(hostname);
  return protocol === 'http:' && !loopback ? `warning: the API key is sent unencrypted to ${hostname}; use https` : undefined;
}
