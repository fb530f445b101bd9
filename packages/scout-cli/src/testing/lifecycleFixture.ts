// A stand-in `scout` for processes.test.ts: the real entry (`main`), with
// one command that starts processes the way the real ones do.
import { spawn } from 'node:child_process';
import { main } from '../cli.ts';
import { parseFlags } from '../command.ts';
import { trackProcessGroup } from '../processes.ts';
import { descendants } from '../processTree.ts';

main([
  {
    name: 'start',
    summary: 'Start processes, then wait, return or fail',
    usage:
      'Usage: start [--group] [--child] [--keep] [--stubborn] --then wait|return|throw\n',
    async run(args) {
      const { values } = parseFlags({
        args,
        options: {
          group: { type: 'boolean', default: false },
          child: { type: 'boolean', default: false },
          keep: { type: 'boolean', default: false },
          stubborn: { type: 'boolean', default: false },
          then: { type: 'string', default: 'wait' },
        },
      });
      if (values.group) {
        // Detached, as a bench backend or a stack JVM; `stubborn` ignores SIGTERM.
        const script = values.stubborn
          ? 'trap "" TERM; sleep 600 & wait; sleep 600'
          : 'sleep 600 & wait';
        const group = spawn('bash', ['-c', script], {
          detached: true,
          stdio: 'ignore',
        });
        group.unref();
        const cleanup = trackProcessGroup('sleepers', group.pid!, {
          graceMs: 60_000,
        });
        if (values.keep) cleanup.keep();
      }
      if (values.child) {
        // Not detached and never registered, with a child of its own, as
        // scripts/dbt under `pipeline run`.
        spawn('bash', ['-c', 'sleep 600; true'], { stdio: 'ignore' }).unref();
      }
      await new Promise(resolve => setTimeout(resolve, 300));
      // Everything below us, grandchildren too: the test checks each ends.
      const pids = descendants(process.pid).map(p => p.pid);
      process.stderr.write(`[fixture] ready: ${pids.join(' ')}\n`);
      if (values.then === 'throw') throw new Error('failed on purpose');
      if (values.then === 'return') return 0;
      await new Promise(() => setInterval(() => {}, 1000));
      return 0;
    },
  },
]);
