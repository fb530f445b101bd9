// @ts-check
/*
 * The upstream route (POST /api/v1/upstream) finds datasets by name in any
 * namespace; the unique index leads with namespace, so it needs its own.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('lineage_datasets', t => {
    t.index(['name'], 'lineage_datasets_name_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('lineage_datasets', t => {
    t.dropIndex(['name'], 'lineage_datasets_name_idx');
  });
};
