/**
 * What a failed file operation means for the clerk, in Chinese: what happened and what to do.
 * Node reports `ENOSPC: no space left on device, write`; the clerk needs "the disk is full: free
 * space". Zod-free and node-free (codes are plain strings) so every transport and the renderer
 * can use it.
 */

/** Node-style error code of `e` ("ENOSPC"), if it has one. */
export function errnoCode(e: unknown): string | undefined {
  if (typeof e !== 'object' || e === null || !('code' in e)) return undefined;
  const c = (e as { code: unknown }).code;
  return typeof c === 'string' && /^E[A-Z0-9]+$/.test(c) ? c : undefined;
}

/** The folder of a path (either separator), for "where". */
function folderOf(p: string): string {
  const i = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
  return i > 0 ? p.slice(0, i) : p;
}

/**
 * `action` is what was being done ("保存 year-2024.json"), `where` the file or folder involved.
 * Always one or two Chinese sentences ending in "。", never the raw English.
 */
export function fileErrorMessage(code: string | undefined, action: string, where?: string): string {
  const at = where ? `（${where}）` : '';
  const dir = where ? `（${folderOf(where)}）` : '';
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return `${action}失败：磁盘空间不足${dir}。请删除不需要的文件、清空回收站，腾出空间后再试；已保存的数据没有受影响。`;
    case 'EROFS':
      return `${action}失败：该位置是只读的${dir}，无法写入。请换到可写的磁盘或文件夹，或关闭U盘、存储卡的写保护后再试。`;
    case 'EACCES':
    case 'EPERM':
      return `${action}失败：没有写入权限或文件正被占用${at}。请关闭正在打开它的程序（如 Word、WPS），或换一个保存位置；也请检查该文件是否设为只读、是否被杀毒软件拦截。`;
    case 'EBUSY':
    case 'ETXTBSY':
      return `${action}失败：文件正被其他程序占用${at}。请关闭正在打开它的程序（如 Word、WPS）后再试。`;
    case 'EEXIST':
      return `${action}失败：同名文件已存在${at}。请换一个文件名，或先移走原文件。`;
    case 'ENOENT':
      return `${action}失败：找不到文件或文件夹${at}，可能已被移动、删除，或U盘已拔出。请检查位置后再试。`;
    case 'ENOTDIR':
    case 'EISDIR':
      return `${action}失败：位置不正确${at}（文件与文件夹同名）。请换一个位置后再试。`;
    case 'ENAMETOOLONG':
      return `${action}失败：文件路径过长${at}。请把文件保存到层级较浅的文件夹，或改短文件名。`;
    case 'EIO':
    case 'ENXIO':
    case 'ENODEV':
      return `${action}失败：读写磁盘时出错${dir}，磁盘可能有故障或已被拔出。请检查磁盘后再试。`;
    case 'EMFILE':
    case 'ENFILE':
      return `${action}失败：同时打开的文件过多。请关闭一些程序后再试。`;
    case 'EFBIG':
      return `${action}失败：文件超过了该磁盘允许的大小${dir}。请换到其他磁盘（如 NTFS 格式的磁盘）后再试。`;
    default:
      return `${action}失败（错误代码 ${code ?? '未知'}）。请重试；如果仍然失败，请联系技术人员。`;
  }
}
