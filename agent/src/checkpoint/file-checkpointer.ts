import { mkdir, open, readFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ChaincodeEvent, Checkpointer } from '@hyperledger/fabric-gateway';

/** What the file holds: the block to resume from and, within it, the last transaction already handled. */
interface CheckpointState {
  blockNumber?: string;
  transactionId?: string;
}

/**
 * fabric-gateway's Checkpointer, stored in a file that is replaced atomically: the new state is written to
 * a temporary file, fsynced, renamed over the old one, and the directory is fsynced. A crash at any point
 * leaves either the old or the new checkpoint, never a torn one (fabric-gateway's own file checkpointer
 * rewrites the file in place). Same semantics as fabric-gateway's: `checkpointBlock(n)` resumes at n + 1,
 * `checkpointTransaction(n, tx)` resumes in block n after `tx`.
 */
export class FileCheckpointer implements Checkpointer {
  private blockNumber: bigint | undefined;
  private transactionId: string | undefined;

  private constructor(private readonly path: string) {}

  /** Opens the checkpoint at `path`; a missing file is an empty checkpoint (events start at the next block). */
  static async open(path: string): Promise<FileCheckpointer> {
    const checkpointer = new FileCheckpointer(path);
    await mkdir(dirname(path), { recursive: true });
    let text = '';
    try {
      text = await readFile(path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    if (text.trim() !== '') {
      const state = JSON.parse(text) as CheckpointState;
      checkpointer.blockNumber = state.blockNumber === undefined ? undefined : BigInt(state.blockNumber);
      checkpointer.transactionId = state.transactionId;
    }
    return checkpointer;
  }

  getBlockNumber(): bigint | undefined {
    return this.blockNumber;
  }

  getTransactionId(): string | undefined {
    return this.transactionId;
  }

  async checkpointBlock(blockNumber: bigint): Promise<void> {
    await this.save(blockNumber + 1n, undefined);
  }

  async checkpointTransaction(blockNumber: bigint, transactionId: string): Promise<void> {
    await this.save(blockNumber, transactionId);
  }

  async checkpointChaincodeEvent(event: ChaincodeEvent): Promise<void> {
    await this.checkpointTransaction(event.blockNumber, event.transactionId);
  }

  private async save(blockNumber: bigint, transactionId: string | undefined): Promise<void> {
    const state: CheckpointState = { blockNumber: blockNumber.toString(), ...(transactionId ? { transactionId } : {}) };
    const temporary = `${this.path}.${process.pid}.tmp`;
    const file = await open(temporary, 'w');
    try {
      await file.writeFile(JSON.stringify(state));
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temporary, this.path);
    await syncDirectory(dirname(this.path));
    // memory follows the disk, so a failed write never moves the in-memory position past the file's
    this.blockNumber = blockNumber;
    this.transactionId = transactionId;
  }
}

// The rename is durable only once the directory entry is on disk.
async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
