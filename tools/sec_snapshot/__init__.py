"""Generator of the SEC part of the offline snapshot (see tools/build_sec_snapshot.py)."""
