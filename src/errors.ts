/**
 * Typed errors with stable codes. Every failure a user can cause is an HfbotError,
 * so the one top-level handler can tell "your input" from "our bug" (bolt-js errors.ts).
 */
export type ErrorCode =
  | 'E_USAGE'
  | 'E_UNKNOWN_COMMAND'
  | 'E_UNKNOWN_OPTION'
  | 'E_MISSING_OPTION'
  | 'E_BAD_VALUE'
  | 'E_UNKNOWN_MODEL'
  | 'E_UNKNOWN_THEME'
  | 'E_NOT_FOUND'
  | 'E_FORBIDDEN'
  | 'E_CONFLICT'
  | 'E_NO_DATABASE'
  | 'E_INGEST'
  | 'E_CONFIG'
  | 'E_NETWORK'
  | 'E_RATE_LIMITED'
  | 'E_TIMEOUT'
  | 'E_BUSY'
  | 'E_INTERNAL';

export class HfbotError extends Error {
  readonly code: ErrorCode;
  /** A suggestion for what to do instead, shown after the message. */
  readonly hint: string | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    opts: { hint?: string; details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'HfbotError';
    this.code = code;
    this.hint = opts.hint;
    this.details = opts.details;
  }

  /** Message plus hint, as a user should read it. */
  userMessage(): string {
    return this.hint ? `${this.message} ${this.hint}` : this.message;
  }
}

export function isHfbotError(err: unknown): err is HfbotError {
  return err instanceof HfbotError;
}

/** Exit status for the CLI: 2 for anything the user can fix, 1 for our failures. */
export function exitCodeFor(err: unknown): number {
  if (!isHfbotError(err)) return 1;
  return err.code === 'E_INTERNAL' || err.code === 'E_NETWORK' ? 1 : 2;
}
