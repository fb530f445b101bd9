{{ config(properties=partitioned_by(['day'])) }}

-- Quarantine reasons per Manila calendar day, reason: the number of
-- records, count(transaction_id).
select
  day,
  reason,
  count(transaction_id) as count_transaction_id,
  count(*) as records
from {{ ref('silver_quarantine_reasons') }}
group by day, reason
