"""How an account is framed: the scene set before the main clause, a record's header and
signature, quoted speech, and the words by which a call or a visit comes to someone. The actor
reading (``liuhen.assessment.actor_facts``) uses them to tell who acted from who received,
recorded or told it."""

from __future__ import annotations

import re

# A leading clause that sets the scene (一审判决后，… / …正在核查…，/ …即将开庭，): the state of
# the case, told before the main clause whose subject is the one who acts.
SCENE_CLAUSE = re.compile(r"^(?:[^，。；：“”]{2,40}?(后|之后|以后|时|期间|之际|过程中|"
                          r"即将[^，。；]{1,6}|正在[^，。；]{1,30})|在[^，。；：“”]{1,24}(上|中))，")
# (说'有事到所里反映': some accounts quote with ASCII apostrophes, paired in order)
QUOTE = re.compile(r"“[^”]*”|'[^'\n]*'")

# Words that make a clause an act, not a scene: a request, an approach, speech.
ACTING = re.compile(r"(要求|找|(?<!申)请|让|给|对|向|托|打电话|说|问|提出)")
# Between the scene and the actor of the main clause: no verb or preposition (发现嫌疑人 ...:
# the scene's own subject goes on acting).
NOT_A_SUBJECT_GAP = re.compile(r"[向对给找到在发现说问依按]")


def scene_end(text: str, candidates: list[int]) -> int:
    """The end of the opening scene-setting clause when the main clause opens with a new
    subject among ``candidates`` (their start positions); 0 otherwise."""
    match = SCENE_CLAUSE.match(text)
    if match is None or ACTING.search(match.group(0)):
        return 0
    if "在" in match.group(0) and match.group(1) in ("时", "期间", "过程中"):
        return 0  # 经侦大队在侦办…时，: the frame has its subject, who acts on
    after = [c for c in candidates if c >= match.end()]
    if not after or min(after) - match.end() > 6 or NOT_A_SUBJECT_GAP.search(
            text[match.end():min(after)]):
        return 0
    return match.end()


# A record's header (法官记录：, 纪检组收到…的书面报告，内容大致如下：, 【来电登记】) and its
# signature (——承办法官): whoever is named there wrote or received the record; who acted is
# told in its body.
RECORD_HEADER = re.compile(r"^(?:【[^】]{1,12}】)?(?:[^。；“”：:]{0,50}?"
                           r"(记录|登记|登记表|日志|摘要|笔录|报告|结论|说明|反映|备忘|记载|写道|通报|来电|来信|来访)"
                           r"(?:[，,]?[^。；“”：:]{0,6}如下)?(?:[（(][^）)]{1,8}[）)])?[：:]|"
                           # an officer telling it at a meeting (民事法官在庭务会上说：)
                           r"[^。；“”：:]{0,12}(法官|检察官|民警|警官|承办人|书记员)[^。；“”：:]{0,12}"
                           r"(会上|会议上)说[：:]|"
                           # an interview's frame (记者采访时，一名法官说，): the one who tells
                           r"(?:记者)?(?:采访|访谈)(?:时|中)[，,][^。；“”：:]{0,12}?"
                           r"(?:说|谈到|介绍|表示|回忆)[，,：:])?")
SIGNATURE = re.compile(r"——[^。；“”]{1,20}$")

# The person a call, a letter or a visit comes to (法官接到…的电话, 检察官收到, 被…叫到), or who
# records what another did (法官将…的电话如实记录): not the one who acts.
RECEIVES = re.compile(r"[^，。；“”]{0,12}?(接到|收到|接听|接了|"
                      r"(将|把)[^，。；“”]{2,40}?(记录|登记|记入|记进|记下))|"
                      # 市长在女婿被起诉后: the passive is the case's, in a frame of time
                      r"(?:(?!在)[^，。；“”]){0,12}?被(?!告|执行|申请|害|上诉|举报人|调查)")


