// Where the dataset is read from: generated/ (written by `npm run ingest`), or PORTAL_DATA_DIR, which
// bench:build points at a synthetic dataset. Relative to the project root (or absolute). The content
// collections and the build worker read the same folder.
export const dataDir = (): string => process.env.PORTAL_DATA_DIR ?? 'generated';
