// Problems with input: what a maintainer sees when a file cannot be used. Every reader, checker and
// writer reports a Problem (which file, which line, what is wrong, what to do); several at once travel
// as a list, one that stops the work travels in a ProblemError. The CLI prints problemText(), never a
// stack trace. Subclasses say which stage refused the input and are told apart with instanceof.
import type { z } from 'astro/zod';

export interface Problem {
  /** Repository-relative path (or the name the user gave) of the file at fault. */
  file: string;
  /** 1-based line in that file, when the problem has one. */
  line?: number;
  /** A part inside a file that has no lines: a page of a PDF (第3页), a member of a zip (word/document.xml). */
  part?: string;
  /** What is wrong, in one sentence. */
  message: string;
  /** What to do about it, when there is something to do. */
  hint?: string;
}

/** Where a problem is: `file:line`, `file（part）` or `file`. */
function problemPlace(p: Pick<Problem, 'file' | 'line' | 'part'>): string {
  if (p.line) return `${p.file}:${p.line}`;
  return p.part ? `${p.file}（${p.part}）` : p.file;
}

/** The one line a maintainer reads: `place: what is wrong。what to do`. */
export function problemText(p: Problem): string {
  return `${problemPlace(p)}: ${p.message}${p.hint ? `${/[。！？]$/u.test(p.message) ? '' : '。'}${p.hint}` : ''}`;
}

/** One or more problems that stop the work. The message is their text, one per line. */
export class ProblemError extends Error {
  readonly problems: readonly Problem[];

  constructor(problems: Problem | readonly Problem[]) {
    const list = Array.isArray(problems) ? (problems as readonly Problem[]) : [problems as Problem];
    super(list.map(problemText).join('\n'));
    this.name = new.target.name;
    this.problems = list;
  }

  /** The first problem (most errors carry exactly one). */
  get problem(): Problem {
    return this.problems[0]!;
  }
}

/** Where in a value a zod issue is: `reports[0].kind`, `[3].units[0].role`, or (整个文件) for the whole. */
export function zodPath(path: readonly PropertyKey[]): string {
  return path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join('').replace(/^\./, '') || '(整个文件)';
}

/**
 * Every issue of a failed zod parse as a Problem of `file`: the message names the field path (or the whole
 * file) and says what zod found; `lineOf` maps a path to its line when the caller has the source text.
 */
export function zodProblems(
  file: string,
  error: z.ZodError,
  options: { hint?: string; lineOf?: (path: readonly PropertyKey[]) => number | undefined } = {},
): Problem[] {
  return error.issues.map((i) => {
    const line = options.lineOf?.(i.path);
    return {
      file,
      ...(line ? { line } : {}),
      message: `${zodPath(i.path)}: ${i.message}`,
      ...(options.hint ? { hint: options.hint } : {}),
    };
  });
}
