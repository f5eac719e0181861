"""Find a miner's new press-release filings in a date window and fetch their exhibits.

Candidates are 8-Ks with Item 7.01, 8.01, 2.02, 1.01 or 2.03 and every 6-K (SOURCES.md sec. 1).
Accessions already loaded are passed in and never touched; for the rest, the filing index names
the EX-99 exhibits, each is fetched once (immutable, archived) and classified by a pluggable
classifier into production / debt / hpc / results / other. A filing with no EX-99 exhibit
(an 8-K whose body carries the news) yields its primary document instead.

A failure on one filing (HTTP or unreadable index) is collected in `failures` with its reason and
the rest go on; a failure to read the submissions list itself raises.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import date

from extractors.edgar import urls
from extractors.edgar.filing_index import fetch_document, fetch_filing_index
from extractors.edgar.registry import Miner
from extractors.edgar.submissions import fetch_submissions
from extractors.http import HttpClient, HttpError, Response
from transforms.edgar import (
    Classifier,
    Filing,
    FilingDocument,
    FilingIndex,
    classify_press_release,
    is_candidate,
    press_release_exhibits,
    signals_for,
)
from transforms.errors import ParseError

log = logging.getLogger("minerwatch.edgar")


@dataclass(frozen=True)
class DiscoveredDocument:
    """One fetched document of a new filing, with the kind the classifier gave it."""

    filename: str
    type: str          # "EX-99.1", ... or the form ("8-K") for a primary document without exhibits
    description: str   # as the index describes it ("PRESS RELEASE", "EX-99.1", ...)
    url: str
    kind: str          # "production" | "debt" | "hpc" | "results" | "other"
    title: str         # the release headline
    response: Response  # body, document_hash, fetched_at: the archived copy

    @property
    def document_hash(self) -> str:
        return self.response.document_hash


@dataclass(frozen=True)
class DiscoveredFiling:
    """A new candidate filing of one miner, its index and its fetched documents."""

    ticker: str
    cik: int
    filing: Filing
    index: FilingIndex
    index_url: str
    documents: tuple[DiscoveredDocument, ...]

    @property
    def accession(self) -> str:
        return self.filing.accession

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(d.kind for d in self.documents)


@dataclass(frozen=True)
class DiscoveryFailure:
    """A filing that could not be read this run; the flow quarantines it and retries next run."""

    accession: str
    url: str
    reason: str


@dataclass
class Discovery:
    """What `discover` found for one miner and window."""

    miner: Miner
    start: date
    end: date
    filings: list[DiscoveredFiling] = field(default_factory=list)     # new candidates, oldest first
    already_seen: list[str] = field(default_factory=list)              # candidates skipped: loaded before
    not_candidates: list[str] = field(default_factory=list)            # in the window, wrong form/items
    failures: list[DiscoveryFailure] = field(default_factory=list)
    submissions_responses: list[Response] = field(default_factory=list)

    def documents(self, kind: str | None = None) -> list[tuple[DiscoveredFiling, DiscoveredDocument]]:
        """(filing, document) pairs, optionally of one kind, oldest filing first."""
        return [(f, d) for f in self.filings for d in f.documents if kind is None or d.kind == kind]


def _normalise(accessions: Collection[str]) -> set[str]:
    out = set()
    for acc in accessions:
        try:
            out.add(urls.accession_dashed(acc))
        except ValueError:
            continue
    return out


def _documents_to_read(index: FilingIndex, filing: Filing) -> tuple[FilingDocument, ...]:
    exhibits = press_release_exhibits(index)
    if exhibits:
        return exhibits
    primary = filing.primary_document.rsplit("/", 1)[-1]
    for doc in index.documents:
        if doc.filename == primary or (doc.sequence == 1 and not primary):
            return (doc,)
    if primary:
        return (FilingDocument(sequence=1, description=filing.primary_doc_description, filename=primary,
                               type=filing.form),)
    return ()


def read_filing(client: HttpClient, miner: Miner, filing: Filing, *,
                classifier: Classifier = classify_press_release) -> DiscoveredFiling:
    """Index, fetch and classify the press-release documents of one filing (raises on failure)."""
    index, index_response = fetch_filing_index(client, miner.cik, filing.accession)
    documents = []
    for doc in _documents_to_read(index, filing):
        response = fetch_document(client, miner.cik, filing.accession, doc.filename,
                                  endpoint="exhibit" if doc.type.startswith("EX-") else "primary-document")
        signals = signals_for(response.body, description=doc.description, form=filing.form,
                              items=filing.items or index.items)
        kind = classifier(signals)
        documents.append(DiscoveredDocument(doc.filename, doc.type, doc.description, response.url, kind,
                                            signals.title, response))
    return DiscoveredFiling(miner.ticker, miner.cik, filing, index, index_response.url, tuple(documents))


def discover(client: HttpClient, miner: Miner, start: date, end: date,
             seen_accessions: Collection[str] = (), *,
             classifier: Classifier = classify_press_release,
             on_filing: Callable[[DiscoveredFiling], None] | None = None) -> Discovery:
    """New candidate filings of `miner` filed in [start, end] (filing dates), documents fetched and classified.

    `seen_accessions` (dashed or not) are the filings already loaded: they are neither indexed nor
    downloaded again. `classifier` maps DocumentSignals to a kind; plug in the parser modules'
    `looks_like_*` predicates with `transforms.edgar.classifier_from_predicates`.

    `on_filing`, when given, is called with each filing as soon as it is read, so the caller can parse
    and load it while this miner's next filings (and other miners') are still being fetched under the
    rate limit; `result.filings` holds them all the same.
    """
    result = Discovery(miner, start, end)
    fetched = fetch_submissions(client, miner.cik, since=start)
    result.submissions_responses.extend(fetched.responses)
    seen = _normalise(seen_accessions)
    in_window = [f for f in fetched.filings if start <= f.filing_date <= end]
    for filing in sorted(in_window, key=lambda f: (f.filing_date, f.accession)):
        if not is_candidate(filing):
            result.not_candidates.append(filing.accession)
            continue
        if filing.accession in seen:
            result.already_seen.append(filing.accession)
            continue
        try:
            read = read_filing(client, miner, filing, classifier=classifier)
        except (HttpError, ParseError) as exc:
            reason = f"{type(exc).__name__}: {exc}"
            log.warning("[sec] %s %s: %s", miner.ticker, filing.accession, reason)
            result.failures.append(DiscoveryFailure(
                filing.accession, getattr(exc, "url", None) or urls.filing_folder_url(client.settings, miner.cik,
                                                                                      filing.accession), reason))
            continue
        result.filings.append(read)
        if on_filing is not None:
            on_filing(read)
    log.info("[sec] %s %s..%s: %d new filings, %d already loaded, %d not candidates, %d failed",
             miner.ticker, start, end, len(result.filings), len(result.already_seen),
             len(result.not_candidates), len(result.failures))
    return result
