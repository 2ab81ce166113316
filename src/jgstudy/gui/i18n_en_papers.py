"""English for the question-paper import (issue 21)."""

EN: dict[str, str] = {
    "表格、试卷或题目文件 (*.xlsx *.xlsm *.csv *.tsv *.docx *.gift *.aiken *.txt)": (
        "Spreadsheets, papers or question files "
        "(*.xlsx *.xlsm *.csv *.tsv *.docx *.gift *.aiken *.txt)"
    ),
}
