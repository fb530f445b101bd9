// @ts-check
/*
 * A dataset's owners as producers name them: the newest OpenLineage
 * ownership facet (`owners [{name, type}]`), for datasets the catalog has
 * no entity for.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('lineage_datasets', t => {
    t.text('owners')
      .nullable()
      .comment(
        'JSON [{name, type}] of the newest ownership facet; null: none yet',
      );
    t.string('owners_event_time', 40)
      .nullable()
      .comment('the time of the event that gave owners');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('lineage_datasets', t => {
    t.dropColumn('owners');
    t.dropColumn('owners_event_time');
  });
};
