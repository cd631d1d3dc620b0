"""The words of the synthetic country: names of people and places, and the situation templates
incidents are written from.

Each template is one kind of conduct the three regulations name (R1 第八条, R2 第九条, R3 第五/七
条) or allow (R1 第三条, R2 第四/五条, R3 第六条: an approved contact or one at the workplace), in
three wordings of the request and four openings of the record: 23 bases x 12 = 276 templates.
The expected articles are those the conduct's wording was written from; they are a generator's
labels, not a reviewer's.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from ingest.records import Level

SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡"
            "余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷")
GIVEN = ("建国明远志强海涛丽华文静国栋晓东红梅立新春生秋菊卫东桂英秀兰玉兰德华永刚伟民振华"
         "家俊子轩欣怡雨涵思远博文浩然嘉怡宇航晨曦一鸣天佑俊杰雅琴淑芬")
PLACE_HEADS = "青白云松清安宁平永兴长和新丰河山湖江泉石金玉东西南北阳临高乐华龙凤"
PLACE_TAILS = "岚鹭州川原林峰溪泽阳城宁安丰远台湾桥口岭川谷坪滨"
CAUSES = ("故意伤害", "民间借贷纠纷", "合同纠纷", "非法吸收公众存款", "交通肇事", "盗窃",
          "诈骗", "劳动争议", "房屋买卖合同纠纷", "建设工程施工合同纠纷", "离婚纠纷",
          "寻衅滋事", "行政处罚", "职务侵占", "串通投标", "环境污染责任纠纷")
PLACES = ("办公室", "单位会议室", "茶楼包间", "家中", "饭店", "小区门口", "停车场", "接待室")


@dataclass(frozen=True)
class Template:
    """One kind of conduct. ``pool`` names who intervenes (see country.py); ``articles`` the
    provisions the wording follows; ``requests`` three wordings of what was asked."""

    base: str
    pool: str  # official, proxy (staff or relative of an official), insider, outsider, party
    articles: tuple[str, ...]
    channels: tuple[str, ...]
    requests: tuple[str, str, str]
    at_workplace: bool | None = None
    approved: bool | None = None
    origin: str = "办案人员记录"
    in_name_of: bool = False  # the document went out in the name of the intervener's organ
    lawful: bool = False


AT_WORK = ("办公室", "单位会议室", "接待室")
NOT_AT_WORK = ("茶楼包间", "家中", "饭店", "小区门口", "停车场")
# Two openings of the record per channel; {who} is the intervener's position and name.
CHANNEL_OPENINGS = {
    "电话": ("{date}上午，{who}打电话给承办人{handler}，", "{date}晚，{who}来电，"),
    "当面": ("{date}下午，{who}在{place}找到承办人{handler}，", "{date}，{who}到{place}，"),
    "即时通讯": ("{date}，{who}通过微信联系承办人{handler}，", "{date}晚，{who}发来语音消息，"),
    "组织发文": ("{date}，{who}以{organ_name}名义发函，",
                 "{date}，{organ_name}印发通知，经{who}签发，"),
    "书信": ("{date}，{who}来函，", "{date}，收到{who}的书面材料，"),
}
VIOLATION_CLOSING = "承办人当即表示案件将依法办理，并按规定如实记录。"
LAWFUL_CLOSING = "承办人按程序登记，依法办理。"
OPENING_COUNT = 4  # two per channel, over the template's channels

# Organ names by unit suffix and level (中央, 省, 市, 县).
ORGAN_NAMES = {
    "dw": ("中共中央", "中共{}委员会", "中共{}委员会", "中共{}委员会"),
    "zfw": ("中央政法委员会", "中共{}委员会政法委员会", "中共{}委员会政法委员会",
            "中共{}委员会政法委员会"),
    "fy": ("最高人民法院", "{}高级人民法院", "{}中级人民法院", "{}人民法院"),
    "jcy": ("最高人民检察院", "{}人民检察院", "{}人民检察院", "{}人民检察院"),
    "gaj": ("公安部", "{}公安厅", "{}公安局", "{}公安局"),
    "sfj": ("司法部", "{}司法厅", "{}司法局", "{}司法局"),
    "zf": ("国务院", "{}人民政府", "{}人民政府", "{}人民政府"),
}
POSITIONS = {
    "dw": ("书记", "副书记", "常委"), "zfw": ("政法委书记", "政法委副书记"),
    "zf": ("长", "副长", "秘书长"), "fy": ("院长", "副院长", "庭长"),
    "jcy": ("检察长", "副检察长"), "tjy": ("检察长", "副检察长"), "gaj": ("局长", "副局长"),
    "sfj": ("局长", "副局长"),
}
OFFICER_POSITIONS = {"fy": "审判员", "jcy": "检察官", "tjy": "检察官", "gaj": "民警"}


def organ_name(suffix: str, place: str, level: Level) -> str:
    return ORGAN_NAMES[suffix][level.rank].format(place)


def position_of(pool: str, suffix: str, place: str, level: Level, rng: random.Random) -> str:
    """The actor's position in words: 县委书记, 市中级人民法院副院长, 审判员 …"""
    if pool == "officer":
        return OFFICER_POSITIONS[suffix]
    title = rng.choice(POSITIONS[suffix])
    if pool == "leader":  # 安澜县人民法院副院长
        name = "铁路运输检察院" if suffix == "tjy" else organ_name(suffix, place, level)
        return name + title
    if suffix in ("dw", "zfw"):  # 县委书记, 省委政法委书记
        title = "委" + title
    if suffix == "zf":  # 县长, 副市长 …
        title = title.replace("长", place[-1] + "长") if title != "秘书长" else "政府秘书长"
    return f"{place}{title}" if level != Level.CENTRAL else title


