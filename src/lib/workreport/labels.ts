// Chinese labels for work-report task fields (English keys in code, Chinese on the page).
export const KIND_LABELS = { pledge: '重点工作', livelihood: '民生实事', 'self-building': '政府自身建设' } as const;


/** 民生实事 or 民生实事候选项目 (a candidate still to be voted on): the kind as every page, file and search result words it. */
export function taskKindLabel(t: { kind?: keyof typeof KIND_LABELS | undefined; candidate?: boolean | undefined }): string | undefined {
  if (!t.kind) return undefined;
  return t.kind === 'livelihood' && t.candidate ? '民生实事候选项目' : KIND_LABELS[t.kind];
}
