// @ts-check

/**
 * The SLO plugin's own state:
 * - slo_minutes: per SLO and minute, good and total events (ratio SLIs) or
 *   one slice (time-slice SLIs: total 1, good 0 or 1), from the embedded
 *   sampler; windows are sums over minutes.
 * - slo_history: the SLI and remaining budget every slo.history.interval,
 *   from whichever source answered, for the 30-day chart.
 * - slo_alert_deliveries: alerts already turned into notifications, keyed by
 *   Alertmanager's fingerprint, start and state, so retries notify once.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('slo_minutes', table => {
    table.string('slo_id', 127).notNullable();
    table.bigInteger('minute').notNullable().comment('Unix time / 60');
    table.double('good').notNullable();
    table.double('total').notNullable();
    table.primary(['slo_id', 'minute']);
    table.index(['minute'], 'slo_minutes_minute_idx');
  });
  await knex.schema.createTable('slo_history', table => {
    table.string('slo_id', 127).notNullable();
    table.bigInteger('at').notNullable().comment('Unix time in ms');
    table.double('sli').nullable();
    table.double('budget_remaining').nullable();
    table.string('source', 16).notNullable();
    table.primary(['slo_id', 'at']);
  });
  await knex.schema.createTable('slo_alert_deliveries', table => {
    table.string('key', 255).primary().comment('fingerprint|startsAt|status');
    table.string('slo_id', 127).notNullable();
    table.string('status', 16).notNullable();
    table.bigInteger('received_at').notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('slo_alert_deliveries');
  await knex.schema.dropTable('slo_history');
  await knex.schema.dropTable('slo_minutes');
};
