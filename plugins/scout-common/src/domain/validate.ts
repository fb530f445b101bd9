import type { z } from 'zod';
import { RuleChecker } from './rules.ts';
import { type Transaction, transactionSchema } from './transaction.ts';

/** One thing wrong with a payload. `index` is the transaction's position (-1: the batch itself). */
export type Problem = { index: number; path: string; message: string };

export type ValidationResult =
  | { ok: true; transactions: Transaction[] }
  | { ok: false; problems: Problem[] };

export type ValidateOptions = {
  /** The server's clock; occurred_at may run at most 5 minutes ahead of it. */
  now: Date;
  /** When given, a transaction for any other store is a problem. */
  isKnownStore?: (storeId: string) => boolean;
  /** Largest batch accepted; default `MAX_BATCH`. */
  maxBatch?: number;
};

/** Largest batch the ingest contract accepts. */
export const MAX_BATCH = 10_000;

/**
 * Checks one transaction or a `{ transactions: [...] }` batch against the
 * schema and the business rules, and lists every problem of every transaction.
 * Elements are parsed one by one so a batch costs no more than its transactions.
 */
export function validateTransactions(
  input: unknown,
  options: ValidateOptions,
): ValidationResult {
  const problems: Problem[] = [];
  const batch = readBatch(input, options.maxBatch ?? MAX_BATCH, problems);
  if (!batch) return { ok: false, problems };

  const rules = new RuleChecker(options, problems);
  const transactions: Transaction[] = [];
  for (let index = 0; index < batch.length; index++) {
    const raw = batch[index];
    const result = transactionSchema.safeParse(raw);
    if (result.success) {
      // The schema has no transforms or defaults, so the input is the parsed value;
      // keeping it instead of zod's copy lets the copies die young (~40% faster).
      transactions.push(raw as Transaction);
      rules.check(result.data, index);
    } else {
      const invalid = addIssues(result.error.issues, index, problems);
      // The rules still run on the fields that passed, so one round trip shows every problem.
      if (!invalid.has('')) rules.check(raw as Transaction, index, invalid);
    }
  }
  return problems.length === 0
    ? { ok: true, transactions }
    : { ok: false, problems };
}

/** The list of transactions to check, or undefined when the batch itself is unusable. */
function readBatch(
  input: unknown,
  maxBatch: number,
  problems: Problem[],
): unknown[] | undefined {
  if (!isBatch(input)) return [input];
  for (const key of Object.keys(input)) {
    if (key !== 'transactions') {
      problems.push({
        index: -1,
        path: key,
        message: `Unrecognized key "${key}"`,
      });
    }
  }
  const list = input.transactions;
  if (!Array.isArray(list)) {
    problems.push({
      index: -1,
      path: 'transactions',
      message: 'Expected an array of transactions',
    });
    return undefined;
  }
  if (list.length === 0) {
    problems.push({
      index: -1,
      path: 'transactions',
      message: 'A batch needs at least one transaction',
    });
    return undefined;
  }
  if (list.length > maxBatch) {
    problems.push({
      index: -1,
      path: 'transactions',
      message: `A batch holds at most ${maxBatch} transactions; got ${list.length}`,
    });
    return undefined;
  }
  return list;
}

function isBatch(input: unknown): input is { transactions: unknown } {
  return typeof input === 'object' && input !== null && 'transactions' in input;
}

/** Adds zod's issues as problems; returns the top-level fields that failed ('' for the whole value). */
function addIssues(
  issues: z.core.$ZodIssue[],
  index: number,
  problems: Problem[],
): Set<string> {
  const invalid = new Set<string>();
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      // One problem per key, pointing at the key itself.
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        problems.push({
          index,
          path: joinPath(path),
          message: `Unrecognized key "${key}"`,
        });
        invalid.add(String(path[0]));
      }
    } else {
      problems.push({
        index,
        path: joinPath(issue.path),
        message: issue.message,
      });
      invalid.add(issue.path.length === 0 ? '' : String(issue.path[0]));
    }
  }
  return invalid;
}

function joinPath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}
