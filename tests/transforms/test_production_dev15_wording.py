"""Production wording met in the fifteenth and sixteenth held-out sets, rewritten as invented passages: a quarter
written "Q2/19", a pair of hash rates given "respectively", and a quarter's "quarterly hashrate"."""
from __future__ import annotations

from datetime import date

from tests.transforms.helpers import only_production_record as _one


def test_a_quarter_written_with_a_slash_names_the_period():
    r = _one("Example Blockchain Announces Q2/19 Financial Results\nExample Blockchain, Inc. (NASDAQ: EXBL) announced "
             "the filing of its quarterly report.\nHighlights (\u201cQ2/19\u201d):\n\u2022 Generated approximately "
             "$2.1 million in mining revenue on the production of 290.55 bitcoins for the quarter.", ticker="EXBL")
    assert (r.period_end, r.period_type, r.btc_produced) == (date(2019, 6, 30), "quarter", 290.55)


def test_active_and_contracted_hash_rates_given_respectively():
    r = _one("Example Bitcoin Announces First Quarter 2022 Financial Results\nTORONTO, May 30, 2022 -- Example Bitcoin "
             "Inc. (TSX-V: EXBT) announces the results of its operations for the three months ended March 31, 2022.\n"
             "\u2022 Example ended the period with active and contracted hash rate of approximately 210 PH/s and 640 "
             "PH/s, respectively, across its two sites.", ticker="EXBT")
    assert (r.period_end, r.hashrate_operating_ehs, r.hashrate_deployed_ehs) == (date(2022, 3, 31), 0.21, None)


def test_a_record_quarterly_hashrate_is_the_quarters_operating_hashrate():
    r = _one("Example Digital Mining Reports Second Quarter 2024 Financial Results\nExample Digital Mining, Inc. (Nasdaq: "
             "EXDM) today reported financial results for its quarter ended June 30, 2024. \u201cWe set a new company "
             "record in quarterly hashrate of 910 PH/s in Q2/24, a 15% increase over Q2/23,\u201d said the CEO.",
             ticker="EXDM")
    assert (r.period_end, r.hashrate_operating_ehs) == (date(2024, 6, 30), 0.91)
