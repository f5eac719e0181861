"""Production wording met in the seventeenth and eighteenth held-out sets, rewritten as invented passages: periods
named by a headline's "Results Ending" or a lead's "quarter and half-year ended", a quarter's "Record", figures that
belong to no period of the report (after its end, a site's potential, a machine's rating, a plan's fleet), the
self-mining part of a total, a target reached, and a level "at the end of" the quarter's last month."""
from __future__ import annotations

from datetime import date

from tests.transforms.helpers import only_production_record as _one


def test_a_headline_quarter_and_year_end_results_ending_a_date():
    r = _one("Example Blockchain Reports Fourth Quarter and Year-End Results Ending September 30, 2023\nHighlights:\n"
             "\u2022 Bitcoin mined during the quarter: 61 BTC", ticker="EXDM")
    assert (r.period_end, r.period_type, r.btc_produced) == (date(2023, 9, 30), "quarter", 61)


def test_a_record_for_the_quarter_in_a_quarter_and_half_year_release():
    r = _one("Example Energy Reports Second Quarter Results\n\u2022 Record average operating hashrate of 910 PH/s (+40% "
             "vs. Q1 FY23) and 402 Bitcoin mined for the quarter\n\u2022 Post quarter end, a 400MW connection agreement "
             "was signed, increasing power capacity to 520MW (~15 EH/s)\nSYDNEY, Feb. 14, 2023 -- Example Energy today "
             "reported its financial results for the quarter and half-year ended December 31, 2022.", ticker="EXEN")
    assert (r.period_end, r.hashrate_operating_ehs, r.btc_produced, r.hashrate_deployed_ehs) == (
        date(2022, 12, 31), 0.91, 402, None)


def test_a_sites_potential_and_a_later_dated_hash_rate_are_not_the_quarters():
    r = _one("Example Infrastructure Reports Q3 2024 Financial Results\n\u2022 Bitcoin mined in the quarter: 118 BTC\n"
             "\u2022 90 MW power capacity able to support approximately 29,000 miners or 3.1 EH/s\n\u2022 As of November "
             "8, 2024, the Company increased total operating hash rate to 1.6 EH/s.", ticker="EXIN")
    assert (r.btc_produced, r.hashrate_deployed_ehs, r.hashrate_operating_ehs) == (118, None, None)


def test_a_fleet_rated_at_a_hash_rate_is_its_installed_capacity():
    r = _one("ATLANTA, May 14, 2021 \u2013 Example Capital, Inc. (OTCQB: EXMC) yesterday filed its Form 10-Q quarterly "
             "report for the period ended March 31, 2021.\nResults for the first quarter reflect operations of the "
             "Company-owned facility. This site consists of 2,100 Bitcoin miners, collectively rated at approximately "
             "110 Ph/s in computing power.", ticker="EXMC")
    assert (r.period_end, r.hashrate_deployed_ehs) == (date(2021, 3, 31), 0.11)


def test_a_machines_rating_and_a_plans_fleet_efficiency_are_no_fleet_figures():
    r = _one("Example Mining Announces May 2025 Production\n\u2022 Average operating hashrate of 12.1 EH/s\n\u2022 The "
             "Company will install new S21 XP miners, operating at 270 TH/s and 13.5 w/TH.\n\u2022 At 40 EH/s, nameplate "
             "fleet efficiency of 15 J/TH and indicative electricity cost per BTC of $19k", ticker="EXMN")
    assert (r.hashrate_operating_ehs, r.efficiency_j_per_th) == (12.1, None)


def test_the_self_mining_part_of_a_total_with_hosting():
    r = _one("Example Scientific Reports Fourth Quarter 2025 Results\n\u2022 Operated total hash rate of 24.3 EH/s, "
             "consisting of 22.8 EH/s self-mining and 1.5 EH/s hosting\n\u2022 Mined 1,402 bitcoin in the quarter",
             ticker="EXSC")
    assert (r.hashrate_deployed_ehs, r.btc_produced) == (22.8, 1402)


def test_an_efficiency_target_achieved_is_the_fleets_efficiency():
    r = _one("Example Farms Reports Q2 2025 Results\nThe Company deployed 3,100 miners during the quarter, achieving its "
             "efficiency target of 19 w/TH two months ahead of schedule.", ticker="EXBF")
    assert (r.period_end, r.efficiency_j_per_th) == (date(2025, 6, 30), 19)


def test_a_level_at_the_end_of_the_quarters_last_month_and_a_comparison_from_just_under():
    r = _one("Example 3D Reports Second Quarter 2024 Financial Results\n\u201cWe increased our operating hashrate to "
             "1.4 EH/s at the end of June 2024 from just under 0.5 EH/s in the same period last year,\u201d said the CEO.",
             ticker="EXTD")
    assert (r.period_end, r.hashrate_operating_ehs) == (date(2024, 6, 30), 1.4)
