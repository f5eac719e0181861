-- Principal outstanding can never be negative: a negative balance means a retirement was linked
-- to the wrong instrument or an issuance was missed.
select instrument_id, quarter_end, outstanding_principal_usd
from marts.debt_instrument_quarterly
where counts_in_total_debt and outstanding_principal_usd < -0.5
