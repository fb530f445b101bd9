{# The few places where Trino and DuckDB SQL differ. #}

{# The date n days before a date expression. #}
{% macro days_before(date_expr, days) -%}
  {{ return(adapter.dispatch('days_before', 'scout')(date_expr, days)) }}
{%- endmacro %}

{% macro default__days_before(date_expr, days) -%}
  date_add('day', -({{ days }}), {{ date_expr }})
{%- endmacro %}

{% macro duckdb__days_before(date_expr, days) -%}
  cast({{ date_expr }} - cast({{ days }} as integer) as date)
{%- endmacro %}

{# Whole days from one date to a later one. #}
{% macro days_between(start_expr, end_expr) -%}
  {{ return(adapter.dispatch('days_between', 'scout')(start_expr, end_expr)) }}
{%- endmacro %}

{% macro default__days_between(start_expr, end_expr) -%}
  date_diff('day', {{ start_expr }}, {{ end_expr }})
{%- endmacro %}

{# Money: exact decimals, the same type on both engines. #}
{% macro money(expr, precision=14) -%}
  cast({{ expr }} as decimal({{ precision }}, 2))
{%- endmacro %}

{# A ratio as double; null when the denominator is zero. #}
{% macro ratio(numerator, denominator) -%}
  cast({{ numerator }} as double) / nullif(cast({{ denominator }} as double), 0)
{%- endmacro %}

{# Iceberg partition spec for the trino target; nothing on duckdb. #}
{% macro partitioned_by(columns) -%}
  {%- if target.type == 'trino' -%}
    {{ return({'partitioning': "ARRAY['" ~ columns | join("', '") ~ "']"}) }}
  {%- else -%}
    {{ return({}) }}
  {%- endif -%}
{%- endmacro %}

{# Sum of integers as bigint: DuckDB sums to int128, which Parquet stores as double. #}
{% macro int_sum(expr) -%}
  cast(sum({{ expr }}) as bigint)
{%- endmacro %}
