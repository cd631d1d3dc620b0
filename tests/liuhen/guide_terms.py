"""The closed vocabularies of data/eval/GUIDE.md that every situation set's shape test checks
(section 1's duty keys, section 3's actor roles): one list, so the sets cannot drift apart."""

from __future__ import annotations

# section 1: the keys of a situation line, and of each of its duties
LINE_KEYS = {
    "id",
    "query",
    "gold",
    "lawful",
    "missing_facts",
    "actor_role",
    "duties",
    "liability",
    "note",
}
DUTY_KEYS = {"who", "what", "to", "deadline", "basis"}
ACTOR_ROLES = {
    "领导干部",
    "领导干部身边工作人员或亲属",
    "党政机关（以组织名义）",
    "司法机关内部人员",
    "本机关领导干部",
    "上级司法机关人员",
    "其他司法机关人员",
    "离退休司法人员",
    "司法人员",
    "离任司法人员",
    "当事人",
    "律师",
    "特殊关系人",
    "中介组织",
    "办案人员",
    "主管领导",
}