# The insider turns to the one who tells it (找我, 到我办公室, 把我叫到, 叫住他): someone is
# approached even when the words name them only by a pronoun.
# 审判长本人跟我说的：他周末常去…: one telling the writer of his own doings (no quoted words
# follow the colon) turns to no one; 他跟我说：“帮帮忙” does
# 在大厅碰到我：“…”: met and spoken to at once
ADDRESSED = re.compile(r"(问|找|给|对|约|叫|让|请|向|跟|和)我(?!(说|讲)的?[：:](?!“))|"
                       r"(碰到|遇到|遇见|拦住)我[，,：:]?“|"
                       r"(到|来|在)我(的)?(办公室|家|单位|这|桌)|打我(的)?(手机|电话|座机)|"
                       r"把(我|他|她)叫|叫住(我|他|她)|叫(我|他|她)到")
# A call or visit that came in, told under a record's header (某民警记录：…来电): it came to the
# one who records it, an officer (the header's role is checked where this is used).
CAME_IN = re.compile(r"(来电|打来电话|打来的电话|发来短信|发来微信|来访|登门|"
                     r"(?<![塞送交递])(找到?|对|约|叫|让|请|向|跟)(他|她))")


def record_frame(text: str) -> tuple[int, int]:
    """The body of a record, between its header and its signature ((0, len) when it has
    neither)."""
    header = RECORD_HEADER.match(text)
    start = header.end() if header and header.group(0) else 0
    signature = SIGNATURE.search(text)
    return start, signature.start() if signature else len(text)


def in_quotes(text: str, position: int) -> bool:
    return any(m.start() < position < m.end() for m in QUOTE.finditer(text))


# The words that open a reply (法官回：“…”, 他只说了句“…”).
_REPLY_OPENS = re.compile(r"(回|回复|回答|答复|答|说了句|说了一句|只说)[：:，,]?$")


def in_a_reply(text: str, position: int) -> bool:
    """The position stands in quoted words that answer someone (法官回：“按程序办”): what the
    one asked said back, not how the contact itself came about."""
    return any(m.start() < position < m.end()
               and _REPLY_OPENS.search(text[max(0, m.start() - 6):m.start()])
               for m in QUOTE.finditer(text))


# The words that open an accusation or a jeer (家属到法院质问“…”, 在群里酸了一句“…”, 有人在网上
# 说“…”, 有人起哄让他“…”, 跑到公司来吵，说“…”): what someone charged or mocked, not what the
# account says happened.
_ACCUSATION_OPENS = re.compile(r"((质问|责问|指责|酸了?一句|说风凉话|嘀咕|起哄|嚷嚷|"
                               r"(在|到)?(网上|群里|朋友圈)(说|发帖|发了|留言)|"
                               # 农民工后来到处说'法官给我介绍了律师': a claim he spreads
                               r"(到处|四处|逢人便?|对外)(说|讲))"
                               r"[^，。；“”]{0,6}|(吵|闹|骂)(着|了)?[，,]?(说|称))[：:，,]?$")


def in_an_accusation(text: str, position: int) -> bool:
    """The position stands in quoted words someone charged or jeered with: an allegation."""
    return any(m.start() < position < m.end()
               and _ACCUSATION_OPENS.search(text[max(0, m.start() - 14):m.start()])
               for m in QUOTE.finditer(text))


# A transcript's question the answer affirms (问：你是否向申请执行人推荐过律师？答：推荐过。):
# the doubt word belongs to the asking, the fact to the answer. The answer opens with a yes (是,
# 有, 对) or with a verb done (推荐过, 找过, 收了) and no denial.
_ASKED = re.compile(r"问[：:](?P<question>[^？?。；]{0,80}[？?])\s*答[：:]\s*"
                    r"(?P<answer>[^，,。；！]{0,12})")
_DOUBT_IN_QUESTION = re.compile(r"是否|有没有|有无|是不是|(没有|没)(?=[？?])")
_YES = re.compile(r"^(是的?|有的?|有过|对|嗯|确实|承认|[\u4e00-\u9fff]{1,4}(过|了))")
_DENIAL = re.compile(r"没|不|未|无|否")


