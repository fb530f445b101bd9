-- The product dimension as of its latest full refresh.
select
  sku,
  name,
  brand_id,
  brand_name,
  category_id,
  category_name,
  {{ money('list_price', 10) }} as list_price,
  pack_size,
  loaded_at
from {{ source('bronze', 'products') }}
where loaded_at = (select max(loaded_at) from {{ source('bronze', 'products') }})
