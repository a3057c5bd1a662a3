// Checks over a built site (dist/): internal links and anchors, requests to other origins, and the CSP.
// Shared by the pages tests (dist/ as built by `npm run build`) and the build tests (extra builds with
// another base). Pure functions over a directory; each returns the problems it found, as "file: what".
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|#39);/g, (_, e) => ENTITIES[e]!);

/** Every file under dir, as dir-relative paths with forward slashes. */
export function walk(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  );
}

/** Broken internal links, #anchors and asset references, for a site built with `base`. */
export function findBrokenLinks(dist: string, base: string): string[] {
  const files = walk(dist);
  const idsOf = new Map<string, Set<string>>();
  const broken: string[] = [];
  const pageIds = (f: string) => {
    let ids = idsOf.get(f);
    if (!ids) {
      const all = [...readFileSync(join(dist, f), 'utf8').matchAll(/\sid="([^"]+)"/g)].map((m) => decode(m[1]!));
      ids = new Set(all);
      if (ids.size !== all.length) broken.push(`${f}: duplicate id ${all.find((x, i) => all.indexOf(x) !== i)}`);
      idsOf.set(f, ids);
    }
    return ids;
  };
  const check = (f: string, raw: string) => {
    if (/^(https?:|mailto:|tel:|data:)/.test(raw) || raw === '') return;
    const [pathPart, anchor] = raw.split('#') as [string, string | undefined];
    const clean = pathPart.split('?')[0]!;
    let target = f;
    if (clean) {
      if (!clean.startsWith(base)) {
        broken.push(`${f}: ${raw} (outside base ${base})`);
        return;
      }
      const rel = clean.slice(base.length);
      target = rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel;
      if (!existsSync(join(dist, target))) {
        broken.push(`${f}: ${raw}`);
        return;
      }
    }
    if (anchor && target.endsWith('.html') && !pageIds(target).has(anchor)) broken.push(`${f}: ${raw} (no #${anchor})`);
  };
  for (const f of files) {
    if (f.endsWith('.html')) {
      pageIds(f);
      const src = readFileSync(join(dist, f), 'utf8');
      for (const m of src.matchAll(/\s(?:href|src|action|poster|data)="([^"]*)"/g)) check(f, decode(m[1]!));
      for (const m of src.matchAll(/\ssrcset="([^"]*)"/g)) for (const part of decode(m[1]!).split(',')) check(f, part.trim().split(/\s+/)[0]!);
    } else if (f.endsWith('.css')) {
      const src = readFileSync(join(dist, f), 'utf8');
      for (const m of src.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)) if (!m[1]!.startsWith('data:')) check(f, m[1]!);
    }
  }
  return broken;
}

/** Anything a page would fetch from another origin: scripts, styles, images, frames, fonts, CSS imports. */
export function findOffOriginRequests(dist: string): string[] {
  const found: string[] = [];
  for (const f of walk(dist)) {
    if (f.endsWith('.html')) {
      const src = readFileSync(join(dist, f), 'utf8');
      // Resource-loading attributes on any element; plain <a href> navigation is not a request.
      for (const m of src.matchAll(/<(script|img|iframe|source|video|audio|embed|object|track|input)\b[^>]*\s(?:src|data|poster)="((?:https?:)?\/\/[^"]+)"/g)) found.push(`${f}: <${m[1]}> ${m[2]}`);
      for (const m of src.matchAll(/<link\b[^>]*\shref="((?:https?:)?\/\/[^"]+)"[^>]*>/g)) if (!/rel="(alternate|canonical)"/.test(m[0])) found.push(`${f}: <link> ${m[1]}`);
      for (const m of src.matchAll(/url\(\s*['"]?((?:https?:)?\/\/[^'")]+)/g)) found.push(`${f}: url(${m[1]})`);
    } else if (f.endsWith('.css')) {
      const src = readFileSync(join(dist, f), 'utf8');
      for (const m of src.matchAll(/(?:url\(\s*['"]?|@import\s+['"])((?:https?:)?\/\/[^'")]+)/g)) found.push(`${f}: ${m[1]}`);
    } else if (f.endsWith('.js')) {
      const src = readFileSync(join(dist, f), 'utf8');
      for (const m of src.matchAll(/(?:fetch|import|importScripts|new Worker|new EventSource|new WebSocket)\s*\(\s*['"`]((?:https?|wss?):\/\/[^'"`]+)/g)) found.push(`${f}: ${m[1]}`);
    }
  }
  return found;
}

const sha256 = (s: string) => `sha256-${createHash('sha256').update(s).digest('base64')}`;

/** Pages without a strict CSP, inline code it does not hash, inline event handlers, javascript: URLs. */
export function cspProblems(dist: string): string[] {
  const problems: string[] = [];
  for (const f of walk(dist).filter((x) => x.endsWith('.html'))) {
    const src = readFileSync(join(dist, f), 'utf8');
    const meta = /<meta http-equiv="content-security-policy" content="([^"]+)">/.exec(src)?.[1];
    if (!meta) {
      if (!/<meta http-equiv="refresh"/.test(src)) problems.push(`${f}: no Content-Security-Policy`);
      continue;
    }
    // A <meta> policy only governs what comes after it.
    const first = /<(?:script|style|link)\b/.exec(src);
    if (first && first.index < src.indexOf('<meta http-equiv="content-security-policy"')) problems.push(`${f}: CSP <meta> comes after a ${first[0].slice(1)}`);
    const directive = (name: string) => new RegExp(`(?:^|;)\\s*${name} ([^;]*)`).exec(meta)?.[1] ?? '';
    for (const name of ['script-src', 'style-src']) {
      const d = directive(name);
      if (!d) problems.push(`${f}: CSP has no ${name}`);
      if (/unsafe-inline|unsafe-eval|\*|https?:/.test(d)) problems.push(`${f}: ${name} allows ${d}`);
    }
    if (!/default-src 'self'/.test(meta)) problems.push(`${f}: CSP default-src is not 'self'`);
    if (!/object-src 'none'/.test(meta)) problems.push(`${f}: CSP allows plugins`);
    for (const m of src.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
      if (m[1]!.trim() && !directive('script-src').includes(sha256(m[1]!))) problems.push(`${f}: inline script not hashed in the CSP`);
    }
    for (const m of src.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)) {
      if (!directive('style-src').includes(sha256(m[1]!))) problems.push(`${f}: inline style not hashed in the CSP`);
    }
    for (const m of src.matchAll(/<[a-z][^>]*\s(on[a-z]+)=/g)) problems.push(`${f}: inline event handler ${m[1]}`);
    if (/\s(?:href|src|action)="\s*javascript:/i.test(src)) problems.push(`${f}: javascript: URL`);
    if (/\sstyle="/.test(src)) problems.push(`${f}: style attribute (blocked by the CSP)`);
  }
  return problems;
}
