"""English for the core's messages about banks (checks, lint, loading, editing) and the small
core modules beside them (environment, backup, workbook, access, names, planning, storage).

Keys are the Chinese templates of ``jgstudy.core`` (``msg()`` / ``N_()``); fields stay named.
Quoted bank content in a message stays as the author wrote it.
"""

EN: dict[str, str] = {
    # -- punctuation-only templates shared by several messages --------------------------
    "{field}：{detail}": "{field}: {detail}",
    "{field}：{problem}": "{field}: {problem}",
    "{problem}：{name}": "{problem}: {name}",
    "{place}：{message}": "{place}: {message}",
    # -- field names (YAML keys) and spreadsheet columns -------------------------------
    "格式版本 format": "format version (format)",
    "编号 id": "id",
    "标题 title": "title",
    "题型 type": "type",
    "题干 stem": "stem",
    "解析 explanation": "explanation",
    "选项 options": "options",
    "答案 answer": "answer",
    "填空答案 blanks": "blank answers (blanks)",
    "参考答案 reference": "model answer (reference)",
    "关键词 keywords": "keywords",
    "难度 difficulty": "difficulty",
    "分值 points": "points",
    "标签 tags": "tags",
    "出处 source": "source",
    "原文引用 quote": "quoted text (quote)",
    "出处位置 locator": "place in the source (locator)",
    "题目列表 questions": "question list (questions)",
    "“编号”": "the id column",
    "“题型”": "the type column",
    "“题干”": "the stem column",
    "“解析”": "the explanation column",
    "“正确答案”": "the answer column",
    "“正确答案”（填空）": "the blank answers column",
    "“正确答案”（参考答案）": "the model answer column",
    "“关键词”": "the keywords column",
    "“难度”": "the difficulty column",
    "“分值”": "the points column",
    "“章节”": "the tags column",
    "“原文引用”": "the quoted text column",
    "“出处位置”": "the place in the source column",
    # -- validation of fields ----------------------------------------------------------
    "缺少必填字段": "required field missing",
    "无法识别的字段（拼写错误？）": "unknown field (a typo?)",
    "应为文本": "should be text",
    "不能为空": "must not be empty",
    "文本过长": "text too long",
    "编号只能包含字母、数字、“-”“_”“.”，且以字母或数字开头": (
        "an id may hold only letters, digits, “-”, “_” and “.”, and starts with a letter or digit"
    ),
    "应为整数": "should be a whole number",
    "应为数字": "should be a number",
    "应为 true（正确）或 false（错误）": "should be true or false",
    "应为“键: 值”形式的映射": "should be a mapping of “key: value” lines",
    "应为列表": "should be a list",
    "条目太少": "too few entries",
    "条目太多": "too many entries",
    "必须大于 {gt}": "must be greater than {gt}",
    "不能小于 {ge}": "must be at least {ge}",
    "不能大于 {le}": "must be at most {le}",
    "取值无效，应为 {expected}": "invalid value, should be {expected}",
    "未知题型 {tag}，应为 single、multiple、judge、fill 或 short": (
        "unknown question type {tag}; use single, multiple, judge, fill or short"
    ),
    "缺少题型字段 type": "the question type (type) is missing",
    "含有不可见的控制字符 U+{code}（第 {position} 个字符），请删除": (
        "holds an invisible control character U+{code} (character {position}); please delete it"
    ),
    # -- checks across fields ----------------------------------------------------------
    "草稿题：审核无误后删除 status: draft 再导入": (
        "draft question: once checked, delete “status: draft” before importing"
    ),
    "编号 {id} 重复（第 {first} 题已使用）": "id {id} is used twice (question {first} has it)",
    "选项应依次为 {keys}": "the options should be {keys} in this order",
    "答案 {key} 不在选项中（选项为 {keys}）": "answer {key} is not an option (the options are {keys})",
    "答案中有重复的选项": "the answer names an option twice",
    "选项 {first} 和 {key} 的内容相同（“{text}”），请修改其中一个": (
        "options {first} and {key} are the same (“{text}”); change one of them"
    ),
    "题干中有 {marked} 个空（{{{{1}}}} 或（ ）），但答案给出了 {given} 组": (
        "the stem has {marked} {marked|blank|blanks} ({{{{1}}}} or （ ）) but the answer gives"
        " {given} {given|set|sets}"
    ),
    "第 {number} 个空没有可接受的答案": "blank {number} has no accepted answer",
    "图片路径 {path} 必须是相对于题库文件夹的路径": (
        "image path {path} must be relative to the bank's folder"
    ),
    "图片 {path} 不能引用网络资源": "image {path} may not point to the network",
    "图片路径 {path!r:.80} 无效": "image path {path!r:.80} is not valid",
    "图片路径 {path} 超出了题库文件夹": "image path {path} leads outside the bank's folder",
    "找不到图片文件 {path}": "image file {path} not found",
    # -- reading a bank file -----------------------------------------------------------
    "无法读取文件：{reason}": "cannot read the file: {reason}",
    "不是普通文件（设备、管道或套接字），已拒绝": (
        "not a regular file (a device, pipe or socket): refused"
    ),
    "文件过大（超过上限 {limit} 字节）": "file too large (over the limit of {limit} bytes)",
    "符号链接指向检查的文件夹之外，已拒绝": (
        "a symbolic link leading outside the folder being checked: refused"
    ),
    "文件不是 UTF-8 编码（请在编辑器中以 UTF-8 保存；Excel 题库请用 jgstudy convert）": (
        "the file is not UTF-8 (save it as UTF-8 in your editor; for Excel banks use"
        " jgstudy convert)"
    ),
    "文件含有二进制内容，不是文本题库": "the file holds binary data; it is not a text bank",
    "YAML 无法解析：{error}": "cannot read the YAML: {error}",
    "嵌套层数过深，文件已拒绝": "nested too deeply: file refused",
    "格式错误": "format error",
    "不允许的 YAML 标签（如 !!python/object），题库只能包含文本、数字、列表和映射": (
        "YAML tags (such as !!python/object) are not allowed; a bank holds only text, numbers,"
        " lists and mappings"
    ),
    "YAML 语法错误：{problem}": "YAML syntax error: {problem}",
    "题库文件应为“键: 值”形式的映射（包含 format、id、title、questions）": (
        "a bank file should be a mapping of “key: value” lines (with format, id, title, questions)"
    ),
    "缺少题目列表 questions（至少一题）": "the question list (questions) is missing (at least one)",
    "问题过多，只列出了前 {count} 个": "too many problems; only the first {count} are listed",
    "题库编号 {id} 与 {other} 重复": "bank id {id} is also used by {other}",
    "文件中的值过多（超过 {limit} 个），文件已拒绝": (
        "too many values in the file (over {limit}): file refused"
    ),
    "别名（*引用）展开后重复的节点过多（超过 {limit} 个），文件已拒绝": (
        "aliases (*references) repeat too many nodes (over {limit}): file refused"
    ),
    "嵌套层数超过 {limit} 层": "nested more than {limit} levels deep",
    "无法识别的值": "unreadable value",
    "键“{key:.40}”重复（第 {first} 行已有），两个值只会保留一个": (
        "key “{key:.40}” is given twice (already on line {first}); only one value would be kept"
    ),
    "无法识别的值 {value!r:.40}（{error}）；如果是文本，请加引号": (
        "unreadable value {value!r:.40} ({error}); if it is text, put it in quotes"
    ),
    # -- the bank editor ---------------------------------------------------------------
    "不是可编辑的题库：应为“键: 值”映射，questions 应为题目列表": (
        "not an editable bank: it should be a “key: value” mapping with a list of questions"
    ),
    "写出的内容与编辑的内容不一致，文件未保存（请检查特殊字符）": (
        "the text written would not read back as edited; the file was not saved (check for"
        " special characters)"
    ),
    "找不到文件或文件过大（上限 32 MiB）：{path}": "file not found or too large (limit 32 MiB): {path}",
    "此文件的注释无法保留：保存时将按标准格式重写": (
        "this file's comments cannot be kept: saving rewrites it in the standard layout"
    ),
    "（____）": "(____)",
    # -- lint --------------------------------------------------------------------------
    "互相泄露": "gives another away",
    "同一出处": "same source",
    "标签即答案": "tag is the answer",
    "题干含答案": "stem holds the answer",
    "题干提示答案": "stem hints at the answer",
    "题干雷同": "near-duplicate stem",
    "答案总是最长": "answer always longest",
    "答案字母不均": "answer letters uneven",
    "缺少图片": "picture missing",
    "{id} 与 {other} 引用同一句原文“{text}”，抽题时会自动错开；如两题互相提示，请改用不同的出处": (
        "{id} and {other} quote the same sentence “{text}”; draws keep them apart. If they give"
        " each other away, quote different sources"
    ),
    "{id} 的答案“{text}”出现在 {count} 道题的题干中（{ids}），几乎任何一套题都会泄露它：请改问更具体的事实": (
        "the answer of {id}, “{text}”, appears in the stems of {count}"
        " {count|question|questions} ({ids}); almost any paper gives it away: ask a more"
        " specific fact"
    ),
    "{giver} 的题干写出了 {id} 的答案“{text}”，两题同卷时一题泄露另一题的答案：请改写题干": (
        "the stem of {giver} states the answer of {id}, “{text}”: on one paper one gives the"
        " other away. Rewrite the stem"
    ),
    "{giver} 的题干写出了 {id}（{bank}）的答案“{text}”，两题同卷时一题泄露另一题的答案：请改写题干": (
        "the stem of {giver} states the answer of {id} ({bank}), “{text}”: on one paper one"
        " gives the other away. Rewrite the stem"
    ),
    "{singles} 道单选题中有 {longest} 道（{share:.0%}）正确答案是最长的选项，考生可以“选最长的”猜对：请加长干扰项或缩短答案（如 {examples}）": (
        "in {longest} of {singles} single-choice questions ({share:.0%}) the right answer is the"
        " longest option, so “pick the longest” wins: lengthen the wrong options or shorten the"
        " answer (e.g. {examples})"
    ),
    "{key} {count} 道": "{key} {count}",
    "单选题正确答案的字母分布很不均匀（{counts}），考生可以押字母：请调换选项顺序": (
        "the right answers of single-choice questions are spread very unevenly over the letters"
        " ({counts}), so guessing a letter pays: reorder the options"
    ),
    "{id} 的题干里已经写出了答案“{answer}”": "the stem of {id} already states the answer “{answer}”",
    "只有正确答案含有它": "only the right answer has it",
    "只有正确答案和少数选项含有它": "only the right answer and few options have it",
    "{id} 的题干提到“{word}”，{rest}，可据此排除干扰项": (
        "the stem of {id} mentions “{word}”; {rest}, which rules out the wrong options"
    ),
    "{id} 的标签“{tag}”就是答案“{answer}”，请改用别的标签": (
        "the tag “{tag}” of {id} is its answer “{answer}”: use another tag"
    ),
    "{id} 的题干提到图片，但这道题没有图片：请改写成不看图也能作答": (
        "the stem of {id} mentions a picture but the question has none: rewrite it so it can be"
        " answered without one"
    ),
    "{id} 的题干与 {other} 几乎相同（{share:.0%}）": (
        "the stem of {id} is nearly the same as {other}'s ({share:.0%})"
    ),
    # -- the environment: disk, permissions, database server ---------------------------
    "磁盘空间已满，无法写入{where}。请清理磁盘后重试。": (
        "The disk is full; cannot write{where}. Free some space and try again."
    ),
    "数据文件或文件夹是只读的{where}，无法写入。请检查权限或换一个数据文件夹。": (
        "The data file or folder is read-only{where}. Check the permissions or choose another"
        " data folder."
    ),
    "没有权限访问{where}。请检查文件权限或换一个数据文件夹。": (
        "No permission to access{where}. Check the file permissions or choose another data folder."
    ),
    "找不到文件或文件夹{where}。请检查路径是否写对、文件夹是否存在。": (
        "No such file or folder{where}. Check that the path is right and the folder exists."
    ),
    "给出的是一个文件夹{where}，这里需要一个文件名。": (
        "That is a folder{where}; a file name is needed here."
    ),
    "路径中有一段不是文件夹{where}。请检查路径。": (
        "Part of the path is not a folder{where}. Check the path."
    ),
    "磁盘读写出错{where}。请检查磁盘或存储设备。": (
        "A disk read or write failed{where}. Check the disk or storage device."
    ),
    "数据库正被其他程序长时间占用，请稍后再试。": (
        "Another program has been holding the database for a long time; try again later."
    ),
    "无法连接数据库服务器（{detail}）。请检查网络、地址和账号。": (
        "Cannot reach the database server ({detail}). Check the network, address and account."
    ),
    "缺少连接这种数据库所需的驱动程序（{detail}）。": (
        "The driver needed for this kind of database is missing ({detail})."
    ),
    "数据库地址写法不对（{detail}）。例：sqlite:///路径 或 postgresql+psycopg://用户@主机/库名": (
        "The database address is not written right ({detail}). For example: sqlite:///path or"
        " postgresql+psycopg://user@host/database"
    ),
    "数据库地址写法不对：{url}（例：sqlite:///路径 或 postgresql+psycopg://用户@主机/库名）": (
        "The database address is not written right: {url} (for example sqlite:///path or"
        " postgresql+psycopg://user@host/database)"
    ),
    "（{file}）": " ({file})",
    "数据库文件是只读的（{path}），无法保存作答。请检查文件权限。": (
        "The database file is read-only ({path}); answers cannot be saved. Check the file"
        " permissions."
    ),
    "数据文件夹是只读的（{path}），无法写入。请检查权限。": (
        "The data folder is read-only ({path}); nothing can be written. Check the permissions."
    ),
    "数据库版本 {current} 比本程序新，请升级 jgstudy 后再打开（本程序支持到 {head}）": (
        "The database version {current} is newer than this program; update jgstudy to open it"
        " (this one supports up to {head})"
    ),
    # -- backup and restore ------------------------------------------------------------
    "找不到数据库文件 {path}": "database file {path} not found",
    "文件已损坏（{problem}）": "the file is damaged ({problem})",
    "不是 jgstudy 数据库（没有表 {tables}）": "not a jgstudy database (tables {tables} missing)",
    "不是 jgstudy 数据库（没有 alembic_version）": "not a jgstudy database (no alembic_version)",
    "由更新版本的 jgstudy 写入（版本 {revision}），请先升级程序": (
        "written by a newer jgstudy (version {revision}); update the program first"
    ),
    "另一个 jgstudy 正在备份或恢复这个数据库，请稍后再试": (
        "another jgstudy is backing up or restoring this database; try again later"
    ),
    "无法备份 {source}：{error}": "cannot back up {source}: {error}",
    "数据库 {source} 已损坏，未保存备份：{problem}": (
        "database {source} is damaged; no backup was saved: {problem}"
    ),
    "不能用数据库自身来恢复": "a database cannot be restored from itself",
    "{backup} 不能用于恢复：{problem}": "{backup} cannot be restored: {problem}",
    "恢复后的数据库未通过检查：{problem}": "the restored database failed its check: {problem}",
    "无法移走损坏的数据库（请先关闭其他 jgstudy 窗口）：{error}": (
        "cannot move the damaged database aside (close other jgstudy windows first): {error}"
    ),
    "恢复失败：{error}": "restore failed: {error}",
    "数据库文件是空的（0 字节）": "the database file is empty (0 bytes)",
    "数据库文件已损坏（{problem}）": "the database file is damaged ({problem})",
    # -- people, roles, targets, the workbook ------------------------------------------
    "角色和权限只用于单位共享的 PostgreSQL 数据库；单机 SQLite 无需设置": (
        "roles and permissions are only for an organisation's shared PostgreSQL database; a"
        " single desktop on SQLite needs none"
    ),
    "角色应为 cadre（学员）或 trainer（培训师），而不是 {kind}": (
        "the role should be cadre or trainer, not {kind}"
    ),
    "请用 --unit 指定此人所在的单位：培训师只能看到本单位的成绩": (
        "give this person's unit with --unit: trainers see only their own unit's scores"
    ),
    "没有名为 {name} 的用户或登录名": "no user or login named {name}",
    "登录名 {login} 已被占用（另一个人或另一个数据库）：请用 --login 另选一个": (
        "login {login} is taken (by another person or database): choose another with --login"
    ),
    "数据库尚未设置权限：请先运行 jgstudy db provision --admin-url …": (
        "the database has no permissions set up yet: run jgstudy db provision --admin-url … first"
    ),
    "{what}含有不可见的控制字符（{shown}），请删除后重试": (
        "{what} holds invisible control characters ({shown}); delete them and try again"
    ),
    "{what}不能为空": "{what} must not be empty",
    "{what}过长（最多 {limit} 个字）": "{what} is too long (at most {limit} characters)",
    "目标日期 {date} 须在今天之后、{days} 天之内": (
        "the target date {date} must be after today and within {days} days"
    ),
    "目标掌握率须在 50% 到 99% 之间": "the target recall must be between 50% and 99%",
    "没有可以导入的题目": "there are no questions to import",
    "（无标签）": "(no tag)",
    "笔记最多 {limit} 字，现在有 {count} 字": (
        "a note holds at most {limit} characters; this one has {count}"
    ),
    "请写明问题所在（至少 {limit} 个字）": "say what is wrong (at least {limit} characters)",
    "纠错说明最多 {limit} 字，现在有 {count} 字": (
        "a report holds at most {limit} characters; this one has {count}"
    ),
    "（未作答）": "(no answer)",
    # -- GUI texts of this change ----------------------------------------------------
    "正在导出……": "Exporting…",  # the 错题本 export's progress (f11084e left it without English)
    "比赛记录只能导出为 .xlsx 或 .pdf：{name}": "A match record can only be saved as .xlsx or .pdf: {name}",
}
