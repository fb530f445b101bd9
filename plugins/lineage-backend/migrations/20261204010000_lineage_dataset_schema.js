// @ts-check
/*
 * A dataset's current schema: the fields of the newest schema facet any
 * event gave it, so a column a newer schema leaves out is no longer shown
 * (lineage_fields keeps every field lineage ever named, for the edges).
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('lineage_datasets', t => {
    t.text('schema_fields')
      .nullable()
      .comment(
        'JSON [{name, type}] of the newest schema facet; null: none yet',
      );
    t.string('schema_event_time', 40)
      .nullable()
      .comment('the time of the event that gave schema_fields');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('lineage_datasets', t => {
    t.dropColumn('schema_fields');
    t.dropColumn('schema_event_time');
  });
};