def affirmed_questions_masked(text: str) -> str:
    """``text`` with the doubt words of questions that their answers affirm masked (＿, same
    length: every later position and quote is unchanged)."""
    def mask(match: re.Match[str]) -> str:
        answer = match.group("answer")
        if not _YES.match(answer) or _DENIAL.search(answer):
            return match.group(0)
        start = match.start("question") - match.start()
        question = _DOUBT_IN_QUESTION.sub(lambda m: "＿" * len(m.group(0)), match.group("question"))
        whole = match.group(0)
        return whole[:start] + question + whole[start + len(question):]

    return _ASKED.sub(mask, text)


# Someone else's words about the conduct (有人说“…管案子”, 抱怨“…打听”): a characterisation,
# not the conduct itself. Their quoted words are masked before the facts are read.
_BYSTANDER_QUOTE = re.compile(
    r"(有人[^，。“”]{0,6}(说|称|议论|认为|质疑|反映说?)|抱怨|议论|质疑|嘀咕|吐槽|说这是|称这是|"
    # (not 在法庭里跟我说: a place, and words said to the teller)
    r"(同事|(?<![法在到回去进])庭里|(?<![法在到回去进])院里|(?<![在到回去进])局里|外面|群众)"
    r"(?:(?![跟对和给向])[^，。“”]){0,4}(说|议论|认为)|"
    # 村里人围了一圈，说法官“上门吃请”: what onlookers call the officer's act
    r"(?<![对跟向给和])(村里人|村民|邻居|旁人|围观的人)[^。“”]{0,8}说(法官|检察官|民警|他|她)|"
    # 跟牌友闲聊，说那案子“要我说判个缓刑就行”: chatter among friends, said to no officer
    r"(跟|和|同)(牌友|棋友|酒友|老伙计|街坊|邻居|老哥们)"
    r"(?:(?!法官|检察官|警官|民警|庭长|院长|所长)[^。“”]){0,14}(闲聊|闲扯|聊天|唠嗑|扯闲篇)"
    r"(?:(?!法官|检察官|警官|民警|庭长|院长|所长)[^。“”]){0,12})"
    r"(这是|这叫|是)?"
    r"[：:，,]?\s*"
    r"“(?P<quote>[^”]{1,60})”")


# ... or their label for it, unquoted (有人说政法委开会就是要给法院定调子, 村里人说上面来人定调子了,
# 他们也觉得是'上面定调子'): what others call a meeting or a visit, not what was done in it.
_BYSTANDER_LABEL = re.compile(
    r"(有人|有[^，。“”]{1,3}(干部|同事|村民|家属|股东|业主)|同事|村里人|村民|家属|业主|股东|他们)"
    r"[^，。“”]{0,6}(说|议论|嘀咕|觉得|认为|传)[，：:]?"
    r"(?P<quote>[^。；！？]{0,30}(定调子|定调)[^。；！？]{0,10})")


# ... or what someone meant to do and was talked out of (本来想周末请法官吃个饭，我劝住了; 说要托人
# 问问院长，被王律师劝住了): it was never done.
_STOPPED = re.compile(r"(想|要|打算|准备)(?P<quote>[^。；！？]{2,40})[，,]"
                      r"(被[^，。；]{0,6}|我|他|她)?(劝住|拦住|劝下|拦下)")


def not_done_masked(text: str) -> str:
    """``text`` with the words that tell no act done masked (＿, same length, so every later
    position is unchanged): others' quoted words about it, others' labels for it, and an errand
    someone was talked out of."""
    def mask(match: re.Match[str]) -> str:
        start, end = match.span("quote")
        whole = match.group(0)
        inner = start - match.start()
        return whole[:inner] + "＿" * (end - start) + whole[inner + (end - start):]

    return _STOPPED.sub(mask, _BYSTANDER_LABEL.sub(mask, _BYSTANDER_QUOTE.sub(mask, text)))


# 以前记过一位领导打招呼的事: what a record kept once held, the background of the story (the
# conduct recorded is not told as done here; 登记了副县长打招呼要求轻判 still tells it)
_RECORDED_ONCE = re.compile(r"(记|登记|记录)过[^，。；]{0,10}$")


def recorded_once(text: str, clause_start: int, start: int, end: int) -> bool:
    """The words from ``start`` to ``end`` name what a record kept once held (记过…的事)."""
    return bool(_RECORDED_ONCE.search(text[clause_start:start])) and text.startswith(
        ("的事", "的情况", "的电话"), end)


