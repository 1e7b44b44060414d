import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './compose-document';

/** One Dockerfile instruction, with the stage it belongs to (0 for the first FROM). */
export interface Instruction {
  keyword: string;
  args: string;
  stage: number;
}

/** A Dockerfile as a list of instructions: comments dropped, continuation lines joined, ARG defaults applied. */
export function parseDockerfile(text: string): Instruction[] {
  const logical = text
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const args: Record<string, string> = {};
  let stage = -1;
  return logical.map((line) => {
    const [, keyword, rest] = /^(\S+)\s*(.*)$/.exec(line) ?? ['', line, ''];
    const upper = keyword.toUpperCase();
    if (upper === 'ARG') {
      const [name, value] = rest.split('=');
      if (value !== undefined) args[name] ??= value;
    }
    if (upper === 'FROM') stage++;
    const expanded = rest.replace(/\$\{(\w+)\}|\$(\w+)/g, (match, braced?: string, bare?: string) => args[braced ?? bare ?? ''] ?? match);
    return { keyword: upper, args: expanded.replace(/\s+/g, ' '), stage };
  });
}

export function readDockerfile(path: string): Instruction[] {
  return parseDockerfile(readFileSync(join(repoRoot, path), 'utf8'));
}

/** The instructions of the final stage, the one the image runs. */
export function finalStage(instructions: Instruction[]): Instruction[] {
  const last = Math.max(...instructions.map((i) => i.stage));
  return instructions.filter((i) => i.stage === last);
}

/** A COPY's flags, sources and destination. */
export function copyParts(args: string): { from?: string; sources: string[]; destination: string } {
  const words = args.split(' ');
  const flags = words.filter((w) => w.startsWith('--'));
  const paths = words.filter((w) => !w.startsWith('--'));
  const from = flags.find((f) => f.startsWith('--from='))?.slice('--from='.length);
  return { ...(from ? { from } : {}), sources: paths.slice(0, -1), destination: paths[paths.length - 1] };
}

function patternRegex(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (pattern.startsWith('**/', i)) {
      source += '(?:.*/)?';
      i += 2;
    } else if (pattern.startsWith('**', i)) {
      source += '.*';
      i += 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/**
 * Whether .dockerignore keeps a path (relative to the context) out of the build context. As in Docker, a pattern
 * that matches a directory excludes everything under it, and a later `!pattern` takes a path back in.
 */
export function ignoredByDockerignore(path: string, dockerignore = readFileSync(join(repoRoot, '.dockerignore'), 'utf8')): boolean {
  const patterns = dockerignore.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  const segments = path.replace(/^\.\//, '').replace(/\/$/, '').split('/');
  const prefixes = segments.map((_, i) => segments.slice(0, i + 1).join('/'));
  let ignored = false;
  for (const raw of patterns) {
    const negated = raw.startsWith('!');
    const regex = patternRegex((negated ? raw.slice(1) : raw).replace(/^\/+/, '').replace(/\/+$/, ''));
    if (prefixes.some((p) => regex.test(p))) ignored = !negated;
  }
  return ignored;
}
