/** The streams a CLI command writes to; injected so tests can capture them. */
export interface CliIo {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
}

export interface CliCommand {
  name: string;
  /** Full usage text for `overens <command> --help`. */
  usage: string;
  /** Returns the process exit status. */
  run(args: string[], io: CliIo): Promise<number>;
}

/** A usage error: printed with the command's usage, exit status 2. */
export class UsageError extends Error {}

/** Bad input data (unreadable file, problems with line numbers): printed alone, exit status 1. */
export class InputError extends Error {}
