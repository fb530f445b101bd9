// @ts-check
/*
 * What events say of a dataset beyond its schema, each as of the newest
 * event that said it (the *_event_time columns; a late older event
 * changes nothing):
 * - owners: the OpenLineage ownership facet, for datasets the catalog has
 *   no entity for;
 * - lifecycle_state: what the newest event writing it did to it (its
 *   lifecycleStateChange: DROP, TRUNCATE, …; null for a plain write), so
 *   a dropped table shows as dropped;
 * - last_write: that event's job, run, state and reported rows
 *   (outputStatistics), so a dataset no Scout pipeline run builds still
 *   says when and how it was last written.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('lineage_datasets', t => {
    t.text('owners')
      .nullable()
      .comment('JSON [{name, type}] of the newest ownership facet');
    t.string('owners_event_time', 40).nullable();
    t.string('lifecycle_state', 32)
      .nullable()
      .comment('lifecycleStateChange of the newest event writing it');
    t.string('lifecycle_event_time', 40).nullable();
    t.text('last_write')
      .nullable()
      .comment('JSON {job, runId, state, rows} of the newest event writing it');
    t.string('last_write_event_time', 40).nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('lineage_datasets', t => {
    for (const column of [
      'owners',
      'owners_event_time',
      'lifecycle_state',
      'lifecycle_event_time',
      'last_write',
      'last_write_event_time',
    ]) {
      t.dropColumn(column);
    }
  });
};
