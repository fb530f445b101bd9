// @ts-check
/*
 * What the newest event that wrote a dataset did to it: its OpenLineage
 * lifecycleStateChange (DROP, TRUNCATE, RENAME, …), or null for a plain
 * write, so a dropped table shows as dropped.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('lineage_datasets', t => {
    t.string('lifecycle_state', 32)
      .nullable()
      .comment(
        'lifecycleStateChange of the newest event writing it; null: a plain write',
      );
    t.string('lifecycle_event_time', 40)
      .nullable()
      .comment('the time of that event; null: no event wrote it yet');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('lineage_datasets', t => {
    t.dropColumn('lifecycle_state');
    t.dropColumn('lifecycle_event_time');
  });
};
