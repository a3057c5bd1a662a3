// Status colours and patterns. Colours are from the Okabe–Ito palette (distinguishable with the
// common colour-vision deficiencies); every status also has its own pattern and a text label, so
// colour is never the only signal. Inferred statuses use a pale tint of the same colour with the
// same pattern: visibly "ours, not the government's word".
import type { Status } from '../schema/status';
import { STATUS_LABELS } from '../schema/status';
import type { StatusKey } from './types';
import type { Markup } from '~/lib/markup';
import { el } from './svg';

export const STATUS_COLOURS: Record<Status, string> = {
  done: '#009E73', // bluish green
  partial: '#E69F00', // orange
  onTrack: '#0072B2', // blue: under way as planned
  behind: '#F0E442', // yellow: a warning, not yet a failure
  notDone: '#D55E00', // vermillion
  suspended: '#CC79A7', // reddish purple: stopped by decision
  transferred: '#56B4E9', // sky blue
  planned: '#999999', // grey: targets only
  unstated: '#DDDDDD', // light grey: nothing stated
};

/** Overlay drawn on a 6×6 tile: one mark per status so the pattern alone identifies it. */
const OVERLAY: Record<Status, string> = {
  done: '',
  partial: 'M0,6L6,0', // diagonal
  onTrack: 'M3,0v6', // vertical
  behind: 'M0,0L6,6', // back diagonal
  notDone: 'M0,0L6,6M0,6L6,0', // cross
  suspended: 'M1.5,0v6M4.5,0v6', // two verticals
  transferred: 'M2,3h2', // dash (reads as dots)
  planned: 'M0,3h6', // horizontal
  unstated: '',
};

/** Mix a hex colour with white: 0 = colour, 1 = white. */
export function tint(hex: string, amount: number): string {
  const n = parseInt(hex.slice(1), 16);
  const mix = (c: number) => Math.round(c + (255 - c) * amount);
  const [rr, gg, bb] = [mix((n >> 16) & 255), mix((n >> 8) & 255), mix(n & 255)];
  return `#${((1 << 24) | (rr << 16) | (gg << 8) | bb).toString(16).slice(1).toUpperCase()}`;
}

export function keyId(k: StatusKey): string {
  return k.inferred ? `${k.status}-inf` : k.status;
}

/** Chinese label: 完成, or 推断·完成 for an inferred one. */
export function keyLabel(k: StatusKey): string {
  return k.inferred ? `推断·${STATUS_LABELS[k.status]}` : STATUS_LABELS[k.status];
}

export function fillOf(k: StatusKey, prefix: string): string {
  return `url(#${prefix}-${keyId(k)})`;
}

/** <defs> with one pattern per key; ids are prefixed so several charts can share a page. */
export function patternDefs(keys: StatusKey[], prefix: string): Markup {
  const pats = keys.map((k) => {
    const base = k.inferred ? tint(STATUS_COLOURS[k.status], 0.6) : STATUS_COLOURS[k.status];
    const overlay = OVERLAY[k.status];
    const stroke = k.inferred ? STATUS_COLOURS[k.status] : '#000';
    return el(
      'pattern',
      { id: `${prefix}-${keyId(k)}`, patternUnits: 'userSpaceOnUse', width: 6, height: 6 },
      el('rect', { width: 6, height: 6, fill: base }),
      overlay && el('path', { d: overlay, stroke, 'stroke-width': 1, 'stroke-opacity': k.inferred ? 1 : 0.45 }),
    );
  });
  return el('defs', {}, pats);
}

/** A small self-contained swatch (for HTML legends). */
export function swatch(k: StatusKey, prefix: string): Markup {
  return el(
    'svg',
    { width: 16, height: 12, viewBox: '0 0 16 12', 'aria-hidden': 'true', focusable: 'false' },
    patternDefs([k], prefix),
    el('rect', { width: 16, height: 12, fill: fillOf(k, prefix), stroke: '#333', 'stroke-width': 0.5, 'stroke-dasharray': k.inferred ? '2,1' : undefined }),
  );
}
