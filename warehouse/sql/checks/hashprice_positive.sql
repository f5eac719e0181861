-- Hashvalue and hashprice can never be zero or negative on a day with a difficulty and a price.
select day, hashvalue_btc_per_ph_day, hashprice_usd_per_ph_day
from marts.hashprice_daily
where hashvalue_btc_per_ph_day <= 0
   or hashprice_usd_per_ph_day <= 0
   or difficulty <= 0
