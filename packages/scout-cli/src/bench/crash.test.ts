import { freshPostgresDatabase } from './backend.ts';
import { CrashTest } from './crash.ts';

// Needs a real PostgreSQL: scripts/lib/postgres.sh pg_start exports the URL.
const serverUrl = process.env.SCOUT_TEST_DATABASE_URL;
const missing =
  'SCOUT_TEST_DATABASE_URL is not set (start one with: source scripts/lib/toolchain.sh; source scripts/lib/postgres.sh; pg_start)';
if (!serverUrl && !process.env.CI) {
  process.stderr.write(`crash test skipped: ${missing}\n`);
}

// Under CI a missing database is a failure, not a silent skip.
(serverUrl || process.env.CI ? describe : describe.skip)(
  'ingest across a backend crash',
  () => {
    let crash: CrashTest | undefined;

    afterAll(() => crash?.stop());

    it('loses nothing acknowledged, writes no half batch and absorbs the re-sent ones', async () => {
      if (!serverUrl) throw new Error(missing);
      crash = new CrashTest(
        {
          databaseUrl: freshPostgresDatabase('scout_crash'),
          port: 7307,
          batchSize: 1_000,
          concurrency: 3,
          trafficMs: 2_000,
          maxBatches: 300,
          seed: 7,
        },
        message => process.stderr.write(`[crash] ${message}\n`),
      );
      const report = await crash.run();
      process.stderr.write(`[crash] ${JSON.stringify(report)}\n`);

      // Traffic was acknowledged before the kill, and some was cut off by it.
      expect(report.acknowledged).toBeGreaterThan(0);
      expect(report.unacknowledged).toBeGreaterThan(0);
      expect(report.refused).toBe(0);
      // The kill landed while a promotion round's transaction was open.
      expect(report.killed_mid_promotion).toBe(true);

      const after = report.after_crash;
      expect(after.acknowledged_missing).toBe(0);
      expect(after.half_written).toEqual([]);
      expect(after.bronze).toBe(after.expected_bronze);
      // Whatever the killed round had written is gone, none of it twice.
      expect(after.promoted_twice).toBe(0);
      expect(after.orphans).toBe(0);
      expect(after.silver + after.quarantined + after.pending).toBe(
        after.bronze,
      );

      expect(report.resent.absorbed).toBe(report.resent.batches);
      const final = report.final;
      expect(final.bronze).toBe(report.transactions_sent);
      expect(final).toMatchObject({
        pending: 0,
        promoted_twice: 0,
        orphans: 0,
      });
      expect(final.silver + final.quarantined).toBe(final.bronze);
    }, 240_000);
  },
);
