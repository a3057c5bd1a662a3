/**
 * A problem that stops a file from being ingested. The message is one sentence that names the file (and
 * line, when there is one) and says what to do; the CLI prints it as is, never a stack trace.
 */
export class IngestError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly reason: string,
  ) {
    super(`${line ? `${file}:${line}` : file}: ${reason}`);
    this.name = 'IngestError';
  }
}
