-- Retargets happen only at multiples of 2,016 blocks, and difficulty is always positive.
select source, height, difficulty
from staging.difficulty_adjustments
where height % 2016 != 0
   or difficulty <= 0
