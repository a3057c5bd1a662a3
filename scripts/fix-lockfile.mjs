// The npm registry mirror these machines use serves only the linux builds of @astrojs/compiler-binding,
// so `npm install` leaves the other platforms' optional packages out of package-lock.json and `npm ci`
// then refuses the lock as out of sync. Run `node scripts/fix-lockfile.mjs` after any `npm install` that
// rewrites the lock: it records those optional packages (with their os/cpu) so npm ci skips them cleanly.
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));
const packages = lock.packages;
const PLATFORMS = {
  'android-arm64': { os: ['android'], cpu: ['arm64'] },
  'darwin-arm64': { os: ['darwin'], cpu: ['arm64'] },
  'darwin-x64': { os: ['darwin'], cpu: ['x64'] },
  'linux-arm64-gnu': { os: ['linux'], cpu: ['arm64'], libc: ['glibc'] },
  'linux-arm64-musl': { os: ['linux'], cpu: ['arm64'], libc: ['musl'] },
  'linux-x64-gnu': { os: ['linux'], cpu: ['x64'], libc: ['glibc'] },
  'linux-x64-musl': { os: ['linux'], cpu: ['x64'], libc: ['musl'] },
  'wasm32-wasi': { cpu: ['wasm32'] },
  'win32-arm64-msvc': { os: ['win32'], cpu: ['arm64'] },
  'win32-x64-msvc': { os: ['win32'], cpu: ['x64'] },
};
let added = 0;
for (const [path, entry] of Object.entries(packages)) {
  for (const dep of Object.keys(entry.optionalDependencies ?? {})) {
    const m = /^@astrojs\/compiler-binding-(.+)$/.exec(dep);
    const key = `${path ? `${path}/` : ''}node_modules/${dep}`.replace(/^node_modules\/(.*\/)?node_modules/, 'node_modules/$1node_modules');
    const flat = `node_modules/${dep}`;
    if (!m || packages[flat] || packages[key]) continue;
    packages[flat] = { version: entry.optionalDependencies[dep], license: 'MIT', optional: true, ...PLATFORMS[m[1]] };
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0)));
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`fix-lockfile: added ${added} platform package entries`);
