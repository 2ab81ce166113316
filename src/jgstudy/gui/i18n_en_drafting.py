"""English texts of 从材料生成 (drafting questions from a material in the bank editor)."""

EN: dict[str, str] = {
    "材料文本 (*.txt *.docx)": "Material (*.txt *.docx)",
    "从材料生成候选题": "Draft questions from a material",
    "在此粘贴材料……": "Paste the material here…",
    "打开文件…": "Open file…",
    "生成候选题": "Draft questions",
    "题干（可修改）": "Stem (editable)",
    "采用（A）": "Accept (A)",
    "舍弃（R）": "Reject (R)",
    "换题型（T）": "Other type (T)",
    "加入题库": "Add to bank",
    "打开材料": "Open material",
    "正在生成候选题……": "Drafting questions…",
    "粘贴材料全文，或打开一个文本文件。": "Paste the whole material, or open a text file.",
    "原文（出处已标出）": "Source (quote highlighted)",
    "候选题": "Candidate",
    "题干": "Stem",
    "请先粘贴或打开材料。": "Paste or open a material first.",
    "这份材料没有生成候选题：它可能没有数字、名称或完整列举。": (
        "No candidates: the material may hold no figures, names or closed lists."
    ),
    "已打开 {name}": "Opened {name}",
    "生成失败：{error}": "Drafting failed: {error}",
    "已采用 {accepted} 题，待定 {pending} 题": "{accepted} accepted, {pending} to review",
    "加入题库（{count} 题）": "Add to bank ({count})",
    "答案：{answer}": "Answer: {answer}",
    "（另有 {count} 种题型可换）": " ({count} other {count|type|types} available)",  # after a type
    "从一份材料生成候选题，逐题采用、修改或舍弃后加入本题库": (
        "Draft questions from a material; accept, edit or reject each, then add them to this bank"
    ),
    "从材料生成…": "Draft from material…",
    "从材料加入 {count} 题": "Add {count} drafted {count|question|questions}",
}
