{# Layers live in schemas named exactly silver / gold / platinum (Iceberg
   namespaces the portal and the pipeline know), not <target>_silver. #}
{% macro generate_schema_name(custom_schema_name, node) -%}
  {{ (custom_schema_name or target.schema) | trim }}
{%- endmacro %}
