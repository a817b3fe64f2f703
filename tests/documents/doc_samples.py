"""The seed's own campaign and a few people, as document data, for tests and the benchmark."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from io import BytesIO

from PIL import Image, ImageDraw

from kaccount_desk.documents.data import (
    ApplicationFormData,
    IdCopyData,
    NoticeData,
    ReceiptData,
    RosterData,
    RosterLine,
    TariffOptionLine,
    TicketDocData,
    TicketHistoryLine,
)

CST = timezone(timedelta(hours=8))

TARIFFS = (
    TariffOptionLine(
        "集团资费",
        Decimal("8"),
        "神州行集团卡3(新)业务:赠送50条点对点短信,3元列帐为短信费;赠来电显示、无月租。"
        "主叫0.20元/分钟,被叫免费;集团包固定费用5元,5元计入集团彩铃。"
        "集团网内赠送300分钟,超出后0.01元/分钟,集团网外0.20元/分钟。长途、漫游执行标准资费。",
    ),
    TariffOptionLine(
        "沧州动感地带网聊套餐社会版2011加大客户包",
        Decimal("15"),
        "10元/月,可享受100条点对点短信+30M手机上网流量+来电显示+飞信功能;"
        "本县区内拨打市话0.15元/分钟,拨打国内长途0.3元/分钟;大客户需另加5元,即10+5=15元/月。",
    ),
    TariffOptionLine("在网号码保留原资费", Decimal("5"), "在原资费上再添加5元大客户包,即可实现大客户300分钟通话时长。"),
)

NOTICE = NoticeData(
    issuer="公司(党委)办公室",
    carrier_branch="中国移动泊头公司",
    contact="赵浩然",
    deadline=datetime(2012, 2, 27, 10, 0, tzinfo=CST),
    pool_prefixes=("188327588", "688", "599", "699"),
    tariff_options=TARIFFS,
    issued_on=date(2012, 2, 22),
)

CAMPAIGN = "2012年移动大客户业务办理"
DEPARTMENTS = ("第一事业部", "第二事业部", "财务部", "后勤部")
PLANS = ("集团资费", "动感地带网聊套餐+大客户包", "原资费+大客户包")
FEES = (Decimal("8"), Decimal("15"), Decimal("5"))


def form(i: int = 1, id_number: str = "130981********1234") -> ApplicationFormData:
    return ApplicationFormData(
        application_id=f"A{i:06d}",
        campaign_title=CAMPAIGN,
        name=f"张{'伟芳娜敏静丽强磊军洋'[i % 10]}{i}",
        department=DEPARTMENTS[i % len(DEPARTMENTS)],
        id_type="居民身份证",
        id_number=id_number,
        sex="男" if i % 2 else "女",
        birth_date=date(1978, 5, 1 + i % 28),
        keeps_number=bool(i % 3),
        phone_number=f"1883275{8800 + i % 1000:04d}",
        plan=PLANS[i % 3],
        addons=("集团彩铃",) if i % 2 else ("集团彩铃", "来电显示"),
        monthly_fee=FEES[i % 3],
        status="已受理",
    )


def roster_line(i: int, department: str | None = None) -> RosterLine:
    f = form(i)
    return RosterLine(
        department=department or f.department,
        name=f.name,
        id_number=f.id_number,
        phone_number=f.phone_number,
        keeps_number=f.keeps_number,
        plan=f.plan,
        addons=f.addons,
        monthly_fee=f.monthly_fee,
        status=f.status,
    )


def roster(n: int, department: str | None = None) -> RosterData:
    return RosterData(
        campaign_title=CAMPAIGN,
        issuer="公司(党委)办公室",
        printed_on=date(2012, 2, 27),
        lines=tuple(roster_line(i, department) for i in range(1, n + 1)),
        department=department,
    )


def card_image(text: str, fmt: str = "JPEG", size: tuple[int, int] = (856, 540)) -> bytes:
    img = Image.new("RGB", size, (200, 220, 240))
    draw = ImageDraw.Draw(img)
    draw.rectangle((20, 20, size[0] - 20, size[1] - 20), outline=(40, 60, 120), width=6)
    draw.text((60, 60), text, fill=(0, 0, 0))
    buf = BytesIO()
    img.save(buf, fmt)
    return buf.getvalue()


def id_copy(name: str = "张伟") -> IdCopyData:
    return IdCopyData(name, card_image("FRONT"), card_image("BACK", "PNG"), caption="机主身份证复印件")


RECEIPT = ReceiptData(
    ticket_id="T000042",
    ticket_number="BT-20120227-0042",
    received_at=datetime(2012, 2, 27, 10, 0, tzinfo=CST),
    owner_name="李娟",
    owner_staff_id="BT1024",
    channel="面对面",
    window="泊头自办营业厅 3号窗口",
    category="申告",
    customer_name="王建国",
    masked_number="188****8801",
    summary="手机在办公楼内无信号,已持续两天,客户要求尽快修复。",
    due_at=datetime(2012, 2, 29, 10, 0, tzinfo=CST),
)

TICKET = TicketDocData(
    ticket=RECEIPT,
    status="处理中",
    history=tuple(
        TicketHistoryLine(RECEIPT.received_at + timedelta(hours=h), who, action, text)
        for h, who, action, text in (
            (0, "李娟", "受理", "客户到厅申告办公楼内无信号。"),
            (1, "李娟", "转派", "转网络部核查基站覆盖。"),
            (20, "网络部 刘强", "回复", "已调整天线方向,请首问人与客户确认。"),
        )
    ),
)
