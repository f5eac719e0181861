"""SEC EDGAR: the miner registry, URL builders, submissions, filing indexes, discovery, companyfacts.

I/O lives here; the parsing of every EDGAR payload is in `transforms.edgar` (pure).
"""
