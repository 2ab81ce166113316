"""English texts of the about box (version and schema revision)."""

EN: dict[str, str] = {
    "版本 {version}　数据库结构 {revision}": "Version {version}  ·  database schema {revision}",
}
