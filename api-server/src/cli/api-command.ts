import { plainHttpWarning, refuseKeyOnCommandLine, resolveConnection, type ApiConnection, type CliEnv, type ConnectionFlags } from './api-options';
import { ApiUnreachableError, UsageError } from './cli-errors';
import { ApiError } from './join-api-client';
import type { InputReader } from './json-input';
import type { ProposalsApiClient } from './proposals-api-client';

/** Where a command's lines go: results to `out` (stdout), diagnostics to `err` (stderr). */
export interface Output {
  out(line: string): void;
  err(line: string): void;
}

/** The ports of the api commands; main.ts wires the process's, tests their own. */
export interface CliDeps extends Output, InputReader {
  env: CliEnv;
  readBytes(path: string): Buffer;
  connect(connection: ApiConnection): ProposalsApiClient;
  sleep(ms: number): Promise<void>;
  now(): number;
}

/** What a command runs with once its arguments and connection are resolved. */
export interface CommandContext extends Output {
  client: ProposalsApiClient;
  /** `--json`: print the server's answer as JSON instead of a summary. */
  json: boolean;
  outJson(value: unknown): void;
  readBytes(path: string): Buffer;
  sleep(ms: number): Promise<void>;
  now(): number;
}

/** A command's parsed arguments. */
export interface ParsedCommand<O> {
  options: O;
  connection: ConnectionFlags;
  json: boolean;
}

/** One api command: its usage, its argv parser and what it does. */
export interface ApiCommand<O> {
  usage: string;
  parse(argv: string[], input: InputReader): Promise<ParsedCommand<O>>;
  execute(options: O, ctx: CommandContext): Promise<number>;
}

/** Runs one command of a group with its argv; see {@link runApiCommand}. */
export type CommandRunner = (argv: string[], deps: CliDeps) => Promise<number>;

/** Binds a command to {@link runApiCommand}, so a group can hold commands of different options. */
export function runnable<O>(command: ApiCommand<O>): CommandRunner {
  return (argv, deps) => runApiCommand(command, argv, deps);
}

/**
 * Runs `opssc <group> <command> ...`. Without a command it prints the group's usage (exit 2; 0 for
 * `help`); an unknown command is a usage error.
 */
export async function runCommandGroup(group: string, usage: string, commands: Record<string, CommandRunner>, argv: string[], deps: CliDeps): Promise<number> {
  const [name, ...rest] = argv;
  if (name === 'help' || name === '--help' || name === '-h') {
    deps.out(usage);
    return 0;
  }
  if (name === undefined) {
    deps.err(usage);
    return 2;
  }
  if (!Object.hasOwn(commands, name)) {
    deps.err(`opssc ${group}: unknown command ${name}`);
    deps.err(usage);
    return 2;
  }
  return commands[name](rest, deps);
}

/**
 * Parses, resolves the connection and executes one command. Exit codes: 0 done, 1 the api-server
 * refused (`error <CODE>: <message> (HTTP <status>)`) or could not be reached, 2 a usage error (with the
 * command's usage). Once the key is known every line is scrubbed of it, whatever path printed it.
 */
export async function runApiCommand<O>(command: ApiCommand<O>, argv: string[], deps: CliDeps): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    deps.out(command.usage);
    return 0;
  }
  // a key from the environment is known before argv is read, so even a usage error cannot echo it
  let output: Output = deps.env.OPSSC_API_KEY?.trim() ? redacting(deps, deps.env.OPSSC_API_KEY.trim()) : deps;
  try {
    refuseKeyOnCommandLine(argv);
    const parsed = await command.parse(argv, deps);
    const connection = resolveConnection(parsed.connection, deps.env, deps.readText);
    output = redacting(output, connection.apiKey);
    const warning = plainHttpWarning(connection.apiUrl);
    if (warning) output.err(warning);
    const out = output.out;
    return await command.execute(parsed.options, {
      ...output,
      client: deps.connect(connection),
      json: parsed.json,
      outJson: (value) => out(JSON.stringify(value, null, 2)),
      readBytes: deps.readBytes,
      sleep: deps.sleep,
      now: deps.now,
    });
  } catch (err) {
    return reportFailure(err, command.usage, output);
  }
}

function reportFailure(err: unknown, usage: string, output: Output): number {
  if (err instanceof UsageError) {
    output.err(`opssc: ${err.message}`);
    output.err(usage);
    return 2;
  }
  if (err instanceof ApiError) {
    // ApiError's message is `<CODE>: <message>`: the code first, so scripts can match on it.
    output.err(`error ${err.message} (HTTP ${err.status})`);
    return 1;
  }
  output.err(`opssc: ${err instanceof ApiUnreachableError ? err.message : `failed: ${(err as Error).message}`}`);
  return 1;
}

function redacting(output: Output, secret: string): Output {
  const scrub = (line: string) => line.split(secret).join('[redacted]');
  return { out: (line) => output.out(scrub(line)), err: (line) => output.err(scrub(line)) };
}
