// Chinese labels for work-report task fields (English keys in code, Chinese on the page).
export const KIND_LABELS = { pledge: '重点工作', livelihood: '民生实事', 'self-building': '政府自身建设' } as const;

