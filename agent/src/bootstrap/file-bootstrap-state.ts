import { mkdir, open, readFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { checkLoadedState, type BootstrapState, type BootstrapStateStore } from './bootstrap-state';

/**
 * The bootstrap state in a JSON file, replaced atomically: written to a temporary file, fsynced, renamed
 * over the old file, then the directory is fsynced so that the rename itself survives a power loss.
 */
export class FileBootstrapState implements BootstrapStateStore {
  constructor(
    private readonly path: string,
    private readonly mspId: string,
  ) {}

  async load(): Promise<BootstrapState | undefined> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      value = undefined;
    }
    return checkLoadedState(value, this.mspId, this.path);
  }

  async save(state: BootstrapState): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true });
    const temporary = `${this.path}.${process.pid}.tmp`;
    const file = await open(temporary, 'w', 0o600);
    try {
      await file.writeFile(`${JSON.stringify(state, null, 2)}\n`);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temporary, this.path);
    const dir = await open(dirname(this.path), 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
  }
}
