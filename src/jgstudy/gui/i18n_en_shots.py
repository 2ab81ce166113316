"""English for texts found untranslated while looking at the screenshots."""

EN: dict[str, str] = {
    "正在导出……": "Exporting…",
}
