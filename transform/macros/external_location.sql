{# duckdb target: write each model to <lakehouse>/<layer>/<model>.parquet, so a
   reader needs only the Parquet files, not the DuckDB database. Overrides
   dbt-duckdb's default of <external_root>/<model>.parquet. #}
{% macro external_location(relation, config) -%}
  {{ adapter.external_root() }}/{{ relation.schema }}/{{ relation.identifier }}.parquet
{%- endmacro %}
