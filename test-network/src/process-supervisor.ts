import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A long-running process started by the harness, recorded by pid so that `down` can stop it. */
export interface DaemonSpec {
  name: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  logFile: string;
}

/**
 * Starts a daemon in its own process group, logging to its own file, and records its pid.
 * The process group matters: a peer starts chaincode processes through the external builder, and stopping the
 * whole group is what leaves no orphan chaincode behind.
 */
export function startDaemon(pidDir: string, spec: DaemonSpec): number {
  mkdirSync(pidDir, { recursive: true });
  const out = openSync(spec.logFile, 'a');
  const child = spawn(spec.command, spec.args, { cwd: spec.cwd, env: spec.env, detached: true, stdio: ['ignore', out, out] });
  closeSync(out);
  if (child.pid === undefined) throw new Error(`could not start ${spec.name}: ${spec.command}`);
  child.unref();
  writeFileSync(join(pidDir, `${spec.name}.pid`), String(child.pid));
  return child.pid;
}

/** True while the process exists (signal 0 probes without signalling). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // the group is already gone
  }
}

/** The recorded daemons of a run directory: name -> pid. */
export function recordedDaemons(pidDir: string): Map<string, number> {
  const daemons = new Map<string, number>();
  if (!existsSync(pidDir)) return daemons;
  for (const file of readdirSync(pidDir).filter((f) => f.endsWith('.pid'))) {
    const pid = Number(readFileSync(join(pidDir, file), 'utf8').trim());
    if (Number.isInteger(pid) && pid > 0) daemons.set(file.slice(0, -4), pid);
  }
  return daemons;
}

/**
 * Stops every recorded daemon's process group: SIGTERM, then SIGKILL after the grace period. Safe to call twice:
 * pid files are removed once their group is gone, and a missing directory is nothing to stop.
 */
export async function stopDaemons(pidDir: string, graceMs = 10_000, only?: (name: string) => boolean): Promise<string[]> {
  const daemons = [...recordedDaemons(pidDir)].filter(([name]) => !only || only(name));
  for (const [, pid] of daemons) signalGroup(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (daemons.some(([, pid]) => groupAlive(pid)) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
  }
  for (const [, pid] of daemons) if (groupAlive(pid)) signalGroup(pid, 'SIGKILL');
  for (const [name] of daemons) rmSync(join(pidDir, `${name}.pid`), { force: true });
  return daemons.map(([name]) => name);
}
