// The suite tests the production build: dist/ is built once if it is missing or older than its sources
// (CI builds first, so this spares a newcomer the "run npm run build" error); E2E_NO_BUILD=1 fails instead.
import { ensureBuilt } from '../../helpers/build-once';

export default function setup(): void {
  ensureBuilt('E2E_NO_BUILD');
}
