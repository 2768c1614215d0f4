import { AppError, serializeError } from '../../src-shared/errors';
import { parseCli } from './args';
import { noticesOfRun, run } from './commands';
import { encoderFor, outputEncodingFrom } from './outputEncoding';
import { stopBoxes } from '../sandbox/box';

// Exit codes: 0 ok, 2 bad input, 1 anything else (and `check` finding a 错误). stderr gets one Chinese line.
// `fazhi indicators | head` (or more, findstr …) closes the pipe before all is written: the reader
// has what it wanted, so the command ends quietly instead of with Node's EPIPE stack trace
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

async function main() {
  const enc = outputEncodingFrom(process.env);
  if (typeof enc !== 'string') {
    process.stderr.write(`${enc.error}\n`);
    process.exitCode = 2;
    return;
  }
  const encode = await encoderFor(enc);
  const out = (text: string) => process.stdout.write(encode(text));
  const warn = (text: string) => process.stderr.write(encode(text));
  let told = '';
  try {
    await run(parseCli(process.argv.slice(2)), {
      out: (l) => out(`${l}\n`),
      exitCode: (code) => {
        process.exitCode = code;
      },
      note: (l) => warn(`${l}\n`),
    });
  } catch (e) {
    const err = e instanceof AppError ? e : null;
    // a file error no command translated still comes out in Chinese (disk full, read-only …)
    const msg = err ? err.message : serializeError(e).message;
    told = msg.replace(/\s*\n\s*/g, ' ');
    warn(`${told}\n`);
    process.exitCode = err && (err.code === 'VALIDATION' || err.code === 'NOT_FOUND' || err.code === 'CONFLICT' || err.code === 'MISSING_VALUE') ? 2 : 1;
  }
  // on stderr, so a command's output (--json, a list piped on) stays as it was
  // (a damaged file put back from its backup already failed its first read with the same words)
  for (const n of await noticesOfRun()) {
    const line = n.replace(/\s*\n\s*/g, ' ');
    if (line !== told) warn(`提示：${line}\n`);
  }
  // the process a file was read in ends with the command
  await stopBoxes();
}
void main();