# 见了我还笑着打招呼, 两人点头打招呼: a greeting, nothing asked of anyone
_GREETING = re.compile(r"(笑着|点头|挥手|招手|寒暄|互相|热情地|客气地)$")


def plea_word_otherwise(text: str, clause_start: int, start: int, end: int) -> bool:
    """The plea word from ``start`` to ``end`` names what a record kept once held (记过…的事)
    or a greeting (见了我还笑着打招呼), not a plea made."""
    if text[start:end] == "打招呼" and _GREETING.search(text[max(clause_start, start - 3):start]):
        return True
    return recorded_once(text, clause_start, start, end)


# 法官们当场没表态, 两位法官没表态就走了: the one asked kept silent, which says nothing of what
# the one asking asked (a disclaimer speaks for the actor, 他们不表态, 个案政法委不表态)
_SILENT_OFFICER = re.compile(r"(法官|检察官|承办人|审判长|合议庭|执行员|庭长)们?"
                             r"(当场|当面|当时|会上|在会上|听完|听了)?(都|也|均)?$")


def recipients_silence(text: str, start: int, actor_words: list[str]) -> bool:
    """The disclaimer at ``start`` is an officer's silence, not the actor's (who is named by
    one of ``actor_words``): the one approached said nothing, the asker still asked."""
    officer = _SILENT_OFFICER.search(text[max(0, start - 10):start])
    if officer is None:
        return False
    return not any(word.endswith(officer.group(1)) for word in actor_words)


# 我托人打听, 还有人要托关系去中院打听, 说以后不再到处托人打听: the teller's side asking
# around (or meaning to, or no longer), not an insider probing for a party (对方托人打听: is)
_ASKED_AROUND = re.compile(r"((我|我们|有人|还有人)[^，。；]{0,4}|(想|要|准备|打算|不再|别))"
                           r"(到处)?(托人|托关系)[^，。；]{0,6}$")


# 让我问问这算不算私下接触: a question about the rules, not about a case
_RULES_ASKED = re.compile(r"[^，。；]{0,4}(算不算|是不是|合不合|违不违|对不对|有没有问题|违规)")


def asks_around(text: str, clause_start: int, start: int, end: int) -> bool:
    """The probing word from ``start`` to ``end`` is the teller's side asking around, or
    asking whether something is allowed."""
    return bool(_ASKED_AROUND.search(text[clause_start:start])) or (
        text[start:end] == "问问" and bool(_RULES_ASKED.match(text, end)))


# 跟约着吃饭不是一回事: the act named only to say this was not it
_COMPARED_BEFORE = re.compile(r"(跟|和|与)[^，。；“”]{0,3}$")
_NOT_THE_SAME = re.compile(r"[^，。；]{0,4}(不是一回事|是两码事|是两回事|不一样)")
# 想发到网上，说法官私下见对方当事人: a charge to be spread, unquoted
_CHARGE_TO_SPREAD = re.compile(r"(发到|发在|贴到|传到)(网上|群里|朋友圈)[^。；“”]{0,4}[，,]?(说|称)"
                               r"[^，。；“”]{0,6}$")

# 法院怎么判，政府都尊重: the outcome named only as what will be accepted, nothing asked
_LEFT_TO_THE_COURT = re.compile(r"[，,][^。；，“”]{0,6}(都|一律|全都|一概)(尊重|接受|服从)")
_OUTCOME_ASKED = re.compile(r"怎么判|判多少|判几年|结果")


def told_as_not_so(text: str, start: int, end: int) -> bool:
    """The cue from ``start`` to ``end`` is charged (in quotes, or to be spread online), named
    only as what this was not, or (an outcome) only as what all will accept."""
    return in_an_accusation(text, start) or bool(
        _COMPARED_BEFORE.search(text[max(0, start - 5):start]) and _NOT_THE_SAME.match(text, end)
    ) or bool(_CHARGE_TO_SPREAD.search(text[max(0, start - 24):start])) or bool(
        _OUTCOME_ASKED.search(text[start:end]) and _LEFT_TO_THE_COURT.match(text, end))
