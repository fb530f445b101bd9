// @ts-check

/**
 * slo_alert_states: the alerts the embedded source finds firing, per SLO and
 * severity, with when each began, so a restart (or another replica) reports
 * the same `since`. A row is deleted when its condition stops holding.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('slo_alert_states', table => {
    table.string('slo_id', 127).notNullable();
    table.string('severity', 16).notNullable().comment('page or ticket');
    table.bigInteger('since').notNullable().comment('Unix time in ms');
    table.primary(['slo_id', 'severity']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('slo_alert_states');
};
