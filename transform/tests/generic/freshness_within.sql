{# Fails when the newest value of a timestamp column is older than `hours`
   (or the model is empty): the data behind the freshness SLO is stale. #}
{% test freshness_within(model, column_name, hours=1) %}
select newest
from (select max({{ column_name }}) as newest from {{ model }}) as latest
where newest is null
   or newest < current_timestamp - interval '{{ hours | int }}' hour
{% endtest %}
