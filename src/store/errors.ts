/** A journal that cannot be read or written as asked: the CLI reports it and exits 1. */
export class JournalError extends Error {
  override name = 'JournalError';
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** A record named by the person (a session id) does not exist: a usage error, exit 2. */
export class NotFoundError extends Error {
  override name = 'NotFoundError';
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}
