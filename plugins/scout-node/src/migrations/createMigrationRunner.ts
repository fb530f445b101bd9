import { DatabaseSession, withSession } from '../db/session';
import { ScoutDatabase } from '../db/types';
import { MigrationFile, readMigrationFiles } from './migrationFiles';
import {
  compareWithHistory,
  MigrationStatus,
  readHistory,
  refuseTampering,
} from './migrationStatus';

/** A migration that up() applied. */
export type AppliedMigration = {
  name: string;
  checksum: string;
  durationMs: number;
};

/** Applies the SQL files of a directory, each once, in name order. */
export interface MigrationRunner {
  status(): Promise<MigrationStatus[]>;
  up(): Promise<AppliedMigration[]>;
}

// Any fixed number works; every runner of every process uses this one.
const LOCK_KEY = 7_263_948_215;

const CREATE_HISTORY = `
  create schema if not exists scout_migrations;
  create table if not exists scout_migrations.history (
    name text primary key,
    checksum text not null,
    applied_at timestamptz not null default now(),
    duration_ms int
  )`;

async function apply(
  session: DatabaseSession,
  file: MigrationFile,
): Promise<AppliedMigration> {
  const started = Date.now();
  await session.transaction(async tx => {
    await tx.query(file.sql);
    await tx.query(
      'insert into scout_migrations.history (name, checksum, duration_ms) values ($1, $2, $3)',
      [file.name, file.checksum, Date.now() - started],
    );
  });
  const { name, checksum } = file;
  return { name, checksum, durationMs: Date.now() - started };
}

/**
 * A runner for the migrations in `directory`. up() holds an advisory lock on
 * one connection for its whole run, so runners in other processes wait
 * rather than interleave, and applies each file in its own transaction
 * together with its history row.
 */
export function createMigrationRunner(options: {
  db: ScoutDatabase;
  directory: string;
  logger?: { info(message: string): void };
}): MigrationRunner {
  const { db, directory, logger } = options;
  return {
    async status() {
      const [files, history] = await Promise.all([
        readMigrationFiles(directory),
        readHistory(db),
      ]);
      return compareWithHistory(files, history);
    },

    up() {
      return withSession(db, async session => {
        await session.query('select pg_advisory_lock($1)', [LOCK_KEY]);
        try {
          await session.query(CREATE_HISTORY);
          const files = await readMigrationFiles(directory);
          const statuses = compareWithHistory(
            files,
            await readHistory(session),
          );
          refuseTampering(statuses, directory);
          const pending = new Set(
            statuses.filter(s => s.state === 'pending').map(s => s.name),
          );
          const applied: AppliedMigration[] = [];
          for (const file of files.filter(f => pending.has(f.name))) {
            const done = await apply(session, file);
            logger?.info(
              `Applied migration ${done.name} in ${done.durationMs} ms`,
            );
            applied.push(done);
          }
          return applied;
        } finally {
          await session.query('select pg_advisory_unlock($1)', [LOCK_KEY]);
        }
      });
    },
  };
}
