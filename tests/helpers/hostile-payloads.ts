// One string per class of hostile content a published file can carry. The property tests put every class
// into every string field of a dataset and assert that no page, chart, feed, CSV or embed carries live
// markup from it (tests/hostile-site.test.ts, tests/markup-escaping.test.ts).

export interface Payload {
  kind: string;
  text: string;
}

export const PAYLOADS: readonly Payload[] = [
  // Escaped markup: harmless as text, live if anything decodes entities and then writes the result raw.
  { kind: 'escaped-markup', text: '&lt;script src="/sources/linzi/2023-m09-progress.txt"&gt;&lt;/script&gt;局' },
  { kind: 'raw-script', text: '<script>alert("xss")</script>' },
  { kind: 'script-src', text: '<script src="/sources/linzi/2023-m09-progress.txt"></script>' },
  { kind: 'meta-refresh', text: '<meta http-equiv="refresh" content="0;url=https://evil.example/">' },
  { kind: 'link', text: '<a href=https://evil.example>点此查看</a>' },
  { kind: 'event-handler', text: '<img src=x onerror=alert(1)><b onclick="alert(1)">加粗</b>' },
  { kind: 'attribute-breakout', text: '" onmouseover="alert(1)" x="\' onfocus=\'alert(1)\'' },
  { kind: 'javascript-url', text: 'javascript:alert(1)' },
  { kind: 'svg-markup', text: '<svg onload=alert(1)><text>x</text></svg></text><script>alert(2)</script><text>' },
  { kind: 'cdata-end', text: ']]><script>alert(1)</script><![CDATA[' },
  { kind: 'bidi-override', text: '\u202Egpj.exe' },
  { kind: 'zero-width', text: '区发\u200B改局\u2060\uFEFF' },
  { kind: 'formula-equals', text: '=HYPERLINK("https://evil.example/","点击")' },
  { kind: 'formula-plus', text: '+1+HYPERLINK("https://evil.example/","x")' },
  { kind: 'formula-minus', text: "-1+1+cmd|' /C calc'!A0" },
  { kind: 'formula-at', text: '@SUM(1+1)*cmd|\' /C calc\'!A0' },
  { kind: 'formula-tab', text: '\t=1+1' },
  { kind: 'formula-cr', text: '\r=1+1' },
];

/** Every payload, one after another: a field that holds this holds each class. */
export const ALL_PAYLOADS = PAYLOADS.map((p) => p.text).join(' ');

/** Stable small hash, to rotate which payload leads a field (formula prefixes only work at the start). */
function rotate(s: string): number {
  let h = 7;
  for (const c of s) h = (h * 31 + c.codePointAt(0)!) | 0;
  return Math.abs(h) % PAYLOADS.length;
}

/** A field's hostile form: one class leading, the original, then every class. */
export function hostile(s: string): string {
  return `${PAYLOADS[rotate(s)]!.text}${s} ${ALL_PAYLOADS}`;
}