TEMPLATES: tuple[Template, ...] = (
    # R1 第八条: a leading cadre (R1 第十二条) intervening.
    Template("r1-8-1", "official", ("R1-8-1",), ("电话", "当面", "即时通讯"), (
        "为{party}请托说情，希望对{cause}一案从轻处理",
        "说{party}是重点企业负责人，请求在{cause}案中“高抬贵手”",
        "希望承办人在{cause}案执行中对{party}“网开一面”，暂缓执行")),
    Template("r1-8-2", "official", ("R1-8-2",), ("电话", "当面"), (
        "要求承办人私下会见{party}的辩护人，“听听他们的意见”",
        "要求承办人到饭店与{party}的近亲属见面，谈谈{cause}案",
        "要求办案单位负责人私下会见{cause}案当事人{party}")),
    Template("r1-8-3", "proxy", ("R1-8-3",), ("电话", "当面", "即时通讯"), (
        "自称受{instigator}所托，为{party}在{cause}案中请托说情",
        "转达{instigator}的意思，希望对{party}“关照一下”",
        "说{instigator}很关心{cause}案，希望尽快对{party}作出有利处理")),
    Template("r1-8-4", "official", ("R1-8-4",), ("组织发文", "当面"), (
        "以召开协调会的形式，要求为了本地招商引资对{cause}案作出对{party}有利的处理",
        "以发文件的形式，就{cause}案提出不得查封{party}企业账户的具体要求",
        "以听取汇报的形式，对{cause}案的定性提出倾向性意见"), in_name_of=True),
    Template("r1-8-5", "official", ("R1-8-5",), ("电话", "当面"), (
        "要求对{party}的{cause}案“先放一放”，暂不开庭",
        "要求撤回对{party}的强制措施申请",
        "要求在{cause}案中不采纳对{party}不利的证据")),
    Template("r1-3", "official", ("R1-3",), ("组织发文", "当面"), (
        "因履行职责需要，依照工作程序了解{cause}案的办理进度，未对证据采信和裁判提出意见",
        "组织研究{cause}类案件的司法政策，未涉及{party}案的具体处理",
        "督促依法及时办理{cause}案，未提出具体处理意见"), lawful=True),
    # R2 第九条: a judicial insider (R2 第十三条) intervening.
    Template("r2-9-1", "insider", ("R2-9-1",), ("电话", "当面", "即时通讯"), (
        "为{party}请托说情，希望{cause}案“能轻则轻”",
        "说{party}是老同事的亲戚，请求在{cause}案审理中关照",
        "希望对{party}的{cause}案作不起诉处理")),
    Template("r2-9-2", "insider", ("R2-9-2",), ("电话", "当面"), (
        "邀请承办人{handler}吃饭，席间安排{party}的诉讼代理人见面",
        "邀请承办人私下会见{party}的近亲属",
        "邀请承办人到茶楼与{cause}案利害关系人见面")),
    Template("r2-9-3", "insider", ("R2-9-3",), ("当面", "书信"), (
        "违反规定为{party}的辩护人转递涉案材料",
        "将{party}亲属写的材料转交承办人，要求附卷",
        "代{party}转交{cause}案的证据材料")),
    Template("r2-9-4", "insider", ("R2-9-4",), ("电话", "即时通讯"), (
        "为{party}打探{cause}案合议庭意见",
        "询问{cause}案是否已经决定逮捕，事后向{party}的亲属通风报信",
        "打听{party}案的开庭时间和量刑意见")),
    Template("r2-9-5", "insider", ("R2-9-5",), ("电话", "当面"), (
        "要求承办人在{cause}案中调整对{party}的鉴定意见",
        "要求拖延{party}案的执行",
        "要求承办人更换{cause}案的鉴定机构")),
    Template("r2-4", "insider", ("R2-4",), ("组织发文", "书信"), (
        "因履行监督职责，依照程序以书面形式对{cause}案提出指导性意见",
        "以书面形式就{cause}案的法律适用提出指导性意见，已附卷",
        "口头提出{cause}案的指导性意见，承办人记录在案")),
    Template("r2-5", "insider", ("R2-5",), ("书信", "组织发文"), (
        "因履行法定职责需要，依照工作程序函询{cause}案的办理情况",
        "依照法律程序调取{cause}案的裁判文书",
        "依照工作程序了解{party}案的执行进度")),
    # R3 第五条: contacts with parties, lawyers, special relations and intermediaries.
    Template("r3-5-1", "outsider", ("R3-5-1",), ("电话", "当面"), (
        "打听{cause}案合议庭评议情况，要求承办人透露",
        "要求承办人提前告知{party}案的裁判结果",
        "要求承办人透露举报人身份")),
    Template("r3-5-2", "outsider", ("R3-5-2",), ("当面", "即时通讯"), (
        "请承办人向{party}推荐其所在律所代理{cause}案",
        "请承办人为其介绍案件，许以“介绍费”",
        "暗示承办人建议{party}更换代理律师")),
    Template("r3-5-3", "outsider", ("R3-5-3",), ("当面",), (
        "宴请承办人{handler}，并送上购物卡",
        "给承办人送去茶叶和烟酒，请求关照{cause}案",
        "邀请承办人旅游，费用由{party}承担"), at_workplace=False),
    Template("r3-5-4", "outsider", ("R3-5-4",), ("当面", "电话"), (
        "提出可以借车给承办人使用",
        "提出借给承办人二十万元",
        "提出低价出租房屋给承办人"), at_workplace=False),
    Template("r3-5-5", "outsider", ("R3-5-5",), ("当面",), (
        "在{cause}案委托评估中要求承办人配合压低评估价",
        "在{party}案拍卖中与承办人串通",
        "要求承办人指定其所在中介机构做评估"), at_workplace=False),
    Template("r3-5-6", "outsider", ("R3-5-6", "R3-6"), ("当面",), (
        "在非工作场所与承办人会面，谈及{cause}案，未经审批",
        "约承办人在茶楼见面讨论{party}案，未办审批手续",
        "到承办人家中拜访，谈{cause}案"), at_workplace=False, approved=False),
    Template("r3-7", "party", ("R3-7",), ("当面",), (
        "在非工作时间偶遇承办人，谈起{cause}案，承办人三日内已向纪检监察部门报告",
        "在小区门口拦住承办人反映{cause}案情况，承办人次日报告",
        "在饭店遇到承办人，谈及案件，承办人当日报告"),
        at_workplace=False, origin="本人报告"),
    Template("r3-6-workplace", "party", ("R3-6",), ("当面",), (
        "在接待室就{cause}案递交材料",
        "在法院接待室反映{cause}案情况",
        "在工作场所就{party}案陈述意见"), at_workplace=True, lawful=True),
    Template("r3-6-approved", "outsider", ("R3-6",), ("当面",), (
        "因办案需要，经审批在非工作场所与承办人核对{cause}案材料",
        "经批准在看守所外就{party}案与承办人会面",
        "因现场勘验需要，经审批与承办人在现场接触"),
        at_workplace=False, approved=True, lawful=True),
    Template("r3-10", "outsider", ("R3-5-3",), ("当面",), (
        "被实名举报宴请承办人并送礼，请求关照{cause}案",
        "被实名举报向承办人送购物卡",
        "被实名举报邀请承办人旅游"), at_workplace=False, origin="实名举报"),
)
TEMPLATE_COUNT = len(TEMPLATES) * 3 * OPENING_COUNT


def template_key(base: int, request: int, opening: int) -> str:
    """The id of one of the 276 templates: base, request wording, opening."""
    return f"{TEMPLATES[base].base}.{request}.{opening}"
