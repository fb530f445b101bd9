-- Postgres quarantines sales on inactive stores at ingest, so none should
-- reach silver. Warn only: a store closed later keeps its earlier sales.
{{ config(severity='warn') }}

select t.transaction_id, t.store_id, t.sale_date
from {{ ref('silver_transactions') }} as t
join {{ ref('silver_stores') }} as s on s.store_id = t.store_id
where not s.active
