"""Believable, deterministic people and words for a demo store: no real person, every value valid.

Names are common Chinese surnames and given names; ID numbers carry Cangzhou (沧州) area codes, a
birth date and a correct check digit; mobile numbers are China Mobile segments outside the sample
campaign's reserved block (188…), so a kept number never collides with a pool number. Each value is
a pure function of the seed and a running index, so one seed always builds the same store and two
people of one fill never share an ID number or a number.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from stdnum.cn.ric import calc_check_digit

from kaccount_desk.domain.tickets import Category

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴孔汤"
)
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红玲芬燕彬鹏辉建国志文斌宇浩凯亮晨欣怡雪梅兰婷晶春海波鑫佳琳"
# 沧州市 and its counties (泊头 130981 first: the sample campaign's company is there).
AREAS = ("130981", "130902", "130903", "130921", "130922", "130925", "130926", "130927", "130928", "130929",
         "130930", "130982", "130983", "130984")
# China Mobile segments; 188 is left out because the sample campaign reserves 188327588xx and kin.
MOBILE_SEGMENTS = ("134", "135", "136", "137", "138", "139", "147", "150", "151", "152", "157", "158", "159",
                   "178", "182", "183", "184", "187", "198")
BIRTH_DAYS = 16_000  # birth dates spread over 1956–1999
_SPREAD = 2_654_435_761  # odd and not a multiple of 5: i -> i * _SPREAD mod 10**8 is one-to-one

PLACES = ("家里", "单位", "车间", "宿舍", "地下室", "小区", "村里", "厂区", "办公楼三层", "营业厅门口")
FEES = ("5", "8", "10", "15", "18", "28", "38", "58")
MONTHS = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二")
PRODUCTS = ("集团彩铃", "大客户包", "流量包", "来电显示", "亲情号码", "国际漫游", "短信套餐", "手机邮箱")

_CONTENT: dict[Category, tuple[str, ...]] = {
    Category.CONSULTATION: (
        "咨询大客户包{fee}元的资费,网内通话是否免费",
        "想了解集团短号怎么开通,单位同事之间打电话怎么收费",
        "咨询{product}的月费和取消办法",
        "询问动感地带网聊套餐能否和大客户包同时办理",
        "咨询老号加入集团后原来的套餐是否保留",
    ),
    Category.LOOKUP: (
        "查询{month}月份的通话详单",
        "查询本月已用流量和剩余短信条数",
        "查询{month}月话费为什么比平时多{fee}元",
        "查询集团短号是否已经生效",
        "查询积分和可兑换的礼品",
    ),
    Category.COMPLAINT: (
        "{month}月被扣了{fee}元{product}费用,本人从未订购,要求退还",
        "营业员办理业务时态度不好,要求给个说法",
        "在营业厅排队一个多小时,要求改进",
        "多次收到推销短信,要求停止发送",
        "上次反映的问题到现在没人回复",
    ),
    Category.FAULT: (
        "{place}信号很差,打电话经常断线",
        "{place}手机没有信号,无法接打电话",
        "上网速度很慢,网页打不开",
        "集团短号拨打不通,提示号码不存在",
        "发短信总是失败,对方收不到",
    ),
    Category.BUSINESS: (
        "办理{product},从下月开始生效",
        "申请更换为网聊套餐,保留原号码",
        "补办丢失的SIM卡",
        "办理停机保号",
        "取消{product}",
    ),
}
REPLIES = (
    "已向客户说明资费标准,客户表示理解",
    "已核实并处理,费用已退回客户账户",
    "网络部已调整基站参数,客户反映信号恢复正常",
    "已为客户办理完毕,短信通知已发送",
    "已向客户道歉并说明改进措施,客户表示满意",
    "已提供详单并逐项解释,客户无异议",
)


def person_name(rng: random.Random) -> str:
    given = rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.7 else "")
    return rng.choice(SURNAMES) + given


def id_number(index: int) -> str:
    """A valid resident ID, a different one for every index below 14 × 16,000 × 999."""
    area = AREAS[index % len(AREAS)]
    rest = index // len(AREAS)
    day = rest % BIRTH_DAYS
    born = date(1956, 1, 1) + timedelta(days=day)
    # The sequence shifts with the birth day, so the last four differ as real ones do.
    sequence = f"{(rest // BIRTH_DAYS + 7 * day) % 999 + 1:03d}"
    first17 = f"{area}{born:%Y%m%d}{sequence}"
    return first17 + calc_check_digit(first17 + "0")  # stdnum expects a check digit in place


def mobile_number(index: int, seed: int) -> str:
    """A China Mobile number, a different one for every index below 10**8 (same seed)."""
    segment = MOBILE_SEGMENTS[index % len(MOBILE_SEGMENTS)]
    return f"{segment}{(index * _SPREAD + seed) % 10**8:08d}"


def ticket_content(rng: random.Random, category: Category) -> str:
    template = rng.choice(_CONTENT[category])
    return template.format(place=rng.choice(PLACES), fee=rng.choice(FEES), month=rng.choice(MONTHS),
                           product=rng.choice(PRODUCTS))


def reply_text(rng: random.Random) -> str:
    return rng.choice(REPLIES)
