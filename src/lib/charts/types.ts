import type { Status } from '../schema/status';
import type { Markup } from '~/lib/markup';

/** What every chart function returns: inner SVG markup plus the words and numbers that go with it. */
export interface ChartOutput {
  width: number;
  height: number;
  /** SVG elements (no <svg> wrapper); the Chart component adds the wrapper, <title> and <desc>. */
  body: Markup;
  /** One line of Chinese that says what the chart shows, with the key numbers. */
  summary: string;
  /** The numbers behind the chart, as a table (shown in <details> under the chart). */
  table: { columns: string[]; rows: (string | number)[][] };
  /** Which status keys the chart uses, so the legend lists only those. */
  keys: StatusKey[];
}

/** A status as drawn: the stated one, or the same status inferred by our rules (drawn differently). */
export interface StatusKey {
  status: Status;
  inferred: boolean;
}

export interface StatusCount extends StatusKey {
  count: number;
}
