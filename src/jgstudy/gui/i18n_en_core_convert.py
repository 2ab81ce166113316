"""English for the messages of jgstudy.core.convert and jgstudy.core.scores (see core.text).

Quoted words such as “正确答案” or “题型” stay Chinese: they are what the trainer's file says or
must say. Literal braces are doubled only where the message has fields (as in the Chinese).
"""

from __future__ import annotations

EN: dict[str, str] = {
    # -- places ------------------------------------------------------------------------------
    "第 {row} 行": "line {row}",
    "第 {row} 行第 {column} 列": "line {row}, column {column}",
    "工作表“{sheet}”": "sheet “{sheet}”",
    "工作表“{sheet}”第 {row} 行": "sheet “{sheet}”, row {row}",
    "工作表“{sheet}”第 {row} 行第 {column} 列": "sheet “{sheet}”, row {row}, column {column}",
    "{file}（工作表“{sheet}”）": "{file} (sheet “{sheet}”)",
    "表 {table} 第 {row} 行": "table {table}, row {row}",
    "第 {number} 段": "paragraph {number}",
    "{message}（{place}）": "{message} ({place})",
    "{rows}……": "{rows}…",
    "无": "none",
    # -- formats and starting a conversion ---------------------------------------------------
    "Excel 表格": "Excel workbook",
    "CSV 表格": "CSV table",
    "Word 或文本试卷": "Word or text paper",
    "jgstudy 题库": "jgstudy bank",
    "{format} 不是表格或试题文件格式": "{format} is not a table or question file format",
    "未知格式 {format}，可用：{names}": "Unknown format {format}; available: {names}",
    "不支持旧版 .xls 文件，请在 Excel 中“另存为” .xlsx 后再转换": (
        "Old .xls files are not supported: use “Save As” .xlsx in Excel, then convert again"
    ),
    "无法从扩展名判断 {name} 的格式，请用 {option} 指定（{names}）": (
        "Cannot tell the format of {name} from its extension; name it with {option} ({names})"
    ),
    "无法判断 {name} 是哪种题库文本（GIFT、Aiken、制表符分隔的表格或编号的试卷），"
    "请用 --from 指定": (
        "Cannot tell what kind of question text {name} is (GIFT, Aiken, a tab-separated table "
        "or a numbered paper); name it with --from"
    ),
    "没有可以转换的题目": "No question could be converted",
    "题库有上述问题": "The bank has the problems above",
    "{reason}，未写出文件": "{reason}; no file was written",
    "{count} 题是{reason}，未导出：{ids}": (
        "{count} {count|question is|questions are} {reason}, not exported: {ids}"
    ),
    "输出应为文件名，而 {path} 是文件夹": "The output must be a file name, but {path} is a folder",
    "输出文件夹不存在：{path}": "The output folder does not exist: {path}",
    "输入和输出是同一个文件，请换一个输出文件名": (
        "Input and output are the same file; choose another output file name"
    ),
    "找不到输入文件 {path}": "Input file not found: {path}",
    "{path} 过大（上限 {limit} MiB）": "{path} is too large (limit {limit} MiB)",
    "CSV 不保存题库信息（编号 {id}、标题 {title} 等）；"
    "重新导入时可用 --bank-id 和 --title 指定，或改用 .xlsx": (
        "CSV does not keep the bank information (id {id}, title {title}…); give --bank-id and "
        "--title when importing again, or use .xlsx"
    ),
    "文件没有写题库编号，按标题“{title}”取为 {id}；转换新版本时请输出到同一个"
    "题库文件（或用 --bank-id 指定同一编号），否则会成为另一个题库": (
        "The file names no bank id: {id} was taken from the title “{title}”. Convert a new "
        "version into the same bank file (or give the same id with --bank-id), otherwise it "
        "becomes another bank"
    ),
    # -- matching an existing bank ----------------------------------------------------------
    "与已有题库 {bank} 对照：{matched} 题已匹配（作答记录保留），{new} 题新增，"
    "{vanished} 题在新版本中没有（导入后停用，记录保留）": (
        "Compared with the existing bank {bank}: {matched} matched (answer history kept), "
        "{new} new, {vanished} no longer in this version (retired on import, history kept)"
    ),
    "{count} 题按编号对应但题干有改动": "{count} matched by id with an edited stem",
    "{summary}；没有的：{ids}": "{summary}; missing: {ids}",
    "编号 {id} 的题干有改动": "The stem of {id} was edited",
    "题库编号沿用已有题库的 {id}（文件中的编号 {file_id} 未使用）": (
        "The bank keeps the existing id {id} (the file's id {file_id} is not used)"
    ),
    "题库标题沿用已有题库的“{title}”（文件未写标题）": (
        "The bank keeps the existing title “{title}” (the file names no title)"
    ),
    "编号 {id} 已属于已有题库中题干不同的另一题，本题改用编号 {new}": (
        "The id {id} belongs to another question with a different stem in the existing bank; "
        "this question gets the id {new}"
    ),
    "（第 {line} 行：{problem}）": " (line {line}: {problem})",
    "输出文件 {name} 已存在，但不是有效的题库{where}；新版本的题目编号无法与它对照。"
    "请先修正它（jgstudy check），或换一个输出文件名，以免覆盖": (
        "The output file {name} exists but is not a valid bank{where}, so the new version's "
        "question ids cannot be matched with it. Fix it first (jgstudy check), or choose "
        "another output file name so it is not overwritten"
    ),
    # -- spreadsheets -----------------------------------------------------------------------
    "超过 {count} 行，其余行未读取": "More than {count} rows; the rest were not read",
    "“{column}”含有不可见的零宽字符，已删除": (
        "“{column}” held invisible zero-width characters; they were removed"
    ),
    "未识别的列：{columns}（已忽略）": "Unknown columns: {columns} (ignored)",
    "重复的列：{columns}（只使用同名的第一列）": (
        "Repeated columns: {columns} (only the first of each is used)"
    ),
    "缺少必需的列：{columns}，没有读取任何题目": (
        "Required columns missing: {columns}; no question was read"
    ),
    "未知题型“{text}”，应为 {types}": "Unknown type “{text}”; write “{types}”",
    "答案“{text}”应为选项字母，如 B、ACD 或 A,C,D": (
        "The answer “{text}” should be option letters, such as B, ACD or A,C,D"
    ),
    "答案 {key} 不在选项中（选项为 {options}）": (
        "The answer {key} is not among the options ({options})"
    ),
    "填空题的题干没有标出空（（ ）或 ____），已在句末加一个空": (
        "The fill-in stem marks no blank (（ ） or ____); one was added at the end of the sentence"
    ),
    "{type}题不用选项，选项列已忽略": "{type} questions take no options; the option columns were ignored",
    "单元格 {cell} 属于合并单元格 {range}，按合并内容“{text}”读取": (
        "Cell {cell} is part of the merged cells {range}; read as their text “{text}”"
    ),
    "单元格 {cell} 是公式，按公式原文读取、不计算（需要结果请先“选择性粘贴为数值”）": (
        "Cell {cell} is a formula; its text was read, not its result "
        "(for the result, use “Paste Special → Values” first)"
    ),
    "单元格 {cell} 在 Excel 中用中文数字显示（[DBNum]格式），按阿拉伯数字“{text}”读取，请核对": (
        "Cell {cell} is shown in Chinese numerals in Excel ([DBNum] format); read as the "
        "digits “{text}”, please check"
    ),
    "单元格 {cell} 是 Excel 日期/时间，按显示的“{text}”读取": (
        "Cell {cell} is an Excel date/time; read as shown: “{text}”"
    ),
    "单元格 {cell} 是超过 {digits} 位的数字，Excel 只保存前 {digits} 位"
    "（读作 {text}）；身份证号等长数字请把单元格设为“文本”后重新输入": (
        "Cell {cell} is a number of more than {digits} digits; Excel keeps only the first "
        "{digits} (read as {text}). For ID numbers and other long numbers, format the cell "
        "as “Text” and type it again"
    ),
    "无法打开 Excel 文件（{error}）；旧版 .xls 请先在 Excel 中“另存为” .xlsx": (
        "Cannot open the Excel file ({error}); for an old .xls use “Save As” .xlsx in Excel first"
    ),
    "跳过隐藏的工作表：{sheets}（如需导入，请先在 Excel 中取消隐藏）": (
        "Hidden sheets skipped: {sheets} (to import them, unhide them in Excel first)"
    ),
    "读取了工作表：{sheets}": "Sheets read: {sheets}",
    "读取了工作表：{sheets}；跳过（没有题目表头）：{skipped}": (
        "Sheets read: {sheets}; skipped (no question header): {skipped}"
    ),
    "题 {id} 的 {column} 列含有 Excel 无法保存的控制字符，已删除": (
        "Column {column} of question {id} held control characters Excel cannot store; "
        "they were removed"
    ),
    "“{sheet}”中未识别的项目：{key}（已忽略）": "Unknown item in “{sheet}”: {key} (ignored)",
    "CSV 格式错误：{error}": "CSV format error: {error}",
    "无法识别文件编码（支持 UTF-8 和 GBK/GB18030），请以 UTF-8 另存": (
        "Cannot tell the file's encoding (UTF-8 and GBK/GB18030 are supported); save it as UTF-8"
    ),
    "文件含有二进制内容，不是文本": "The file holds binary content; it is not text",
    # -- checking the questions -------------------------------------------------------------
    "{count} 题没有解析，已填入“{placeholder}”，请补写（第 {rows} 行）": (
        "{count} {count|question has|questions have} no explanation; “{placeholder}” was "
        "filled in, please write one ({count|row|rows} {rows})"
    ),
    "与{place}的题目重复（题型和题干相同）": ("Same question as {place} (same type and stem)"),
    "编号 {id} 与{place}重复": "The id {id} is also used at {place}",
    "题干与{place}相同（编号不同，两题都保留；请确认是否重复）": (
        "Same stem as {place} (different ids, both kept; please check for a duplicate)"
    ),
    "“{sheet}”表：{problem}": "Sheet “{sheet}”: {problem}",
    "题库信息：{problem}": "Bank information: {problem}",
    # -- GIFT and Aiken ---------------------------------------------------------------------
    "答案部分的“{”没有对应的“}”，本题未转换（下一题照常读取）": (
        "The answer part's “{” has no matching “}”; this question was not converted "
        "(the next one is read as usual)"
    ),
    "找不到答案部分 {…}（GIFT 说明文字不是题目），未转换": (
        "No answer part {…} (GIFT descriptions are not questions); not converted"
    ),
    "HTML 格式（[html]）已转为纯文本：加粗、颜色等格式未保留": (
        "HTML ([html]) turned into plain text: bold, colours and other formatting not kept"
    ),
    "问答题没有参考答案（写在 {####参考答案} 中）": (
        "The essay question has no reference answer (write it as {####answer})"
    ),
    "答案部分无法识别：每个选项应以 = 或 ~ 开头（配对题不支持）": (
        "The answer part is not understood: each option should start with = or ~ "
        "(matching questions are not supported)"
    ),
    "选项超过 {count} 个（多出：{dropped}），请删减": (
        "More than {count} options (extra: {dropped}); please remove some"
    ),
    "{key}（{weight}%）": "{key} ({weight}%)",
    "单选题标了 {count} 个“=”答案（{keys}），只能有一个": (
        "The single-choice question marks {count} “=” answers ({keys}); only one is allowed"
    ),
    "部分得分的选项 {options} 按错误答案处理（题库的单选题只有一个得分答案）": (
        "The partial-credit options {options} are treated as wrong "
        "(a single-choice question in a bank has one right answer)"
    ),
    "选择题没有标出正确答案（用 = 或 ~%50% 这样的正分值标出）": (
        "The choice question marks no right answer (mark it with = or a positive weight "
        "such as ~%50%)"
    ),
    "各选项的得分百分比（含倒扣）未保留，按题库的多选计分规则评分（全对得分或少选得一半）": (
        "The options' percentages (and penalties) are not kept; the bank's multiple-choice "
        "scoring rule applies (all or nothing, or half for a partial answer)"
    ),
    "部分得分的答案（=%50%…）已忽略，只保留满分答案": (
        "Partial-credit answers (=%50%…) were ignored; only full-credit answers are kept"
    ),
    "数值题的其他可接受答案和部分得分未保留，只接受第一个答案": (
        "The numerical question's other answers and partial credit are not kept; "
        "only the first answer is accepted"
    ),
    "数值题的误差 ±{tolerance} 未保留，只接受 {value}": (
        "The numerical tolerance ±{tolerance} is not kept; only {value} is accepted"
    ),
    "数值题的范围 {low}..{high} 改为接受其中的整数：{accepted}": (
        "The numerical range {low}..{high} now accepts the whole numbers in it: {accepted}"
    ),
    "数值题的答案“{value}”无法转为填空题（范围过大或不是数字）": (
        "The numerical answer “{value}” cannot become a fill-in question "
        "(the range is too wide or it is not a number)"
    ),
    "答案反馈（#…）不能转换，已忽略；总体反馈（####…）作为解析": (
        "Answer feedback (#…) cannot be converted and was ignored; "
        "general feedback (####…) became the explanation"
    ),
    "多空填空题（GIFT 只能表示一个空）": "fill-in with several blanks (GIFT holds only one)",
    "简答题的解析和关键词": "short-answer explanations and keywords",
    "题库信息（编号、标题等）": "bank information (id, title…)",
    "GIFT 无法保存{what}，这些内容未导出": "GIFT cannot hold {what}; these were not exported",
    "图片": "pictures",
    "视频": "videos",
    "音频": "audio",
    "表格": "tables",
    "嵌入内容": "embedded content",
    "HTML 中的{kind}无法转换，已略去": "{kind} in the HTML cannot be converted and were left out",
    "非单选题（Aiken 只能表示单选题）": "not single choice (Aiken holds only single choice)",
    "这道题缺少“ANSWER: …”行，未转换": ("This question has no “ANSWER: …” line; not converted"),
    "第 {line} 行既不是选项（A. …）也不是“ANSWER: …”行": (
        "Line {line} is neither an option (A. …) nor an “ANSWER: …” line"
    ),
    "没有选项（每行一个，写成“A. 选项内容”）": (
        "No options (one per line, written as “A. option text”)"
    ),
    "答案“{answer}”应为选项字母，如 ANSWER: B": (
        "The answer “{answer}” should be option letters, such as ANSWER: B"
    ),
    "Aiken 只保存题干、选项和答案；编号、解析、标签、难度等未导出": (
        "Aiken keeps only stems, options and answers; ids, explanations, tags, "
        "difficulty and the rest were not exported"
    ),
    # -- Word and text papers ---------------------------------------------------------------
    "无法作为 Word 文档读取（{error}），请在 Word 中另存为 .docx 后重试": (
        "Cannot be read as a Word document ({error}); save it as .docx in Word and try again"
    ),
    "这一段有图片，图片没有转换；题目需要时请在题库中用 image 字段另行添加": (
        "This paragraph has a picture, which was not converted; if a question needs it, "
        "add it with the image field in the bank"
    ),
    "第 {number} 题（“{snippet}”）：{reason}，未转换": (
        "Question {number} (“{snippet}”): {reason}; not converted"
    ),
    "答案行": "answer line",
    "题干括号": "stem bracket",
    "文末答案": "answer key",
    "格式标记": "formatting",
    "答案": "Answer",
    "括号": "Bracket",
    "文末答案（第 {line} 行）": "Answer key (line {line})",
    "{where}“{text}”不是选项字母": "{where} “{text}” is not an option letter",
    "没有找到答案": "no answer found",
    "题干为空": "the stem is empty",
    "{type}题不应有选项（A. …），请检查题型或分节标题": (
        "a {type} question should have no options (A. …); check the type or section heading"
    ),
    "{type}题没有找到选项（A. …）": "no options (A. …) found for a {type} question",
    "单选题给出了多个答案 {letters}": "a single-choice question with several answers {letters}",
    "选项 {key} 没有内容": "option {key} is empty",
    "填空题的题干中没有空（____ 或（ ））": "the fill-in stem has no blank (____ or （ ）)",
    "几处答案不一致：{answers}": "the answers disagree: {answers}",
    "{source} {answer}": "{source} {answer}",
    "第 {line} 行在答案之后，不属于这道题的任何部分，已忽略：“{text}”": (
        "Line {line} follows the answer and belongs to no part of this question; ignored: “{text}”"
    ),
    "选项 {key} 的字母写了两遍，已去掉重复的“{mark}”": (
        "Option {key} has its letter twice; the repeated “{mark}” was removed"
    ),
    "选项 {key} 出现在应为 {expected} 的位置（已有选项：{have}）": (
        "option {key} where {expected} was expected (options so far: {have})"
    ),
    "文末答案“{key}”的答案个数与题号范围不符，这一行未使用": (
        "The answer key “{key}” has a different number of answers than its range of "
        "questions; this line was not used"
    ),
    "文末答案分为 {keys} 组、题目分为 {questions} 组（题号各自从头编），"
    "无法对应，答案表未使用；请在答案表中写出与试卷相同的分节标题": (
        "The answer key has {keys} groups and the questions {questions} (each numbered "
        "from 1), so they cannot be matched and the key was not used; write the paper's "
        "section headings in the answer key"
    ),
    "文末答案第 {number} 题没有对应的题目，未使用": (
        "The answer key's question {number} has no matching question; not used"
    ),
    "文末答案第 {number} 题出现了两次，未使用": (
        "The answer key gives question {number} twice; not used"
    ),
    "页码": "page numbers",
    "页眉页脚（重复出现的行）": "headers and footers (repeated lines)",
    "标题或说明": "a title or note",
    "无法归入任何题目": "belongs to no question",
    "答案部分中无法识别": "not understood in the answer key",
    "识别出 {count} 题": "{count} {count|question|questions} found",
    "识别出 {count} 题（{kinds}）": "{count} {count|question|questions} found ({kinds})",
    "{type} {count}": "{type} {count}",
    "{found}；{refused} 题未转换，原因见各行": (
        "{found}; {refused} not converted, see each line for why"
    ),
    "{section} {count} 题": "“{section}”: {count}",
    "{section} {count} 题（另有 {failed} 题未转换）": (
        "“{section}”: {count} ({failed} more not converted)"
    ),
    "（分节标题之前）": "(before the first section heading)",
    "各部分：{sections}": "Sections: {sections}",
    "{source} {count} 题": "{source}: {count}",
    "答案来自：{sources}": "Answers taken from: {sources}",
    "Word 文档的页眉、页脚、脚注和文本框不读取": (
        "Headers, footers, footnotes and text boxes of a Word document are not read"
    ),
    "“{text}”": "“{text}”",
    "第一题之前的 {count} 行作为标题或说明，未转换：{lines}": (
        "{count} {count|line|lines} before the first question taken as a title or notes, "
        "not converted: {lines}"
    ),
    "{reason}，已忽略：“{text}”": "{reason}; ignored: “{text}”",
    "已忽略{reason} {count} 行（第 {rows} 行）": (
        "Ignored {reason}: {count} {count|line|lines} (lines {rows})"
    ),
    # -- messages quoting what the file says or must say
    "题 {id} 的{columns}含有分隔符（{separators} 等），重新导入时会被拆开": "The {columns} of question {id} contain separators (“{separators}” …) and would be split when imported again",
    "前 {count} 行中找不到表头（应有{columns}等列）": "No header in the first {count} rows (expected columns such as {columns})",
    "“{column}”列只是顺序号，不作为题目编号（插入新题、重新编号不影响学员的作答记录）": "The “{column}” column is only a running number and is not used as question ids (inserting or renumbering questions does not affect answer history)",
    "“{column}”列全是数字顺序号，不作为题目编号；题目按题干对应（重新编号不影响作答记录）": "The “{column}” column holds only running numbers and is not used as question ids; questions are matched by stem (renumbering does not affect answer history)",
    "“{column}”为空（应为 {types}）": "The type column “{column}” is empty (write “{types}”)",
    "“{column}”写的是“{text}”，无法识别（应为 1～5 或 {words}），已按默认难度导入": "The difficulty column “{column}” says “{text}”, which is not understood (write 1–5 or “{words}”); imported with the default difficulty",
    "“{column}”写的是“{text}”，不是正数（如 2 或 {example}），已按默认分值导入": "The points column “{column}” says “{text}”, which is not a positive number (such as 2 or “{example}”); imported with the default points",
    "“{column}”为空": "The answer column “{column}” is empty",
    "单选题只能有一个答案，这里写的是 {keys}（多选题请把题型写成“{multiple}”）": "A single-choice question has one answer, but this says {keys} (for multiple choice write the type “{multiple}”)",
    "“{column}”为空（判断题写“{true}”或“{false}”）": "The answer column “{column}” is empty (for true/false write “{true}” or “{false}”)",
    "判断题的答案应为“{true}”或“{false}”（也可写 {others}），而不是“{text}”": "A true/false answer should be “{true}” or “{false}” (or “{others}”), not “{text}”",
    "“{column}”为空（填空题写每个空的答案，用“{separator}”分隔）": "The answer column “{column}” is empty (for fill-in write each blank's answer, separated by “{separator}”)",
    "“{column}”为空（简答题在这里写参考答案）": "The answer column “{column}” is empty (for short answer write the reference answer here)",
    "只有简答题用关键词，“{column}”列已忽略": "Only short-answer questions use keywords; the “{column}” column was ignored",
    "单元格 {cell} 有一张嵌入的图片，题库不能保存嵌入图片，已略去；如需图片，请另存为图片文件，并在“{column}”列写文件名": "Cell {cell} has an embedded picture, which a bank cannot keep; it was left out. To keep it, save it as a picture file and write the file name in the “{column}” column",
    "没有哪个工作表的前 {count} 行有题目表头（应有{columns}等列）": "No sheet has a question header in its first {count} rows (expected columns such as {columns})",
    "{where}“{text}”不是判断题的答案（{answers}）": "{where} “{text}” is not a true/false answer (“{answers}”)",
    "没有找到答案（简答题的答案写在“{reply}”或“{answer}”之后）": "no answer found (a short answer is written after “{reply}” or “{answer}”)",
    "判断题的答案 {letters} 不是“{true}”或“{false}”选项": "the true/false answer {letters} is not a “{true}” or “{false}” option",
    "题干中有 {count} 个空，答案给出了 {given} 个（多个答案用“{separator}”分隔）": "the stem has {count} {count|blank|blanks} but the answer gives {given} (separate several answers with “{separator}”)",
    "题号和正文连在一起（“{text}”），无法确定题号到哪里为止，未转换；请在题号后加“{mark}”": "The number runs into the text (“{text}”), so where the number ends is unclear; not converted. Put “{mark}” after the number",
    "{count} 题的分节标题和题型标记没有写明题型，按内容判断（选项、√×、空、{reply}）": "{count} {count|question names|questions name} no type in a section heading or mark; the type was judged from the content (options, √×, blanks, {reply})",
    # -- scores files -----------------------------------------------------------------------
    "没有名为 {name} 的用户": "There is no user named {name}",
    "{file}：合并中断（{error}）；修正后重新合并即可，已合并的部分不会重复": (
        "{file}: the merge stopped ({error}); fix it and merge again — what was merged "
        "is not merged twice"
    ),
    "答题记录 {uid} 属于另一名学员，未合并": (
        "The answer record {uid} belongs to another cadre; not merged"
    ),
    "考试/练习记录 {uid} 属于另一名学员，未合并": (
        "The exam/practice record {uid} belongs to another cadre; not merged"
    ),
    "答题记录 {uid} 所属的考试 {attempt} 不是该学员的，未合并": (
        "The answer record {uid} belongs to exam {attempt} of another cadre; not merged"
    ),
    "{file}：{user} 新增答题记录 {added} 条（已有 {present} 条），考试/练习新增 {attempts} 次、更新 {updated} 次，更新卡片 {cards} 张": (
        "{file}: {user}, {added} new {added|answer|answers} ({present} already here), "
        "{attempts} new and {updated} updated {attempts|exam or practice|exams or practices}, "
        "{cards} {cards|card|cards} updated"
    ),
    "{file}：{user}（新建用户） 新增答题记录 {added} 条（已有 {present} 条），考试/练习新增 {attempts} 次、更新 {updated} 次，更新卡片 {cards} 张": (
        "{file}: {user} (new user), {added} new {added|answer|answers} ({present} already "
        "here), {attempts} new and {updated} updated {attempts|exam or practice|exams or "
        "practices}, {cards} {cards|card|cards} updated"
    ),
    "{file} 中 {count} 条答题记录的试题不在本数据库中，已跳过；请先导入题库 {banks} 后再合并一次。": (
        "{file}: {count} {count|answer was|answers were} skipped because the "
        "{count|question is|questions are} not in this database; import "
        "{banks} first and merge again."
    ),
    "{count} 道试题在本数据库中的内容已修改，记录仍按题号合并。": (
        "{count} {count|question has|questions have} different content in this database; "
        "the answers were merged by question number all the same."
    ),
    "时间 {time} 不在 2000 年至 2100 年之间": "The time {time} is not between 2000 and 2100",
    "不是有效的 JSON 文本": "not valid JSON text",
    "应为 JSON 对象": "should be a JSON object",
    "作答内容过长": "the answer is too long",
    "{where}：试题编号 {question} 超出范围（文件只有 {count} 道试题）": (
        "{where}: question number {question} is out of range "
        "(the file has {count} {count|question|questions})"
    ),
    "{where}：与 {other} 重复": "{where}: same as {other}",
    "解压后": "unpacked, it",
    "{file}：{what}超过 {limit} MB，不是成绩文件": (
        "{file}: {what} exceeds {limit} MB; not a scores file"
    ),
    "不允许的数值 {name}": "the value {name} is not allowed",
    "{file}：JSON 嵌套过深，不是成绩文件": "{file}: JSON nested too deeply; not a scores file",
    "{file}：无法读取（{error}）": "{file}: cannot be read ({error})",
    "文件不存在": "the file does not exist",
    "这是一个文件夹": "it is a folder",
    "没有读取权限": "no permission to read it",
    "不是 UTF-8 编码的文本": "the text is not UTF-8",
    "文件是空的": "the file is empty",
    "不是有效的 JSON，错在第 {line} 行第 {column} 列": "not valid JSON: the error is at line {line}, column {column}",
    "压缩文件已损坏或不完整": "the compressed file is damaged or incomplete",
    "{file}：不是 jgstudy 成绩文件": "{file}: not a jgstudy scores file",
    "{file}：成绩文件版本 {version} 不受支持（本程序读取版本 {supported}）": (
        "{file}: scores file version {version} is not supported (this program reads "
        "version {supported})"
    ),
    "……另有 {count} 处": "…and {count} more",
    "{file}：内容有误（{count} 处），未合并：\n  {problems}": (
        "{file}: {count} {count|problem|problems} in the content, not merged:\n  {problems}"
    ),
    "缺少这一项": "missing",
    "不认识的字段": "unknown field",
    "不能是 NaN 或无穷大": "cannot be NaN or infinite",
    "应为 true 或 false": "should be true or false",
    "应为整数": "should be a whole number",
    "应为数字": "should be a number",
    "应为文字": "should be text",
    "格式不对": "wrong format",
    "应为带时区的时间": "should be a time with a time zone",
    "不是有效的时间": "not a valid time",
    "时间缺少时区": "the time has no time zone",
    "应为列表": "should be a list",
    "应为对象": "should be an object",
    "应不小于 {limit}": "should be at least {limit}",
    "应不大于 {limit}": "should be at most {limit}",
    "过长（最多 {limit}）": "too long (at most {limit})",
    "不能为空": "cannot be empty",
    "取值应为 {expected}": "should be {expected}",
    "{where}：{problem}": "{where}: {problem}",
    "{where}：{problem}（现为 {value}）": "{where}: {problem} (is {value})",
}
