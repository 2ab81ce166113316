"""English for cohort readiness (备考准备) in 成绩报表 and the individual-ranking option."""

EN: dict[str, str] = {
    # core.reports.cohort: why a cadre is behind plan
    "每天需学新题 {needed} 道，近 {days} 天平均每天 {pace:.1f} 道": (
        "needs {needed} new a day; averaged {pace:.1f} a day over the last {days} days"
    ),
    "预计掌握 {recall:.0%}，低于目标 {target:.0%}": (
        "predicted recall {recall:.0%}, below the target {target:.0%}"
    ),
}
