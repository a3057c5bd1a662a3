// A tiny stand-in for the canonical rendering (contract 1 in the helpers' CONTRACTS: paragraphs one line
// each, tables as Markdown pipe tables with `<br>` for a line break in a cell and `\|` for a pipe, a row
// whose one cell spans the width rendered with its text first and the others empty, a blank line between
// blocks), so reader tests can go end to end through the table parser before the real renderer is wired in.
// Not the project's renderer: do not import it from src/.
import type { ReadDocument } from '~/lib/ingest/readers';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');

export function renderLite(doc: ReadDocument): string {
  const out: string[] = [];
  for (const b of doc.blocks) {
    if (out.length) out.push('');
    if (b.kind === 'paragraph') {
      out.push(b.text);
      continue;
    }
    const width = Math.max(...b.rows.map((r) => r.cells.reduce((n, c) => n + (c.colSpan ?? 1), 0)));
    b.rows.forEach((r, i) => {
      const cells = r.cells.length === 1 && width > 1 ? [r.cells[0]!.text, ...Array<string>(width - 1).fill('')] : r.cells.map((c) => c.text);
      out.push(`| ${cells.map(cell).join(' | ')} |`);
      if (i === 0) out.push(`| ${Array<string>(width).fill('---').join(' | ')} |`);
    });
  }
  return `${out.join('\n')}\n`;
}
