// @ts-check
/**
 * Data quality on datasets: the assertions of the newest event that carried
 * a dataQualityAssertions facet for the dataset (dbt test results, from the
 * static pass), and that event's time, so an older event arriving late does
 * not replace them.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('lineage_datasets', t => {
    t.text('quality').nullable().comment('JSON: the assertions, as sent');
    t.string('quality_event_time', 40).nullable().comment('ISO 8601, UTC');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('lineage_datasets', t => {
    t.dropColumn('quality_event_time');
    t.dropColumn('quality');
  });
};
