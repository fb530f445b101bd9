-- Within each day and region the payment-method shares add up to 1.
select sale_date, region_code, sum(share_of_transactions) as transactions_share
from {{ ref('gold_payment_mix') }}
group by sale_date, region_code
having abs(sum(share_of_transactions) - 1) > 0.001
