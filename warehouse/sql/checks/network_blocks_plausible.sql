-- A UTC day has between 0 and a few hundred blocks (144 expected; >400 has never happened).
select source, day, value as blocks
from staging.network_observations
where metric = 'blocks'
  and (value < 0 or value > 400 or value != round(value))
