-- What a run did step by step, every dbt test it ran, and who started it.
-- Both lists are small (six steps, about a hundred tests) and read whole with
-- their run, so they live in the run's row. The table's grants and its
-- service_role policy cover the new columns.
alter table scout.pipeline_runs
  -- [{name, status, startedAt, finishedAt, detail}], in the order taken.
  add column steps jsonb not null default '[]',
  -- [{uniqueId, name, model, status, failures, message, seconds}] from dbt's run_results.json.
  add column tests jsonb not null default '[]',
  -- The user entity ref for runs started through the API; null otherwise.
  add column started_by text;
