// The portal's size limits, in one place. Each bounds something a single careless or hostile input
// could otherwise blow up: a file name or slug becomes a path segment (file systems refuse names over 255
// bytes: ENAMETOOLONG), and every anomaly and name is shown on some page (a million of them made a
// 314 MB quality page and a 2.4 GB site). What is over a limit is refused at ingest with file:line, or
// recorded as an anomaly and shortened, never silently dropped.

/** A URL path segment made from a name (unit, leader slugs): the longest real one (a 18-character 指挥部) is 79. */
export const SLUG_MAX = 120;
/** A district slug (content/districts.yaml): it prefixes every other id and path. */
export const DISTRICT_SLUG_MAX = 32;
/** A source file name in content/reports/<district>/ (characters; well under 255 bytes of UTF-8). */
export const FILE_NAME_MAX = 80;
/** A unit or leader name: the longest real ones are ~30 characters; beyond this it is a mis-cut cell. */
export const NAME_MAX = 60;
/** Anomalies in one report beyond which the file is refused: it is not a table the parser understands. */
export const ANOMALIES_PER_REPORT_MAX = 2000;
/** Anomalies listed per report on the quality and report pages; the rest are counted and in the download. */
export const ANOMALIES_SHOWN_PER_REPORT = 50;
/** Nesting depth of markup in one cell: deeper is not a real document and would overflow the parser's stack. */
export const MARKUP_DEPTH_MAX = 100;
/** Characters of one verbatim source line shown with an anomaly; the whole line is in the download and the source file. */
export const VERBATIM_SHOWN_MAX = 2000;
