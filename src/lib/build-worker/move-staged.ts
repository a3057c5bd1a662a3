// Moves what the build worker wrote into the built site: renames, no copies (the stage folder is a
// sibling of outDir, so on the same file system). Folders merge; a file both wrote is a bug, so it
// stops the build rather than silently keep one of the two.
import { existsSync, readdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Returns how many entries were renamed. */
export function moveStaged(from: string, to: string): number {
  let moved = 0;
  for (const name of readdirSync(from)) {
    const src = join(from, name);
    const dst = join(to, name);
    if (!existsSync(dst)) {
      renameSync(src, dst);
      moved++;
    } else if (statSync(src).isDirectory() && statSync(dst).isDirectory()) {
      moved += moveStaged(src, dst);
    } else {
      throw new Error(`${dst}: 构建线程与页面生成都写了这个文件（应只有一方写）。请检查 src/pages/data/[...file].ts 与 src/pages/search-index/ 是否在构建线程运行时仍输出了这些文件。`);
    }
  }
  return moved;
}
