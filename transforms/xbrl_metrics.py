"""The canonical balance-sheet and income metrics, and the XBRL tags that can carry each (data, not code).

Tags vary by company and by year (notes/formats.md section 9; ../shared/DOMAIN.md "XBRL"): each metric lists
candidates in order of preference, us-gaap first, then ifrs-full for IFRS filers (Bitfarms, Bitdeer, HIVE).
A candidate is one tag, or a sum of parts used only when no earlier candidate (e.g. the total tag) is
reported for that period end:
  {"tags": [...]}                  one tag: the list has one name
  {"sum": [...], "require": "first"}  current + noncurrent: the first part must be reported, the others are
                                      added when the same filing reports them
  {"sum": [...], "require": "any"}    any reported part counts (used where either part may stand alone)
`period` says whether the metric is a balance at an instant or a flow over a duration; `unit` whether it is
a currency amount (ISO 4217 unit keys: USD, CAD, ...) or a count of bitcoin (unit keys vary by filer).
"""
from __future__ import annotations

from typing import Any

#: Unit keys companyfacts uses for a count of bitcoin (custom units differ by filer: "BTC", "Bitcoin"...).
BTC_UNIT_KEYS = ("BTC", "Bitcoin", "bitcoin", "Bitcoins", "XBT", "btc")

#: Forms whose facts describe the filer's own periods (quarter and year ends).
PERIODIC_FORMS = ("10-Q", "10-K", "10-KT", "10-QT", "20-F", "40-F", "6-K", "10-Q/A", "10-K/A", "10-KT/A",
                  "20-F/A", "40-F/A", "6-K/A")

CANONICAL_METRICS: dict[str, dict[str, Any]] = {
    "total_debt": {
        "period": "instant",
        "unit": "currency",
        "description": "carrying amount of debt (long-term debt including its current portion)",
        "candidates": {
            "us-gaap": [
                {"tags": ["LongTermDebt"]},
                {"sum": ["LongTermDebtNoncurrent", "LongTermDebtCurrent"], "require": "first"},
                {"tags": ["DebtInstrumentCarryingAmount"]},
                {"tags": ["DebtLongtermAndShorttermCombinedAmount"]},
                {"tags": ["ConvertibleNotesPayable"]},
                {"sum": ["ConvertibleLongTermNotesPayable", "ConvertibleNotesPayableCurrent"], "require": "first"},
                {"sum": ["ConvertibleDebtNoncurrent", "ConvertibleDebtCurrent"], "require": "first"},
                {"tags": ["SeniorNotes"]},
                {"tags": ["SecuredDebt"]},
                {"tags": ["NotesPayable"]},
            ],
            "ifrs-full": [
                {"tags": ["Borrowings"]},
                {"sum": ["NoncurrentPortionOfNoncurrentBorrowings", "CurrentBorrowingsAndCurrentPortionOfNoncurrentBorrowings"],
                 "require": "first"},
                {"sum": ["LongtermBorrowings", "ShorttermBorrowings"], "require": "first"},
            ],
        },
    },
    "convertible_debt": {
        "period": "instant",
        "unit": "currency",
        "description": "carrying amount of convertible notes",
        "candidates": {
            "us-gaap": [
                {"tags": ["ConvertibleNotesPayable"]},
                {"sum": ["ConvertibleLongTermNotesPayable", "ConvertibleNotesPayableCurrent"], "require": "first"},
                {"sum": ["ConvertibleDebtNoncurrent", "ConvertibleDebtCurrent"], "require": "first"},
            ],
            "ifrs-full": [],
        },
    },
    "cash": {
        "period": "instant",
        "unit": "currency",
        "description": "cash and cash equivalents (restricted cash excluded)",
        "candidates": {
            "us-gaap": [{"tags": ["CashAndCashEquivalentsAtCarryingValue"]}, {"tags": ["Cash"]}],
            "ifrs-full": [{"tags": ["CashAndCashEquivalents"]}],
        },
    },
    "equity": {
        "period": "instant",
        "unit": "currency",
        "description": "stockholders' equity attributable to the parent, else total equity",
        "candidates": {
            "us-gaap": [
                {"tags": ["StockholdersEquity"]},
                {"tags": ["StockholdersEquityIncludingPortionAttributableToNoncontrollingInterest"]},
            ],
            "ifrs-full": [{"tags": ["EquityAttributableToOwnersOfParent"]}, {"tags": ["Equity"]}],
        },
    },
    "digital_assets_fair_value": {
        "period": "instant",
        "unit": "currency",
        "description": "crypto assets at fair value (ASU 2023-08); before it, the indefinite-lived intangible line "
                       "where a holder carried its bitcoin (MSTR)",
        "candidates": {
            "us-gaap": [
                {"tags": ["CryptoAssetFairValue"]},
                # CleanSpark tags current and noncurrent bitcoin separately and sometimes only the current part
                {"sum": ["CryptoAssetFairValueCurrent", "CryptoAssetFairValueNoncurrent"], "require": "any"},
                {"tags": ["IndefiniteLivedIntangibleAssetsExcludingGoodwill"]},
            ],
            "ifrs-full": [],
        },
    },
    "btc_units": {
        "period": "instant",
        "unit": "btc",
        "description": "bitcoin held, in BTC (non-dimensional facts only: dimensional ones never reach companyfacts)",
        "candidates": {
            "us-gaap": [{"tags": ["CryptoAssetNumberOfUnits"]}],
            "ifrs-full": [],
        },
    },
    "revenue": {
        "period": "duration",
        "unit": "currency",
        "description": "total revenue for the quarter",
        "candidates": {
            "us-gaap": [{"tags": ["Revenues"]}, {"tags": ["RevenueFromContractWithCustomerExcludingAssessedTax"]}],
            "ifrs-full": [{"tags": ["Revenue"]}, {"tags": ["RevenueFromContractsWithCustomers"]}],
        },
    },
    "interest_expense": {
        "period": "duration",
        "unit": "currency",
        "description": "interest expense for the quarter",
        "candidates": {
            "us-gaap": [{"tags": ["InterestExpense"]}, {"tags": ["InterestExpenseDebt"]}, {"tags": ["InterestExpenseNonoperating"]}],
            "ifrs-full": [{"tags": ["FinanceCosts"]}, {"tags": ["InterestExpense"]}],
        },
    },
}


def candidate_parts(candidate: dict[str, Any]) -> list[str]:
    """The tag names a candidate reads."""
    return list(candidate.get("tags") or candidate.get("sum") or [])


def metric_tags() -> set[tuple[str, str]]:
    """Every (taxonomy, tag) the canonical map reads: the default selection of parse_companyfacts."""
    out: set[tuple[str, str]] = set()
    for spec in CANONICAL_METRICS.values():
        for taxonomy, candidates in spec["candidates"].items():
            for c in candidates:
                out.update((taxonomy, t) for t in candidate_parts(c))
    return out
