// The suite tests the production build. If dist/ or generated/ is missing, build once (CI builds first,
// so this only spares a newcomer the "run npm run build" error); set E2E_NO_BUILD=1 to fail instead.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, ROOT } from '../../../scripts/browser/page-types';

export default function setup(): void {
  if (existsSync(join(DIST, 'index.html')) && existsSync(join(ROOT, 'generated', 'tasks.json'))) return;
  if (process.env.E2E_NO_BUILD) throw new Error('dist/ is missing: run `npm run build` before `npm run test:e2e`');
  console.log('dist/ is missing: running `npm run build` first');
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
}
