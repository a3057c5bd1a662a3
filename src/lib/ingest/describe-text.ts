import { splitPipe } from './layout';

// What a file that is not a bulletin holds, in one sentence: a numeric grid (regions × indicators), a notice
// with no tasks. The ingest says this instead of failing with a stack trace or a bare "no table".

const NUMERIC = /^[-+−]?\d[\d,.]*\s*[%％]?$|^[-—–]$/;

function cellsOf(line: string): string[] {
  if (line.includes('\t')) return line.split('\t').map((c) => c.trim());
  if (line.trim().startsWith('|')) return splitPipe(line);
  return line.trim().split(/[ \u3000]{2,}|\u3000|\s+(?=[-+]?\d)/).map((c) => c.trim());
}

export function describeText(lines: string[]): string {
  const nonBlank = lines.filter((l) => l.trim() !== '');
  const rows = nonBlank.map(cellsOf).filter((c) => c.length >= 3);
  const numericRows = rows.filter((c) => c.filter((x) => NUMERIC.test(x)).length >= Math.max(2, c.length / 2));
  const how = '本站需要任务清单：一行至少含三个可识别列名（如 序号、年度目标任务、完成情况、责任单位）的表头，或带“责任单位/牵头领导”等字段的编号条目（1.…），或自报完成情况的通报（“N项任务中，N项已完成…”）';
  if (numericRows.length >= 3) {
    const header = rows.find((c) => !numericRows.includes(c));
    const width = Math.max(...numericRows.map((c) => c.length));
    return `这是一张数字表格（${numericRows.length} 行数字、约 ${width} 列${header ? `，表头“${header.filter(Boolean).slice(0, 6).join('、')}”` : ''}），没有任务列，也没有编号的任务：它像是统计数据，不是目标任务分解表或完成情况通报。${how}。`;
  }
  const title = nonBlank[0]?.trim().slice(0, 40);
  const workReport = nonBlank.some((l) => /各位代表|政府工作报告/.test(l));
  const notice = nonBlank.some((l) => /通知|公告|通告|意见|办法/.test(l));
  const looks = workReport ? '：它像是政府工作报告全文' : notice ? '：它像是一份通知或公告，不是任务通报' : '';
  return `没有找到表格、编号的任务或自报的完成情况统计${looks}（${title ? `首行“${title}”，` : ''}共 ${nonBlank.length} 行文字）。${how}；若这是政府工作报告全文，请用 --kind work-report（或在清单中把 kind 设为 work-report）。`;
}
