"""transforms.page_text: a release kept as the source of a JSON string reads as the release."""
from __future__ import annotations

from transforms.page_text import MIN_ESCAPED_BREAKS, unescape_embedded_json


def test_frequent_escapes_are_decoded():
    page = 'Chrome line\nMore chrome\n[{"content":"' + "Label:\\n 12 BTC" * MIN_ESCAPED_BREAKS + ' \\"Company\\" \\u2019s"}]'
    out = unescape_embedded_json(page)
    assert "Label:\n 12 BTC" in out and '"Company"' in out and "\u2019s" in out
    assert "\\n" not in out


def test_a_short_json_copy_with_no_real_line_breaks_is_decoded():
    assert unescape_embedded_json("Riot Announces\\n\\nDecember 2025\\n\\nProduction") == \
        "Riot Announces\n\nDecember 2025\n\nProduction"


def test_a_text_that_only_mentions_a_backslash_is_left_alone():
    text = "Paths like C:\\new\\data appear here.\nA second line.\nA third line.\nA fourth line."
    assert unescape_embedded_json(text) == text
