"""English for texts found while looking at the screenshots."""

EN: dict[str, str] = {
    "{kind}题": "{kind}",  # a question type in a list: 单选题 → Single choice
}
