"""Bitcoin consensus constants the formulas rest on (subsidy schedule, retarget period)."""
from __future__ import annotations

from datetime import date

GENESIS_DAY = date(2009, 1, 3)
HALVING_INTERVAL = 210_000
RETARGET_INTERVAL = 2_016
#: Expected hashes per unit of difficulty: a block at difficulty D takes D x 2^32 hashes.
HASHES_PER_DIFFICULTY = 2**32
#: Known halvings (height, UTC day). The next, at 1,050,000, is expected around 2028.
HALVINGS = (
    (210_000, date(2012, 11, 28)),
    (420_000, date(2016, 7, 9)),
    (630_000, date(2020, 5, 11)),
    (840_000, date(2024, 4, 20)),
)


def subsidy_btc(height: int) -> float:
    """Block subsidy at `height`: 50 BTC halved every 210,000 blocks (exact in satoshis)."""
    if height < 0:
        raise ValueError("height must be >= 0")
    halvings = height // HALVING_INTERVAL
    if halvings >= 64:
        return 0.0
    return (50 * 100_000_000 >> halvings) / 100_000_000
