// Files that are not what they claim, cut short, or built to exhaust memory: each gets one sentence that
// names the file and says what to do (a ReaderError), never a stack trace, and the CLI exits 1 with it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import CFB from 'cfb';
import { strToU8, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '~/lib/limits';
import { readSource } from '~/lib/ingest/read-source';
import { ReaderError } from '~/lib/ingest/readers/types';
import { ROOT } from './helpers/repo-dataset';

const fixture = (name: string) => new Uint8Array(readFileSync(join(ROOT, 'tests/fixtures/formats', name)));
const tmp = mkdtempSync(join(tmpdir(), 'readers-hostile-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function refusal(bytes: Uint8Array, file: string): Promise<ReaderError> {
  try {
    await readSource(bytes, file);
  } catch (e) {
    if (e instanceof ReaderError) return e;
    throw e;
  }
  throw new Error(`${file} was read without complaint`);
}

describe('hostile files get a sentence naming the file', () => {
  it('a .docx cut in half (truncated zip)', async () => {
    const docx = fixture('m09-excerpt.docx');
    const e = await refusal(docx.subarray(0, docx.length >> 1), '通报.docx');
    expect(e.problem).toMatchObject({ file: '通报.docx', message: expect.stringMatching(/损坏|不完整/), hint: expect.stringContaining('请重新下载原件') });
  });

  it('a zip whose document.xml inflates past the cap (a zip bomb) is refused before it is inflated', async () => {
    const bomb = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': new Uint8Array(50 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(200_000);
    const e = await refusal(bomb, 'bomb.docx');
    expect(e.problem).toMatchObject({ file: 'bomb.docx', part: 'word/document.xml', message: expect.stringMatching(/^这一部分解压后有 50 MB，超过上限/) });
  });

  it('a file larger than any bulletin is refused unread', async () => {
    const e = await refusal(new Uint8Array(MAX_FILE_BYTES + 1), 'huge.pdf');
    expect(e.problem).toMatchObject({ file: 'huge.pdf', message: expect.stringMatching(new RegExp(`^文件有 \\d+ MB，超过上限 ${MAX_FILE_BYTES / 1048576} MB`)) });
  });

  it('a web page too large to be a bulletin page is refused before it is parsed', async () => {
    const page = new TextEncoder().encode(`<html><body>${'<p>填充</p>'.repeat(1_000_000)}</body></html>`);
    expect((await refusal(page, 'big.html')).problem).toMatchObject({ file: 'big.html', message: expect.stringMatching(/^网页文件有 \d+ MB，超过上限 10 MB/) });
  });

  it('a .doc that is not one: random bytes, and an OLE header with its streams cut off', async () => {
    const random = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 251);
    expect((await refusal(random, '通报.doc')).problem).toMatchObject({ file: '通报.doc', message: expect.stringMatching(/^扩展名是 \.doc，但内容既不是这种格式/) });
    const cut = fixture('m09-excerpt.doc').subarray(0, 1536);
    expect((await refusal(cut, '通报.doc')).problem).toMatchObject({ file: '通报.doc', message: expect.stringMatching(/损坏|不完整/) });
  });

  it('a zip that is neither Word nor Excel, and an encrypted Office file', async () => {
    expect((await refusal(zipSync({ 'a.txt': strToU8('x') }), 'x.docx')).problem.message).toContain('不是 Word（.docx）或 Excel（.xlsx）文档');
    const encrypted = CFB.utils.cfb_new();
    CFB.utils.cfb_add(encrypted, 'EncryptionInfo', Buffer.from('x'.repeat(100)));
    CFB.utils.cfb_add(encrypted, 'EncryptedPackage', Buffer.from('y'.repeat(5000)));
    expect((await refusal(new Uint8Array(CFB.write(encrypted, { type: 'buffer' }) as Buffer), 'x.docx')).problem).toMatchObject({ file: 'x.docx', message: expect.stringMatching(/^文件是加密的 Office 文档/), hint: expect.stringContaining('未加密的原件') });
  });

  it('RTF and single-file web pages (.mht) named .doc: a sentence saying what they are and how to convert them', async () => {
    expect((await refusal(new TextEncoder().encode('{\\rtf1\\ansi\\ansicpg936 {\\fonttbl}}'), '通报.doc')).problem).toMatchObject({ file: '通报.doc', message: expect.stringMatching(/^这是 RTF 格式的文件/), hint: expect.stringContaining('另存为 .docx') });
    const mht = 'From: <Saved by Windows Internet Explorer>\r\nSubject: 通报\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype="text/html"\r\n';
    expect((await refusal(new TextEncoder().encode(mht), '通报.doc')).problem).toMatchObject({ file: '通报.doc', message: expect.stringMatching(/^这是“单个文件网页”/) });
  });

  it('a text file named .doc is read as the text it is, with the mismatch noted', async () => {
    const r = await readSource(fixture('m09-excerpt.txt'), '通报.doc');
    expect(r.reading).toBeUndefined();
    expect(r.mismatch).toContain('扩展名是 .doc');
  });
});

describe('the CLI', () => {
  const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/ingest.ts', ...args], { cwd: ROOT, encoding: 'utf8' });

  it('prints the reader’s sentence and exits 1 for a corrupt .docx, with no stack trace', { timeout: 60_000 }, () => {
    const file = join(tmp, 'corrupt.docx');
    const docx = fixture('m09-excerpt.docx');
    writeFileSync(file, docx.subarray(0, 3000));
    const r = cli('--check', file, '--json');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^错误：.*corrupt\.docx: .*(损坏|不完整)/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
  });

  it('--check --json on a .docx saved as .doc reads it by its bytes and notes the mismatch on line 1', { timeout: 60_000 }, () => {
    const file = join(tmp, '通报.doc');
    writeFileSync(file, fixture('m09-excerpt.docx'));
    const out = JSON.parse(cli('--check', file, '--json').stdout);
    expect(out).toMatchObject({ format: 'docx', tables: 1, taskCount: 14 });
    expect(out.anomalies[0]).toMatchObject({ line: 1, kind: 'reader' });
    expect(out.anomalies[0].message).toContain('已按内容读取');
  });

  it('--check --json reads a PDF from disk (a Node Buffer, which pdf.js refuses unless copied)', { timeout: 120_000 }, () => {
    const r = cli('--check', 'tests/fixtures/spreadsheet-pdf/linzi-2023-m09.pdf', '--json');
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toMatchObject({ format: 'pdf', taskCount: 124, year: 2023, period: 'M9' });
  });

  it('--check --json on a .docx reports its format and tables', { timeout: 60_000 }, () => {
    const r = cli('--check', 'tests/fixtures/formats/m09-excerpt.docx', '--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ format: 'docx', tables: 1, taskCount: 14, year: 2023, period: 'M9', kind: 'progress' });
  });
});
