/**
 * The command line was wrong: a missing or malformed option, an unreadable input file, no API key. The
 * command prints its usage and exits 2.
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The api-server could not be reached or did not answer in time; it refused nothing. */
export class ApiUnreachableError extends Error {
  constructor(
    readonly apiUrl: string,
    reason: string,
  ) {
    super(`cannot reach ${apiUrl}: ${reason}`);
    this.name = 'ApiUnreachableError';
  }
}
