import XLSX from 'xlsx';

// Numbers and dates as the sheet shows them, from the value and its number format, with SheetJS's formatter
// (SSF: pure formatting, none of SheetJS's file parsing). 8.000000000000002 in General shows as 8; a date
// shows as its format says (2023年9月30日, 2023-09-30), never as its serial number 45199.

/** Excel's built-in short date (numFmtId 14) follows the reader's locale; ISO is the unambiguous choice. */
const LOCALE_SHORT_DATE = /^m{1,2}[-/]d{1,2}[-/]y{2,4}$/i;

export function formatNumber(value: number, numFmt: string | undefined, date1904 = false): string {
  // Locale tags ([$-804]) and Chinese-numeral display ([DBNum1]) are dropped: digits are what the parser reads.
  let fmt = (numFmt ?? '').replace(/\[(DBNum\d|\$-[0-9A-F]+)\]/gi, '').trim() || 'General';
  if (LOCALE_SHORT_DATE.test(fmt)) fmt = 'yyyy-mm-dd';
  try {
    return String(XLSX.SSF.format(fmt, value, { date1904 })).trim();
  } catch {
    return String(XLSX.SSF.format('General', value)).trim();
  }
}

/** A JS Date as exceljs gives it (UTC midnight of the sheet's day) back to its serial number. */
function dateSerial(date: Date, date1904 = false): number {
  return date.getTime() / 86_400_000 + (date1904 ? 24_107 : 25_569);
}

export function formatDate(date: Date, numFmt: string | undefined, date1904 = false): string {
  if (Number.isNaN(date.getTime())) return '';
  const fmt = numFmt && numFmt !== 'General' ? numFmt : 'yyyy-mm-dd';
  return formatNumber(dateSerial(date, date1904), fmt, date1904);
}
