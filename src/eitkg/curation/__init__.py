"""The curators' import gate: flow inventories and RDF datasets in, validated, atomically.

parse (:mod:`.tabular`, :mod:`.rdf_input`) → map (:mod:`.mapping`) → resolve
(:mod:`.resolve`) → validate (:mod:`.checks`) → report (:mod:`.report`, :mod:`.render`) →
commit (:mod:`.commit`) with provenance (:mod:`.catalogue`); then diff and rollback
(:mod:`.history`).
"""

from eitkg.curation.commit import CommitResult, commit_import, recover
from eitkg.curation.datasets import DatasetIris, catalogue_graph, dataset_id
from eitkg.curation.findings import Finding
from eitkg.curation.history import DatasetDiff, DatasetSummary, diff, list_datasets, rollback
from eitkg.curation.pipeline import PreparedImport, prepare_import
from eitkg.curation.render import to_csv, to_html, to_text
from eitkg.curation.report import ImportReport

__all__ = [
    "CommitResult",
    "DatasetDiff",
    "DatasetIris",
    "DatasetSummary",
    "Finding",
    "ImportReport",
    "PreparedImport",
    "catalogue_graph",
    "commit_import",
    "dataset_id",
    "diff",
    "list_datasets",
    "prepare_import",
    "recover",
    "rollback",
    "to_csv",
    "to_html",
    "to_text",
]
