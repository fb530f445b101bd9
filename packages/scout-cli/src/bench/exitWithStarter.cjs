// Preloaded into a bench backend (node --require): the backend ends when the
// process that started it ends, even when that one was SIGKILLed or ran in
// jest, where its own signal handlers never see a signal. Its fd 3 is a pipe
// from the starter; end of file means the starter is gone.
const { Socket } = require('node:net');

const starter = new Socket({ fd: 3, readable: true, writable: false });
starter.on('error', () => undefined);
starter.on('close', () => {
  process.kill(process.pid, 'SIGTERM');
  // Backstage stops on SIGTERM; in case a shutdown hangs.
  setTimeout(() => process.exit(1), 15_000).unref();
});
starter.resume();
starter.unref();
