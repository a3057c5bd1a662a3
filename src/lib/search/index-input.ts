// The dataset → documents + the lists buildIndex needs. Shared by the site build and the tests.
import { buildDocuments, type Dataset } from './documents';
import type { BuildOptions } from './build-index';

export function indexInput(data: Dataset): { docs: ReturnType<typeof buildDocuments>; opts: BuildOptions } {
  const docs = buildDocuments(data);
  const used = new Set(docs.flatMap((d) => d.unitIds));
  const units = data.units
    .filter((u) => used.has(u.id))
    .map((u) => ({ id: u.id, name: u.name, district: u.district, aliases: u.aliases }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { docs, opts: { districts: data.districts.map((d) => ({ id: d.id, name: d.name })), units } };
}
