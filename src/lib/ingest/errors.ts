import { ProblemError } from '~/lib/problems';

/**
 * A problem that stops a file from being ingested (src/lib/problems.ts): which file and line, what is
 * wrong, what to do. The CLI prints its text as is, never a stack trace.
 */
export class IngestError extends ProblemError {}
