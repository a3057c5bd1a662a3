import type { Anomaly } from './anomaly';
import type { District } from './district';
import type { IndicatorPoint } from './indicator';
import type { Leader } from './leader';
import type { Progress } from './progress';
import type { Report } from './report';
import type { Task } from './task';
import type { Unit } from './unit';

/** The whole generated dataset: one array per collection (generated/<name>.json). Modules that need part of it take a Pick. */
export interface Dataset {
  districts: District[];
  reports: Report[];
  tasks: Task[];
  progress: Progress[];
  units: Unit[];
  leaders: Leader[];
  anomalies: Anomaly[];
  /** Headline indicator points (targets and actuals), each from one source line. */
  indicators: IndicatorPoint[];
}
