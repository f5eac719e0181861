"""snapshot/sec-README.md: the hand-written header plus tables generated from the spec, so the
statement of what is real and what is made up cannot drift from the documents."""
from __future__ import annotations

from tools.sec_snapshot.edgar_pages import ResolvedFiling
from tools.sec_snapshot.spec import Spec


def _cell(text) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def render_readme(spec: Spec, resolved: list[ResolvedFiling]) -> str:
    header = (spec.root / "README_header.md").read_text(encoding="utf-8").rstrip() + "\n"
    out = [header, "\n## Filings in the snapshot (generated)\n",
           "Accession: `real` = the real accession number; otherwise derived from the real filing agent's prefix.\n",
           "| ticker | filed | form | items | kind | layout | period | accession | exhibit |",
           "|---|---|---|---|---|---|---|---|---|"]
    for r in sorted(resolved, key=lambda r: (r.spec.ticker, r.spec.filed, r.accession)):
        s = r.spec
        acc = f"{r.accession} (real)" if s.accession else r.accession
        out.append(f"| {s.ticker} | {s.filed} | {s.form} | {s.items or '-'} | {s.kind} | {s.layout or '-'} | "
                   f"{s.period or '-'} | {acc} | {r.exhibit_document or '-'} |")
    out += ["\n## Figures per period (generated from tools/sec_snapshot_spec/panels)\n",
            "`real` keys carry published figures (source column; figures.csv rows unless stated); every other key "
            "is made up, chosen to be plausible and consistent (holdings roll forward, proceeds = sold x price).\n",
            "| ticker | period | real | made up | source |", "|---|---|---|---|---|"]
    for ticker in sorted(spec.panels):
        for key, period in sorted(spec.panels[ticker].items()):
            real = [k for k in period.values if k in period.real]
            made = [k for k in period.values if k not in period.real and k not in ("restated", "restatement_note")]
            out.append(f"| {ticker} | {key} | {', '.join(real) or '-'} | {', '.join(made) or '-'} | "
                       f"{_cell(period.source) or '-'} |")
    out += ["\n## Terms of debt, HPC, results and other filings (generated)\n",
            "| ticker | filed | kind | real | note / source |", "|---|---|---|---|---|"]
    for s in sorted(spec.filings, key=lambda s: (s.ticker, s.filed)):
        if s.kind in ("production", "listing"):
            continue
        out.append(f"| {s.ticker} | {s.filed} | {s.kind} | {', '.join(s.real) or '-'} | "
                   f"{_cell(' '.join(x for x in (s.note, s.source) if x)) or '-'} |")
    if spec.companyfacts:
        out += ["\n## companyfacts (generated)\n", "| ticker | concepts | real values |", "|---|---|---|"]
        for ticker, doc in sorted(spec.companyfacts.items()):
            facts = doc.get("fact", []) + doc.get("series", [])
            real = [f"{f['tag']} {v['end']}" for f in doc.get("fact", []) for v in f["values"] if v.get("real")]
            real += [f"{f['tag']} {end}" for f in doc.get("series", []) for end in f.get("real", ())]
            out.append(f"| {ticker} | {len(facts)} | {', '.join(real) or '-'} |")
    return "\n".join(out) + "\n"
