/**
 * A closed pipe is a normal end: `run … | head -5` closes stdout after five lines. Node ignores
 * SIGPIPE, so the next write fails with EPIPE, emitted as an 'error' event that, unheard, kills
 * the process with a stack trace — before the run has written its reports or cleaned up. Heard
 * here, it only stops the printing: every later write to that stream is dropped, the command
 * goes on (reports, cleanup) and exits with the code it would have had.
 */

/** Codes that mean the reader went away (the stream is finished for good). */
const READER_GONE = new Set(['EPIPE', 'ERR_STREAM_DESTROYED', 'ECONNRESET']);

/** Make `stream` drop its output, quietly, once its reader has gone (idempotent). */
export function quietWhenReaderGoes(stream: NodeJS.WriteStream): void {
  if (stream.listeners('error').includes(onError)) return;
  stream.on('error', onError);
}

function onError(this: NodeJS.WriteStream, error: NodeJS.ErrnoException): void {
  if (!READER_GONE.has(error.code ?? '')) throw error;
  // Nothing reads it any more: what the command still has to say is dropped, not an error.
  this.write = (() => true) as NodeJS.WriteStream['write'];
}

/** The entry point's: stdout and stderr both (`2>&1 | head` closes stderr's pipe too). */
export function quietOnClosedPipes(): void {
  quietWhenReaderGoes(process.stdout);
  quietWhenReaderGoes(process.stderr);
}
