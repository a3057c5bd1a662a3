// Limits for reading spreadsheets and PDFs, in one place. A bulletin attachment is a few hundred KB to a few
// MB with at most a few thousand rows; these bounds are far above that and keep a hostile or mistaken file
// (a 50 MB scan, a zip bomb, a sheet of 100,000 rows, a 5,000-page PDF) from using unbounded time or memory.
// Past a limit the reader refuses with a ReaderError that says which limit and what to do.

/** Largest file any of these readers opens (bytes). The 50 MB test file is refused by this. */
export const MAX_FILE_BYTES = 40 * 1024 * 1024;

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
