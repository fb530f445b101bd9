// @ts-check
/*
 * A run's events add up: lineage_jobs.io_run_id is the run whose events set
 * the job's inputs, outputs and field edges, so another event of that run
 * adds to them instead of replacing them. And a field's type is as long as
 * a producer writes it (a Spark struct's runs to thousands of characters):
 * text on PostgreSQL. SQLite does not enforce a varchar's length.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('lineage_jobs', t => {
    t.string('io_run_id', 64)
      .nullable()
      .comment('the run whose events set the job inputs, outputs and edges');
  });
  if (knex.client.config.client === 'pg') {
    await knex.schema.alterTable('lineage_fields', t => {
      t.text('type').nullable().alter();
    });
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  if (knex.client.config.client === 'pg') {
    await knex.schema.alterTable('lineage_fields', t => {
      t.string('type', 256).nullable().alter();
    });
  }
  await knex.schema.alterTable('lineage_jobs', t => {
    t.dropColumn('io_run_id');
  });
};
