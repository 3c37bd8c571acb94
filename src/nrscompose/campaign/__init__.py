"""Campaign cost estimation, streamed: one pass, memory independent of the number of rows.

Each recipient goes through number validation (:func:`nrscompose.destinations.destination`),
template rendering as the server bills it (:meth:`Template.preview`), analysis (encoding and
parts), price lookup and, when a send time is given, the send-window decision. The per-batch
function :func:`estimate_batch` takes and returns plain rows, so it runs unchanged inside a
distributed engine (Dask ``map_partitions``, Spark ``mapInPandas``); :class:`ReportBuilder`
aggregates results and merges partial reports, so batches may be summed in any order.

One job per module: :mod:`~nrscompose.campaign.plan` (the plan and the estimate of each row),
:mod:`~nrscompose.campaign.report` (the report, its aggregation and its typed values),
:mod:`~nrscompose.campaign.sources` (every kind of input behind one protocol),
:mod:`~nrscompose.campaign.parallel` (running: in one process, a pool of processes or Dask);
:mod:`~nrscompose.campaign.recipient_files` reads CSV files and workbooks. The modules' other
public names that this module had (``SAMPLE_SIZE``, ``DROPPED``, ``RepeatOf``, ``part_cap``)
are still importable from here, outside ``__all__``.
"""

from __future__ import annotations

from nrscompose.campaign.parallel import estimate, estimate_file, estimate_files_on_dask
from nrscompose.campaign.plan import DROPPED as DROPPED
from nrscompose.campaign.plan import (
    CampaignPlan,
    RecipientEstimate,
    Repeats,
    RowEstimator,
    estimate_batch,
)
from nrscompose.campaign.plan import RepeatOf as RepeatOf
from nrscompose.campaign.plan import part_cap as part_cap
from nrscompose.campaign.report import SAMPLE_SIZE as SAMPLE_SIZE
from nrscompose.campaign.report import (
    CountryTotals,
    DuplicateRow,
    EncodingTotals,
    InputFile,
    Report,
    ReportBuilder,
    RowSuggestion,
)
from nrscompose.campaign.sources import read_csv

__all__ = [
    "CampaignPlan",
    "CountryTotals",
    "DuplicateRow",
    "EncodingTotals",
    "InputFile",
    "RecipientEstimate",
    "Repeats",
    "Report",
    "ReportBuilder",
    "RowEstimator",
    "RowSuggestion",
    "estimate",
    "estimate_batch",
    "estimate_file",
    "estimate_files_on_dask",
    "read_csv",
]
