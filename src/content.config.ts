// Astro content collections over the generated dataset (written by `npm run ingest` into generated/).
// The same zod schemas validate the data here as in the ingest, so a page can never see a field the
// parser did not promise.
import { defineCollection } from 'astro:content';
import { file } from 'astro/loaders';
import { dataDir } from './lib/data-dir';
import {
  anomalySchema,
  districtSchema,
  indicatorPointSchema,
  leaderSchema,
  progressSchema,
  reportSchema,
  taskSchema,
  unitSchema,
} from './lib/schema';

const fromGenerated = (name: string) => file(`${dataDir()}/${name}.json`);

export const collections = {
  districts: defineCollection({ loader: fromGenerated('districts'), schema: districtSchema }),
  reports: defineCollection({ loader: fromGenerated('reports'), schema: reportSchema }),
  tasks: defineCollection({ loader: fromGenerated('tasks'), schema: taskSchema }),
  progress: defineCollection({ loader: fromGenerated('progress'), schema: progressSchema }),
  units: defineCollection({ loader: fromGenerated('units'), schema: unitSchema }),
  leaders: defineCollection({ loader: fromGenerated('leaders'), schema: leaderSchema }),
  anomalies: defineCollection({ loader: fromGenerated('anomalies'), schema: anomalySchema }),
  indicators: defineCollection({ loader: fromGenerated('indicators'), schema: indicatorPointSchema }),
};
