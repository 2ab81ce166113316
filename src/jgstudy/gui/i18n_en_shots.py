"""English for texts found while looking at the screenshots."""

EN: dict[str, str] = {
    "{kind}题": "{kind}",  # a question type in a list: 单选题 → Single choice
    # the exam result's verdict and its table of sections (通过 alone is the editor's Approve)
    "exam\x04通过": "Passed",
    "exam\x04部分": "Section",
}
