export * from './types';
export { statusStack } from './status-stack';
export { unitBars, type UnitBarRow } from './unit-bars';
export { districtTimeline, type TimelinePoint } from './district-timeline';
export { taskTimeline, type TaskTimelineEntry } from './task-timeline';
export { swatch, keyLabel } from './palette';
