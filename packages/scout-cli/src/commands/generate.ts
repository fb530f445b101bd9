import { generateTransactions } from '@internal/backstage-plugin-scout-common';
import {
  type Command,
  parseFlags,
  parseInteger,
  UsageError,
} from '../command.ts';
import { LineWriter } from '../output.ts';

const usage = `Usage: scout generate transactions --count N [--seed S] [--end YYYY-MM-DD] [--days D]

Writes N synthetic POS transactions to stdout as NDJSON (one per line), in time
order over the D days before --end. The same seed and end give byte-identical output.

Options:
  --count N            how many transactions (required)
  --seed S             PRNG seed, an integer (default 1)
  --end YYYY-MM-DD     exclusive end of the window, midnight UTC (default: today)
  --days D             length of the window in days (default 28)
`;

/** `scout generate transactions`: demo and load-test data. */
export const generateCommand: Command = {
  name: 'generate',
  summary: 'Write synthetic POS transactions as NDJSON',
  usage,
  async run(args) {
    const { values, positionals } = parseFlags({
      args,
      allowPositionals: true,
      options: {
        count: { type: 'string' },
        seed: { type: 'string', default: '1' },
        end: { type: 'string' },
        days: { type: 'string', default: '28' },
      },
    });
    if (positionals.length !== 1 || positionals[0] !== 'transactions') {
      throw new UsageError(
        'say what to generate: "scout generate transactions"',
      );
    }
    if (values.count === undefined) throw new UsageError('--count is required');
    const transactions = generateTransactions({
      count: parseInteger('count', values.count, 0),
      seed: parseInteger('seed', values.seed, Number.MIN_SAFE_INTEGER),
      end: values.end === undefined ? undefined : parseDay(values.end),
      days: parseInteger('days', values.days, 1),
    });

    const out = new LineWriter(process.stdout);
    for (const transaction of transactions) {
      if (out.write(JSON.stringify(transaction))) {
        await out.flush();
        if (out.closed) return;
      }
    }
    await out.flush();
  },
};

/** Midnight UTC of a YYYY-MM-DD date; rejects dates that do not exist. */
function parseDay(value: string): Date {
  const date = new Date(`${value}T00:00:00Z`);
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
    Number.isNaN(date.getTime()) ||
    date.toISOString().slice(0, 10) !== value
  ) {
    throw new UsageError(
      `--end must be a date like 2026-11-27, got "${value}"`,
    );
  }
  return date;
}
