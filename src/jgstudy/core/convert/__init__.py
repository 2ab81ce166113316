"""Convert question banks between YAML and the formats trainers already have.

Excel (.xlsx) and CSV in the 考试宝-style template, Moodle GIFT and Aiken; see docs/convert.md.
Every source is read into one :class:`Conversion` (questions ready, located refusals, notices) by
:func:`read_source`; further readers (question papers…) plug in with :func:`register_format`.
"""

from jgstudy.core.convert.api import (
    FORMATS,
    ConvertError,
    ConvertReport,
    SourceFormat,
    convert,
    detect_format,
    read_source,
    register_format,
    source_formats,
    write_bank_file,
)
from jgstudy.core.convert.entries import Entry, Parsed, RowProblem
from jgstudy.core.convert.ids import onto_existing
from jgstudy.core.convert.result import Conversion, IdReport, ReadyQuestion

__all__ = [
    "FORMATS",
    "Conversion",
    "ConvertError",
    "ConvertReport",
    "Entry",
    "IdReport",
    "Parsed",
    "ReadyQuestion",
    "RowProblem",
    "SourceFormat",
    "convert",
    "detect_format",
    "onto_existing",
    "read_source",
    "register_format",
    "source_formats",
    "write_bank_file",
]
