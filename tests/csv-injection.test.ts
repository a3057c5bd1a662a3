// OWASP CSV injection: every text cell a spreadsheet would run as a formula is marked as text, including
// + and - before a formula and the same characters after leading spaces or quotes; signed figures stay.
import { describe, expect, it } from 'vitest';
import { excelSafe } from '~/lib/opendata/csv';

describe('excelSafe', () => {
  it.each([
    '=HYPERLINK("https://evil.example/","点击")',
    '+1+HYPERLINK("https://evil.example/","x")',
    "-1+1+cmd|' /C calc'!A0",
    '-2+3',
    '@SUM(1+1)',
    '\t=1+1',
    '\r=1+1',
    '  =1+1',
    '\u3000+1+1',
    '"=1+1',
    "'@SUM(1)",
    '“=1+1',
    '----',
    '\0=1',
  ])('marks %j as text', (v) => expect(excelSafe(v)).toBe(`'${v}`));

  it.each(['-6%', '-2.5', '+3.2%', '-1,234.5', '12', '完成', '区发改局（牵头）', ' 完成', 'a=b', '增长-2%'])('leaves %j alone', (v) => expect(excelSafe(v)).toBe(v));
});
