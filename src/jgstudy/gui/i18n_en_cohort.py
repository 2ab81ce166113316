"""English for cohort readiness (备考准备) in 成绩报表 and the individual-ranking option."""

EN: dict[str, str] = {
    # core.reports.cohort: why a cadre is behind plan
    "每天需学新题 {needed} 道，近 {days} 天平均每天 {pace:.1f} 道": (
        "needs {needed} new a day; averaged {pace:.1f} a day over the last {days} days"
    ),
    "按近期进度预计掌握 {recall:.0%}，低于目标 {target:.0%}": (
        "predicted recall at the recent pace {recall:.0%}, below the target {target:.0%}"
    ),
    # gui/reports.py and gui/cohort.py
    "各单位": "Units",
    "列出个人排名": "Rank individuals",
    "在导出的报告中按得分列出每名学员的单位内排名（默认不排名）": (
        "List each cadre's rank within their unit by score in the exported report (off by default)"
    ),
    "点“生成预览”后，这里显示各单位的备考准备情况。": (
        "Click Preview to see each unit's readiness for the target date here."
    ),
    "{unit}：知识点（最薄弱的在前）": "{unit}: tags, weakest first",
    "{unit}：落后于计划的学员": "{unit}: cadres behind plan",
    # core.reports.cohort_columns: the tables' titles, headers and notes
    "备考准备": "Readiness",
    "各单位：目标日期预计掌握率": "Units: predicted recall on the target date",
    "各单位的知识点（最薄弱的在前）": "Each unit's tags (weakest first)",
    "落后于计划的学员": "Cadres behind plan",
    "{unit}：{count} 名学员落后于计划；姓名只向本单位培训员显示"
    "（按单位生成报告，或用本单位培训员的登录）。": (
        "{unit}: {count} {count|cadre is|cadres are} behind plan; names are shown to the unit's"
        " trainer only (a report for that unit, or the unit trainer's login)."
    ),
    "没有学员落后于计划。": "Nobody is behind plan.",
    "还没有学员设定目标日期：在“设置”中设定，或用 jgstudy plan --unit 单位 --until 日期 --save。": (
        "No cadre has a target date yet: set one in Settings, or with"
        " jgstudy plan --unit UNIT --until DATE --save."
    ),
    "薄弱度 = 该知识点各题（1 − 目标日期预计掌握率）×难度 的平均值：预计掌握率为本单位学员的平均值，"
    "难度为试题分析中首次作答答错的比例（无人作答的题取各题平均难度）。"
    "即目标日期这些题预计会失分的比例：既没记住、也做不出来。": (
        "Weakness = the mean over the tag's questions of (1 − predicted recall on the target"
        " date) × difficulty: the recall is the mean over the unit's cadres, the difficulty the"
        " share of wrong first answers in the item analysis (a question nobody answered takes"
        " the mean difficulty). It is the share of these questions expected to be lost on the"
        " day: neither remembered nor worked out."
    ),
    "近{window}天学习≥{active}天": "Studied ≥{active} of {window} days",
    "近 {window} 天每天新题": "New a day (last {window} days)",
    "{first} 至 {last}": "{first} to {last}",
    "学员人数": "Cadres",
    "已设目标": "With a target",
    "预计掌握率(平均)": "Predicted recall (mean)",
    "预计掌握率(下四分位)": "Predicted recall (lower quartile)",
    "落后于计划": "Behind plan",
    "薄弱排序": "Weakest",
    "知识点(标签)": "Tag",
    "难度(首次答错率)": "Difficulty (wrong first answers)",
    "薄弱度": "Weakness",
    "预计掌握率": "Predicted recall",
    "每天需学新题": "New needed a day",
    "落后原因": "Why behind",
}
