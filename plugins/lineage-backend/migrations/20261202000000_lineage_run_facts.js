// @ts-check
/**
 * What the pipeline knows about a dataset beside its lineage: the source
 * freshness dbt measured, and the last pipeline run that built or checked
 * it (its outcome and the rows it left). Quality becomes one entry per
 * producer of assertions (dbt, Great Expectations), each with its own time,
 * so one producer's newer results do not erase another's; whether any of
 * them failed is kept apart, indexed, for the "upstream failed" marks.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('lineage_datasets', t => {
    t.text('freshness').nullable().comment('JSON: the newest source freshness');
    t.string('freshness_time', 40).nullable().comment('ISO 8601, UTC');
    t.text('last_run').nullable().comment('JSON: the last pipeline run');
    t.string('last_run_time', 40).nullable().comment('ISO 8601, UTC');
    t.boolean('quality_failed')
      .notNullable()
      .defaultTo(false)
      .comment('whether a stored assertion failed')
      .index();
  });
  await knex('lineage_datasets')
    .where('quality', 'like', '%"success":false%')
    .update({ quality_failed: true });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('lineage_datasets', t => {
    t.dropIndex(['quality_failed']);
    t.dropColumn('quality_failed');
    t.dropColumn('last_run_time');
    t.dropColumn('last_run');
    t.dropColumn('freshness_time');
    t.dropColumn('freshness');
  });
};
