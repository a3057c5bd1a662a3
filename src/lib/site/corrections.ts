// 纠错: every task and report page links to the configured contact (content/site.yaml `corrections`),
// prefilled with what a maintainer needs to check: the page's address, the id and the source line.
// With no contact configured the page says where corrections go instead of showing a dead link.

export interface CorrectionFacts {
  /** Absolute address of the page when the site has one, else its path. */
  page: string;
  /** Task or report id. */
  id: string;
  /** Source file and line(s), as printed on the page: "linzi/2023-m09-progress.txt 第7行". */
  source: string;
}

/** The text a reader sends (also shown for copying when no contact is configured). */
export function correctionText(f: CorrectionFacts): string {
  return [`页面：${f.page}`, `编号：${f.id}`, `出处：${f.source}`, '与原文不符之处及应如何更正：'].join('\n');
}

/** The 纠错 link: a prefilled mailto: or the form URL with page, id and source as query parameters; undefined when none is configured. */
export function correctionHref(contact: string, f: CorrectionFacts): string | undefined {
  if (!contact) return undefined;
  if (contact.startsWith('mailto:')) {
    const [address] = contact.split('?');
    // RFC 6068: percent-encode; encodeURIComponent leaves no raw & = or line breaks in the body.
    return `${address}?subject=${encodeURIComponent(`纠错：${f.id}`)}&body=${encodeURIComponent(`${correctionText(f)}\n`)}`;
  }
  const url = new URL(contact);
  url.searchParams.set('page', f.page);
  url.searchParams.set('id', f.id);
  url.searchParams.set('source', f.source);
  return url.href;
}

/** "file 第7行" / "file 第7–9行" from a source reference. */
export function sourceLine(file: string, lines: readonly [number, number]): string {
  const name = file.replace(/^content\/reports\//, '');
  return lines[0] === lines[1] ? `${name} 第${lines[0]}行` : `${name} 第${lines[0]}–${lines[1]}行`;
}
