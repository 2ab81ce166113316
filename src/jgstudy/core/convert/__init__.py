"""Convert question banks between YAML and the formats trainers already have.

Excel (.xlsx) and CSV in the 考试宝-style template, Moodle GIFT and Aiken; see docs/convert.md.
"""

from jgstudy.core.convert.api import FORMATS, ConvertError, ConvertReport, convert, detect_format
from jgstudy.core.convert.entries import RowProblem

__all__ = ["FORMATS", "ConvertError", "ConvertReport", "RowProblem", "convert", "detect_format"]
