import { UsageError } from './cli-errors';

/** Where a command reads its input files from; tests give a stdin of their own. */
export interface InputReader {
  readText(path: string): string;
  readStdin(): Promise<string>;
}

/** Reads a JSON document from a file, or from stdin when `source` is `-`. */
export async function readJsonFile(flag: string, source: string, input: InputReader): Promise<unknown> {
  const text = source === '-' ? await input.readStdin() : readFileText(flag, source, input);
  return parseJson(flag, source === '-' ? 'stdin' : source, text);
}

/** Reads inline JSON, or a file when the value is `@<path>` (as curl does). */
export async function readJsonArgument(flag: string, value: string, input: InputReader): Promise<unknown> {
  return value.startsWith('@') ? readJsonFile(flag, value.slice(1), input) : parseJson(flag, 'the value', value);
}

function readFileText(flag: string, path: string, input: InputReader): string {
  try {
    return input.readText(path);
  } catch (err) {
    throw new UsageError(`--${flag}: cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
}

// Only "is it JSON" is checked here: the payload's shape is the server's to validate, so a type the
// server learns later needs no new CLI.
function parseJson(flag: string, what: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new UsageError(`--${flag}: ${what} is not JSON (${(err as Error).message})`);
  }
}
