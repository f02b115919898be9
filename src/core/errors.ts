/**
 * Bad input from a person or a file: the CLI reports it on one line and exits 2.
 * `hint` says how to fix it.
 */
export class InputError extends Error {
  override name = 'InputError';
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}
