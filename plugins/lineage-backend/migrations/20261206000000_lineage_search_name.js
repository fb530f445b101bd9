// @ts-check
/*
 * search_name on datasets and jobs: the name as search compares it, folded
 * in JavaScript (src/services/searchKey.ts: NFKD, nonspacing marks dropped,
 * Unicode lower case), since SQLite's lower() folds ASCII only. Existing
 * rows are filled here with the same fold; the store sets it on every new
 * row.
 */

/** @param {string} text */
const searchKey = text =>
  text
    .normalize('NFKD')
    .replace(/\p{Mn}/gu, '')
    .toLowerCase();
const TABLES = ['lineage_datasets', 'lineage_jobs'];

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  for (const table of TABLES) {
    await knex.schema.alterTable(table, t => {
      t.text('search_name')
        .nullable()
        .comment('The name folded for search (see src/services/searchKey.ts)');
    });
    for (let after = 0; ; ) {
      /** @type {{ id: number; name: string }[]} */
      const rows = await knex(table)
        .where('id', '>', after)
        .orderBy('id')
        .limit(500)
        .select('id', 'name');
      if (!rows.length) break;
      for (const row of rows) {
        await knex(table)
          .where('id', row.id)
          .update({ search_name: searchKey(row.name) });
      }
      after = rows[rows.length - 1].id;
    }
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  for (const table of TABLES) {
    await knex.schema.alterTable(table, t => t.dropColumn('search_name'));
  }
};
