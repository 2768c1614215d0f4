/** Child for outsideTemp.test.ts: saves a large file outside the data folder; the parent kills it midway. argv: target dataDir */
import { saveOutside } from '../../src-main/store';

const [target, dataDir] = process.argv.slice(2) as [string, string];
void saveOutside(target, new Uint8Array(96 * 1024 * 1024).fill(65), dataDir).then(() => process.stdout.write('done\n'));
