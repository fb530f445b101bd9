// @ts-check
/*
 * The other dataset of a RENAME (OpenLineage lifecycleStateChange with a
 * previousIdentifier):
 * - renamed_from, on the new name: the old one, so the panel can say what
 *   it was called; as of renamed_from_event_time, the newest event that
 *   wrote the dataset (a later rename of it elsewhere is no write of it,
 *   so b of a -> b -> c still says where it came from);
 * - renamed_to, on the old name: the new one, part of the lifecycle
 *   snapshot (lifecycle_state, as of lifecycle_event_time), so the old is
 *   shown as renamed, not alive, until a newer event writes it again.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('lineage_datasets', t => {
    t.text('renamed_from')
      .nullable()
      .comment('JSON {namespace, name}: the old name of a RENAME output');
    t.string('renamed_from_event_time', 40)
      .nullable()
      .comment('ISO 8601: the event time renamed_from is as of');
    t.text('renamed_to')
      .nullable()
      .comment('JSON {namespace, name}: the new name of a renamed dataset');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('lineage_datasets', t => {
    t.dropColumn('renamed_from');
    t.dropColumn('renamed_from_event_time');
    t.dropColumn('renamed_to');
  });
};
