"""Filing notes: an EDGAR XBRL page of a note's text carries no scale header ("$ in Thousands" heads only the page's tables), so
a 10-Q note of a filer reporting in thousands writes "a delayed draw term loan facility of $40,000" for $40
million; and an acquiree's "note payable with a fixed rate of 8.81%". Invented notes after the layout of those pages
(development sets heldout26/31/32)."""
from __future__ import annotations

from tests.transforms.helpers import only_debt_event as _one

_PAGE_HEAD = "|\n11. LOANS\n|9 Months Ended\nJun. 30, 2025\n|Debt Disclosure [Abstract]\n|LOANS\n|\n"


def test_a_text_block_pages_bare_amounts_under_100000_are_thousands():
    e = _one(_PAGE_HEAD + "On April 22, 2025, the Company entered into a Master Equipment Financing Agreement with "
             "Northgate Capital Inc. (the \"Lender\"), which provided for up to $45,000 of borrowings to finance the "
             "Company's acquisition of mining equipment. The Company received a loan of $25,000 at closing. The loan "
             "bears interest at 9% per annum and is secured by 4,100 miners.", ticker="EXMP")
    assert e.principal_usd == 45_000_000
    assert "times 1,000" in e.derived["principal_usd"]


def test_a_text_block_page_in_dollars_keeps_its_amounts():
    e = _one(_PAGE_HEAD + "On April 22, 2025, the Company issued a promissory note in the principal amount of "
             "$350,000 to an investor. The note bears interest at 12% per annum and matures on April 22, 2026. "
             "Accrued interest of $8,750 was paid in cash.", ticker="EXMP")
    assert e.principal_usd == 350_000


def test_a_press_release_with_a_dateline_keeps_its_amounts():
    e = _one("Example Mining Closes Equipment Loan\nAUSTIN, Texas, April 22, 2025 -- Example Mining, Inc. (NASDAQ: EXMP) "
             "today announced it entered into a $45,000 equipment loan with Northgate Capital bearing interest at 9%.")
    assert e.principal_usd == 45_000


def test_an_acquirees_note_payable_with_a_fixed_rate():
    e = _one("Note Payable\nAs part of the acquisition of Granite Hosting, the Company acquired a $4.2 million note "
             "payable with a fixed rate of 7.25%. The note matures in December 2033.", ticker="EXMP")
    assert (e.instrument, e.principal_usd, e.coupon_pct, e.maturity_year) == ("other", 4_200_000, 7.25, 2033)
