/** Where a command writes: stdout lines and the exit code (tests pass their own). */
export interface Io {
  out(line: string): void;
  /** sets the process's exit code without failing the command (fazhi check: 1 when any 错误) */
  exitCode?(code: number): void;
  /** a line for the person watching, beside the output (stderr): a save waiting for a held file */
  note?(line: string): void;
}
