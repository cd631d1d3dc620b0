"""Requests made and how they were answered: someone asked to put in a word, to probe or to
plead, and whether the one asked refused (这个招呼我不能打), did nothing (没有去找任何人) or did
as asked (打了招呼); an invitation turned down. Read by ``liuhen.assessment.extractor``, where
a request refused makes the conduct declined, not done."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from liuhen.assessment.lexicon import Match, Text
from liuhen.assessment.narration import in_quotes

SENTENCE_END = re.compile(r"[。；！？\n]")


# A party asks someone to put in a word for them (求县长给法院打个电话, 托局长说个情) ...
ASKED_TO_INTERVENE = re.compile(r"(求|托|请|让|拜托|央求|恳求|找)[^，。；]{0,20}?“?[^。；”]{0,8}?"
                                r"(打招呼|打个招呼|打声招呼|打个?电话|说情|求情|说句话|说个情|过问|"
                                r"关照|递个话|(带|捎)(句|个)话|通融|说说|说一声|说声|讲一声|说两句|说几句|美言|问问|打听)|"
                                # or asks it in his own quoted words (“书记，你帮我跟法院说说”)
                                r"“[^”]{0,30}?(帮我|替我|给我|能不能|能否|可不可以|可否)"
                                r"[^”]{0,12}?(说说|说一说|说一声|说句话|"
                                r"说个情|求个情|打招呼|打个招呼|递个话|打个电话)")
# The cadre asked stands in the request or just before it (找到局长，想请他给法院打个招呼).
_CADRE_BEFORE_REQUEST = 16
# ... and the one asked will not (这个招呼我不能打, 帮不了, 此后没有和法院有过任何联系).
WONT_INTERVENE = re.compile(r"(我|他|她)?(不能|不会|不便|没法|不可能|不肯)[^，。；]{0,4}?"
                            r"(打|说|帮|管|过问|插手)|帮不了|不归我管|"
                            r"(当场|当即|当面|婉言|明确|一口|直接)(回绝|拒绝|谢绝|婉拒)|(直|连连|连忙|他|她)摆手|摆了?摆手|"
                            # 我不能去: the errand itself refused
                            r"(不能|不会|不肯|不便)去了?(?=[。，；！”])|"
                            r"(没有|没|从未|从没)[^，。；]{0,12}(联系|打过电话|过问|打招呼)|"
                            # 他一句也不过问, 这事我不过问
                            r"(一句|一个字|什么)(也|都)不(过问|管|说|问)|(这事|这个事|这种事)我?不(过问|管|插手)|"
                            # 法院的案子他不过问, 一个电话也没打 (not 书记自己一个电话都没打:
                            # his own call not made, an errand sent all the same)
                            r"(案子|案件)(的事)?(他|她|我)?(从)?不(过问|插手)|"
                            r"(?<!自己)(一个电话|一个招呼)(也|都)没(打|有打)|"
                            # 该怎么判是法院的事，不服就走上诉: the court's business, the appeal
                            r"是法院(自己)?的事|(政法委|县委|政府|我)不表态|"
                            r"不服(就|可以)?(走|去|提起?)?上诉|"
                            # 我不掺和, 他一概推掉
                            r"不(掺和|掺合|插手)|(一概|一律|全都|都)(推掉|推了|回绝|拒绝)|"
                            r"(骂|训|数落)了(我)?(一顿|一通)")  # 把我骂了一顿: the ask scolded
# ... or does as asked (第二天就给院长打了电话, 打了招呼).
PUT_IN_A_WORD = re.compile(r"(打了|打过)(个|一个|声)?(电话|招呼)|说了情|过问了|照办了")
_NEGATED_BEFORE = re.compile(r"(没有|没|未|从未|从没|不曾)[^，。；]{0,10}$")
# An invitation to something (约他周末去钓鱼, 邀请她一起打球), and the refusal of it after.
INVITED_TO = re.compile(r"(约|邀请?|请|叫|喊)[^。；]*$")
LEISURE_DECLINED = re.compile(r"(就?不去了?|没去|没有去|不参加|没参加|没有参加|推掉|推辞|"
                              r"谢绝|婉拒|拒绝|没答应|没有答应|不方便去|去不了|不能去|不便参加)")
# A request made to the officer (邻居托他打听, 朋友请她去说情): the act named is asked of him,
# done only if the words say so.
ASKED_OF = re.compile(r"(托|请|求|让|拜托|央求|委托|麻烦)[^，。；：]{1,28}?(帮忙|帮)?(去)?"
                      r"(打听|过问|说情|问问|说说|打招呼|打个招呼|带给|捎给|转交|转给|递给|"
                      r"交给|转一下|(带|捎|递)(一?份|一?封|个)?(材料|信|东西)|(带|捎|递)(个|句)话)|"
                      # or hands it over himself (要把材料和信交给我): accepted only if said
                      r"(要|想)把[^。；]{1,30}?(交给|递给|转交|塞给)|"
                      # or the teller asks the officer himself (我在窗口问书记员合议结果)
                      r"我[^，。；“”]{0,8}?问(承办|主审|办案)?(法官|书记员|检察官|民警|警官|执行员)")
ASKED_THE_SPEAKER = re.compile(r"(托|请|求|让|拜托|央求|委托|麻烦)我")
# Papers handed in at the organ's office (到检察院案件管理中心递交了材料): the filing the refusal
# pointed to, not the errand refused.
_FILED_AT_THE_OFFICE = re.compile(r"(到|在|向|去)[^，。；]{0,12}(中心|窗口|大厅|立案庭|案管)"
                                  r"[^，。；]{0,6}(递交|提交|交了|递了)|"
                                  # 律师按程序把材料递交了, 核对了递交时间: the filing itself
                                  r"按(照)?程序[^，。；]{0,8}(递交|提交)|(递交|提交)(时间|日期)")
# ... and he did not do it: 没有去找任何人, 只告诉他到诉讼服务中心查询.
NOT_DONE = re.compile(r"(没有|没|并未|未|不肯|不愿)(去)?"
                      r"(找|打听|问|过问|联系|说情|答应|照办|接|收|转)|"
                      r"(没有|没|并未|未)(私下|替他|帮他|给他)?(带|捎|递|转交)|"
                      r"(不肯|不愿)(替|帮)(我|他|她)(转|递|带|捎)|"
                      r"不能(去)?(转|带|递|收|帮|说|过问|打听)|(招呼|电话|这个情)[^，。；“”]{0,3}我?不(打|说)|"
                      r"(当场|当即|当面|直接|婉言|明确)?(回绝|拒绝|谢绝|婉拒)|"
                      r"只字(未|不)提|一个字(都|也)?没(提|说)|从不插嘴|(没有|没|未)转告|"
                      r"只(是)?(告诉|让|叫|建议|劝)[^。；]{0,20}(查询|按程序|依法|通过|找律师)|"
                      r"(他|她)说(这)?不(行|可以|能)[，。；]")
# The words that put a question of whether (能不能, 可否 ...)
WHETHER = r"(能不能|能否|可不可以|可否|是否可以|行不行)"
# A question put to the officer (能不能给介绍个律师): what it names is asked of him, not done.
ASKED_WHETHER = re.compile(WHETHER + r"[^，。；]{0,4}“?$")
# The words say no request was made (没有提任何要求, 也没打招呼).
NO_REQUEST = re.compile(r"(没有|没|未|并未|从未|从没|也没有?)(提|提出|说|讲|打)(过)?(任何|什么)?"
                        r"(要求|请求|请托|招呼)|"
                        # 这个招呼我不能打, 这个电话我不打, 我一个电话都不会打: the one asked,
                        # refusing to put in the word
                        r"(招呼|电话|说情|这个情)[^，。；“”]{0,3}我?(不能|不会|不该|不)(打|说|求)|"
                        r"(一个电话|一句话|一个招呼)(都|也)不会(打|说)")


def request_end(text: str, frame: re.Match[str]) -> int:
    """Where the request that ``frame`` opens ends: its sentence (想请他“打个招呼”，让执行缓一缓:
    the second clause says what is asked), never before the eight characters after it."""
    end = SENTENCE_END.search(text, frame.end())
    return max(end.start() if end else len(text), frame.end() + 8)


def word_put_in(text: Text, after: int) -> re.Match[str] | None:
    """The word put in as asked (打了电话, 说了情) after ``after``; 没有给法庭打过电话, the word
    said negated, is the refusal kept, not the errand done."""
    return next((m for m in PUT_IN_A_WORD.finditer(text.text, after)
                 if not _NEGATED_BEFORE.search(text.text[text.clause_start(m.start()):m.start()])),
                None)


def cadre_refused(text: Text, f: dict[str, object], note: Callable[[str, list[Match]], None],
                  conduct: list[str], declined: list[str], leader_roles: Sequence[str],
                  judicial_roles: Sequence[str]) -> None:
    """A party asks a cadre to put in a word (求县长给法院打个电话) and he will not: the
    cadre is the one the rules would judge (R1 第八条第（一）项), and he did nothing. What he
    tells the party instead (你找律师走程序) is no conduct of his towards a court."""
    asked = ASKED_TO_INTERVENE.search(text.text)
    if asked is None or (in_quotes(text.text, asked.start())
                         and ASKED_THE_SPEAKER.match(asked.group(0))):
        # “老符说了，让我跟你打个招呼”: the one asked speaks, putting the word in as he tells it
        return
    refused = WONT_INTERVENE.search(text.text, asked.end())
    done = word_put_in(text, asked.end())
    # the cadre asked is named just before the request or earlier in its sentence, as the one
    # whose friend or relative asks (县长老周的发小……找到他家里，让他给法院打个招呼)
    sentence_start = text.sentence_of(asked.start())[0]
    # ... but not the cadre who calls a judge and asks him (副县长给法官打电话，请他关照): the one
    # asked is then the judge named between them
    officers = text.find(judicial_roles, negatable=False)
    cadres = [m for m in text.find(leader_roles, negatable=False)
              if min(sentence_start, asked.start() - _CADRE_BEFORE_REQUEST) <= m.start
              < asked.end() and not any(m.end <= o.start < asked.start() for o in officers)]
    if not cadres or bool(refused) == bool(done):
        return
    f.update(regimes=["R1"], actor_role="领导干部")
    note("actor", cadres[:1])
    if done:
        # he did as asked: 为案件当事人请托说情 (R1 第八条第（一）项)
        if "plead" not in conduct:
            conduct.append("plead")
            note("plead", [Match(done.group(0), done.start(), done.end(), False)])
        return
    conduct[:] = [c for c in conduct if c not in ("plead", "probe", "guidance", "recommend_lawyer")]
    if "plead" not in declined:
        declined.append("plead")


# A lawyer asked for (能不能给推荐个律师, “您给推荐个律师吧？”) and the officer will not
# (拒绝了, 我不能给你推荐, 律师您自己选): nothing recommended (R3 第五条第（二）项 lawful).
LAWYER_ASKED = re.compile(WHETHER + r"[^，。；]{0,4}(推荐|介绍)[^，。；？]{0,8}律师|"
                          r"(该|要|应该)(请|找)哪(个|位|家)律师|"
                          r"(推荐|介绍)(个|一个|一位|位)?[^，。；”]{0,6}律师[^，。；”]{0,3}[？?]|"
                          # 我请李法官给我推荐个律师: the teller's own request
                          r"我(请|求|托|让)[^，。；]{0,8}(推荐|介绍)(个|一个|一位|位)?[^，。；”]{0,8}律师")
LAWYER_REFUSED = re.compile(r"(拒绝|回绝|婉拒|谢绝)|(不能|不便|不好|没法)[^，。；]{0,4}(推荐|介绍)|"
                            r"律师[^，。；]{0,3}自己(选|找|定|请)")


# The officer the teller asked will not tell (现在不能讲, 无可奉告, 拒绝透露): only for the
# teller's own question, since in 托他问问…不便透露 the one who will not tell is someone else.
TOLD_NOTHING = re.compile(r"(不能|不便|不好|不肯|不愿)(讲|透露)|无可奉告|拒绝透露|(没有|没|未)透露")
# 不能讲…然后告诉我三比零: something told after the refusal
_TOLD_AFTER = re.compile(r"告诉|透露|透了|说了|讲了|别说出去|别外传")


def asked_and_not_done(text: Text, conduct: list[str],
                       words: Callable[..., Sequence[str]]) -> list[str]:
    """Probing or pleading whose every word stands in a request made to the officer
    (托他打听) when a later clause says he did not do it: declined, not done; a lawyer asked
    for and not recommended, likewise."""
    lawyer = LAWYER_ASKED.search(text.text)
    if lawyer and LAWYER_REFUSED.search(text.text, lawyer.end()) and all(
            lawyer.start() <= m.start < lawyer.end() for m in [
                *text.present(words("conduct", "recommend_lawyer")),
                *text.find_pattern("recommend_lawyer")] if not m.negated):
        return ["recommend_lawyer"]  # every word of it stands in the question asked
    # “刘家的人托我问问，你透个底”: the speaker was asked and is asking now, not refusing
    frames = [f for f in ASKED_OF.finditer(text.text)
              if not (in_quotes(text.text, f.start()) and ASKED_THE_SPEAKER.match(f.group(0)))]
    if not frames:
        return []
    # 我问书记员…，她说现在不能讲: the teller's own question, refused in words of not telling
    direct = frames[0].group(0).startswith("我")
    refusal = (direct and TOLD_NOTHING.search(text.text, frames[0].end())) \
        or NOT_DONE.search(text.text, frames[0].end())
    if not refusal:
        return []
    out: list[str] = []
    for name in ("probe", "plead", "pass_materials", "leak"):
        # (材料 alone names the papers, wherever they are told of: 小周没接材料, 有材料按程序交)
        hits = [m for m in text.present(words("conduct", name)) + [
            m for m in text.find_pattern(name) if not m.negated and not m.uncertain]
            if not _FILED_AT_THE_OFFICE.search(_clause_of(text, m)) and (m.word != "材料" or any(
                f.start() <= m.start < request_end(text.text, f) for f in frames))]
        if name in conduct and hits and all(
                any(f.start() <= m.start < request_end(text.text, f) for f in frames)
                # 不能讲，过了一会儿又告诉我…: what is told after the refusal was told
                and (name != "leak" or m.start < refusal.end()) for m in hits):
            out.append(name)
    if "probe" in out and "leak" not in out and direct and not \
            _TOLD_AFTER.search(text.text, refusal.end()):
        out.append("leak")  # the teller asked him and he would not tell: nothing told
    return out


_CLAUSE_END = re.compile(r"[，。；！？]")


def _clause_of(text: Text, match: Match) -> str:
    """The clause a word stands in (…捎给法官，女婿没接，让他们自己去诉讼服务中心递交: the filing
    is the last clause's, not the errand's)."""
    end = _CLAUSE_END.search(text.text, match.end)
    return text.text[text.clause_start(match.start):end.start() if end else len(text.text)]


# A retired officer asked to put in a word for someone (有人托他给院里打招呼) who will not: he is
# the one R2 第十三条第二款 would judge, and he did nothing.
ASKED_THE_RETIRED = re.compile(r"(托|求|请|让|拜托|央求|找)(他|她|[^，。；]{0,6}退休)")


def retired_refused(text: Text, conduct: list[str], declined: list[str]) -> None:
    """The retired officer asked to plead (托他给院里打招呼) and refusing (一概推掉): his plea,
    named only as the request made to him, is declined, not made."""
    asked = ASKED_TO_INTERVENE.search(text.text)
    if asked is None or not ASKED_THE_RETIRED.search(asked.group(0)):
        return
    if word_put_in(text, asked.end()) or not WONT_INTERVENE.search(text.text, asked.end()):
        return
    conduct[:] = [c for c in conduct if c not in ("plead", "probe")]
    if "plead" not in declined:
        declined.append("plead")
