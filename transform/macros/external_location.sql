{# duckdb target: write each model to <lakehouse>/<layer>/<model>.parquet, so a
   reader needs only the Parquet files, not the DuckDB database. Overrides
   dbt-duckdb's default of <external_root>/<model>.parquet. #}
{% macro external_location(relation, config) -%}
  {{ adapter.external_root() }}/{{ relation.schema }}/{{ relation.identifier }}.parquet
{%- endmacro %}

{# duckdb target: dbt-duckdb writes an empty model's file with one all-NULL
   row (to keep its columns) and hides that row only in its own view. The
   pipeline, the lakehouse browser and downstream readers read the files, so
   an empty model's file is written again, typed and without rows. A
   post-hook of every model (dbt_project.yml); nothing on trino. #}
{% macro drop_empty_model_row() -%}
  {%- if execute and target.type == 'duckdb' and config.get('materialized') == 'external' -%}
    {%- set rows = run_query('select count(*) from ' ~ this).columns[0].values()[0] -%}
    {%- if rows == 0 -%}
      copy (select * from {{ this }} limit 0) to '{{ external_location(this, config) }}' (format parquet)
    {%- endif -%}
  {%- endif -%}
{%- endmacro %}
