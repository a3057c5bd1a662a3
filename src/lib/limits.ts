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

// Reading attachments (src/lib/ingest/readers/). A bulletin attachment is a few hundred KB to a few MB with at
// most a few thousand rows; these bounds are far above that and keep a hostile or mistaken file (a 50 MB scan,
// a zip bomb, a sheet of 100,000 rows, a 5,000-page PDF) from using unbounded time or memory. Past a limit the
// reader refuses with a ReaderError that says which limit and what to do.

/** Largest source file read at all, any format (bytes): attachments are a few hundred KB to a few MB. The 50 MB test file is refused by this. */
export const MAX_FILE_BYTES = 40 * 1024 * 1024;

/** Largest saved web page (bytes): 通报 pages are well under 5 MB. */
export const MAX_HTML_BYTES = 10 * 1024 * 1024;

/** Largest unpacked part of a .docx/.xlsx (bytes), checked before it is inflated: a zip-bomb guard. */
export const MAX_PART_BYTES = 48 * 1024 * 1024;

/** Largest total of the unpacked parts of an .xlsx (bytes): guards against zip bombs before exceljs unpacks. */
export const MAX_XLSX_UNZIPPED_BYTES = 300 * 1024 * 1024;

/** Most rows read from a whole workbook; 100,000 rows still read completely (bench: about 1 s per 10,000 rows). */
export const MAX_SHEET_ROWS = 200_000;

/** Most cells read from a whole workbook (rows × used columns). */
export const MAX_SHEET_CELLS = 3_000_000;

/** .xls is parsed by SheetJS in a worker thread with its own heap and a deadline (see xls-reader.ts). */
export const XLS_WORKER_HEAP_MB = 512;
export const XLS_WORKER_TIMEOUT_MS = 60_000;

/** Most pages read from a PDF, and how long reading one may take (checked after each page). */
export const MAX_PDF_PAGES = 1_000;
export const PDF_TIMEOUT_MS = 180_000;
