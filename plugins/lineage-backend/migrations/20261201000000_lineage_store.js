// @ts-check
/**
 * The lineage store: OpenLineage run events as they arrived, and the graph
 * they describe. Datasets and jobs are keyed by (namespace, name) as in
 * OpenLineage; a job's inputs, outputs and column edges are those of its
 * latest event that named any (io_event_time), so a replayed older event
 * changes nothing.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('lineage_events', t => {
    t.comment('Every accepted run event; the key makes replays no-ops');
    t.string('event_key', 64).primary().comment('sha256 of the event JSON');
    t.string('run_id', 64).notNullable();
    t.string('event_type', 16).notNullable();
    t.string('job_namespace', 512).notNullable();
    t.string('job_name', 1024).notNullable();
    t.string('event_time', 40).notNullable().comment('ISO 8601, UTC');
    t.text('body').notNullable();
    t.index(['run_id']);
  });
  await knex.schema.createTable('lineage_datasets', t => {
    t.increments('id');
    t.string('namespace', 512).notNullable();
    t.string('name', 1024).notNullable();
    t.string('updated_at', 40).notNullable();
    t.unique(['namespace', 'name']);
  });
  await knex.schema.createTable('lineage_fields', t => {
    t.increments('id');
    t.integer('dataset_id')
      .notNullable()
      .references('id')
      .inTable('lineage_datasets')
      .onDelete('CASCADE');
    t.string('name', 1024).notNullable();
    t.string('type', 256).nullable();
    t.unique(['dataset_id', 'name']);
  });
  await knex.schema.createTable('lineage_jobs', t => {
    t.increments('id');
    t.string('namespace', 512).notNullable();
    t.string('name', 1024).notNullable();
    t.text('sql').nullable().comment('from the job facet sql.query');
    t.string('io_event_time', 40).nullable();
    t.string('latest_run_id', 64).nullable();
    t.string('latest_run_state', 16).nullable();
    t.string('latest_event_time', 40)
      .nullable()
      .comment('the newest event of any run: it names latest_run_id');
    t.string('updated_at', 40).notNullable();
    t.unique(['namespace', 'name']);
  });
  await knex.schema.createTable('lineage_job_io', t => {
    t.integer('job_id')
      .notNullable()
      .references('id')
      .inTable('lineage_jobs')
      .onDelete('CASCADE');
    t.integer('dataset_id')
      .notNullable()
      .references('id')
      .inTable('lineage_datasets')
      .onDelete('CASCADE');
    t.string('direction', 3).notNullable().comment('in or out');
    t.primary(['job_id', 'dataset_id', 'direction']);
    t.index(['dataset_id', 'direction']);
  });
  await knex.schema.createTable('lineage_field_edges', t => {
    t.integer('job_id')
      .notNullable()
      .references('id')
      .inTable('lineage_jobs')
      .onDelete('CASCADE');
    t.integer('from_field_id')
      .notNullable()
      .references('id')
      .inTable('lineage_fields')
      .onDelete('CASCADE');
    t.integer('to_field_id')
      .notNullable()
      .references('id')
      .inTable('lineage_fields')
      .onDelete('CASCADE');
    t.string('transformation_type', 32).nullable().comment('DIRECT, INDIRECT');
    t.string('transformation_subtype', 32).nullable();
    t.text('description').nullable();
    t.primary(['job_id', 'from_field_id', 'to_field_id']);
    t.index(['to_field_id']);
    t.index(['from_field_id']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('lineage_field_edges');
  await knex.schema.dropTable('lineage_job_io');
  await knex.schema.dropTable('lineage_jobs');
  await knex.schema.dropTable('lineage_fields');
  await knex.schema.dropTable('lineage_datasets');
  await knex.schema.dropTable('lineage_events');
};
