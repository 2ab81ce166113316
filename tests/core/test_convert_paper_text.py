"""Text question papers as they circulate: every layout of issue 21, in the encodings Windows writes.

Each paper is written the way public papers are laid out (titles, running headers, page numbers,
full-width letters, options several to a line, answers in brackets or in a key at the end), and
every question's type, stem, options, answer and 解析 is checked, as is every refusal's line.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from paper_helpers import convert_paper, write_text

CHOICE_PAPER = """党纪学习教育应知应会测试题（单位：__________ 姓名：________）
一、单项选择题（每题2分，共20分）
1、《中国共产党纪律处分条例》自（ ）起施行。
A．2024年1月1日
B．2024年1月18日
C．2024年3月1日
D．2024年6月1日
答案：B
2、党的纪律建设要以（ ）为统领。
A、党的政治建设
B、党的思想建设
C、党的组织建设
答案：A
解析：《条例》第四条。
3、党员受到警告处分（ ）内不得在党内提升职务。
(A)半年
(B)一年
(C)两年
【答案】B
4、全面从严治党的主体责任在（ ）。
Ａ．党委（党组）
Ｂ．纪委
Ｃ．组织部门
标准答案：A
5、对党员的纪律处分种类有（ ）种。
a. 三
b. 五
c. 六
参考答案：b
6、中央八项规定出台于（ ）。
A2012年12月
B2013年1月
C2014年1月
答案C
7、新时代党的建设总要求以（ ）为主线。
A.加强党的长期执政能力建设
B.加强党的先进性和纯洁性建设
Answer: A
二、多项选择题（每题3分）
1、党的纪律包括（ ）。
A．政治纪律 B．组织纪律 C．廉洁纪律 D．群众纪律
正确答案:abcd
2、“四个意识”包括（ ）。
A．政治意识B．大局意识C．核心意识D．看齐意识E．忧患意识
答案：ABCD
3、下列属于党的“三会一课”的有（ ）。
A.支部党员大会\tB.支部委员会\tC.党小组会\tD.党课
答案：A、B、C、D 解析：“三会一课”制度。
"""
CHOICE_EXPECTED = [
    (
        "single",
        "《中国共产党纪律处分条例》自（ ）起施行。",
        {"A": "2024年1月1日", "B": "2024年1月18日", "C": "2024年3月1日", "D": "2024年6月1日"},
        "B",
        "",
    ),
    (
        "single",
        "党的纪律建设要以（ ）为统领。",
        {"A": "党的政治建设", "B": "党的思想建设", "C": "党的组织建设"},
        "A",
        "《条例》第四条。",
    ),
    (
        "single",
        "党员受到警告处分（ ）内不得在党内提升职务。",
        {"A": "半年", "B": "一年", "C": "两年"},
        "B",
        "",
    ),
    (
        "single",
        "全面从严治党的主体责任在（ ）。",
        {"A": "党委（党组）", "B": "纪委", "C": "组织部门"},
        "A",
        "",
    ),
    ("single", "对党员的纪律处分种类有（ ）种。", {"A": "三", "B": "五", "C": "六"}, "B", ""),
    (
        "single",
        "中央八项规定出台于（ ）。",
        {"A": "2012年12月", "B": "2013年1月", "C": "2014年1月"},
        "C",
        "",
    ),
    (
        "single",
        "新时代党的建设总要求以（ ）为主线。",
        {"A": "加强党的长期执政能力建设", "B": "加强党的先进性和纯洁性建设"},
        "A",
        "",
    ),
    (
        "multiple",
        "党的纪律包括（ ）。",
        {"A": "政治纪律", "B": "组织纪律", "C": "廉洁纪律", "D": "群众纪律"},
        "ABCD",
        "",
    ),
    (
        "multiple",
        "“四个意识”包括（ ）。",
        {"A": "政治意识", "B": "大局意识", "C": "核心意识", "D": "看齐意识", "E": "忧患意识"},
        "ABCD",
        "",
    ),
    (
        "multiple",
        "下列属于党的“三会一课”的有（ ）。",
        {"A": "支部党员大会", "B": "支部委员会", "C": "党小组会", "D": "党课"},
        "ABCD",
        "“三会一课”制度。",
    ),
]


@pytest.mark.parametrize("encoding", ["gbk", "utf-8", "utf-8-sig", "utf-16"])
def test_option_and_answer_spellings_in_every_encoding(tmp_path: Path, encoding: str) -> None:
    paper = write_text(tmp_path, CHOICE_PAPER, encoding)
    questions, problems, notices = convert_paper(tmp_path, paper)
    assert questions == CHOICE_EXPECTED
    assert problems == []
    assert (None, "识别出 10 题（单选 7，多选 3）") in notices
    assert (None, "各部分：单项选择题 7 题；多项选择题 3 题") in notices
    assert (None, "答案来自：答案行 10 题") in notices


NOISY_PAPER = """2023年党史知识竞赛题库
\u3000\u3000党史知识竞赛题库
一、选择题
01、中国共产党第一次全国代表大会召开的时间是（C）。
A．1919年5月B．1920年8月C．1921年7月D．1922年7月
021920年8月，（\u00a0）在上海成立了共产党早期组织。
A．李大钊B．陈独秀C．毛泽东D．董必武
答案：B
03、遵义会议确立了（ ）在党中央和红军的领导地位。A.毛泽东 B.周恩来 C.朱德 D.张闻天
答案：A
04、党的七大确立（__B__）为党的指导思想。
A．马克思主义  B．毛泽东思想  C．邓小平理论
05、中国共产党的三大优良作风包括（ ABD ）。
A．理论联系实际 B．密切联系群众 C．艰苦奋斗 D．批评与自我批评
\u3000\u3000党史知识竞赛题库
- 2 -
06、党的十八大以来，以习近平同志为核心的党中央作出的重大判断是：中国特色社会主义进入
了新时代，这是我国发展新的（ ）。
A．历史方位 B．历史起点
C．历史阶段 D．历史使命
答案：A
07、县（旗）级党委每届任期（ ）年。
A. A. 三 B．四 C．五
答案：C
第 3 页 共 5 页
\u3000\u3000党史知识竞赛题库
"""


def test_noise_glued_numbers_brackets_and_several_options_to_a_line(tmp_path: Path) -> None:
    paper = write_text(tmp_path, NOISY_PAPER, "utf-8-sig")
    questions, problems, notices = convert_paper(tmp_path, paper)
    history = {"A": "1919年5月", "B": "1920年8月", "C": "1921年7月", "D": "1922年7月"}
    assert questions == [
        ("single", "中国共产党第一次全国代表大会召开的时间是（ ）。", history, "C", ""),
        (
            "single",
            "1920年8月，（ ）在上海成立了共产党早期组织。",
            {"A": "李大钊", "B": "陈独秀", "C": "毛泽东", "D": "董必武"},
            "B",
            "",
        ),
        (
            "single",
            "遵义会议确立了（ ）在党中央和红军的领导地位。",
            {"A": "毛泽东", "B": "周恩来", "C": "朱德", "D": "张闻天"},
            "A",
            "",
        ),
        (
            "single",
            "党的七大确立（ ）为党的指导思想。",
            {"A": "马克思主义", "B": "毛泽东思想", "C": "邓小平理论"},
            "B",
            "",
        ),
        (
            "multiple",
            "中国共产党的三大优良作风包括（ ）。",
            {"A": "理论联系实际", "B": "密切联系群众", "C": "艰苦奋斗", "D": "批评与自我批评"},
            "ABD",
            "",
        ),
        (
            "single",
            "党的十八大以来，以习近平同志为核心的党中央作出的重大判断是："
            "中国特色社会主义进入了新时代，这是我国发展新的（ ）。",
            {"A": "历史方位", "B": "历史起点", "C": "历史阶段", "D": "历史使命"},
            "A",
            "",
        ),
        ("single", "县（旗）级党委每届任期（ ）年。", {"A": "三", "B": "四", "C": "五"}, "C", ""),
    ]
    assert problems == []
    assert (23, "选项 A 的字母写了两遍，已去掉重复的“A.”") in notices
    assert (None, "已忽略页眉页脚（重复出现的行） 3 行（第 2、15、26 行）") in notices
    assert (None, "已忽略页码 2 行（第 16、25 行）") in notices
    assert (None, "答案来自：答案行 4 题，题干括号 3 题") in notices
    assert (None, "第一题之前的 1 行作为标题或说明，未转换：“2023年党史知识竞赛题库”") in notices


KEY_PAPER = """“两学一做”学习教育知识测试
一、单项选择题
1.党的根本组织原则是（ ）。
A.民主集中制 B.集体领导 C.个人分工负责 D.少数服从多数
2.党员的党龄从（ ）之日算起。
A.递交申请书 B.预备期满转为正式党员 C.支部大会通过 D.上级批准
3.党的基层组织每届任期（ ）。
A.两年或三年 B.三年至五年 C.五年 D.三年
4.党员如果没有正当理由，连续（ ）个月不参加党的组织生活，就被认为是自行脱党。
A.三 B.六 C.九 D.十二
5.预备党员的预备期为（ ）。
A.半年 B.一年 C.两年 D.三年
二、多项选择题
1.党的纪律主要包括（ ）。
A.政治纪律 B.组织纪律 C.廉洁纪律 D.工作纪律
2.党员必须履行的义务有（ ）。
A.认真学习 B.贯彻执行党的基本路线 C.坚持党和人民的利益高于一切 D.自觉遵守党的纪律
三、判断题
1.党员有退党的自由。
2.预备党员有表决权。
3.党的最高领导机关是党的全国代表大会和它所产生的中央委员会。
参考答案
一、单项选择题
1-5 ABBBB
二、多项选择题
1.ABCD 2.BCD
三、判断题
1.√ 2.× 3.√
"""


def test_answer_key_at_the_end_with_numbering_restarting_per_section(tmp_path: Path) -> None:
    paper = write_text(tmp_path, KEY_PAPER, "utf-16")
    questions, problems, notices = convert_paper(tmp_path, paper)
    assert [(q[0], q[3]) for q in questions] == [
        ("single", "A"),
        ("single", "B"),
        ("single", "B"),
        ("single", "B"),
        ("single", "B"),
        ("multiple", "ABCD"),
        ("multiple", "BCD"),
        ("judge", "正确"),
        ("judge", "错误"),
        ("judge", "正确"),
    ]
    assert questions[1][1:3] == (
        "党员的党龄从（ ）之日算起。",
        {"A": "递交申请书", "B": "预备期满转为正式党员", "C": "支部大会通过", "D": "上级批准"},
    )
    assert questions[9][1] == "党的最高领导机关是党的全国代表大会和它所产生的中央委员会。"
    assert problems == []
    assert (None, "答案来自：文末答案 10 题") in notices


def test_answer_key_without_section_headings_restarts_with_the_paper(tmp_path: Path) -> None:
    text = KEY_PAPER.replace("一、单项选择题\n1-5", "1-5").replace(
        "二、多项选择题\n1.ABCD", "1.ABCD"
    )
    text = text.replace("三、判断题\n1.√", "1.√")
    questions, problems, _ = convert_paper(tmp_path, write_text(tmp_path, text))
    assert "".join(q[3][0] for q in questions) == "ABBBBAB正错正"
    assert problems == []


TAGGED_PAPER = """第795题【单选】中国共产党章程规定，党的基层组织是（ ）。
A. 支部
B. 总支
答案：A
第796题【多选题】党的作风包括（ ）
A. 理论联系实际
B.
C. 批评与自我批评
答案：AC
第797题【判断】党员必须服从组织决定。
答案：对
第798题【单选】没有答案的题目（ ）
A. 甲
B. 乙
第799题【填空】党的思想路线是一切从实际出发，理论联系实际，（ ），在实践中检验真理和发展真理。
答案：实事求是
第800题 党的十九大的主题包括“不忘初心，牢记使命”（　　）
A．对　B．错
【答案】A【解析】十九大报告。
第801题 全面从严治党永远在路上。
A．正确 B．错误
答案：A
第802题【简答】党员的八项义务是什么？
参考答案：
一、认真学习马克思列宁主义。
二、全心全意为人民服务。
第803题 中国共产党的宗旨是____，党的最高理想是____。
答案：全心全意为人民服务；实现共产主义
"""


TAGGED_EXPECTED = [
    (
        "single",
        "中国共产党章程规定，党的基层组织是（ ）。",
        {"A": "支部", "B": "总支"},
        "A",
        "",
    ),
    ("judge", "党员必须服从组织决定。", None, "正确", ""),
    (
        "fill",
        "党的思想路线是一切从实际出发，理论联系实际，（ ），在实践中检验真理和发展真理。",
        None,
        "实事求是",
        "",
    ),
    ("judge", "党的十九大的主题包括“不忘初心，牢记使命”（  ）", None, "正确", "十九大报告。"),
    ("judge", "全面从严治党永远在路上。", None, "正确", ""),
    (
        "short",
        "党员的八项义务是什么？",
        None,
        "一、认真学习马克思列宁主义。\n二、全心全意为人民服务。",
        "",
    ),
    (
        "fill",
        "中国共产党的宗旨是{{1}}，党的最高理想是{{2}}。",
        None,
        "全心全意为人民服务；实现共产主义",
        "",
    ),
]


def test_tags_numbering_from_anywhere_and_types_without_headings(tmp_path: Path) -> None:
    questions, problems, notices = convert_paper(tmp_path, write_text(tmp_path, TAGGED_PAPER))
    assert questions == TAGGED_EXPECTED
    assert problems == [
        (5, "第 796 题（“党的作风包括（ ）”）：选项 B 没有内容，未转换"),
        (12, "第 798 题（“没有答案的题目（ ）”）：没有找到答案，未转换"),
    ]
    assert (
        None,
        "3 题的分节标题和题型标记没有写明题型，按内容判断（选项、√×、空、答：）",
    ) in notices


JUDGE_FILL_SHORT = """三、判断题
（1）党的性质是中国工人阶级先锋队。（√）
（2）党员可以信仰宗教。（ × ）
（3）党费由党支部自行决定使用。
答案：错误
（4）“三重一大”事项必须集体决策。
答案：正确
四、填空题（每空1分）
（1）党的根本宗旨是________。
答案：全心全意为人民服务
（2）“两个确立”是指确立（ ）的核心地位，确立（ ）的指导地位。
答案：习近平同志党中央的核心、全党的核心；习近平新时代中国特色社会主义思想
解析：党的二十大报告。
五、简答题
（1）简述党的基本路线。
答：领导和团结全国各族人民，
以经济建设为中心，坚持四项基本原则。
解析：见党章总纲。
（2）什么是“四个意识”？
答：政治意识、大局意识、核心意识、看齐意识。
"""


JUDGE_FILL_SHORT_EXPECTED = [
    ("judge", "党的性质是中国工人阶级先锋队。（ ）", None, "正确", ""),
    ("judge", "党员可以信仰宗教。（ ）", None, "错误", ""),
    ("judge", "党费由党支部自行决定使用。", None, "错误", ""),
    ("judge", "“三重一大”事项必须集体决策。", None, "正确", ""),
    ("fill", "党的根本宗旨是{{1}}。", None, "全心全意为人民服务", ""),
    (
        "fill",
        "“两个确立”是指确立（ ）的核心地位，确立（ ）的指导地位。",
        None,
        "习近平同志党中央的核心、全党的核心；习近平新时代中国特色社会主义思想",
        "党的二十大报告。",
    ),
    (
        "short",
        "简述党的基本路线。",
        None,
        "领导和团结全国各族人民，\n以经济建设为中心，坚持四项基本原则。",
        "见党章总纲。",
    ),
    ("short", "什么是“四个意识”？", None, "政治意识、大局意识、核心意识、看齐意识。", ""),
]


def test_judge_fill_and_short_answers(tmp_path: Path) -> None:
    paper = write_text(tmp_path, JUDGE_FILL_SHORT, "gbk")
    questions, problems, _ = convert_paper(tmp_path, paper)
    assert questions == JUDGE_FILL_SHORT_EXPECTED
    assert problems == []


BRACKET_SECTIONS = """（一）单项选择题
1）党的根本组织原则是（ ）。
A.民主集中制 B.集体领导
答案：A。
2）党的最高理想是（ ）。
A.共产主义 B.小康
（二）判断题
1）党员有退党的自由。
2）预备党员的预备期为一年。
3）党费可以挪作他用。
参考答案
一、1-2 AA
二、1-3 √√×
"""


def test_bracketed_section_numbers_and_a_key_on_the_heading_line(tmp_path: Path) -> None:
    questions, problems, _ = convert_paper(tmp_path, write_text(tmp_path, BRACKET_SECTIONS))
    assert questions == [
        ("single", "党的根本组织原则是（ ）。", {"A": "民主集中制", "B": "集体领导"}, "A", ""),
        ("single", "党的最高理想是（ ）。", {"A": "共产主义", "B": "小康"}, "A", ""),
        ("judge", "党员有退党的自由。", None, "正确", ""),
        ("judge", "预备党员的预备期为一年。", None, "正确", ""),
        ("judge", "党费可以挪作他用。", None, "错误", ""),
    ]
    assert problems == []


def test_papers_like_the_public_ones_convert_exactly_and_invent_nothing(tmp_path: Path) -> None:
    # The papers above together, as issue 21 measures them: at least 90 % exact, nothing
    # invented, every question without an answer reported at its line.
    papers = [
        (CHOICE_PAPER, CHOICE_EXPECTED, [], 0),
        (JUDGE_FILL_SHORT, JUDGE_FILL_SHORT_EXPECTED, [], 0),
        # two questions there are refused on purpose: one without an answer, one empty option
        (TAGGED_PAPER, TAGGED_EXPECTED, [12], 2),
    ]
    total = exact = 0
    for index, (text, expected, unanswered, flawed) in enumerate(papers):
        folder = tmp_path / str(index)
        folder.mkdir()
        questions, problems, _ = convert_paper(folder, write_text(folder, text))
        total += len(expected) + flawed
        exact += sum(1 for q in questions if q in expected)
        assert all(q in expected for q in questions)  # nothing invented
        reported = [row for row, message in problems if "没有找到答案" in message]
        assert reported == unanswered
    assert exact / total >= 0.9


def test_a_page_break_inside_a_stem_and_separators_between_options(tmp_path: Path) -> None:
    text = (
        "党史知识竞赛题库\n1、党的十八大以来，中国特色社会主义进入\n党史知识竞赛题库\n- 2 -\n"
        "了新时代，这是我国发展新的（ ）。\nA．历史方位；B．历史起点；\n答案：A\n"
        "2、下一题（ ）\nA．甲 B．乙\n答案：B\n3、再一题（ ）\nA．甲 B．乙\n党史知识竞赛题库\n答案：B\n"
    )
    questions, problems, notices = convert_paper(tmp_path, write_text(tmp_path, text))
    assert questions[0][1:4] == (
        "党的十八大以来，中国特色社会主义进入了新时代，这是我国发展新的（ ）。",
        {"A": "历史方位", "B": "历史起点"},
        "A",
    )
    assert [q[3] for q in questions[1:]] == ["B", "B"] and problems == []
    assert (None, "已忽略页眉页脚（重复出现的行） 3 行（第 1、3、13 行）") in notices


KEY_AFTER_EACH_SECTION = """一、单项选择题
1、党的根本组织原则是（ ）
A．民主集中制 B．集体领导
2、党的最高理想是（ ）
A．小康 B．共产主义
参考答案：
1-2 AB
二、判断题
1、党员有退党的自由，这是党章明确规定的。
2、预备党员有表决权，这是党章明确规定的。
参考答案：
1.√ 2.×
三、填空题
1、党的宗旨是____。
2、党的思想路线的核心是____。
答案
1.全心全意为人民服务 2.实事求是
"""


def test_a_key_after_each_section_and_fill_answers_in_the_key(tmp_path: Path) -> None:
    paper = write_text(tmp_path, KEY_AFTER_EACH_SECTION)
    questions, problems, notices = convert_paper(tmp_path, paper)
    assert [(q[0], q[1], q[3]) for q in questions] == [
        ("single", "党的根本组织原则是（ ）", "A"),
        ("single", "党的最高理想是（ ）", "B"),
        ("judge", "党员有退党的自由，这是党章明确规定的。", "正确"),
        ("judge", "预备党员有表决权，这是党章明确规定的。", "错误"),
        ("fill", "党的宗旨是{{1}}。", "全心全意为人民服务"),
        ("fill", "党的思想路线的核心是{{1}}。", "实事求是"),
    ]
    assert problems == []
    assert (None, "各部分：单项选择题 2 题；判断题 2 题；填空题 2 题") in notices


def test_reference_answer_lines_of_a_short_question_are_not_a_key(tmp_path: Path) -> None:
    text = (
        "五、简答题\n1、简述“三严三实”的内容。\n参考答案：\n1.严以修身\n2.严以用权\n"
        "2、简述“四个自信”的内容。\n参考答案：道路、理论、制度、文化自信。\n"
    )
    questions, problems, _ = convert_paper(tmp_path, write_text(tmp_path, text))
    assert [(q[1], q[3]) for q in questions] == [
        ("简述“三严三实”的内容。", "1.严以修身\n2.严以用权"),
        ("简述“四个自信”的内容。", "道路、理论、制度、文化自信。"),
    ]
    assert problems == []


def test_a_tag_before_the_number(tmp_path: Path) -> None:
    text = (
        "一、选择题\n【单选题】1. 党的一大在（ ）召开。\nA．上海 B．嘉兴\n【答案】A\n"
        "【多选题】2. 党的纪律有（ ）\nA．政治纪律 B．组织纪律 C．吃喝纪律\n【答案】AB\n"
    )
    questions, problems, _ = convert_paper(tmp_path, write_text(tmp_path, text))
    assert [(q[0], q[1], q[3]) for q in questions] == [
        ("single", "党的一大在（ ）召开。", "A"),
        ("multiple", "党的纪律有（ ）", "AB"),
    ]
    assert problems == []


def test_a_number_written_with_a_dot_before_a_year_or_a_decimal(tmp_path: Path) -> None:
    text = (
        "一、单选题\n4.党的一大在（ ）召开。\nA．上海 B．嘉兴\n答案：A\n"
        "5.2023年开展的主题教育是（ ）\nA．学习贯彻习近平新时代中国特色社会主义思想主题教育\n"
        "B．党史学习教育\n答案：A\n6.下列说法正确的是：党员人数超过\n1.5万人的（ ）\nA．甲 B．乙\n答案：B\n"
    )
    questions, problems, _ = convert_paper(tmp_path, write_text(tmp_path, text))
    assert [q[1] for q in questions] == [
        "党的一大在（ ）召开。",
        "2023年开展的主题教育是（ ）",
        "下列说法正确的是：党员人数超过1.5万人的（ ）",
    ]
    assert problems == []


def test_a_wrapped_blank_repeated_on_many_lines_is_not_a_running_header(tmp_path: Path) -> None:
    text = "".join(
        f"{n}、党的第{n}次代表大会召开的地点是\n（ ）。\nA．上海 B．北京\n答案：A\n"
        for n in range(1, 5)
    )
    questions, problems, _ = convert_paper(tmp_path, write_text(tmp_path, text))
    assert [q[1] for q in questions] == [
        f"党的第{n}次代表大会召开的地点是（ ）。" for n in range(1, 5)
    ]
    assert problems == []


def test_a_number_alone_on_its_line_starts_the_next_question_only_in_sequence(
    tmp_path: Path,
) -> None:
    text = (
        "1、党的一大在（ ）召开。\nA．上海 B．嘉兴\n答案：A\n2\n党的二大在（ ）召开。\n"
        "A．上海 B．广州\n答案：A\n- 3 -\n3、党的三大在（ ）召开。\nA．广州 B．上海\n答案：A\n15\n"
    )
    questions, problems, notices = convert_paper(tmp_path, write_text(tmp_path, text))
    assert [q[1] for q in questions] == [
        "党的一大在（ ）召开。",
        "党的二大在（ ）召开。",
        "党的三大在（ ）召开。",
    ]
    assert problems == []
    assert (None, "已忽略页码 2 行（第 8、12 行）") in notices


KEY_ON_HEADING_LINES_WITH_TEXT = """四史应知应会测试题
一、单选题
1、党的根本组织原则是（ ）。
A．民主集中制B．集体领导
2、党的最高理想是（ ）。
A．小康B．共产主义
二、判断题
1、党员有退党的自由，这是党章明确规定的。
三、填空题
1、党的宗旨是（ ）。
2、党的思想路线的核心是（ ）。
参考答案
一、1-2 AB
二、1.√
三、1.全心全意为人民服务 2.实事求是
"""


def test_a_key_on_the_heading_lines_with_fill_answers_as_text(tmp_path: Path) -> None:
    # ``三、1.全心全意为人民服务`` is a key group of its own: losing it misaligns every group.
    paper = write_text(tmp_path, KEY_ON_HEADING_LINES_WITH_TEXT, encoding="gbk")
    questions, problems, _ = convert_paper(tmp_path, paper)
    assert [(q[0], q[3]) for q in questions] == [
        ("single", "A"),
        ("single", "B"),
        ("judge", "正确"),
        ("fill", "全心全意为人民服务"),
        ("fill", "实事求是"),
    ]
    assert problems == []


def test_a_key_under_bare_section_numbers(tmp_path: Path) -> None:
    # ``参考答案`` then ``一、`` on a line of its own: the key starts, not an answer ``一、``.
    text = KEY_ON_HEADING_LINES_WITH_TEXT.replace(
        "一、1-2 AB\n二、1.√\n三、1.全心全意为人民服务 2.实事求是\n",
        "一、\n1-2 AB\n二、\n1.√\n三、\n1.全心全意为人民服务 2.实事求是\n",
    )
    questions, problems, _ = convert_paper(tmp_path, write_text(tmp_path, text))
    assert [(q[0], q[3]) for q in questions] == [
        ("single", "A"),
        ("single", "B"),
        ("judge", "正确"),
        ("fill", "全心全意为人民服务"),
        ("fill", "实事求是"),
    ]
    assert problems == []
