#!/usr/bin/env node
import { down, OPS_CHANNEL, status, up } from './network';
import { defaultRunDir } from './run-layout';

/** Default first port of the local network; org N uses the 10 ports from base + (N-1)*10. */
export const DEFAULT_BASE_PORT = 17050;

interface Args {
  command: string;
  orgs: number;
  basePort: number;
  runDir: string;
  channels: string[];
}

/** Parses argv strictly: an unknown flag or a malformed number is an error, never a silent default. */
export function parseArgs(argv: string[]): Args {
  const args: Args = {
    command: argv[0] ?? '',
    orgs: 2,
    basePort: Number(process.env.OPSSC_BASE_PORT ?? DEFAULT_BASE_PORT),
    runDir: defaultRunDir(),
    channels: [],
  };
  const number = (flag: string, value: string | undefined): number => {
    if (value === undefined || !/^\d+$/.test(value)) throw new Error(`${flag} needs a whole number, got ${value ?? 'nothing'}`);
    return Number(value);
  };
  for (let i = 1; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    switch (flag) {
      case '--orgs': args.orgs = number(flag, value); i++; break;
      case '--base-port': args.basePort = number(flag, value); i++; break;
      case '--run-dir': if (!value) throw new Error('--run-dir needs a path'); args.runDir = value; i++; break;
      case '--channel': if (!value) throw new Error('--channel needs a name'); args.channels.push(value); i++; break;
      default: throw new Error(`unknown option ${flag}`);
    }
  }
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  switch (args.command) {
    case 'up': {
      const started = Date.now();
      const channels = [OPS_CHANNEL, ...args.channels.filter((c) => c !== OPS_CHANNEL)];
      const state = await up({ orgs: args.orgs, basePort: args.basePort, runDir: args.runDir, channels });
      console.log(`network up in ${((Date.now() - started) / 1000).toFixed(1)} s: ${state.orgs.length} orgs, channels ${channels.join(', ')}`);
      console.log(`logs: ${args.runDir}/logs`);
      break;
    }
    case 'down': {
      const stopped = await down(args.runDir);
      console.log(stopped.length ? `stopped ${stopped.join(', ')}` : 'nothing was running');
      break;
    }
    case 'status': {
      const rows = await status(args.runDir);
      if (rows.length === 0) {
        console.log(`no network in ${args.runDir}`);
        break;
      }
      for (const r of rows) {
        console.log(`${r.name.padEnd(18)} ${r.kind.padEnd(8)} ${r.endpoint.padEnd(16)} pid ${String(r.pid ?? '-').padEnd(8)} ${r.healthy ? 'healthy' : r.running ? 'UNHEALTHY' : 'STOPPED'}`);
      }
      if (rows.some((r) => !r.healthy)) process.exitCode = 1;
      break;
    }
    default:
      throw new Error('usage: cli.js up [--orgs N] [--base-port P] [--channel NAME]… | down | status');
  }
}

if (require.main === module) {
  main().catch((err: Error) => {
    console.error(`error: ${err.message}`);
    process.exit(1);
  });
}
