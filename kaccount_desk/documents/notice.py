"""The campaign notice (通知) an office posts and hands round.

Offices reword notices, so the body is an editable ``string.Template`` text: ``${name}``
placeholders are filled from the campaign, an unknown placeholder stays visible (a typo shows
on the proof instead of vanishing), blank lines separate paragraphs, and lines that start with
a Chinese or Arabic ordinal ("一、", "2.") print as a hanging-indent numbered list. The title,
the issuer and the date are laid out from the data, not the template, so they always sit where
a Chinese office notice puts them.
"""

from __future__ import annotations

import re
from string import Template
from typing import BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, SimpleDocTemplate, Spacer

from kaccount_desk.documents.data import NoticeData, TariffOptionLine
from kaccount_desk.documents.fonts import register_font
from kaccount_desk.documents.layout import format_date, format_datetime, format_yuan, right_style, title_style

BODY_SIZE = 12.0
CHINESE_ORDINALS = "一二三四五六七八九十"

DEFAULT_NOTICE_TEMPLATE = """\
根据各中层、班组长、职能部室后勤人员之间联系较多,手机费用大的实际情况,经与${carrier_branch}协商,\
同意为我公司实行移动大客户业务。

大客户之间通话几乎接近免费通话(每月赠送300分钟通话时长,超出后按每分钟0.01元计费),\
望各中层干部接通知后,根据个人情况自愿办理。

办理方式:中国移动在网号码(老号)、新号,持机主身份证复印件,以事业部为单位(先交事业部统计)、\
职能部室个人,交${issuer}${contact}统一办理。

截止时间:${deadline}前。

公司考虑到各中层干部使用其他通信手机号,与中国移动公司预约了一批${pool_prefixes}等号段的部分电话供选择。

资费方式:
${tariff_options}

${addons}
"""

_LIST_ITEM = re.compile(rf"^\s*([{CHINESE_ORDINALS}]+、|\d+[.、.])")


def _ordinal(n: int) -> str:
    if n <= 10:
        return CHINESE_ORDINALS[n - 1]
    tens, ones = divmod(n, 10)
    return (CHINESE_ORDINALS[tens - 1] if tens > 1 else "") + "十" + (CHINESE_ORDINALS[ones - 1] if ones else "")


# How each placeholder is shown in the editor: a Chinese field name in 【】, since the office writes the
# notice in Chinese and "${carrier_branch}" means nothing to it. The store keeps ${key}, as files do.
FIELD_NAMES: tuple[tuple[str, str], ...] = (
    ("title", "通知标题"), ("issuer", "发文单位"), ("carrier_branch", "营业部"), ("contact", "联系人"),
    ("deadline", "截止时间"), ("pool_prefixes", "预约号段"), ("tariff_options", "资费方式"), ("addons", "可选业务"),
    ("issued_on", "发文日期"),
)


def shown_fields(template: str) -> str:
    """``${carrier_branch}`` (or ``$carrier_branch``) as 【营业部】; unknown names and ``$$`` stay as typed."""
    names = dict(FIELD_NAMES)

    def field(match: re.Match[str]) -> str:
        key = match.group(1) or match.group(2)
        return f"【{names[key]}】" if key in names else match.group(0)

    return re.sub(r"(?<!\$)\$(?:\{(\w+)\}|(\w+))", field, template)


def stored_fields(text: str) -> str:
    """The editor's 【营业部】 back as ``${carrier_branch}``, so rendering and files see one form."""
    keys = {name: key for key, name in FIELD_NAMES}
    return re.sub(r"【([^】]+)】", lambda m: f"${{{keys[m.group(1)]}}}" if m.group(1) in keys else m.group(0), text)


def placeholders(data: NoticeData) -> dict[str, str]:
    """The values a template may use; exposed so an editor can list them beside the text."""
    options = "\n".join(
        f"{_ordinal(i)}、{opt.title}:{_fee_text(opt)}。{opt.details}".rstrip()
        for i, opt in enumerate(data.tariff_options, start=1)
    )
    return {
        "title": data.title,
        "issuer": data.issuer,
        "carrier_branch": data.carrier_branch,
        "contact": data.contact,
        "deadline": format_datetime(data.deadline),
        "pool_prefixes": "、".join(data.pool_prefixes),
        "tariff_options": options,
        "addons": _addons_text(data),
        "issued_on": format_date(data.issued_on),
    }


def _fee_text(option: TariffOptionLine) -> str:
    fee = format_yuan(option.monthly_fee)
    return f"每月在原资费基础上另加{fee}元" if option.keeps_current else f"每月{fee}元"


def _addons_text(data: NoticeData) -> str:
    """Every add-on with its fee, so a reader sees what each option's price is made of."""
    if not data.addons:
        return ""
    lines = ["附加业务:"]
    for n, addon in enumerate(data.addons, start=1):
        included = "、".join(_ordinal(i) for i in addon.included_in)
        where = f"(资费方式{included}已含)" if included else "(可自愿加办)"
        lines.append(f"{n}. {addon.name}:每月{format_yuan(addon.monthly_fee)}元{where}。")
    return "\n".join(lines)


def fill_template(data: NoticeData) -> str:
    return Template(data.template or DEFAULT_NOTICE_TEMPLATE).safe_substitute(placeholders(data))


def _styles() -> tuple[ParagraphStyle, ParagraphStyle]:
    font = register_font()
    body = ParagraphStyle(
        "notice-body",
        fontName=font,
        fontSize=BODY_SIZE,
        leading=BODY_SIZE * 1.7,
        firstLineIndent=2 * BODY_SIZE,
        alignment=TA_JUSTIFY,
        wordWrap="CJK",
        spaceAfter=BODY_SIZE * 0.3,
    )
    item = ParagraphStyle(
        "notice-item",
        parent=body,
        firstLineIndent=0,
        leftIndent=4 * BODY_SIZE,
        bulletIndent=2 * BODY_SIZE,
        bulletFontName=font,
        bulletFontSize=BODY_SIZE,
    )
    return body, item


def _body(text: str) -> list[Flowable]:
    body, item = _styles()
    story: list[Flowable] = []
    for block in re.split(r"\n\s*\n", text.strip()):
        plain: list[str] = []
        for line in block.splitlines():
            match = _LIST_ITEM.match(line)
            if match is None:
                plain.append(escape(line.strip()))
                continue
            if plain:
                story.append(Paragraph("<br/>".join(plain), body))
                plain = []
            story.append(Paragraph(escape(line[match.end():].strip()), item, bulletText=match.group(1).strip()))
        if plain:
            story.append(Paragraph("<br/>".join(plain), body))
    return story


def render_notice(data: NoticeData, out: BinaryIO) -> None:
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=28 * mm,
        rightMargin=26 * mm,
        topMargin=30 * mm,
        bottomMargin=25 * mm,
        title=data.title,
        author=data.issuer,
    )
    heading = [Paragraph(escape(data.organisation), title_style(16))] if data.organisation else []
    story: list[Flowable] = [*heading, Paragraph(escape(data.title), title_style(22)), Spacer(1, 8 * mm)]
    story += _body(fill_template(data))
    signature = ParagraphStyle("notice-sign", parent=right_style(BODY_SIZE), rightIndent=2 * BODY_SIZE)
    # The issuer and the date stay together: a date alone on a second page reads as a new notice.
    story.append(KeepTogether([
        Spacer(1, 10 * mm),
        Paragraph(escape(data.issuer), signature),
        Paragraph(format_date(data.issued_on), signature),
    ]))
    doc.build(story)
