import { describe, expect, test } from 'vitest';
import { correctionHref, correctionText, sourceLine } from '~/lib/site/corrections';

const facts = { page: 'https://pledges.example.cn/linzi/2023/tasks/002/', id: 'linzi-2023-002', source: sourceLine('content/reports/linzi/2023-m09-progress.txt', [7, 7]) };

describe('纠错 links', () => {
  test('mailto: subject and body carry the page, the id and the source line, percent-encoded', () => {
    const href = correctionHref('mailto:jiucuo@example.cn', facts)!;
    expect(href.startsWith('mailto:jiucuo@example.cn?subject=')).toBe(true);
    expect(href).not.toMatch(/[\s\n]/);
    const q = new URLSearchParams(href.slice(href.indexOf('?') + 1));
    expect(q.get('subject')).toBe('纠错：linzi-2023-002');
    expect(q.get('body')).toBe(`页面：${facts.page}\n编号：linzi-2023-002\n出处：linzi/2023-m09-progress.txt 第7行\n与原文不符之处及应如何更正：\n`);
  });

  test('a web form gets page, id and source as query parameters, keeping its own', () => {
    const u = new URL(correctionHref('https://forms.example.cn/fix?lang=zh', facts)!);
    expect(u.origin + u.pathname).toBe('https://forms.example.cn/fix');
    expect([u.searchParams.get('lang'), u.searchParams.get('page'), u.searchParams.get('id'), u.searchParams.get('source')]).toEqual(['zh', facts.page, facts.id, facts.source]);
  });

  test('no contact configured: no link (the page says where corrections go instead)', () => {
    expect(correctionHref('', facts)).toBeUndefined();
    expect(correctionText(facts)).toContain('出处：linzi/2023-m09-progress.txt 第7行');
    expect(sourceLine('content/reports/x.txt', [3, 5])).toBe('x.txt 第3–5行');
  });
});
