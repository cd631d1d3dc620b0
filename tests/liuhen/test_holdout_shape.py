"""Shape checks for the seventh to thirteenth held-out situation sets (author J, session 9; author
K, session 10; author L, session 11; authors M and N, session 12; authors O and P, session 13;
authors Q and R, session 14; authors S and T, session 15; U and V, session 16; W, X, Y
and Z, session 17; AA to AD, session 18; AE to AH, session 19; AI to AL, session 20; AM to
AP, session 27; AQ to AT, session 28; AU to AX, session 29; AY to BB, session 30; BC to BF,
session 31; BG to BJ, session 32; BK to BN, session 33; BO to BR, session 34; BS to BV, session
35; BW to BZ, session 38).

Only the file's form is checked here (it parses, ids are unique, every cited provision exists in
the seed, every quote marked in a note is verbatim seed text); the engine is never run on it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.liuhen.guide_terms import ACTOR_ROLES, DUTY_KEYS, LINE_KEYS

REPO = Path(__file__).resolve().parents[2]
# set -> (file, id prefix, the marks around seed quotes in notes: J used 「」 and “”, K to BB
# and BE 「」 only, BC, BD and BF none that tells a seed quote apart)
SETS = {
    "J": (REPO / "data/eval/situations_holdout7.jsonl", "h7", (r"「([^」]+)」", r"“([^”]+)”")),
    "K": (REPO / "data/eval/situations_holdout8.jsonl", "h8", (r"「([^」]+)」",)),
    "L": (REPO / "data/eval/situations_holdout9.jsonl", "h9", (r"「([^」]+)」",)),
    "M": (REPO / "data/eval/situations_holdout10.jsonl", "h10", (r"「([^」]+)」",)),
    "N": (REPO / "data/eval/situations_holdout11.jsonl", "h11", (r"「([^」]+)」",)),
    "O": (REPO / "data/eval/situations_holdout12.jsonl", "h12", (r"「([^」]+)」",)),
    "P": (REPO / "data/eval/situations_holdout13.jsonl", "h13", (r"「([^」]+)」",)),
    "Q": (REPO / "data/eval/situations_holdout14.jsonl", "h14", (r"「([^」]+)」",)),
    "R": (REPO / "data/eval/situations_holdout15.jsonl", "h15", (r"「([^」]+)」",)),
    "S": (REPO / "data/eval/situations_holdout16.jsonl", "h16", (r"「([^」]+)」",)),
    "T": (REPO / "data/eval/situations_holdout17.jsonl", "h17", (r"「([^」]+)」",)),
    "U": (REPO / "data/eval/situations_holdout18.jsonl", "h18", (r"「([^」]+)」",)),
    "V": (REPO / "data/eval/situations_holdout19.jsonl", "h19", (r"「([^」]+)」",)),
    "W": (REPO / "data/eval/situations_holdout20.jsonl", "h20", (r"「([^」]+)」",)),
    "X": (REPO / "data/eval/situations_holdout21.jsonl", "h21", (r"「([^」]+)」",)),
    "Y": (REPO / "data/eval/situations_holdout22.jsonl", "h22", (r"「([^」]+)」",)),
    "Z": (REPO / "data/eval/situations_holdout23.jsonl", "h23", (r"「([^」]+)」",)),
    "AA": (REPO / "data/eval/situations_holdout24.jsonl", "h24", (r"「([^」]+)」",)),
    "AB": (REPO / "data/eval/situations_holdout25.jsonl", "h25", (r"「([^」]+)」",)),
    "AC": (REPO / "data/eval/situations_holdout26.jsonl", "h26", (r"「([^」]+)」",)),
    "AD": (REPO / "data/eval/situations_holdout27.jsonl", "h27", (r"「([^」]+)」",)),
    "AE": (REPO / "data/eval/situations_holdout28.jsonl", "h28", (r"「([^」]+)」",)),
    "AF": (REPO / "data/eval/situations_holdout29.jsonl", "h29", (r"「([^」]+)」",)),
    "AG": (REPO / "data/eval/situations_holdout30.jsonl", "h30", (r"「([^」]+)」",)),
    "AH": (REPO / "data/eval/situations_holdout31.jsonl", "h31", (r"「([^」]+)」",)),
    "AI": (REPO / "data/eval/situations_holdout32.jsonl", "h32", (r"「([^」]+)」",)),
    "AJ": (REPO / "data/eval/situations_holdout33.jsonl", "h33", (r"「([^」]+)」",)),
    "AK": (REPO / "data/eval/situations_holdout34.jsonl", "h34", (r"「([^」]+)」",)),
    "AL": (REPO / "data/eval/situations_holdout35.jsonl", "h35", (r"「([^」]+)」",)),
    "AM": (REPO / "data/eval/situations_holdout36.jsonl", "h36", (r"「([^」]+)」",)),
    "AN": (REPO / "data/eval/situations_holdout37.jsonl", "h37", (r"「([^」]+)」",)),
    "AO": (REPO / "data/eval/situations_holdout38.jsonl", "h38", (r"「([^」]+)」",)),
    "AP": (REPO / "data/eval/situations_holdout39.jsonl", "h39", (r"「([^」]+)」",)),
    "AQ": (REPO / "data/eval/situations_holdout40.jsonl", "h40", (r"「([^」]+)」",)),
    "AR": (REPO / "data/eval/situations_holdout41.jsonl", "h41", (r"「([^」]+)」",)),
    "AS": (REPO / "data/eval/situations_holdout42.jsonl", "h42", (r"「([^」]+)」",)),
    "AT": (REPO / "data/eval/situations_holdout43.jsonl", "h43", (r"「([^」]+)」",)),
    "AU": (REPO / "data/eval/situations_holdout44.jsonl", "h44", (r"「([^」]+)」",)),
    "AV": (REPO / "data/eval/situations_holdout45.jsonl", "h45", (r"「([^」]+)」",)),
    "AW": (REPO / "data/eval/situations_holdout46.jsonl", "h46", (r"「([^」]+)」",)),
    "AX": (REPO / "data/eval/situations_holdout47.jsonl", "h47", (r"「([^」]+)」",)),
    "AY": (REPO / "data/eval/situations_holdout48.jsonl", "h48", (r"「([^」]+)」",)),
    "AZ": (REPO / "data/eval/situations_holdout49.jsonl", "h49", (r"「([^」]+)」",)),
    "BA": (REPO / "data/eval/situations_holdout50.jsonl", "h50", (r"「([^」]+)」",)),
    "BB": (REPO / "data/eval/situations_holdout51.jsonl", "h51", (r"「([^」]+)」",)),
    # BC, BD and BF quote the seed in “” as they quote people, so no mark tells a seed quote
    # apart: their notes' quotes go unchecked here (each author's own check compared them)
    "BC": (REPO / "data/eval/situations_holdout52.jsonl", "h52", ()),
    "BD": (REPO / "data/eval/situations_holdout53.jsonl", "h53", ()),
    "BE": (REPO / "data/eval/situations_holdout54.jsonl", "h54", (r"「([^」]+)」",)),
    "BF": (REPO / "data/eval/situations_holdout55.jsonl", "h55", ()),
    # BG to BJ quote the seed and the situation both in “” (BH also 「」): a quote is checked
    # against the seed or the line's own query (QUOTES_THE_QUERY_TOO)
    "BG": (REPO / "data/eval/situations_holdout56.jsonl", "h56", (r"“([^”]+)”",)),
    "BH": (REPO / "data/eval/situations_holdout57.jsonl", "h57", (r"“([^”]+)”", r"「([^」]+)」")),
    "BI": (REPO / "data/eval/situations_holdout58.jsonl", "h58", (r"“([^”]+)”",)),
    "BJ": (REPO / "data/eval/situations_holdout59.jsonl", "h59", (r"“([^”]+)”",)),
    # BK, BL and BN the same way in “”; BM quotes the seed in 「」 and people in “”
    "BK": (REPO / "data/eval/situations_holdout60.jsonl", "h60", (r"“([^”]+)”",)),
    "BL": (REPO / "data/eval/situations_holdout61.jsonl", "h61", (r"“([^”]+)”",)),
    "BM": (REPO / "data/eval/situations_holdout62.jsonl", "h62", (r"「([^」]+)」", r"“([^”]+)”")),
    "BN": (REPO / "data/eval/situations_holdout63.jsonl", "h63", (r"“([^”]+)”",)),
    # BO, BP and BR the same way in “”; BQ quotes the seed in 「」 and people in “”
    "BO": (REPO / "data/eval/situations_holdout64.jsonl", "h64", (r"“([^”]+)”",)),
    "BP": (REPO / "data/eval/situations_holdout65.jsonl", "h65", (r"“([^”]+)”",)),
    "BQ": (REPO / "data/eval/situations_holdout66.jsonl", "h66", (r"「([^」]+)」", r"“([^”]+)”")),
    "BR": (REPO / "data/eval/situations_holdout67.jsonl", "h67", (r"“([^”]+)”",)),
    # BS and BU the same way in “”; BT and BV quote the seed in 「」 and people in “”
    "BS": (REPO / "data/eval/situations_holdout68.jsonl", "h68", (r"“([^”]+)”",)),
    "BT": (REPO / "data/eval/situations_holdout69.jsonl", "h69", (r"「([^」]+)」", r"“([^”]+)”")),
    "BU": (REPO / "data/eval/situations_holdout70.jsonl", "h70", (r"“([^”]+)”",)),
    "BV": (REPO / "data/eval/situations_holdout71.jsonl", "h71", (r"「([^」]+)」", r"“([^”]+)”")),
    # BW and BZ quote the seed in 「」 and people in “”, BY the seed and the query in “”; BX marks
    # no quote at all
    "BW": (REPO / "data/eval/situations_holdout72.jsonl", "h72", (r"「([^」]+)」",)),
    "BX": (REPO / "data/eval/situations_holdout73.jsonl", "h73", ()),
    "BY": (REPO / "data/eval/situations_holdout74.jsonl", "h74", (r"“([^”]+)”",)),
    "BZ": (REPO / "data/eval/situations_holdout75.jsonl", "h75", (r"「([^」]+)」",)),
    # CA, CB and CD quote the seed in 「」, CC the seed and the query in “”
    "CA": (REPO / "data/eval/situations_holdout76.jsonl", "h76", (r"「([^」]+)」",)),
    "CB": (REPO / "data/eval/situations_holdout77.jsonl", "h77", (r"「([^」]+)」",)),
    "CC": (REPO / "data/eval/situations_holdout78.jsonl", "h78", (r"“([^”]+)”",)),
    "CD": (REPO / "data/eval/situations_holdout79.jsonl", "h79", (r"「([^」]+)」",)),
    # CE, CF, CG and CH quote the seed in 「」
    "CE": (REPO / "data/eval/situations_holdout80.jsonl", "h80", (r"「([^」]+)」",)),
    "CF": (REPO / "data/eval/situations_holdout81.jsonl", "h81", (r"「([^」]+)」",)),
    "CG": (REPO / "data/eval/situations_holdout82.jsonl", "h82", (r"「([^」]+)」",)),
    "CH": (REPO / "data/eval/situations_holdout83.jsonl", "h83", (r"「([^」]+)」",)),
    # CI, CJ, CK and CL quote the seed in 「」
    "CI": (REPO / "data/eval/situations_holdout84.jsonl", "h84", (r"「([^」]+)」",)),
    "CJ": (REPO / "data/eval/situations_holdout85.jsonl", "h85", (r"「([^」]+)」",)),
    "CK": (REPO / "data/eval/situations_holdout86.jsonl", "h86", (r"「([^」]+)」",)),
    "CL": (REPO / "data/eval/situations_holdout87.jsonl", "h87", (r"「([^」]+)」",)),
    "CM": (REPO / "data/eval/situations_holdout88.jsonl", "h88", (r"「([^」]+)」",)),
    "CN": (REPO / "data/eval/situations_holdout89.jsonl", "h89", (r"「([^」]+)」",)),
    "CO": (REPO / "data/eval/situations_holdout90.jsonl", "h90", (r"「([^」]+)」",)),
    "CP": (REPO / "data/eval/situations_holdout91.jsonl", "h91", (r"「([^」]+)」",)),
    "CQ": (REPO / "data/eval/situations_holdout92.jsonl", "h92", (r"「([^」]+)」",)),
    "CR": (REPO / "data/eval/situations_holdout93.jsonl", "h93", (r"「([^」]+)」",)),
    "CS": (REPO / "data/eval/situations_holdout94.jsonl", "h94", (r"「([^」]+)」",)),
    "CT": (REPO / "data/eval/situations_holdout95.jsonl", "h95", (r"「([^」]+)」",)),
    "CU": (REPO / "data/eval/situations_holdout96.jsonl", "h96", (r"「([^」]+)」",)),
    "CV": (REPO / "data/eval/situations_holdout97.jsonl", "h97", (r"「([^」]+)」",)),
    "CW": (REPO / "data/eval/situations_holdout98.jsonl", "h98", (r"「([^」]+)」",)),
    "CX": (REPO / "data/eval/situations_holdout99.jsonl", "h99", (r"「([^」]+)」",)),
    "CY": (REPO / "data/eval/situations_holdout100.jsonl", "h100", (r"「([^」]+)」",)),
    "CZ": (REPO / "data/eval/situations_holdout101.jsonl", "h101", (r"「([^」]+)」",)),
    "DA": (REPO / "data/eval/situations_holdout102.jsonl", "h102", (r"「([^」]+)」",)),
    "DB": (REPO / "data/eval/situations_holdout103.jsonl", "h103", (r"「([^」]+)」",)),
    "DC": (REPO / "data/eval/situations_holdout104.jsonl", "h104", (r"「([^」]+)」",)),
    "DD": (REPO / "data/eval/situations_holdout105.jsonl", "h105", (r"「([^」]+)」",)),
    "DE": (REPO / "data/eval/situations_holdout106.jsonl", "h106", (r"「([^」]+)」",)),
    "DF": (REPO / "data/eval/situations_holdout107.jsonl", "h107", (r"「([^」]+)」",)),
    "DG": (REPO / "data/eval/situations_holdout108.jsonl", "h108", (r"「([^」]+)」",)),
    "DH": (REPO / "data/eval/situations_holdout109.jsonl", "h109", (r"「([^」]+)」",)),
    "DI": (REPO / "data/eval/situations_holdout110.jsonl", "h110", (r"「([^」]+)」",)),
    "DJ": (REPO / "data/eval/situations_holdout111.jsonl", "h111", (r"「([^」]+)」",)),
    "DK": (REPO / "data/eval/situations_holdout112.jsonl", "h112", (r"「([^」]+)」",)),
    "DL": (REPO / "data/eval/situations_holdout113.jsonl", "h113", (r"「([^」]+)」",)),
    "DM": (REPO / "data/eval/situations_holdout114.jsonl", "h114", (r"「([^」]+)」",)),
    "DN": (REPO / "data/eval/situations_holdout115.jsonl", "h115", (r"「([^」]+)」",)),
    "DO": (REPO / "data/eval/situations_holdout116.jsonl", "h116", (r"「([^」]+)」",)),
    "DP": (REPO / "data/eval/situations_holdout117.jsonl", "h117", (r"「([^」]+)」",)),
    "DQ": (REPO / "data/eval/situations_holdout118.jsonl", "h118", (r"「([^」]+)」",)),
    "DR": (REPO / "data/eval/situations_holdout119.jsonl", "h119", (r"「([^」]+)」",)),
    "DS": (REPO / "data/eval/situations_holdout120.jsonl", "h120", (r"「([^」]+)」",)),
    "DT": (REPO / "data/eval/situations_holdout121.jsonl", "h121", (r"「([^」]+)」",)),
    "DU": (REPO / "data/eval/situations_holdout122.jsonl", "h122", (r"「([^」]+)」",)),
    "DV": (REPO / "data/eval/situations_holdout123.jsonl", "h123", (r"「([^」]+)」",)),
    "DW": (REPO / "data/eval/situations_holdout124.jsonl", "h124", (r"「([^」]+)」",)),
    "DX": (REPO / "data/eval/situations_holdout125.jsonl", "h125", (r"「([^」]+)」",)),
    "DY": (REPO / "data/eval/situations_holdout126.jsonl", "h126", (r"「([^」]+)」",)),
    "DZ": (REPO / "data/eval/situations_holdout127.jsonl", "h127", (r"「([^」]+)」",)),
    "EA": (REPO / "data/eval/situations_holdout128.jsonl", "h128", (r"「([^」]+)」",)),
    "EB": (REPO / "data/eval/situations_holdout129.jsonl", "h129", (r"「([^」]+)」",)),
    "EC": (REPO / "data/eval/situations_holdout130.jsonl", "h130", (r"「([^」]+)」",)),
    "ED": (REPO / "data/eval/situations_holdout131.jsonl", "h131", (r"「([^」]+)」",)),
    "EE": (REPO / "data/eval/situations_holdout132.jsonl", "h132", (r"「([^」]+)」",)),
    "EF": (REPO / "data/eval/situations_holdout133.jsonl", "h133", (r"「([^」]+)」",)),
    "EG": (REPO / "data/eval/situations_holdout134.jsonl", "h134", (r"「([^」]+)」",)),
    "EH": (REPO / "data/eval/situations_holdout135.jsonl", "h135", (r"「([^」]+)」",)),
    "EI": (REPO / "data/eval/situations_holdout136.jsonl", "h136", (r"「([^」]+)」",)),
    "EJ": (REPO / "data/eval/situations_holdout137.jsonl", "h137", (r"「([^」]+)」",)),
    "EK": (REPO / "data/eval/situations_holdout138.jsonl", "h138", (r"「([^」]+)」",)),
    "EL": (REPO / "data/eval/situations_holdout139.jsonl", "h139", (r"「([^」]+)」",)),
    "EM": (REPO / "data/eval/situations_holdout140.jsonl", "h140", (r"「([^」]+)」",)),
    "EN": (REPO / "data/eval/situations_holdout141.jsonl", "h141", (r"「([^」]+)」",)),
    "EO": (REPO / "data/eval/situations_holdout142.jsonl", "h142", (r"「([^」]+)」",)),
    "EP": (REPO / "data/eval/situations_holdout143.jsonl", "h143", (r"「([^」]+)」",)),
    "EQ": (REPO / "data/eval/situations_holdout144.jsonl", "h144", (r"「([^」]+)」",)),
    "ER": (REPO / "data/eval/situations_holdout145.jsonl", "h145", (r"「([^」]+)」",)),
    "ES": (REPO / "data/eval/situations_holdout146.jsonl", "h146", (r"「([^」]+)」",)),
    "ET": (REPO / "data/eval/situations_holdout147.jsonl", "h147", (r"「([^」]+)」",)),
    "EU": (REPO / "data/eval/situations_holdout148.jsonl", "h148", (r"「([^」]+)」",)),
    "EV": (REPO / "data/eval/situations_holdout149.jsonl", "h149", (r"「([^」]+)」",)),
    "EW": (REPO / "data/eval/situations_holdout150.jsonl", "h150", (r"「([^」]+)」",)),
    "EX": (REPO / "data/eval/situations_holdout151.jsonl", "h151", (r"「([^」]+)」",)),
    "EY": (REPO / "data/eval/situations_holdout152.jsonl", "h152", (r"「([^」]+)」",)),
    "EZ": (REPO / "data/eval/situations_holdout153.jsonl", "h153", (r"「([^」]+)」",)),
    "FA": (REPO / "data/eval/situations_holdout154.jsonl", "h154", (r"「([^」]+)」",)),
    "FB": (REPO / "data/eval/situations_holdout155.jsonl", "h155", (r"「([^」]+)」",)),
    "FC": (REPO / "data/eval/situations_holdout156.jsonl", "h156", (r"「([^」]+)」",)),
    "FD": (REPO / "data/eval/situations_holdout157.jsonl", "h157", (r"「([^」]+)」",)),
    "FE": (REPO / "data/eval/situations_holdout158.jsonl", "h158", (r"「([^」]+)」",)),
    "FF": (REPO / "data/eval/situations_holdout159.jsonl", "h159", (r"「([^」]+)」",)),
    "FG": (REPO / "data/eval/situations_holdout160.jsonl", "h160", (r"「([^」]+)」",)),
    "FH": (REPO / "data/eval/situations_holdout161.jsonl", "h161", (r"「([^」]+)」",)),
    "FI": (REPO / "data/eval/situations_holdout162.jsonl", "h162", (r"「([^」]+)」",)),
    "FJ": (REPO / "data/eval/situations_holdout163.jsonl", "h163", (r"「([^」]+)」",)),
    "FK": (REPO / "data/eval/situations_holdout164.jsonl", "h164", (r"「([^」]+)」",)),
    "FL": (REPO / "data/eval/situations_holdout165.jsonl", "h165", (r"「([^」]+)」",)),
    "FM": (REPO / "data/eval/situations_holdout166.jsonl", "h166", (r"「([^」]+)」",)),
    "FN": (REPO / "data/eval/situations_holdout167.jsonl", "h167", (r"「([^」]+)」",)),
    "FO": (REPO / "data/eval/situations_holdout168.jsonl", "h168", (r"「([^」]+)」",)),
    "FP": (REPO / "data/eval/situations_holdout169.jsonl", "h169", (r"「([^」]+)」",)),
    "FQ": (REPO / "data/eval/situations_holdout170.jsonl", "h170", (r"「([^」]+)」",)),
    "FR": (REPO / "data/eval/situations_holdout171.jsonl", "h171", (r"「([^」]+)」",)),
    "FS": (REPO / "data/eval/situations_holdout172.jsonl", "h172", (r"「([^」]+)」",)),
    "FT": (REPO / "data/eval/situations_holdout173.jsonl", "h173", (r"「([^」]+)」",)),
    "FU": (REPO / "data/eval/situations_holdout174.jsonl", "h174", (r"「([^」]+)」",)),
    "FV": (REPO / "data/eval/situations_holdout175.jsonl", "h175", (r"「([^」]+)」",)),
    "FW": (REPO / "data/eval/situations_holdout176.jsonl", "h176", (r"「([^」]+)」",)),
    "FX": (REPO / "data/eval/situations_holdout177.jsonl", "h177", (r"「([^」]+)」",)),
    "FY": (REPO / "data/eval/situations_holdout178.jsonl", "h178", (r"「([^」]+)」",)),
    "FZ": (REPO / "data/eval/situations_holdout179.jsonl", "h179", (r"「([^」]+)」",)),
    "GA": (REPO / "data/eval/situations_holdout180.jsonl", "h180", (r"「([^」]+)」",)),
    "GB": (REPO / "data/eval/situations_holdout181.jsonl", "h181", (r"「([^」]+)」",)),
    "GC": (REPO / "data/eval/situations_holdout182.jsonl", "h182", (r"「([^」]+)」",)),
    "GD": (REPO / "data/eval/situations_holdout183.jsonl", "h183", (r"「([^」]+)」",)),
    "GE": (REPO / "data/eval/situations_holdout184.jsonl", "h184", (r"「([^」]+)」",)),
    "GF": (REPO / "data/eval/situations_holdout185.jsonl", "h185", (r"「([^」]+)」",)),
    "GG": (REPO / "data/eval/situations_holdout186.jsonl", "h186", (r"「([^」]+)」",)),
    "GH": (REPO / "data/eval/situations_holdout187.jsonl", "h187", (r"「([^」]+)」",)),
    "GI": (REPO / "data/eval/situations_holdout188.jsonl", "h188", (r"「([^」]+)」",)),
    "GJ": (REPO / "data/eval/situations_holdout189.jsonl", "h189", (r"「([^」]+)」",)),
    "GK": (REPO / "data/eval/situations_holdout190.jsonl", "h190", (r"「([^」]+)」",)),
    "GL": (REPO / "data/eval/situations_holdout191.jsonl", "h191", (r"「([^」]+)」",)),
    "GM": (REPO / "data/eval/situations_holdout192.jsonl", "h192", (r"「([^」]+)」",)),
    "GN": (REPO / "data/eval/situations_holdout193.jsonl", "h193", (r"「([^」]+)」",)),
    "GO": (REPO / "data/eval/situations_holdout194.jsonl", "h194", (r"「([^」]+)」",)),
    "GP": (REPO / "data/eval/situations_holdout195.jsonl", "h195", (r"「([^」]+)」",)),
    "GQ": (REPO / "data/eval/situations_holdout196.jsonl", "h196", (r"「([^」]+)」",)),
    "GR": (REPO / "data/eval/situations_holdout197.jsonl", "h197", (r"「([^」]+)」",)),
    "GS": (REPO / "data/eval/situations_holdout198.jsonl", "h198", (r"「([^」]+)」",)),
    "GT": (REPO / "data/eval/situations_holdout199.jsonl", "h199", (r"「([^」]+)」",)),
    "GU": (REPO / "data/eval/situations_holdout200.jsonl", "h200", (r"「([^」]+)」",)),
    "GV": (REPO / "data/eval/situations_holdout201.jsonl", "h201", (r"「([^」]+)」",)),
    "GW": (REPO / "data/eval/situations_holdout202.jsonl", "h202", (r"「([^」]+)」",)),
    "GX": (REPO / "data/eval/situations_holdout203.jsonl", "h203", (r"「([^」]+)」",)),
    "GY": (REPO / "data/eval/situations_holdout204.jsonl", "h204", (r"「([^」]+)」",)),
    "GZ": (REPO / "data/eval/situations_holdout205.jsonl", "h205", (r"「([^」]+)」",)),
    "HA": (REPO / "data/eval/situations_holdout206.jsonl", "h206", (r"「([^」]+)」",)),
    "HB": (REPO / "data/eval/situations_holdout207.jsonl", "h207", (r"「([^」]+)」",)),
    "HC": (REPO / "data/eval/situations_holdout208.jsonl", "h208", (r"「([^」]+)」",)),
    "HD": (REPO / "data/eval/situations_holdout209.jsonl", "h209", (r"「([^」]+)」",)),
    "HE": (REPO / "data/eval/situations_holdout210.jsonl", "h210", (r"「([^」]+)」",)),
    "HF": (REPO / "data/eval/situations_holdout211.jsonl", "h211", (r"「([^」]+)」",)),
    "HG": (REPO / "data/eval/situations_holdout212.jsonl", "h212", (r"「([^」]+)」",)),
    "HH": (REPO / "data/eval/situations_holdout213.jsonl", "h213", (r"「([^」]+)」",)),
    "HI": (REPO / "data/eval/situations_holdout214.jsonl", "h214", (r"「([^」]+)」",)),
    "HJ": (REPO / "data/eval/situations_holdout215.jsonl", "h215", (r"「([^」]+)」",)),
}
QUOTES_THE_QUERY_TOO = frozenset({"BG", "BH", "BI", "BJ", "BK", "BL", "BM", "BN", "BO", "BP",
                                  "BQ", "BR", "BS", "BT", "BU", "BV", "BY", "CC"})
# Quoted words that are neither: BG's shortening of the record's 询问案件进展 / 询问案件审理进度,
# and BH's phrase of the procedure laws (可能影响公正审理), which the seed does not hold
NOT_QUOTES = frozenset({("h56-011", "询问进展"), ("h56-071", "询问进度"),
                        ("h57-033", "可能影响公正审理"),
                        # BK, BL and BN: shortenings of the query (恳请贵院予以关注, 招商引资
                        # 重点企业, 当面跟你解释解释), a label (据说), a phrase of the procedure
                        # laws and the meeting's disputed characterisation
                        ("h60-034", "恳请关注"), ("h60-039", "招商引资企业"),
                        ("h61-056", "据说"), ("h61-084", "其他关系，可能影响公正处理"),
                        ("h63-007", "定性为经济纠纷"), ("h63-082", "当面解释"),
                        # BR: two phrases of the query joined with 、, and a label (定调) the
                        # query does not hold word for word
                        ("h67-053", "手下留情、账户先别冻"), ("h67-008", "定调"),
                        # BU: a shortening (过问进度) and a label (院长亲笔批) the query does
                        # not hold word for word
                        ("h70-072", "过问进度"), ("h70-066", "院长亲笔批"),
                        # BY: a pair of the letter's requests joined with 、 and a label
                        ("h74-035", "妥善处理、反馈"), ("h74-074", "暂缓执行")})
SEED_NAME = "shared/seeds/000_bf43da359201c48c.txt"


def _seed_path() -> Path:
    beside = Path(__file__).resolve().parents[3] / SEED_NAME
    return beside if beside.exists() else Path("/work") / SEED_NAME


TITLES = {
    "R1": "领导干部干预司法活动、插手具体案件处理的记录、通报和责任追究规定",
    "R2": "司法机关内部人员过问案件的记录和责任追究规定",
    "R3": "关于进一步规范司法人员与当事人、律师、特殊关系人、中介组织接触交往行为的若干规定",
}
ROLES = ACTOR_ROLES  # GUIDE.md section 3, shared with every set's shape test
KEYS = LINE_KEYS
# "R2-8", "R1-7-2" (article, paragraph) or "R2-8 (item 3)", as GUIDE.md's duty table writes them.
# "R2-8 (item 1)" (GUIDE section 5) and "R2-8-1-1" (set FR: article, paragraph, item) name an item
# (GUIDE section 6's table writes a paragraph as "R1-9 (¶1)", as GM does)
BASIS = re.compile(r"^(R[123])-(\d+)(?:-(\d+)| \(¶(\d+)\))?(?:-(\d+)| \(item (\d+)\))?$")
NUMERALS = {
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
}
ITEM_NUMERALS = "一二三四五六"


def _number(chinese: str) -> int:
    if chinese.startswith("十"):
        return 10 + (NUMERALS[chinese[1:]] if len(chinese) > 1 else 0)
    if "十" in chinese:
        tens, _, units = chinese.partition("十")
        return NUMERALS[tens] * 10 + (NUMERALS[units] if units else 0)
    return NUMERALS[chinese]


def _seed_structure() -> dict[str, dict[int, str]]:
    """Map R1/R2/R3 to {article number: article text} from the seed."""
    text = _seed_path().read_text(encoding="utf-8")
    by_title = {title: short for short, title in TITLES.items()}
    structure: dict[str, dict[int, str]] = {}
    current: str | None = None
    article: int | None = None
    for line in text.splitlines():
        line = line.strip()
        heading = re.fullmatch(r"《(.+)》", line)
        if heading:
            current = by_title[heading.group(1)]
            structure[current] = {}
            continue
        start = re.match(r"第([一二三四五六七八九十]+)条", line)
        if current and start:
            article = _number(start.group(1))
            structure[current][article] = line
        elif current and article is not None and line:
            structure[current][article] += "\n" + line
    return structure


SEED_TEXT = _seed_path().read_text(encoding="utf-8")
SEED = _seed_structure()


def _lines(author: str | None = None) -> list[dict[str, Any]]:
    """Every record of one author's set, or of both (each tagged with its author)."""
    out = []
    for key, (path, _, _) in SETS.items():
        if author in (None, key):
            out += [{**json.loads(line), "_author": key}
                    for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return out


def _has_item(short: str, article: int, item: int) -> bool:
    body = SEED[short].get(article, "")
    return (
        bool(re.search(rf"[（(]\s*{ITEM_NUMERALS[item - 1]}\s*[）)]", body)) if item <= 6 else False
    )


def _paragraphs(short: str, article: int) -> int:
    body = SEED[short][article]
    return sum(1 for line in body.splitlines() if not re.match(r"^[（(]", line))


def test_seed_is_parsed_into_three_regulations() -> None:
    assert set(SEED) == {"R1", "R2", "R3"}
    assert max(SEED["R1"]) == 13 and max(SEED["R2"]) == 15 and max(SEED["R3"]) == 15


@pytest.mark.parametrize("author", SETS)
def test_every_line_parses_with_the_guide_keys(author: str) -> None:
    raw = SETS[author][0].read_text(encoding="utf-8").splitlines()
    assert len(raw) == 90
    for number, line in enumerate(raw, 1):
        record = json.loads(line)
        assert set(record) == KEYS, number
        # the length alone in the assertion: a failure must not print an unread set's situation
        length = len(record["query"]) if isinstance(record["query"], str) else 0
        # the briefs asked for about 40 to 300 characters, since session 31 for 20 to 320
        assert 20 <= length <= 330, record["id"]
        assert record["lawful"] in (True, False, None), record["id"]
        assert record["actor_role"] in ROLES, record["id"]
        assert isinstance(record["note"], str) and record["note"], record["id"]


@pytest.mark.parametrize("author", SETS)
def test_ids_are_unique_and_numbered(author: str) -> None:
    ids = [record["id"] for record in _lines(author)]
    assert len(ids) == len(set(ids))
    assert ids == [f"{SETS[author][1]}-{n:03d}" for n in range(1, len(ids) + 1)]


@pytest.mark.parametrize("record", _lines(), ids=lambda r: r["id"])
def test_gold_names_existing_provisions(record: dict[str, Any]) -> None:
    assert record["gold"], record["id"]
    titles = {title: short for short, title in TITLES.items()}
    for provision in record["gold"]:
        assert provision["regulation"] in titles
        short = titles[provision["regulation"]]
        assert provision["article"] in SEED[short], provision
        if "item" in provision:
            assert _has_item(short, provision["article"], provision["item"]), provision


# DV (h123) wrote GUIDE's "R2-8 (item N)" duty rows with an extra key, item, naming which of
# R2 第八条's four items routes the lead (its notes say so); the scorer matches duties on
# (basis, who, to) and ignores it
DUTY_ITEM_NAMED = frozenset({"h123"})


@pytest.mark.parametrize("record", _lines(), ids=lambda r: r["id"])
def test_duty_and_liability_bases_exist_in_the_seed(record: dict[str, Any]) -> None:
    cited = [duty["basis"] for duty in record["duties"]] + list(record["liability"])
    for duty in record["duties"]:
        if record["id"].split("-")[0] in DUTY_ITEM_NAMED and set(duty) - DUTY_KEYS:
            # GUIDE's "R2-8 (item N)" row, the item named beside the basis
            assert set(duty) - DUTY_KEYS == {"item"} and duty["basis"] == "R2-8", record["id"]
            assert duty["item"] in (1, 2, 3, 4), record["id"]
        else:
            assert set(duty) == DUTY_KEYS, duty
        assert duty["deadline"] in (None, "三日内", "一个月内"), duty
    for basis in cited:
        match = BASIS.match(basis)
        assert match, basis
        short, article = match.group(1), int(match.group(2))
        assert article in SEED[short], basis
        if match.group(3) or match.group(4):
            paragraph = int(match.group(3) or match.group(4))
            assert paragraph <= _paragraphs(short, article), basis
        if match.group(5) or match.group(6):
            assert _has_item(short, article, int(match.group(5) or match.group(6))), basis


@pytest.mark.parametrize("record", _lines(), ids=lambda r: r["id"])
def test_verdict_fields_agree(record: dict[str, Any]) -> None:
    if record["lawful"] is None:
        assert record["missing_facts"], record["id"]
    else:
        assert record["missing_facts"] == [], record["id"]
    if record["lawful"] is not False:
        assert record["liability"] == [], record["id"]


@pytest.mark.parametrize("record", _lines(), ids=lambda r: r["id"])
def test_quotes_in_notes_are_verbatim_seed_text(record: dict[str, Any]) -> None:
    quotes = [q for mark in SETS[record["_author"]][2] for q in re.findall(mark, record["note"])]
    for quote in quotes:
        # 「不得……的」: a quote elided with an ellipsis (BT writes ...) is verbatim in each of
        # its parts; BU's quote of two paragraphs, in each of its sentences
        for part in (p for p in re.split(r"…+|\.{3,}|(?<=。)", quote) if p):
            if (record["id"], part) in NOT_QUOTES:
                continue
            in_query = record["_author"] in QUOTES_THE_QUERY_TOO and part in record["query"]
            assert part in SEED_TEXT or in_query, (record["id"], quote)
