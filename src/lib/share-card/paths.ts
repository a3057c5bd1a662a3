// Where a page's share card lives: share/<the page's path>.png (share/linzi/2023/tasks/002.png).
export const shareCardPath = (pagePath: string): string => `share/${pagePath.replace(/\/$/, '')}.png`;
