"""Production wording met in the fourteenth and sixteenth held-out sets (development data), rewritten as invented
passages: a bitcoin "inventory", a balance dated at the end of a from-to range, demand-response income under
names of its own, a value that waits on the next line, and a bulleted list flattened onto one line."""
from __future__ import annotations

from datetime import date

from tests.transforms.helpers import only_production_record as _one


def test_bitcoin_inventory_is_the_balance_at_the_end_of_a_range():
    r = _one("Example Blockchain Reports First Quarter 2020 Results\n\u2022 Produced 190 newly minted bitcoins (BTC) "
             "during the first quarter of 2020 and grew its bitcoin inventory 45% to 611 BTC from December 31, 2019 "
             "to March 31, 2020.", ticker="EXBL")
    assert (r.period_end, r.btc_produced, r.btc_held) == (date(2020, 3, 31), 190, 611)


def test_an_inventory_that_grew_since_a_date_to_a_level_at_month_end():
    r = _one("Example Blockchain Announces May 2020 Production\n\u2022 During May 2020, the Company produced 97 newly "
             "mined bitcoins.\n\u2022 Example's BTC inventory increased by 9% since April 30, 2020 to 702 BTC as of "
             "May 31, 2020.", ticker="EXBL")
    assert (r.period_end, r.btc_produced, r.btc_held) == (date(2020, 5, 31), 97, 702)


def test_a_range_start_date_still_blocks_a_balance_dated_at_it():
    r = _one("Example Blockchain Announces May 2020 Production\nDuring May 2020, the Company produced 97 bitcoins. "
             "Its BTC inventory stood at 640 BTC as of April 30, 2020.", ticker="EXBL")
    assert (r.btc_produced, r.btc_held) == (97, None)


def test_curtailment_and_energy_sales_are_the_quarters_power_credits():
    r = _one("Example Funding Reports Third Quarter 2025 Results\nThe Company mined 12.4 Bitcoins during the quarter. "
             "The Company generated approximately $98,000 in curtailment and energy sales for the quarter.",
             ticker="EXFA")
    assert (r.period_end, r.btc_produced, r.power_credits_usd) == (date(2025, 9, 30), 12.4, 98000)


def test_an_energy_market_program_revenue_line_whose_figure_waits_on_the_next_line():
    r = _one("Example Infrastructure Announces October 2022 Operational Update\nOctober Bitcoin Self-Mining, Energy "
             "Market Program & Hosting Update:\n- Self-Mined Bitcoin produced: 51\n-\nEnergy Market Program revenue: "
             "approximately\n$0.7 million - Hosting Co-location installed capacity: 1.2 Exahash", ticker="EXMI")
    assert (r.period_end, r.btc_produced, r.power_credits_usd) == (date(2022, 10, 31), 51, 700000)


def test_a_bulleted_list_flattened_onto_one_line_is_read_item_by_item():
    r = _one("Example Infrastructure Announces October 2022 Operational Update\n- Equivalent BTC production from the "
             "Energy Market Program: 60 (based on an average bitcoin price in October of\n)$19,650 - Self-Mined Bitcoin "
             "produced: 41\n- Self-Mining Installed Capacity: 1.1 Exahash", ticker="EXMI")
    assert (r.period_end, r.btc_produced, r.hashrate_deployed_ehs) == (date(2022, 10, 31), 41, 1.1)
