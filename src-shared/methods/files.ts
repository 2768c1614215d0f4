/** Pieces the file-taking and file-making declarations share. */
import * as z from 'zod';

/** A file the service made (a .docx, a workbook, a backup): the transport saves it where the clerk chooses. */
export interface FilePayload {
  fileName: string;
  data: Uint8Array;
}

/** A file's bytes as a call carries them. */
export const fileBytes = z.instanceof(Uint8Array, { error: '文件内容无效' });
