#!/usr/bin/env python3
"""Generate the example participant records that sit beside the criteria files in rules/.

    python3 tools/gen_records.py            # (re)write every generated file under rules/
    python3 tools/gen_records.py --check    # exit 1 if a committed file differs
    python3 tools/gen_records.py --summary  # also print the outcome spread the data was
                                            # designed for (a small re-implementation of
                                            # the main awards, to compare with `thidua run`)

Standard library only. Deterministic: each campaign draws from its own
random.Random(seed) with a fixed seed, nothing depends on the clock, the
environment or dict/set ordering, so a run rewrites every file byte for byte.

Seed 000 is written as Excel-style CSV (UTF-8 with BOM, CRLF, quoted cells): one
participants.csv plus one CSV per event list, named as the list in the schema and
keyed by the column `mã`. Seeds 001-004 are JSON Lines, one participant per line,
event lists nested as arrays of objects. Column names and JSON keys are the field
names of each file's `dữ liệu` block; the built-ins are mã, tên, loại, đơn_vị.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import os
import random
import sys
import unicodedata

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
RULES = os.path.join(ROOT, "rules")

D = dt.date


# --------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------

def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def vn_date(d: D) -> str:
    """Dates as a Vietnamese Excel shows them: 05/03/1985."""
    return f"{d.day:02d}/{d.month:02d}/{d.year:04d}"


def iso(d: D) -> str:
    return d.isoformat()


def age_on(birth: D, day: D) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def add_months(d: D, months: int) -> D:
    y, m = divmod(d.month - 1 + months, 12)
    y += d.year
    m += 1
    last = [31, 29 if (y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)) else 28,
            31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
    return D(y, m, min(d.day, last))


def add_years(d: D, years: int) -> D:
    return add_months(d, 12 * years)


def rand_date(rng: random.Random, start: D, end: D) -> D:
    return start + dt.timedelta(days=rng.randint(0, (end - start).days))


def pick_weighted(rng: random.Random, table):
    """table: list of (value, weight); deterministic for a given rng state."""
    total = sum(w for _, w in table)
    x = rng.random() * total
    for value, w in table:
        x -= w
        if x < 0:
            return value
    return table[-1][0]


def csv_bytes(header, rows) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(header)
    for r in rows:
        w.writerow(["" if v is None else v for v in r])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def jsonl_bytes(records) -> bytes:
    lines = [json.dumps(r, ensure_ascii=False, separators=(", ", ": ")) for r in records]
    return ("\n".join(lines) + "\n").encode("utf-8")


# Three-valued logic for the --summary re-implementation: True, False or None (unknown).

def and3(*xs):
    if any(x is False for x in xs):
        return False
    if any(x is None for x in xs):
        return None
    return True


def or3(*xs):
    if any(x is True for x in xs):
        return True
    if any(x is None for x in xs):
        return None
    return False


def cmp3(a, op, b):
    """Three-valued comparison; `a` may be a count known only as (lo, hi), as the engine
    keeps a count that undated or undecidable events leave open: decided when both ends
    give the same answer."""
    if a is None or b is None:
        return None
    if isinstance(a, tuple):
        lo, hi = cmp3(a[0], op, b), cmp3(a[1], op, b)
        if op == "==":
            return False if b < a[0] or b > a[1] else None
        if op == "!=":
            return True if b < a[0] or b > a[1] else None
        return lo if lo == hi else None
    return {">=": a >= b, ">": a > b, "<": a < b, "<=": a <= b, "==": a == b, "!=": a != b}[op]


def at_least3(k, xs):
    t = sum(1 for x in xs if x is True)
    u = sum(1 for x in xs if x is None)
    if t >= k:
        return True
    if t + u < k:
        return False
    return None


def outcome(criteria, exclusions=(), procedures=(), deferrals=()):
    """The engine's order: procedure, exclusions, deferrals, criteria; the first that settles wins."""
    if any(x is False for x in procedures):
        return "inadmissible"
    if any(x is True for x in exclusions):
        return "excluded"
    if any(x is True for x in deferrals):
        return "deferred"
    if any(x is False for x in criteria):
        return "failed"
    if all(x is True for x in criteria) and all(x is False for x in exclusions) and \
            all(x is True for x in procedures) and all(x is False for x in deferrals):
        return "passed"
    return "not decidable"


def tally(outcomes):
    keys = ["passed", "failed", "excluded", "not decidable", "outside quota"]
    keys += [k for k in ("inadmissible", "deferred") if k in outcomes]
    counts = {k: 0 for k in keys}
    for o in outcomes:
        counts[o] += 1
    return ", ".join(f"{k} {counts[k]}" for k in keys if k != "outside quota" or counts[k])


def apply_quota(outcomes, groups, keys, slots_of):
    """The engine's ranking pass (engine/eval/quota.cpp), for the summary: in each group
    (groups[i]) rank the passed by keys[i] (smaller first; index last), and mark those
    after slots_of(group size) "outside quota". The base is every participant evaluated."""
    size = {}
    for g in groups:
        size[g] = size.get(g, 0) + 1
    ranked = {}
    for i, o in enumerate(outcomes):
        if o == "passed":
            ranked.setdefault(groups[i], []).append(i)
    out = list(outcomes)
    for g, members in ranked.items():
        members.sort(key=lambda i: (keys[i], i))
        for i in members[slots_of(size[g]):]:
            out[i] = "outside quota"
    return out


# --------------------------------------------------------------------------------------
# Vietnamese names
# --------------------------------------------------------------------------------------

SURNAMES = {
    # Regional weights (rough shares; the exact mix only needs to look right).
    "bắc": [("Nguyễn", 31), ("Trần", 10), ("Lê", 8), ("Phạm", 7), ("Hoàng", 5), ("Vũ", 5),
            ("Đỗ", 4), ("Đào", 3), ("Bùi", 3), ("Đặng", 3), ("Ngô", 2), ("Dương", 2),
            ("Đinh", 1.5), ("Lương", 1), ("Phan", 1.5), ("Tạ", 1), ("Lưu", 1), ("Chu", 1),
            ("Trịnh", 1.5), ("Nguyễn Đình", 0), ("Hà", 1), ("Mai", 1), ("Cao", 1)],
    "trung": [("Nguyễn", 30), ("Trần", 10), ("Lê", 10), ("Phạm", 6), ("Huỳnh", 6), ("Võ", 6),
              ("Phan", 5), ("Trương", 3), ("Đặng", 2), ("Bùi", 2), ("Đỗ", 1.5), ("Hồ", 2),
              ("Ngô", 2), ("Dương", 1), ("Đoàn", 1.5), ("Lâm", 1), ("Lương", 1), ("Tô", 1),
              ("Mai", 1), ("Đinh", 1), ("Châu", 1), ("Hà", 1), ("Cao", 1)],
    "nam": [("Nguyễn", 32), ("Trần", 12), ("Lê", 10), ("Phạm", 6), ("Huỳnh", 6), ("Võ", 5),
            ("Phan", 4), ("Trương", 3), ("Đặng", 2), ("Bùi", 2), ("Lý", 2), ("Lâm", 2),
            ("Dương", 1), ("Hồ", 2), ("Ngô", 2), ("Đoàn", 1), ("Tăng", 1), ("Châu", 1)],
    # Minh Long (Quảng Ngãi): many Hrê families use Đinh, Phạm, Huỳnh, Hồ.
    "minh_long": [("Đinh", 20), ("Phạm", 12), ("Huỳnh", 8), ("Hồ", 6), ("Nguyễn", 20),
                  ("Trần", 7), ("Lê", 7), ("Võ", 5), ("Phan", 3), ("Bùi", 2), ("Đặng", 2),
                  ("Trương", 2), ("Đỗ", 1)],
}

MIDDLE_M = [("Văn", 30), ("Hữu", 6), ("Đức", 6), ("Minh", 8), ("Quốc", 6), ("Thanh", 5),
            ("Công", 5), ("Ngọc", 4), ("Xuân", 4), ("Hoàng", 3), ("Quang", 4), ("Trung", 3),
            ("Đình", 5), ("Thành", 3), ("Gia", 2), ("Duy", 3), ("Anh", 3), ("Tấn", 3), ("Bá", 2)]
MIDDLE_F = [("Thị", 45), ("Ngọc", 6), ("Thu", 5), ("Thanh", 5), ("Kim", 4), ("Minh", 3),
            ("Hồng", 4), ("Mỹ", 3), ("Bích", 3), ("Phương", 2), ("Thùy", 3), ("Diệu", 2),
            ("Hoài", 2), ("Khánh", 2), ("Bảo", 2), ("Quỳnh", 2), ("Lệ", 2)]
GIVEN_M = ["Anh", "Bảo", "Bình", "Cường", "Dũng", "Duy", "Dương", "Đạt", "Đức", "Hải", "Hiếu",
           "Hoàng", "Hùng", "Huy", "Hưng", "Hiệp", "Hòa", "Hậu", "Khang", "Khánh", "Kiên",
           "Long", "Lâm", "Lộc", "Minh", "Nam", "Nghĩa", "Nhân", "Phong", "Phúc", "Quang",
           "Quân", "Sơn", "Tài", "Tâm", "Thắng", "Thành", "Thiện", "Thịnh", "Tiến", "Toàn",
           "Trung", "Tuấn", "Tùng", "Việt", "Vinh", "Vũ", "Trí", "Tín", "Lực", "Chiến"]
GIVEN_F = ["An", "Anh", "Bích", "Châu", "Chi", "Diệp", "Dung", "Duyên", "Giang", "Hà", "Hạnh",
           "Hằng", "Hiền", "Hoa", "Hồng", "Hương", "Huyền", "Lan", "Linh", "Loan", "Ly", "Mai",
           "My", "Nga", "Ngân", "Ngọc", "Nhung", "Nhi", "Oanh", "Phương", "Quyên", "Quỳnh",
           "Tâm", "Thảo", "Thanh", "Thu", "Thủy", "Trang", "Trâm", "Uyên", "Vân", "Vy", "Xuân",
           "Yến", "Lệ", "Liên", "Tuyết", "Hạnh", "Nhàn", "Sương"]
# Hrê given names often written in Vietnamese spelling: Đinh Thị Mít, Phạm Văn Ngôn ...
GIVEN_HRE_M = ["Ngôn", "Lượng", "Mên", "Voanh", "Dũng", "Hiền", "Nhất", "Ớt", "Lía", "Bảy"]
GIVEN_HRE_F = ["Mít", "Xiêm", "Bích", "Nhi", "Vân", "Lan", "Thúy", "Hoa", "Pỏi", "Mưa"]


class NameMaker:
    def __init__(self, rng: random.Random, region: str):
        self.rng = rng
        self.surnames = [(s, w) for s, w in SURNAMES[region] if w > 0]
        self.region = region

    def person(self, sex: str) -> str:
        r = self.rng
        ho = pick_weighted(r, self.surnames)
        if sex == "Nam":
            dem = pick_weighted(r, MIDDLE_M)
            pool = GIVEN_M
            if self.region == "minh_long" and ho in ("Đinh", "Phạm", "Hồ") and r.random() < 0.3:
                pool = GIVEN_HRE_M
            ten = r.choice(pool)
        else:
            dem = pick_weighted(r, MIDDLE_F)
            pool = GIVEN_F
            if self.region == "minh_long" and ho in ("Đinh", "Phạm", "Hồ") and r.random() < 0.3:
                pool = GIVEN_HRE_F
            ten = r.choice(pool)
        if dem == ten:
            dem = "Thị" if sex == "Nữ" else "Văn"
        return f"{ho} {dem} {ten}"


# --------------------------------------------------------------------------------------
# Seed 000: blood donation 2021, Sở GD&ĐT Khánh Hòa  (CSV)
# --------------------------------------------------------------------------------------

KH_THPT = [
    "Trường THPT chuyên Lê Quý Đôn", "Trường THPT Lý Tự Trọng", "Trường THPT Nguyễn Văn Trỗi",
    "Trường THPT Hoàng Hoa Thám", "Trường THPT Hà Huy Tập", "Trường THPT Hoàng Văn Thụ",
    "Trường THPT Nguyễn Thị Minh Khai", "Trường THPT Trần Cao Vân", "Trường THPT Nguyễn Chí Thanh",
    "Trường THPT Trần Quý Cáp", "Trường THPT Nguyễn Trãi", "Trường THPT Phan Bội Châu",
    "Trường THPT Ngô Gia Tự", "Trường THPT Trần Hưng Đạo", "Trường THPT Huỳnh Thúc Kháng",
    "Trường THPT Tô Văn Ơn", "Trường THPT Lạc Long Quân", "Trường THPT Khánh Sơn",
    "Trường THPT Lê Hồng Phong", "Trường THPT Phạm Văn Đồng",
]
KH_PHONG = [
    "Phòng GD&ĐT thành phố Nha Trang", "Phòng GD&ĐT thành phố Cam Ranh",
    "Phòng GD&ĐT thị xã Ninh Hòa", "Phòng GD&ĐT huyện Diên Khánh", "Phòng GD&ĐT huyện Cam Lâm",
    "Phòng GD&ĐT huyện Vạn Ninh", "Phòng GD&ĐT huyện Khánh Vĩnh", "Phòng GD&ĐT huyện Khánh Sơn",
]
KH_OTHER = ["Cơ quan Sở GD&ĐT Khánh Hòa", "Trung tâm GDTX tỉnh Khánh Hòa",
            "Trường Phổ thông Dân tộc nội trú tỉnh Khánh Hòa"]
KH_THCS = ["Trường THCS Thái Nguyên", "Trường THCS Lý Thường Kiệt", "Trường THCS Nguyễn Hiền",
           "Trường THCS Võ Văn Ký"]
KH_SITES = [
    "Bệnh viện Đa khoa tỉnh Khánh Hòa, 19 Yersin, Nha Trang",
    "Trung tâm Huyết học - Truyền máu, Bệnh viện Đa khoa tỉnh Khánh Hòa",
    "Nhà Văn hóa Lao động tỉnh, Nha Trang",
    "Hội Chữ thập đỏ thị xã Ninh Hòa",
    "Trung tâm Y tế thành phố Cam Ranh",
]


def kh_site(rng, day: D, unit: str) -> str:
    """A donation site that fits the date: the spring festival, the summer campaign, ..."""
    if day.month <= 3 and rng.random() < 0.4:
        return f"Lễ hội Xuân Hồng {day.year}, Quảng trường 2/4, Nha Trang"
    if 5 <= day.month <= 8 and rng.random() < 0.35:
        return f'Chiến dịch "Những giọt máu hồng" hè {day.year}'
    if rng.random() < 0.3:
        return f"Điểm hiến máu lưu động tại {unit}"
    return rng.choice(KH_SITES)
KH_CAMPAIGN_TALK = ["Tuyên truyền dưới cờ", "Vận động đồng nghiệp, học sinh đủ 18 tuổi",
                    "Phối hợp Hội Chữ thập đỏ tổ chức điểm hiến máu",
                    "Đăng tin trên nhóm Zalo, trang thông tin của trường"]

R1_FROM, R1_TO = D(2020, 4, 15), D(2021, 4, 15)
R2_FROM, R2_TO = D(2020, 12, 1), D(2021, 11, 30)
R1_DEADLINE, R2_DEADLINE = D(2021, 4, 10), D(2021, 10, 31)   # hạn hồ sơ: due before these days


def on_time(day, deadline):
    """thủ tục "Nộp hồ sơ trước ngày …": ngày_nộp < hạn_hồ_sơ(đợt); unknown without a date."""
    return None if day is None else day < deadline


def donation_series(rng, first_ok: D, start: D, end: D, gap_lo: int, gap_hi: int, limit: int):
    """Donation dates from `start` (not before first_ok) to `end`, gaps of gap_lo..gap_hi days."""
    dates = []
    d = max(start, first_ok)
    while d <= end and len(dates) < limit:
        dates.append(d)
        d = d + dt.timedelta(days=rng.randint(gap_lo, gap_hi))
    return dates


def gen_000(files, summary):
    rng = random.Random(20210000)
    names = NameMaker(rng, "trung")
    END = D(2021, 11, 30)

    participants = []   # dicts with the CSV columns plus private keys starting with "_"
    donations = []      # (mã, ngày, số_đơn_vị, địa_điểm, thành_viên)
    drives = []         # (mã, ngày, số_đơn_vị, số_liệu, địa_điểm)
    talks = []          # (mã, ngày, số_người_hiến, hình_thức)

    units = ([(u, "THPT") for u in KH_THPT] + [(u, "PHONG") for u in KH_PHONG]
             + [(KH_OTHER[0], "SO"), (KH_OTHER[1], "GDTX"), (KH_OTHER[2], "DTNT")]
             + [(u, "THCS") for u in KH_THCS])

    n_ind = 0

    def new_ind_id():
        nonlocal n_ind
        n_ind += 1
        return f"CN{n_ind:04d}"

    def staff(unit, kind):
        sex = "Nữ" if rng.random() < (0.68 if kind not in ("SO", "PHONG") else 0.5) else "Nam"
        roll = rng.random()
        if kind in ("SO", "PHONG"):
            doi_tuong = "Cán bộ, công chức" if roll < 0.85 else "Người lao động"
        else:
            doi_tuong = "Viên chức" if roll < 0.88 else "Người lao động"
        birth = rand_date(rng, D(1962, 1, 1), D(1998, 12, 31))
        # A few older contract staff (bảo vệ) still donating after 60: those donations do not count.
        older = doi_tuong == "Người lao động" and rng.random() < 0.12
        if older:
            birth = rand_date(rng, D(1957, 6, 1), D(1960, 6, 30))
            sex = "Nam"
        p = {"mã": new_ind_id(), "tên": names.person(sex), "loại": "Cá nhân", "đơn_vị": unit,
             "giới_tính": sex, "ngày_sinh": birth, "đối_tượng": doi_tuong, "_older": older}
        # discipline
        p["kỷ_luật"] = pick_weighted(rng, [("Không", 930), ("Khiển trách", 30), ("Cảnh cáo", 16),
                                           ("Cách chức", 2), (None, 22)])
        # donor profile
        prof = pick_weighted(rng, [("none", 46), ("occasional", 29), ("regular", 19),
                                   ("veteran", 5), ("super", 1)])
        first_ok = add_years(birth, 18)
        if older:
            prof = "regular"
        if prof == "occasional":
            ds = donation_series(rng, first_ok, rand_date(rng, D(2014, 1, 1), D(2021, 6, 1)), END,
                                 250, 900, rng.randint(1, 3))
        elif prof == "regular":
            ds = donation_series(rng, first_ok, rand_date(rng, D(2016, 1, 1), D(2020, 6, 1)), END,
                                 100, 220, 14)
        elif prof == "veteran":
            ds = donation_series(rng, first_ok, rand_date(rng, D(2008, 1, 1), D(2013, 1, 1)), END,
                                 95, 200, 40)
        elif prof == "super":
            ds = donation_series(rng, first_ok, rand_date(rng, D(2003, 1, 1), D(2007, 1, 1)), END,
                                 86, 130, 60)
        else:
            ds = []
        p["_donations"] = ds
        # tuyên truyền, vận động (round II, individuals)
        if rng.random() < 0.15:
            for _ in range(rng.randint(1, 4)):
                talks.append((p["mã"], rand_date(rng, D(2020, 11, 1), D(2021, 11, 30)),
                              rng.randint(2, 14), rng.choice(KH_CAMPAIGN_TALK)))
        return p

    def student(unit, kind):
        sex = "Nữ" if rng.random() < 0.52 else "Nam"
        if kind == "GDTX":
            birth = rand_date(rng, D(2000, 6, 1), D(2003, 12, 31))
        else:
            birth = rand_date(rng, D(2002, 9, 1), D(2003, 12, 31))   # lớp 12 năm học 2020-2021
        p = {"mã": new_ind_id(), "tên": names.person(sex), "loại": "Cá nhân", "đơn_vị": unit,
             "giới_tính": sex, "ngày_sinh": birth, "đối_tượng": "Học sinh", "_older": False,
             "kỷ_luật": pick_weighted(rng, [("Không", 96), ("Khiển trách", 2), ("Cảnh cáo", 1), (None, 1)])}
        eighteen = add_years(birth, 18)
        ds = []
        roll = rng.random()
        if roll < 0.40 and eighteen < D(2021, 11, 1):
            lo = max(eighteen, D(2020, 9, 5))
            ds = [rand_date(rng, lo, max(lo, min(END, lo + dt.timedelta(days=300))))]
        elif roll < 0.52 and eighteen < D(2020, 12, 1):
            d1 = rand_date(rng, max(eighteen, D(2020, 5, 1)), D(2020, 12, 15))
            ds = [d1, d1 + dt.timedelta(days=rng.randint(95, 140))]
        elif roll < 0.57:
            # Donation recorded before the 18th birthday (the blood bank should not have
            # accepted it): the age filter does not count it.
            d1 = eighteen - dt.timedelta(days=rng.randint(20, 200))
            if d1 > D(2020, 4, 20):
                ds = [d1]
                if rng.random() < 0.5:
                    ds.append(d1 + dt.timedelta(days=rng.randint(95, 130)))
        p["_donations"] = [d for d in ds if d <= END]
        return p

    people = []
    for unit, kind in units:
        if kind == "THPT":
            n_staff, n_students = rng.randint(36, 48), rng.randint(10, 16)
        elif kind == "PHONG":
            n_staff, n_students = rng.randint(8, 12), 0
        elif kind == "SO":
            n_staff, n_students = 44, 0
        elif kind == "GDTX":
            n_staff, n_students = 26, 18
        elif kind == "DTNT":
            n_staff, n_students = 40, 14
        else:
            n_staff, n_students = rng.randint(26, 34), 0
        for _ in range(n_staff):
            people.append(staff(unit, kind))
        for _ in range(n_students):
            people.append(student(unit, kind))

    # A handful of parents listed by a school (not in the sector: fails "đối tượng").
    for unit in ("Trường THPT Lý Tự Trọng", "Trường THPT Trần Quý Cáp"):
        for _ in range(2):
            sex = "Nam" if rng.random() < 0.5 else "Nữ"
            birth = rand_date(rng, D(1972, 1, 1), D(1985, 12, 31))
            people.append({"mã": new_ind_id(), "tên": names.person(sex), "loại": "Cá nhân",
                           "đơn_vị": unit, "giới_tính": sex, "ngày_sinh": birth,
                           "đối_tượng": "Phụ huynh học sinh", "kỷ_luật": "Không", "_older": False,
                           "_donations": donation_series(rng, add_years(birth, 18),
                                                         D(2019, 3, 1), END, 100, 160, 5)})

    # Missing data: empty cells so that "not decidable" appears.
    for p in people:
        r = rng.random()
        if r < 0.015:
            p["ngày_sinh"] = None
        elif r < 0.025:
            p["đối_tượng"] = None

    for p in people:
        for d in p["_donations"]:
            donations.append((p["mã"], d, 1, kh_site(rng, d, p["đơn_vị"]), None))

    # Families (gia đình): several members donating; cumulative counts around the milestones.
    families = []
    fam_counts = [2, 3, 3, 3, 4, 4, 5, 5, 5, 6, 7, 8, 9, 10, 10, 11, 12, 14, 15, 15, 16, 18, 19,
                  20, 21, 24, 27]
    for i in range(60):
        husband = names.person("Nam")
        wife = names.person("Nữ")
        form = rng.random()
        if form < 0.4:
            ten = f"Gia đình thầy {husband}, cô {wife}"
        elif form < 0.8:
            ten = f"Gia đình ông {husband} và bà {wife}"
        else:
            ten = f"Gia đình anh {husband}, chị {wife}"
        unit = rng.choice(KH_THPT + KH_THCS)
        members = [husband, wife]
        child_surname = husband.split()[0]
        for _ in range(rng.randint(0, 2)):
            sx = "Nam" if rng.random() < 0.5 else "Nữ"
            child = names.person(sx).split()
            members.append(" ".join([child_surname] + child[1:]))
        total = fam_counts[i % len(fam_counts)] + (1 if rng.random() < 0.3 else 0)
        in_window = rng.random() < 0.85
        dates = []
        n_in = min(total, rng.randint(1, 3)) if in_window else 0
        for _ in range(n_in):
            dates.append(rand_date(rng, R1_FROM, R1_TO))
        for _ in range(total - n_in):
            dates.append(rand_date(rng, D(2009, 1, 1), D(2020, 4, 10)))
        if rng.random() < 0.3:
            dates.append(rand_date(rng, D(2021, 4, 20), D(2021, 10, 30)))   # after round I
        dates.sort()
        fam = {"mã": f"GD{i + 1:03d}", "tên": ten, "loại": "Gia đình", "đơn_vị": unit,
               "_donations": dates}
        families.append(fam)
        for d in dates:
            donations.append((fam["mã"], d, 1, kh_site(rng, d, unit), rng.choice(members)))

    # Milestones honoured before round I (đã_tôn_vinh): a family usually got each milestone
    # it reached before 15/4/2020 at the next 14/6 ceremony; some were never proposed. A
    # separate generator keeps the rest of the data as it was before this list existed.
    past_rng = random.Random(20210100)
    honours = []        # (mã, ngày, mốc)
    for fam in families:
        before = [d for d in fam["_donations"] if d < R1_FROM]
        fam["_honoured"] = set()
        for m in (3, 5, 10, 15, 20):
            if len(before) >= m and past_rng.random() < 0.85:
                honoured_on = D(before[m - 1].year + (1 if before[m - 1] > D(before[m - 1].year, 6, 14) else 0), 6, 14)
                honours.append((fam["mã"], honoured_on, m))
                fam["_honoured"].add(m)

    # Collectives (round II): blood-unit targets summing to the sector's 140.
    collectives = []
    coll_units = KH_THPT + KH_PHONG + KH_OTHER
    weights = []
    for u in coll_units:
        if u in KH_PHONG:
            weights.append(rng.randint(4, 7))
        elif u == KH_OTHER[0]:
            weights.append(6)
        else:
            weights.append(rng.randint(3, 6))
    scale = 140 / sum(weights)
    targets = [max(2, round(w * scale)) for w in weights]
    # adjust so the assigned targets sum to exactly 140
    i = 0
    while sum(targets) != 140:
        j = i % len(targets)
        if sum(targets) > 140 and targets[j] > 2:
            targets[j] -= 1
        elif sum(targets) < 140:
            targets[j] += 1
        i += 1
    for k, (u, target) in enumerate(zip(coll_units, targets)):
        c = {"mã": f"TT{k + 1:02d}", "tên": u, "loại": "Tập thể",
             "đơn_vị": "Sở GD&ĐT Khánh Hòa", "chỉ_tiêu": target}
        if u == "Trường THPT Khánh Sơn":
            c["chỉ_tiêu"] = 0          # vùng khó khăn: không giao chỉ tiêu
        if u in ("Trường THPT Lạc Long Quân", "Phòng GD&ĐT huyện Khánh Sơn"):
            c["chỉ_tiêu"] = None       # chưa phân bổ chỉ tiêu
        perf = pick_weighted(rng, [(0.5, 10), (0.8, 14), (0.95, 8), (1.0, 10), (1.1, 14),
                                   (1.3, 18), (1.7, 14), (2.4, 12)])
        goal = max(1, round(target * perf))
        got = 0
        bad_estimate = k in (5, 23)
        estimate = rng.random() < 0.4 and not bad_estimate
        n_drives = max(1, min(4, goal // 3 + rng.randint(0, 1)))
        for n in range(n_drives):
            last = n == n_drives - 1
            units_here = goal - got if last else max(1, goal // n_drives + rng.randint(-1, 1))
            units_here = max(1, units_here)
            got += units_here
            if last and bad_estimate:
                day, kind = rand_date(rng, D(2021, 10, 1), D(2021, 10, 25)), "Ước thực hiện"
            elif last and estimate:
                day, kind = rand_date(rng, D(2021, 11, 1), D(2021, 11, 28)), "Ước thực hiện"
            else:
                day, kind = rand_date(rng, D(2020, 12, 5), D(2021, 10, 25)), "Thực hiện"
            drives.append((c["mã"], day, units_here, kind, f"Điểm hiến máu tại {u}"))
        # drives outside the 12-month window: not counted
        if rng.random() < 0.35:
            drives.append((c["mã"], rand_date(rng, D(2020, 9, 1), D(2020, 11, 28)),
                           rng.randint(3, 9), "Thực hiện", f"Điểm hiến máu tại {u}"))
        c["_units"] = sum(x[2] for x in drives if x[0] == c["mã"] and R2_FROM <= x[1] <= R2_TO)
        c["_bad_estimate"] = any(x[0] == c["mã"] and x[3] == "Ước thực hiện" and x[1] < D(2021, 11, 1)
                                 for x in drives)
        collectives.append(c)

    # --- dossier submission dates, from their own stream so the rest is unchanged -------
    # Round I dossiers are due "trước ngày 10/4/2021" (the 10th itself is late), round II
    # ones "trước ngày 31/10/2021"; a few are late, on the day, or not recorded.
    srng = random.Random(20210410)
    def submitted(deadline, start):
        roll = srng.random()
        if roll < 0.01:
            return None
        if roll < 0.02:
            return deadline
        if roll < 0.05:
            return deadline + dt.timedelta(days=srng.randint(1, 12))
        return rand_date(srng, start, deadline - dt.timedelta(days=1))
    for p in people + families:
        p["_sub1"] = submitted(R1_DEADLINE, D(2021, 3, 1))
    for p in people + collectives:
        p["_sub2"] = submitted(R2_DEADLINE, D(2021, 9, 15))

    # --- write participants.csv with a few deliberately bad rows -------------------------
    header = ["mã", "tên", "loại", "đơn_vị", "giới_tính", "ngày_sinh", "đối_tượng", "kỷ_luật", "chỉ_tiêu",
              "ngày_nộp_đợt_I", "ngày_nộp_đợt_II"]

    def row(p):
        nd = p.get("ngày_sinh")
        s1, s2 = p.get("_sub1"), p.get("_sub2")
        return [p["mã"], p["tên"], p["loại"], p["đơn_vị"], p.get("giới_tính"),
                vn_date(nd) if nd else None, p.get("đối_tượng"), p.get("kỷ_luật"), p.get("chỉ_tiêu"),
                vn_date(s1) if s1 else None, vn_date(s2) if s2 else None]

    rows = [row(p) for p in people] + [row(f) for f in families] + [row(c) for c in collectives]
    bad = {}
    # (1) duplicate id: the same teacher pasted twice from two sheets
    dup_src = people[101]
    dup_row = row(dup_src)
    dup_row[1] = dup_src["tên"] + " (trùng)"
    ins_at = 430
    rows.insert(ins_at, dup_row)
    bad["duplicate"] = (ins_at + 2, dup_src["mã"])
    # (2) missing id: a row whose mã cell is empty
    miss_row = row(people[702])
    miss_row[0] = ""
    miss_row[1] = names.person("Nữ")
    miss_row[4] = "Nữ"
    ins_at2 = 905
    rows.insert(ins_at2, miss_row)
    bad["missing_id"] = (ins_at2 + 2,)
    if bad["duplicate"][0] >= ins_at2 + 2:
        bad["duplicate"] = (bad["duplicate"][0] + 1, bad["duplicate"][1])
    # Text typed on a Mac (NFD): must compare equal after NFC normalisation.
    nfd_rows = []
    for idx in range(15, len(rows), 250):
        k = next(i for i in range(idx, len(rows)) if rows[i][6] == "Viên chức" and rows[i][0])
        rows[k][6] = unicodedata.normalize("NFD", rows[k][6])
        nfd_rows.append(k + 2)
        if len(nfd_rows) == 3:
            break
    files["rules/000_hien_mau/records/participants.csv"] = csv_bytes(header, rows)

    donations.sort(key=lambda x: (x[0], x[1]))
    d_rows = [[m, vn_date(d), u, site, member] for (m, d, u, site, member) in donations]
    # (3) impossible date 31/02/2021 on a donation of an existing donor
    target_id = next(m for (m, d, u, s, mem) in donations if m.startswith("CN") and d.year == 2021)
    pos = next(i for i, r in enumerate(d_rows) if r[0] == target_id)
    d_rows.insert(pos, [target_id, "31/02/2021", 1, KH_SITES[0], None])
    bad["bad_date"] = (pos + 2, target_id)
    next(p for p in people if p["mã"] == target_id)["_bad_date"] = True
    files["rules/000_hien_mau/records/hiến_máu.csv"] = csv_bytes(
        ["mã", "ngày", "số_đơn_vị", "địa_điểm", "thành_viên"], d_rows)

    drives.sort(key=lambda x: (x[0], x[1]))
    files["rules/000_hien_mau/records/tiếp_nhận_máu.csv"] = csv_bytes(
        ["mã", "ngày", "số_đơn_vị", "số_liệu", "địa_điểm"],
        [[m, vn_date(d), u, k, s] for (m, d, u, k, s) in drives])
    talks.sort(key=lambda x: (x[0], x[1]))
    files["rules/000_hien_mau/records/vận_động.csv"] = csv_bytes(
        ["mã", "ngày", "số_người_hiến", "hình_thức"],
        [[m, vn_date(d), n, h] for (m, d, n, h) in talks])
    honours.sort(key=lambda x: (x[0], x[1]))
    files["rules/000_hien_mau/records/đã_tôn_vinh.csv"] = csv_bytes(
        ["mã", "ngày", "mốc"], [[m, vn_date(d), k] for (m, d, k) in honours])

    n_rows = len(rows)
    files["rules/000_hien_mau/README.md"] = readme_000(
        n_people=len(people), n_fam=len(families), n_coll=len(collectives), n_rows=n_rows,
        n_don=len(d_rows), n_drv=len(drives), n_talk=len(talks), n_hon=len(honours), bad=bad,
        nfd_rows=nfd_rows).encode("utf-8")

    # --- designed outcomes (re-implementation of the main awards) -------------------------
    def valid_count(p, frm, to):
        """The count, or (lo, hi) when some donations cannot be judged: an unknown date
        (it may or may not be in the window) or an unknown birth date (the age rule)."""
        b = p.get("ngày_sinh")
        ds = [d for d in p["_donations"] if (frm is None or d >= frm) and d <= to]
        known = 0 if b is None else sum(1 for d in ds if 18 <= age_on(b, d) <= 60)
        open_ = (len(ds) if b is None else 0) + (1 if p.get("_bad_date") else 0)
        return known if open_ == 0 else (known, known + open_)

    SECTOR = {"Cán bộ, công chức", "Viên chức", "Người lao động", "Học sinh"}
    DISC = {"Không": 0, "Khiển trách": 1, "Cảnh cáo": 2, "Cách chức": 3}
    out_gk, out_tier, out_talk = [], [], []
    tier_count = {t: 0 for t in (5, 10, 15, 20)}
    for p in people:
        dtg = p.get("đối_tượng")
        b = p.get("ngày_sinh")
        c_subject = None if dtg is None else dtg in SECTOR
        c_age = or3(None if dtg is None else dtg != "Học sinh",
                    None if b is None else age_on(b, R1_TO) >= 18)
        n1 = valid_count(p, R1_FROM, R1_TO)
        cum = valid_count(p, None, R1_TO)
        kl = p.get("kỷ_luật")
        excl = None if kl is None else DISC[kl] >= 2
        due1 = [on_time(p.get("_sub1"), R1_DEADLINE)]
        out_gk.append(outcome([c_subject, c_age, cmp3(n1, ">=", 2)], [excl], procedures=due1))
        tier = None if isinstance(cum, tuple) else max([t for t in tier_count if cum >= t], default=0)
        o = outcome([c_subject, cmp3(n1, ">=", 1), None if tier is None else tier > 0], [excl], procedures=due1)
        out_tier.append(o)
        if o == "passed":
            tier_count[tier] += 1
        talk_sum = sum(t[2] for t in talks if t[0] == p["mã"] and R2_FROM <= t[1] <= R2_TO)
        staff_set = {"Cán bộ, công chức", "Viên chức", "Người lao động"}
        out_talk.append(outcome([None if dtg is None else dtg in staff_set, talk_sum >= 20], [excl],
                                procedures=[on_time(p.get("_sub2"), R2_DEADLINE)]))
    fam_out, fam_granted = [], {m: 0 for m in (3, 5, 10, 15, 20)}
    fam_again = 0
    for f in families:
        cum = sum(1 for d in f["_donations"] if d <= R1_TO)
        inw = sum(1 for d in f["_donations"] if R1_FROM <= d <= R1_TO)
        top = max([m for m in fam_granted if cum >= m], default=0)
        again = top in f["_honoured"]
        fam_again += again
        o = outcome([inw >= 1, top > 0 and not again], procedures=[on_time(f.get("_sub1"), R1_DEADLINE)])
        fam_out.append(o)
        if o == "passed":
            fam_granted[top] += 1
    coll_out, coll_120 = [], []
    for c in collectives:
        t = c.get("chỉ_tiêu")
        ratio = None if not t else c["_units"] / t
        crit = [cmp3(t, ">", 0), cmp3(ratio, ">=", 1.0), not c["_bad_estimate"]]
        due2 = [on_time(c.get("_sub2"), R2_DEADLINE)]
        coll_out.append(outcome(crit, procedures=due2))
        coll_120.append(outcome([crit[0], cmp3(ratio, ">=", 1.2), crit[2]], procedures=due2))
    summary.append("seed 000 (rules/000_hien_mau, CSV): "
                   f"{n_rows} participant rows ({len(people)} individuals, {len(families)} families, "
                   f"{len(collectives)} collectives, 2 bad rows), {len(d_rows)} donation rows "
                   f"(1 bad), {len(drives)} collective drive rows, {len(talks)} mobilisation rows")
    summary.append(f"  giấy_khen_cá_nhân_đợt_I:        {tally(out_gk)}")
    summary.append(f"  tôn_vinh_cá_nhân (hạng):        {tally(out_tier)}; passed by tier "
                   + ", ".join(f"{t}: {n}" for t, n in tier_count.items()))
    summary.append(f"  giấy_khen_cá_nhân_vận_động_II:  {tally(out_talk)}")
    summary.append(f"  tôn_vinh_gia_đình (mốc):        {tally(fam_out)}; granted "
                   + ", ".join(f"{m}: {n}" for m, n in fam_granted.items())
                   + f"; highest milestone granted earlier: {fam_again}")
    summary.append(f"  giấy_khen_tập_thể_đợt_II:       {tally(coll_out)}")
    summary.append(f"  đề_nghị_bằng_khen_tỉnh_tập_thể: {tally(coll_120)}")
    summary.append("  (the duplicate-id and missing-id rows are rejected and not counted above; the "
                   f"donation dated 31/02/2021 has an unknown date, so {bad['bad_date'][1]}'s tier is not decidable, "
                   "while its other donations settle 'at least 2 in round I')")


def readme_000(n_people, n_fam, n_coll, n_rows, n_don, n_drv, n_talk, n_hon, bad, nfd_rows):
    return f"""# Seed 000: thi đua hiến máu tình nguyện năm 2021 (Sở GD&ĐT Khánh Hòa)

<!-- Generated by tools/gen_records.py: edit the generator, not this file. -->

`hien_mau_2021.thidua` encodes the plan; `records/` holds example records made up by
`tools/gen_records.py` (names, units and dates are realistic but invented).

## Files

| file | rows | what |
|---|---|---|
| `records/participants.csv` | {n_rows} | {n_people} individuals (staff and students of the sector, a few parents), {n_fam} families, {n_coll} collectives (units under the Sở, with their blood-unit target `chỉ_tiêu`); `ngày_nộp_đợt_I` and `ngày_nộp_đợt_II` are the days their dossiers reached the Sở (a few late, on the deadline day, which is late for "trước ngày", or not recorded) |
| `records/hiến_máu.csv` | {n_don} | donations of individuals and families (`thành_viên` names the family member) |
| `records/tiếp_nhận_máu.csv` | {n_drv} | blood units collected at each collective's drives; `số_liệu` is `Thực hiện` or `Ước thực hiện` (estimate) |
| `records/vận_động.csv` | {n_talk} | mobilisation activities of individuals (round II) |
| `records/đã_tôn_vinh.csv` | {n_hon} | milestones (`mốc`: the n-th donation) for which a family was honoured before round I; a milestone listed here is not granted again |

All files are UTF-8 with a byte order mark and CRLF line endings, as Excel writes them;
cells that contain a comma or a quote are quoted (`"Cán bộ, công chức"`, family names,
donation sites). Dates are written `dd/mm/yyyy`. Column names are the field names of the
`dữ liệu` block; event files are keyed by `mã`. Empty cells are missing values.

## Deliberately bad rows

These rows are wrong on purpose, so that the engine's bad-row reporting can be seen.
Line numbers are physical lines, the header being line 1.

| file | line | problem | expected report |
|---|---|---|---|
| `records/participants.csv` | {bad["duplicate"][0]} | duplicate id `{bad["duplicate"][1]}` (the same teacher pasted twice, name suffixed "(trùng)") | row rejected: id already used |
| `records/participants.csv` | {bad["missing_id"][0]} | the `mã` cell is empty | row rejected: missing id |
| `records/hiến_máu.csv` | {bad["bad_date"][0]} | `ngày` is `31/02/2021`, an impossible date (participant `{bad["bad_date"][1]}`) | field `ngày` reported; the date is left unknown, so `{bad["bad_date"][1]}`'s donation counts are only known within bounds: its tier is not decidable ("thiếu dữ liệu: hiến_máu.ngày"), while "từ 2 lần trở lên" is settled by its other donations |

Not errors, but worth knowing when reading results:

- lines {", ".join(str(x) for x in nfd_rows)} of `participants.csv` write `Viên chức` in Unicode NFD
  (as typed on a Mac); after NFC normalisation they must compare equal to `"Viên chức"`;
- some cells are empty on purpose (`ngày_sinh`, `đối_tượng`, `kỷ_luật`, `chỉ_tiêu`) so that
  "not decidable" outcomes appear;
- a few students donated before their 18th birthday and a few older contract staff after
  60: those donations are not counted by the 18-60 age filter;
- two collectives report an `Ước thực hiện` figure dated in October, which the plan does not
  allow (estimates are for November only).
"""


# --------------------------------------------------------------------------------------
# Seed 001: Covid-19 special campaign, Khoái Châu (JSON Lines)
# --------------------------------------------------------------------------------------

KC_COMMUNES = ["thị trấn Khoái Châu", "Bình Minh", "Dạ Trạch", "Hàm Tử", "Ông Đình", "Tân Dân",
               "Tứ Dân", "An Vĩ", "Đông Kết", "Bình Kiều", "Dân Tiến", "Đồng Tiến", "Hồng Tiến",
               "Tân Châu", "Liên Khê", "Phùng Hưng", "Việt Hòa", "Đông Ninh", "Đại Tập",
               "Chí Tân", "Đại Hưng", "Thuần Hưng", "Thành Công", "Nhuế Dương", "Đông Tảo"]
KC_JOBS = ["Trực chốt kiểm soát dịch", "Hỗ trợ khu cách ly tập trung", "Hỗ trợ tiêm chủng vắc xin",
           "Truy vết, nhập liệu F0, F1", "Hỗ trợ lấy mẫu xét nghiệm", "Trực tổ Covid cộng đồng"]
KC_INITIATIVES = [
    "Ứng dụng Google Classroom tổ chức dạy học trực tuyến",
    "Thiết kế bài giảng E-learning phục vụ học sinh cách ly",
    "Quy trình khai báo y tế điện tử cho học sinh",
    "Mô hình \"Lớp học an toàn\" phòng, chống Covid-19",
    "Sổ theo dõi sức khỏe học sinh bằng Google Form",
    "Kho học liệu số dùng chung của tổ chuyên môn",
    "Hướng dẫn phụ huynh hỗ trợ trẻ học trực tuyến qua Zalo",
]
KC_GOODS = ["Tiền mặt", "Khẩu trang y tế", "Nước sát khuẩn", "Gạo, mì tôm", "Máy đo thân nhiệt",
            "Rau, củ, quả"]
KC_ADHOC = ["Phát hiện, báo cáo kịp thời người về từ vùng dịch không khai báo",
            "Tham gia dập dịch tại ổ dịch thôn Đông Tảo", "Tình nguyện hỗ trợ tỉnh Bắc Giang",
            "Cứu người bị tai nạn trên đường đi trực chốt"]
RATING_TEXT = {0: "Không hoàn thành", 1: "Hoàn thành", 2: "Hoàn thành tốt", 3: "Hoàn thành xuất sắc"}
KC_FROM = D(2021, 10, 4)


def gen_001(files, summary):
    rng = random.Random(20210001)
    names = NameMaker(rng, "bắc")
    records = []
    schools = []
    for commune in KC_COMMUNES[:17]:
        label = "Khoái Châu" if commune.startswith("thị trấn") else commune
        schools += [f"Trường Mầm non {label}", f"Trường Tiểu học {label}", f"Trường THCS {label}"]
    schools.append("Phòng GD&ĐT huyện Khoái Châu")
    expected = {k: [] for k in ("bk_cn", "gk_huyen_cn", "gk_so_cn", "dx_cn", "bk_tt", "gk_huyen_tt")}
    units, rank_keys = [], []  # per individual, for the two quotas of the criteria file
    n = 0
    for school in schools:
        is_phong = school.startswith("Phòng")
        n_staff = rng.randint(9, 12) if is_phong else rng.randint(14, 22)
        for k in range(n_staff):
            n += 1
            sex = "Nữ" if rng.random() < (0.5 if is_phong else 0.8 if "Mầm non" not in school else 0.97) else "Nam"
            if is_phong:
                role = "Trưởng phòng" if k == 0 else "Phó Trưởng phòng" if k < 3 else "Chuyên viên"
            else:
                role = "Hiệu trưởng" if k == 0 else "Phó Hiệu trưởng" if k < 2 else \
                    pick_weighted(rng, [("Giáo viên", 85), ("Nhân viên", 15)])
            r = {"mã": f"KC{n:04d}", "tên": names.person(sex), "loại": "cá_nhân", "đơn_vị": school,
                 "giới_tính": sex, "chức_vụ": role}
            # ~2% "star" front-liners: the people a Bằng khen of the province is meant for
            star = rng.random() < 0.02
            rating = 3 if star else pick_weighted(rng, [(3, 28), (2, 55), (1, 12), (0, 2), (None, 3)])
            if rating is not None:
                r["xếp_loại_năm_học"] = RATING_TEXT[rating]
            kl = pick_weighted(rng, [("Không", 95), ("Khiển trách", 2), ("Cảnh cáo", 1), (None, 2)])
            if kl is not None:
                r["kỷ_luật"] = kl
            comply = pick_weighted(rng, [(True, 95), (False, 3), (None, 2)])
            if comply is not None:
                r["chấp_hành_quy_định_phòng_dịch"] = comply
            front = star or rng.random() < 0.12
            vol = rng.random() < 0.15
            r["tuyến_đầu"] = front
            r["tình_nguyện_viên"] = vol
            r["người_thân_tuyến_đầu"] = rng.random() < 0.08
            stints = []
            if star:
                m = rng.randint(4, 6)
                lo, hi = 6, 14
            elif front:
                m = rng.randint(2, 6)
                lo, hi = 4, 14
            elif vol:
                m = rng.randint(1, 4)
                lo, hi = 1, 6
            elif rng.random() < 0.3:
                m = rng.randint(1, 2)
                lo, hi = 1, 3
            else:
                m = 0
                lo = hi = 0
            for _ in range(m):
                day = rand_date(rng, D(2021, 8, 1) if front else D(2021, 6, 1), D(2022, 3, 31))
                place = rng.choice(KC_COMMUNES) if rng.random() < 0.9 else "tỉnh Bắc Giang"
                stints.append({"ngày": iso(day), "số_ngày": rng.randint(lo, hi),
                               "công_việc": rng.choice(KC_JOBS), "địa_bàn": place})
            if stints:
                r["tham_gia_chống_dịch"] = sorted(stints, key=lambda e: e["ngày"])
            inits = []
            if star or rng.random() < (0.3 if (front or vol) and rating == 3 else 0.12):
                scope = pick_weighted(rng, [("Cấp trường", 60), ("Cấp huyện", 32), ("Cấp tỉnh", 8)])
                if star:
                    scope = pick_weighted(rng, [("Cấp trường", 30), ("Cấp huyện", 55), ("Cấp tỉnh", 15)])
                inits.append({"ngày": iso(rand_date(rng, D(2021, 9, 1), D(2022, 5, 31))),
                              "tên_sáng_kiến": rng.choice(KC_INITIATIVES), "phạm_vi": scope})
            if inits:
                r["sáng_kiến"] = inits
            gifts = []
            if rng.random() < 0.42:
                for _ in range(rng.randint(1, 3)):
                    amount = pick_weighted(rng, [(200000, 30), (300000, 20), (500000, 25), (1000000, 15),
                                                 (2000000, 6), (5000000, 5), (10000000, 1)])
                    gifts.append({"ngày": iso(rand_date(rng, D(2021, 7, 1), D(2022, 2, 28))),
                                  "số_tiền": amount, "hiện_vật": pick_weighted(rng, [("Tiền mặt", 70)] +
                                                                               [(g, 6) for g in KC_GOODS[1:]])})
            if gifts:
                r["ủng_hộ"] = sorted(gifts, key=lambda e: e["ngày"])
            if rng.random() < 0.025:
                r["thành_tích_đột_xuất"] = [{"ngày": iso(rand_date(rng, D(2021, 10, 5), D(2022, 2, 28))),
                                             "nội_dung": rng.choice(KC_ADHOC),
                                             "được_xác_nhận": rng.random() < 0.8}]
            records.append(r)
            # designed outcome
            days = sum(e["số_ngày"] for e in stints if D.fromisoformat(e["ngày"]) >= KC_FROM)
            n_init = sum(1 for e in inits if D.fromisoformat(e["ngày"]) >= KC_FROM)
            n_init_h = sum(1 for e in inits if D.fromisoformat(e["ngày"]) >= KC_FROM and e["phạm_vi"] != "Cấp trường")
            money = sum(e["số_tiền"] for e in gifts if D.fromisoformat(e["ngày"]) >= KC_FROM)
            excl = None if kl is None else kl != "Không"
            focus = or3(front, vol, days >= 1, n_init >= 1)
            expected["bk_cn"].append(outcome([cmp3(rating, ">=", 3), comply, focus,
                                              at_least3(2, [days >= 21, n_init_h >= 1, money >= 5000000])], [excl]))
            expected["gk_huyen_cn"].append(outcome([cmp3(rating, ">=", 2), comply,
                                                    at_least3(1, [days >= 7, n_init >= 1, money >= 1000000])], [excl]))
            expected["gk_so_cn"].append(outcome([cmp3(rating, ">=", 2), comply,
                                                 at_least3(1, [n_init >= 1, days >= 3, r["người_thân_tuyến_đầu"]])], [excl]))
            # xếp thứ tự theo: tuyến_đầu trước, tình_nguyện_viên trước, tổng_ủng_hộ > 0 trước,
            # số_ngày_chống_dịch giảm dần, giới_tính = "Nữ" trước, mã
            units.append(school)
            rank_keys.append((not front, not vol, not money > 0, -days, sex != "Nữ", r["mã"]))
            adhoc = r.get("thành_tích_đột_xuất", [])
            expected["dx_cn"].append(outcome([sum(1 for e in adhoc if e["được_xác_nhận"]
                                                  and D.fromisoformat(e["ngày"]) >= KC_FROM) >= 1], [excl]))
    # collectives: each school and the Phòng
    for school in schools:
        n += 1
        r = {"mã": f"KC{n:04d}", "tên": school, "loại": "tập_thể", "đơn_vị": "Phòng GD&ĐT huyện Khoái Châu"
             if not school.startswith("Phòng") else "UBND huyện Khoái Châu"}
        rating = pick_weighted(rng, [(3, 40), (2, 50), (1, 8), (None, 2)])
        if rating is not None:
            r["xếp_loại_năm_học"] = RATING_TEXT[rating]
        violated = rng.random() < 0.04
        r["bị_xử_lý_vi_phạm_phòng_dịch"] = violated
        online = rng.random() < 0.6 if "Mầm non" not in school else rng.random() < 0.15
        r["dạy_học_trực_tuyến"] = online
        gifts = []
        for _ in range(rng.randint(0, 3)):
            gifts.append({"ngày": iso(rand_date(rng, D(2021, 8, 1), D(2022, 2, 28))),
                          "số_tiền": rng.choice([2000000, 3000000, 5000000, 8000000, 10000000, 15000000,
                                                 20000000]),
                          "hiện_vật": pick_weighted(rng, [("Tiền mặt", 60), ("Gạo, mì tôm", 20),
                                                          ("Khẩu trang y tế", 10), ("Máy đo thân nhiệt", 10)])})
        if gifts:
            r["ủng_hộ"] = sorted(gifts, key=lambda e: e["ngày"])
        inits = []
        if rng.random() < 0.35:
            inits.append({"ngày": iso(rand_date(rng, D(2021, 10, 10), D(2022, 4, 30))),
                          "tên_sáng_kiến": rng.choice(KC_INITIATIVES),
                          "phạm_vi": pick_weighted(rng, [("Cấp trường", 40), ("Cấp huyện", 50), ("Cấp tỉnh", 10)])})
            r["sáng_kiến"] = inits
        if rng.random() < 0.06:
            r["thành_tích_đột_xuất"] = [{"ngày": iso(rand_date(rng, D(2021, 10, 5), D(2022, 2, 28))),
                                         "nội_dung": "Tổ chức điểm tiêm chủng an toàn cho nhân dân",
                                         "được_xác_nhận": True}]
        records.append(r)
        money = sum(e["số_tiền"] for e in gifts if D.fromisoformat(e["ngày"]) >= KC_FROM)
        n_init = sum(1 for e in inits if D.fromisoformat(e["ngày"]) >= KC_FROM)
        n_init_h = sum(1 for e in inits if D.fromisoformat(e["ngày"]) >= KC_FROM and e["phạm_vi"] != "Cấp trường")
        expected["bk_tt"].append(outcome([cmp3(rating, ">=", 3),
                                          at_least3(2, [money >= 20000000, n_init_h >= 1, online])], [violated]))
        expected["gk_huyen_tt"].append(outcome([cmp3(rating, ">=", 2),
                                                at_least3(1, [money >= 5000000, n_init >= 1, online])], [violated]))
    files["rules/001_covid_khoai_chau/records.jsonl"] = jsonl_bytes(records)
    # [giả định G1] at most 5 in the whole run; [giả định G2] at most 15% of each unit, floor.
    expected["bk_cn"] = apply_quota(expected["bk_cn"], ["*"] * len(units), rank_keys, lambda size: 5)
    expected["gk_huyen_cn"] = apply_quota(expected["gk_huyen_cn"], units, rank_keys, lambda size: size * 15 // 100)
    n_coll = len(schools)
    summary.append(f"seed 001 (rules/001_covid_khoai_chau, JSON Lines): {len(records)} participants "
                   f"({len(records) - n_coll} individuals, {n_coll} collectives)")
    summary.append(f"  bằng_khen_tỉnh_cá_nhân:     {tally(expected['bk_cn'])}")
    summary.append(f"  giấy_khen_huyện_cá_nhân:    {tally(expected['gk_huyen_cn'])}")
    summary.append(f"  giấy_khen_sở_cá_nhân:       {tally(expected['gk_so_cn'])}")
    summary.append(f"  khen_đột_xuất_cá_nhân:      {tally(expected['dx_cn'])}")
    summary.append(f"  bằng_khen_tỉnh_tập_thể:     {tally(expected['bk_tt'])}")
    summary.append(f"  giấy_khen_huyện_tập_thể:    {tally(expected['gk_huyen_tt'])}")


# --------------------------------------------------------------------------------------
# Seed 002: "Vì người nghèo" 2021-2025, Bình Định (JSON Lines)
# --------------------------------------------------------------------------------------

BD_UNITS = [
    "Trường THPT Quốc Học Quy Nhơn", "Trường THPT chuyên Lê Quý Đôn", "Trường THPT Trưng Vương",
    "Trường THPT Nguyễn Thái Học", "Trường THPT Hùng Vương", "Trường THPT Trần Cao Vân",
    "Trường THPT số 1 An Nhơn", "Trường THPT Hòa Bình", "Trường THPT số 1 Phù Cát",
    "Trường THPT Ngô Mây", "Trường THPT Nguyễn Hữu Quang", "Trường THPT Quang Trung",
    "Trường THPT Nguyễn Huệ", "Trường THPT Võ Lai", "Trường THPT Mỹ Thọ", "Trường THPT An Lương",
    "Trường THPT Tăng Bạt Hổ", "Trường THPT Nguyễn Trân", "Trường THPT Tam Quan",
    "Trường THPT Phan Bội Châu", "Trường THPT chuyên Chu Văn An", "Trường THPT An Lão",
    "Trường THPT Vĩnh Thạnh", "Trường THPT Vân Canh", "Trường THPT Xuân Diệu",
    "Trường THPT Nguyễn Diêu", "Trung tâm GDTX tỉnh Bình Định",
    "Phòng GD&ĐT thành phố Quy Nhơn", "Phòng GD&ĐT thị xã An Nhơn", "Phòng GD&ĐT thị xã Hoài Nhơn",
    "Phòng GD&ĐT huyện Tuy Phước", "Phòng GD&ĐT huyện Phù Cát", "Phòng GD&ĐT huyện Phù Mỹ",
    "Phòng GD&ĐT huyện Tây Sơn", "Phòng GD&ĐT huyện Hoài Ân", "Phòng GD&ĐT huyện An Lão",
    "Phòng GD&ĐT huyện Vĩnh Thạnh", "Phòng GD&ĐT huyện Vân Canh", "Văn phòng Sở GD&ĐT Bình Định",
]
BD_IND_ACTS = ["Ủng hộ Quỹ Vì người nghèo", "Ủng hộ xây nhà Đại đoàn kết",
               "Giúp đỡ học sinh có hoàn cảnh khó khăn", "Ủng hộ ngày công", "Tặng quà Tết cho hộ nghèo"]
BD_INITIATIVES = ["Mô hình \"Nuôi heo đất giúp bạn nghèo\"", "Quỹ học bổng \"Tiếp sức đến trường\"",
                  "Mô hình \"Áo ấm cho em\" ở vùng miền núi", "Giải pháp vận động cựu học sinh tài trợ học bổng",
                  "Mô hình \"Tủ sách dùng chung\" cho học sinh nghèo", "Sổ theo dõi học sinh thuộc hộ nghèo, cận nghèo"]
BD_YEARS = [D(2021, 5, 31), D(2022, 5, 31), D(2023, 5, 31), D(2024, 5, 31), D(2025, 5, 31)]
SK_TO, TK_TO = D(2023, 5, 31), D(2025, 5, 31)
SK_DOS = (D(2023, 6, 1), D(2023, 12, 31))
TK_DOS = (D(2025, 6, 1), D(2025, 12, 31))


def dossier(rng, window, flaw):
    """The documents a unit submits for one nomination; `flaw` breaks it on purpose."""
    lo, hi = window
    day = rand_date(rng, lo, D(hi.year, 10, 31))
    docs = []
    for kind in ("Tờ trình", "Biên bản họp xét", "Báo cáo thành tích"):
        if flaw == "thiếu biên bản" and kind == "Biên bản họp xét":
            continue
        copies = 1 if flaw == "một bộ" and kind == "Tờ trình" else 2
        e = {"ngày": iso(day), "giấy_tờ": kind, "số_bộ": copies}
        if kind == "Báo cáo thành tích":
            e["số_minh_chứng"] = 0 if flaw == "không minh chứng" else rng.randint(2, 9)
        docs.append(e)
    if flaw == "nộp muộn":
        late = iso(D(hi.year + 1, 1, rng.randint(5, 20)))
        for e in docs:
            e["ngày"] = late
    return docs


def gen_002(files, summary):
    rng = random.Random(20210002)
    names = NameMaker(rng, "trung")
    records = []
    exp = {k: [] for k in ("tt_sk", "tt_tk", "cn_sk", "cn_tk")}
    FLAWS = [(None, 86), ("một bộ", 4), ("thiếu biên bản", 4), ("không minh chứng", 3), ("nộp muộn", 3)]

    def dossier_ok(docs, window):
        lo, hi = window
        inw = [e for e in docs if lo <= D.fromisoformat(e["ngày"]) <= hi]

        def have(kind, extra=lambda e: True):
            return any(e["giấy_tờ"] == kind and e["số_bộ"] >= 2 and extra(e) for e in inw)
        return (have("Tờ trình") and have("Biên bản họp xét")
                and have("Báo cáo thành tích", lambda e: e.get("số_minh_chứng", 0) >= 1))

    n = 0
    for unit in BD_UNITS:
        # --- the collective itself
        n += 1
        c = {"mã": f"BD{n:04d}", "tên": unit, "loại": "tập_thể", "đơn_vị": "Sở GD&ĐT Bình Định"}
        ontime_rate = pick_weighted(rng, [(1.0, 70), (0.9, 20), (0.6, 10)])
        evals = []
        for y in BD_YEARS:
            e = {"ngày": iso(y), "kết_quả": RATING_TEXT[pick_weighted(rng, [(3, 45), (2, 50), (1, 5)])]}
            roll = rng.random()
            if roll < 0.02:
                pass                     # văn_bản_đúng_hạn not reported that year: unknown
            else:
                e["văn_bản_đúng_hạn"] = roll < ontime_rate
            evals.append(e)
        c["đánh_giá_năm"] = evals
        inits = []
        for _ in range(pick_weighted(rng, [(0, 25), (1, 45), (2, 20), (3, 10)])):
            inits.append({"ngày": iso(rand_date(rng, D(2021, 3, 1), D(2025, 5, 15))),
                          "tên_sáng_kiến": rng.choice(BD_INITIATIVES),
                          "là_mô_hình_giảm_nghèo": rng.random() < 0.5})
        if inits:
            c["sáng_kiến"] = sorted(inits, key=lambda e: e["ngày"])
        acts = []
        for year in range(2021, 2026):
            top = D(year, 5, 31)
            base = D(year - 1, 6, 1) if year > 2021 else D(2021, 1, 1)
            for kind, weights in (("Hỗ trợ CCVC-NLĐ nghèo", [(0, 35), (1, 50), (2, 15)]),
                                  ("Hưởng ứng cuộc vận động", [(0, 20), (1, 45), (2, 35)]),
                                  ("Vận động doanh nghiệp", [(0, 55), (1, 45)])):
                for _ in range(pick_weighted(rng, weights)):
                    a = {"ngày": iso(rand_date(rng, base, top)), "loại_hoạt_động": kind}
                    if kind != "Hưởng ứng cuộc vận động":
                        a["số_tiền"] = rng.choice([5, 10, 15, 20, 30, 50, 80]) * 1000000
                        a["số_người_được_giúp"] = rng.randint(1, 12)
                    acts.append(a)
        c["hoạt_động"] = sorted(acts, key=lambda e: (e["ngày"], e["loại_hoạt_động"]))
        docs = []
        nominated_sk = rng.random() < 0.8
        nominated_tk = rng.random() < 0.85
        if nominated_sk:
            docs += dossier(rng, SK_DOS, pick_weighted(rng, FLAWS))
        if nominated_tk:
            docs += dossier(rng, TK_DOS, pick_weighted(rng, FLAWS))
        if docs:
            c["hồ_sơ"] = docs
        records.append(c)
        # dùng một lần sáng_kiến: initiatives counted by a passed mid-term award are not
        # counted again by the final one.
        used = set()
        for label, to, dos in (("tt_sk", SK_TO, SK_DOS), ("tt_tk", TK_TO, TK_DOS)):
            ev = [e for e in evals if D.fromisoformat(e["ngày"]) <= to]
            late = [e.get("văn_bản_đúng_hạn") for e in ev]
            c_docs = or3(*[None if x is None else not x for x in late]) if late else False
            crit_docs = and3(len(ev) >= 1, None if c_docs is None else not c_docs)
            mine = [i for i, e in enumerate(inits) if D.fromisoformat(e["ngày"]) <= to and i not in used]
            n_init = len(mine)
            n_model = sum(1 for i in mine if inits[i]["là_mô_hình_giảm_nghèo"])
            cnt = lambda kind: sum(1 for a in acts if a["loại_hoạt_động"] == kind and D.fromisoformat(a["ngày"]) <= to)
            need = 2 if label == "tt_sk" else 4
            exp[label].append(outcome([crit_docs, n_init >= 1,
                                       cnt("Hỗ trợ CCVC-NLĐ nghèo") >= 1 or n_model >= 1,
                                       cnt("Hưởng ứng cuộc vận động") >= need,
                                       cnt("Vận động doanh nghiệp") >= 1],
                                      procedures=[dossier_ok(docs, dos)]))
            if exp[label][-1] == "passed":
                used |= set(mine)
        # --- individuals nominated by the unit
        n_people = rng.randint(12, 24) if not unit.startswith("Phòng") else rng.randint(6, 10)
        for _ in range(n_people):
            n += 1
            sex = "Nữ" if rng.random() < 0.66 else "Nam"
            role = pick_weighted(rng, [("Giáo viên", 70), ("Nhân viên", 12), ("Chuyên viên", 8),
                                       ("Tổ trưởng chuyên môn", 6), ("Phó Hiệu trưởng", 4)])
            p = {"mã": f"BD{n:04d}", "tên": names.person(sex), "loại": "cá_nhân", "đơn_vị": unit,
                 "giới_tính": sex, "chức_vụ": role}
            cv = pick_weighted(rng, [(True, 86), (False, 12), (None, 2)])
            if cv is not None:
                p["là_công_chức_viên_chức"] = cv
            kl = pick_weighted(rng, [("Không", 95), ("Khiển trách", 2), ("Cảnh cáo", 1), (None, 2)])
            if kl is not None:
                p["kỷ_luật"] = kl
            level = pick_weighted(rng, [(3, 30), (2, 55), (1, 15)])
            joined = pick_weighted(rng, [(0, 85), (1, 5), (2, 5), (3, 5)])       # first rated year index
            left = pick_weighted(rng, [(5, 90), (3, 10)])                          # retired after 2023
            evals = []
            for i, y in enumerate(BD_YEARS):
                if i < joined or i >= left:
                    continue
                r = max(0, min(3, level + pick_weighted(rng, [(0, 80), (-1, 15), (1, 4), (-2, 1)])))
                evals.append({"ngày": iso(y), "kết_quả": RATING_TEXT[r]})
            if evals:
                p["đánh_giá_năm"] = evals
            inits = []
            if rng.random() < 0.14:
                inits.append({"ngày": iso(rand_date(rng, D(2021, 3, 1), D(2025, 5, 15))),
                              "tên_sáng_kiến": rng.choice(BD_INITIATIVES), "là_mô_hình_giảm_nghèo": False})
                p["sáng_kiến"] = inits
            acts = []
            zeal = pick_weighted(rng, [(0, 15), (1, 40), (2, 30), (3, 15)])
            for year in range(2021, 2026):
                base = D(year - 1, 6, 1) if year > 2021 else D(2021, 1, 1)
                for _ in range(max(0, zeal + rng.randint(-1, 1))):
                    acts.append({"ngày": iso(rand_date(rng, base, D(year, 5, 31))),
                                 "loại_hoạt_động": rng.choice(BD_IND_ACTS),
                                 "số_tiền": rng.choice([100, 200, 300, 500, 1000]) * 1000})
            if acts:
                p["hoạt_động"] = sorted(acts, key=lambda e: (e["ngày"], e["loại_hoạt_động"]))
            docs = []
            if nominated_sk and rng.random() < 0.9:
                docs += dossier(rng, SK_DOS, pick_weighted(rng, FLAWS))
            if nominated_tk and rng.random() < 0.9:
                docs += dossier(rng, TK_DOS, pick_weighted(rng, FLAWS))
            if docs:
                p["hồ_sơ"] = docs
            records.append(p)
            used = set()
            for label, to, dos, need in (("cn_sk", SK_TO, SK_DOS, 3), ("cn_tk", TK_TO, TK_DOS, 5)):
                ev = [e for e in evals if D.fromisoformat(e["ngày"]) <= to]
                bad_year = any(e["kết_quả"] in ("Hoàn thành", "Không hoàn thành") for e in ev)
                mine = [i for i, e in enumerate(inits) if D.fromisoformat(e["ngày"]) <= to and i not in used]
                n_init = len(mine)
                n_act = sum(1 for a in acts if D.fromisoformat(a["ngày"]) <= to)
                excl = None if kl is None else kl != "Không"
                exp[label].append(outcome([len(ev) >= 1 and not bad_year,
                                           or3(and3(cv, n_init >= 1), n_act >= need)], [excl],
                                          procedures=[dossier_ok(docs, dos)]))
                # The engine counts the initiatives only when `là_công_chức_viên_chức` is
                # not false (`và` stops at a false operand): only then are they used.
                if exp[label][-1] == "passed" and cv is not False:
                    used |= set(mine)
    files["rules/002_vi_nguoi_ngheo/records.jsonl"] = jsonl_bytes(records)
    summary.append(f"seed 002 (rules/002_vi_nguoi_ngheo, JSON Lines): {len(records)} participants "
                   f"({len(records) - len(BD_UNITS)} individuals, {len(BD_UNITS)} collectives)")
    summary.append(f"  giấy_khen_tập_thể_sơ_kết:   {tally(exp['tt_sk'])}")
    summary.append(f"  giấy_khen_cá_nhân_sơ_kết:   {tally(exp['cn_sk'])}")
    summary.append(f"  giấy_khen_tập_thể_tổng_kết: {tally(exp['tt_tk'])}")
    summary.append(f"  giấy_khen_cá_nhân_tổng_kết: {tally(exp['cn_tk'])}")


# --------------------------------------------------------------------------------------
# Seed 003: Trade union Covid-19 campaign (JSON Lines)
# --------------------------------------------------------------------------------------

CD_UNIVERSITIES = {
    "Công đoàn Đại học Quốc gia Hà Nội": [
        "Trường Đại học Khoa học Tự nhiên", "Trường Đại học Khoa học Xã hội và Nhân văn",
        "Trường Đại học Ngoại ngữ", "Trường Đại học Công nghệ", "Trường Đại học Kinh tế",
        "Trường Đại học Giáo dục", "Trường Đại học Y Dược", "Trường Đại học Việt Nhật"],
    "Công đoàn Đại học Quốc gia Thành phố Hồ Chí Minh": [
        "Trường Đại học Bách khoa", "Trường Đại học Khoa học Tự nhiên",
        "Trường Đại học Khoa học Xã hội và Nhân văn", "Trường Đại học Quốc tế",
        "Trường Đại học Công nghệ Thông tin", "Trường Đại học Kinh tế - Luật"],
    "Công đoàn Đại học Huế": [
        "Trường Đại học Sư phạm", "Trường Đại học Khoa học", "Trường Đại học Y - Dược",
        "Trường Đại học Nông Lâm", "Trường Đại học Kinh tế", "Trường Đại học Ngoại ngữ",
        "Trường Đại học Nghệ thuật"],
    "Công đoàn Đại học Đà Nẵng": [
        "Trường Đại học Bách khoa", "Trường Đại học Kinh tế", "Trường Đại học Sư phạm",
        "Trường Đại học Ngoại ngữ", "Trường Đại học Sư phạm Kỹ thuật"],
    "Công đoàn Đại học Thái Nguyên": [
        "Trường Đại học Sư phạm", "Trường Đại học Y Dược", "Trường Đại học Nông Lâm",
        "Trường Đại học Kỹ thuật Công nghiệp", "Trường Đại học Kinh tế và Quản trị Kinh doanh",
        "Trường Đại học Khoa học"],
}
CD_PROVINCES = ["Nghệ An", "Thanh Hóa", "Hà Tĩnh", "Bắc Giang", "Quảng Nam", "Đắk Lắk",
                "Bình Dương", "Đồng Nai", "Long An", "Tiền Giang", "An Giang", "thành phố Cần Thơ"]
CD_SCHOOL_NAMES = ["Trường THPT Phan Đình Phùng", "Trường THPT Nguyễn Du", "Trường THPT Lê Lợi",
                   "Trường THPT Trần Phú", "Trường THPT Nguyễn Trãi", "Trường THPT Lê Quý Đôn",
                   "Trường THPT Nguyễn Huệ", "Trường THPT Chu Văn An", "Trường THCS Lý Tự Trọng",
                   "Trường THCS Nguyễn Khuyến", "Trường THCS Trần Quốc Toản", "Trường THCS Kim Đồng",
                   "Trường Tiểu học Võ Thị Sáu", "Trường Tiểu học Nguyễn Văn Trỗi",
                   "Trường Tiểu học Lê Văn Tám", "Trường Mầm non Hoa Sen", "Trường Mầm non Sơn Ca",
                   "Trường Mầm non Hoa Mai"]
CD_MODELS = ["Tổ an toàn Covid-19", "ATM gạo miễn phí", "Túi an sinh công đoàn", "Siêu thị 0 đồng",
             "Góp sóng, tặng máy cho học sinh học trực tuyến", "Bữa cơm nghĩa tình cho khu cách ly"]
CD_CARE = ["Đoàn viên bị nhiễm Covid-19", "Đoàn viên có hoàn cảnh khó khăn",
           "Đoàn viên trong khu vực phong tỏa", "Đoàn viên tham gia tuyến đầu chống dịch"]
CD_JOBS = ["Tình nguyện tại bệnh viện dã chiến", "Hỗ trợ tiêm chủng", "Trực chốt kiểm soát",
           "Hỗ trợ khu cách ly tập trung", "Lấy mẫu xét nghiệm cộng đồng", "Phát quà an sinh"]
CD_RESEARCH = ["Phần mềm quản lý F0 điều trị tại nhà", "Bộ học liệu số dạy học trực tuyến",
               "Nghiên cứu tâm lý học sinh sau giãn cách", "Thiết bị đo SpO2 giá rẻ",
               "Hệ thống đăng ký tiêm chủng cho sinh viên"]
CD_FROM = D(2021, 9, 1)
# The criteria file's `as of: 2022-06-30`: its open window ends there (no event is later).
CD_AS_OF = D(2022, 6, 30)


def cd_in_window(day: str) -> bool:
    return CD_FROM <= D.fromisoformat(day) <= CD_AS_OF


def gen_003(files, summary):
    rng = random.Random(20210003)
    names = NameMaker(rng, "nam")
    records = []
    exp = {k: [] for k in ("bk_tren", "bk_cs", "gk_cs", "bk_dv", "gk_dv")}
    upper = []
    for u, members in CD_UNIVERSITIES.items():
        upper.append((u, [f"Công đoàn {m}" for m in members], True))
    for prov in CD_PROVINCES:
        picks = rng.sample(CD_SCHOOL_NAMES, rng.randint(7, 11))
        upper.append((f"Công đoàn Giáo dục tỉnh {prov}" if not prov.startswith("thành phố")
                      else f"Công đoàn Giáo dục {prov}", [f"Công đoàn {s}" for s in sorted(picks)], False))
    n = 0

    def care_events(big):
        ev = []
        for _ in range(rng.randint(0, 4 if big else 3)):
            ev.append({"date": iso(rand_date(rng, D(2021, 7, 15), D(2022, 4, 30))),
                       "số_người": rng.randint(10, 120) if big else rng.randint(1, 12),
                       "số_tiền": (rng.randint(10, 200) if big else rng.randint(1, 10)) * 1000000,
                       "nhóm_được_chăm_lo": rng.choice(CD_CARE)})
        return sorted(ev, key=lambda e: e["date"])

    for uname, branches, is_uni in upper:
        n += 1
        ct = {"mã": f"CD{n:04d}", "tên": uname, "loại": "tập_thể",
              "đơn_vị": "Công đoàn Giáo dục Việt Nam", "cấp_công_đoàn": "Cấp trên trực tiếp cơ sở"}
        total = len(branches) if is_uni else rng.randint(60, 420)
        ct["số_cđcs_trực_thuộc"] = total
        rate = pick_weighted(rng, [(1.0, 35), (0.95, 25), (0.9, 15), (0.8, 15), (0.6, 10)])
        ct["số_cđcs_triển_khai"] = int(total * rate)
        rep = pick_weighted(rng, [(True, 80), (False, 12), (None, 8)])
        if rep is not None:
            ct["đã_báo_cáo_kết_quả"] = rep
        ce = care_events(True)
        if ce:
            ct["chăm_lo"] = ce
        records.append(ct)
        cared = sum(e["số_người"] for e in ce if cd_in_window(e["date"]))
        exp["bk_tren"].append(outcome([True, ct["số_cđcs_triển_khai"] / total >= 0.9, cared >= 50, rep]))
        for b in branches:
            n += 1
            cs = {"mã": f"CD{n:04d}", "tên": b, "loại": "tập_thể", "đơn_vị": uname, "cấp_công_đoàn": "Cơ sở"}
            members = rng.randint(250, 1400) if is_uni else rng.randint(18, 95)
            cs["số_đoàn_viên"] = members
            vac = pick_weighted(rng, [(1.0, 30), (0.97, 25), (0.93, 20), (0.85, 15), (0.7, 10)])
            if rng.random() < 0.04:
                vac_n = None                      # chưa tổng hợp số liệu tiêm chủng
            else:
                vac_n = min(members, int(round(members * vac)))
                cs["số_đoàn_viên_tiêm_đủ_liều"] = vac_n
            plan = pick_weighted(rng, [(True, 88), (False, 10), (None, 2)])
            if plan is not None:
                cs["có_kịch_bản_phòng_dịch"] = plan
            models = []
            for _ in range(pick_weighted(rng, [(0, 40), (1, 45), (2, 15)])):
                models.append({"date": iso(rand_date(rng, D(2021, 8, 1), D(2022, 3, 31))),
                               "tên_mô_hình": rng.choice(CD_MODELS)})
            if models:
                cs["mô_hình"] = sorted(models, key=lambda e: e["date"])
            ce = care_events(False)
            if ce:
                cs["chăm_lo"] = ce
            records.append(cs)
            n_models = sum(1 for e in models if cd_in_window(e["date"]))
            cared = sum(e["số_người"] for e in ce if cd_in_window(e["date"]))
            money = sum(e["số_tiền"] for e in ce if cd_in_window(e["date"]))
            ratio = None if vac_n is None else vac_n / members
            exp["bk_cs"].append(outcome([True, plan, cmp3(ratio, ">=", 0.95),
                                         at_least3(2, [n_models >= 1, cared >= 10, money >= 10000000])]))
            exp["gk_cs"].append(outcome([True, plan, cmp3(ratio, ">=", 0.80), n_models >= 1 or cared >= 1]))
            # union members nominated by the branch
            medical = "Y" in b.split("Đại học")[-1] if is_uni else False
            for _ in range(rng.randint(4, 8) if is_uni else rng.randint(3, 6)):
                n += 1
                sex = "Nữ" if rng.random() < 0.62 else "Nam"
                dv = {"mã": f"CD{n:04d}", "tên": names.person(sex), "loại": "cá_nhân", "đơn_vị": b,
                      "giới_tính": sex}
                member = rng.random() < 0.975
                dv["là_đoàn_viên"] = member
                kl = pick_weighted(rng, [("Không", 96), ("Khiển trách", 2), ("Cảnh cáo", 1), (None, 1)])
                if kl is not None:
                    dv["kỷ_luật"] = kl
                law = pick_weighted(rng, [(False, 98), (True, 1), (None, 1)])
                if law is not None:
                    dv["vi_phạm_pháp_luật"] = law
                vacc = pick_weighted(rng, [(True, 93), (False, 4), (None, 3)])
                if vacc is not None:
                    dv["tiêm_đủ_liều"] = vacc
                front = rng.random() < (0.45 if medical else 0.12)
                dv["tuyến_đầu"] = front
                stints = []
                for _ in range(rng.randint(1, 4) if front else (1 if rng.random() < 0.35 else 0)):
                    stints.append({"ngày": iso(rand_date(rng, D(2021, 7, 10), D(2022, 3, 31))),
                                   "số_ngày": rng.randint(3, 21) if front else rng.randint(1, 5),
                                   "công_việc": rng.choice(CD_JOBS)})
                if stints:
                    dv["tham_gia_chống_dịch"] = sorted(stints, key=lambda e: e["ngày"])
                res = []
                if rng.random() < (0.18 if is_uni else 0.07):
                    res.append({"ngày": iso(rand_date(rng, D(2021, 9, 15), D(2022, 6, 30))),
                                "tên_sáng_kiến": rng.choice(CD_RESEARCH)})
                    dv["sáng_kiến"] = res
                records.append(dv)
                days = sum(e["số_ngày"] for e in stints if cd_in_window(e["ngày"]))
                n_res = len(res)
                ex = [None if kl is None else kl != "Không", law]
                exp["bk_dv"].append(outcome([member, at_least3(2, [front, days >= 14, n_res >= 1])], ex))
                exp["gk_dv"].append(outcome([member, vacc, at_least3(1, [front, days >= 5, n_res >= 1])], ex))
    # Upper-level unions are also evaluated for the CĐCS awards and vice versa: they fail the
    # "Là công đoàn cơ sở" / "cấp trên" criterion. Count those in the summary too.
    n_upper = len(upper)
    n_cs = len(exp["bk_cs"])
    files["rules/003_cong_doan_covid/records.jsonl"] = jsonl_bytes(records)
    summary.append(f"seed 003 (rules/003_cong_doan_covid, JSON Lines): {len(records)} participants "
                   f"({n_upper} công đoàn cấp trên trực tiếp cơ sở, {n_cs} công đoàn cơ sở, "
                   f"{len(exp['bk_dv'])} đoàn viên)")
    summary.append(f"  bằng_khen_cấp_trên (cấp trên only): {tally(exp['bk_tren'])}; the {n_cs} CĐCS fail")
    summary.append(f"  bằng_khen_cơ_sở (CĐCS only):        {tally(exp['bk_cs'])}; the {n_upper} cấp trên fail")
    summary.append(f"  giấy_khen_cơ_sở (CĐCS only):        {tally(exp['gk_cs'])}; the {n_upper} cấp trên fail")
    summary.append(f"  bằng_khen_đoàn_viên:                {tally(exp['bk_dv'])}")
    summary.append(f"  giấy_khen_đoàn_viên:                {tally(exp['gk_dv'])}")


# --------------------------------------------------------------------------------------
# Seed 004: annual emulation scoring under Directive 19/CT-TTg, Minh Long (JSON Lines)
# --------------------------------------------------------------------------------------

ML_COMMUNES = ["Long Hiệp", "Long Sơn", "Long Mai", "Thanh An", "Long Môn"]
ML_SCHOOLS = ([f"Trường Mầm non {c}" for c in ML_COMMUNES] + [f"Trường Tiểu học {c}" for c in ML_COMMUNES]
              + ["Trường THCS Long Hiệp", "Trường THCS Long Mai", "Trường THCS Thanh An",
                 "Trường PTDTBT THCS Long Môn", "Trường PTDTBT THCS Long Sơn",
                 "Trường PTDTNT THCS Minh Long"])
ML_PHONG = "Phòng GD&ĐT huyện Minh Long"
ML_INITIATIVES = ["Biện pháp rèn kỹ năng đọc cho học sinh lớp 1 người Hrê",
                  "Giải pháp duy trì sĩ số học sinh bán trú", "Ứng dụng trò chơi dân gian Hrê trong dạy học",
                  "Biện pháp dạy tiếng Việt cho trẻ mẫu giáo vùng đồng bào dân tộc thiểu số",
                  "Số hóa hồ sơ thi đua, khen thưởng của nhà trường",
                  "Tổ chức phong trào thi đua gắn với Chỉ thị 19/CT-TTg ở trường bán trú"]
ML_FROM, ML_TO = D(2023, 9, 1), D(2024, 5, 31)
ML_CST = "Chiến sĩ thi đua cơ sở"
ML_PAST_YEARS = (2021, 2022, 2023)   # school years 2020-2021 … 2022-2023, by their end year


def ml_history(hrng, q):
    """Past awards, a discipline end date and a province-level initiative for one person.

    Drawn from their own random stream so the fields of seed 004 that existed before
    them come out byte for byte the same."""
    past = []
    for y in ML_PAST_YEARS:
        r = hrng.random()
        if r < (0.62 if q > 0.5 else 0.12):
            past.append({"năm": y, "hình_thức": ML_CST, "đột_xuất": False})
        elif r < 0.85:
            past.append({"năm": y, "hình_thức": "Lao động tiên tiến", "đột_xuất": False})
    if sum(1 for e in past if e["hình_thức"] == ML_CST) == 3 and hrng.random() < 0.2:
        del past[hrng.randrange(3)]["năm"]                    # a past award with its year left blank
    reset = None
    if hrng.random() < 0.04:
        reset = rand_date(hrng, D(2020, 6, 1), D(2022, 12, 31))
    extra = None
    if hrng.random() < (0.45 if q > 0.5 else 0.04):
        extra = {"năm": rand_date(hrng, D(2022, 6, 1), D(2023, 5, 31)).year,
                 "tên": hrng.choice(ML_INITIATIVES), "phạm_vi": "Cấp bộ tỉnh"}
    return past, reset, extra


def ml_run_of_cst(past, reset):
    """liên_tục(khen_thưởng_đã_nhận nơi hình_thức = chiến_sĩ_thi_đua_cơ_sở và không đột_xuất
    trong 3 năm đến năm 2023 kể từ …, thiếu năm là không đạt), as docs/language.md defines it."""
    blank = any("năm" not in e for e in past)
    years = []
    for y in ML_PAST_YEARS:
        if any(e.get("năm") == y and e["hình_thức"] == ML_CST and (reset is None or y > reset.year) for e in past):
            years.append(True)
        elif reset is not None and y <= reset.year:
            years.append(False)
        elif blank:
            years.append(None)
        else:
            years.append(False)
    return and3(*years)


# The point sheet `chấm điểm tổng_điểm`: each item at most its maximum, the bonus at
# most 5, minus the deduction; None when an item is missing.
ML_CAPS = {"điểm_chấp_hành": 20, "điểm_chuyên_môn": 40, "điểm_chỉ_thị_19": 15, "điểm_phong_trào": 15,
           "điểm_đạo_đức": 10, "điểm_cộng": 5}


def ml_total(s):
    if any(k not in s for k in list(ML_CAPS) + ["điểm_trừ"]):
        return None
    return sum(min(s[k], cap) for k, cap in ML_CAPS.items()) - s["điểm_trừ"]


def ml_grade_at_least(total, kl, floor):
    """loại_thi_đua ≥ the band starting at `floor` (90 tốt, 80 khá): a discipline from
    cảnh cáo forces chưa đạt, and an unknown discipline leaves the grade unknown."""
    if total is None or kl is None:
        return None
    return kl not in ("Cảnh cáo", "Cách chức") and total >= floor


# đạt(A) from A's outcome: true when passed, unknown when not decidable, false otherwise
ML_PASSED = {"passed": True, "not decidable": None, "failed": False, "excluded": False, "deferred": False,
             "inadmissible": False}


def ml_share(flags, n, op, bound):
    """tỉ_lệ(đếm(thành_viên nơi …), đếm(thành_viên)) OP bound, with unknown members
    bounding the count (decided when both bounds agree)."""
    lo = sum(1 for f in flags if f is True)
    hi = lo + sum(1 for f in flags if f is None)
    a, b = cmp3(lo / n, op, bound), cmp3(hi / n, op, bound)
    return a if a == b else None


def ml_count(flags, op, k):
    """đếm(thành_viên nơi …) OP k with unknown members bounding the count."""
    lo = sum(1 for f in flags if f is True)
    hi = lo + sum(1 for f in flags if f is None)
    a, b = cmp3(lo, op, k), cmp3(hi, op, k)
    return a if a == b else None


def gen_004(files, summary):
    rng = random.Random(20210004)
    hrng = random.Random(20240004)   # the history fields (ml_history)
    names = NameMaker(rng, "minh_long")
    records = []
    people_by_unit = {}
    exp = {k: [] for k in ("lđtt", "cstđcs", "lđtt_ml", "cstđcs_ml", "gk_cn", "ttlđtt", "ttlđxs", "ttlđtt_ml",
                           "ttlđxs_ml", "gk_tt", "cstđ_tỉnh", "cờ", "cờ_cđ")}
    n = 0
    for unit in ML_SCHOOLS + [ML_PHONG]:
        is_phong = unit == ML_PHONG
        size = rng.randint(9, 12) if is_phong else rng.randint(18, 34)
        council = rng.choice([5, 7, 9, 11]) if not is_phong else 9
        people_by_unit[unit] = []
        for k in range(size):
            n += 1
            sex = "Nữ" if rng.random() < (0.6 if is_phong else 0.97 if "Mầm non" in unit else 0.72) else "Nam"
            if is_phong:
                role = "Trưởng phòng" if k == 0 else "Phó Trưởng phòng" if k < 3 else "Chuyên viên"
            else:
                role = "Hiệu trưởng" if k == 0 else "Phó Hiệu trưởng" if k < 2 else \
                    pick_weighted(rng, [("Giáo viên", 82), ("Nhân viên", 18)])
            p = {"mã": f"ML{n:04d}", "tên": names.person(sex), "loại": "cá_nhân", "đơn_vị": unit,
                 "giới_tính": sex, "chức_vụ": role}
            hired = pick_weighted(rng, [(rand_date(rng, D(1992, 9, 1), D(2022, 9, 1)), 93),
                                        (rand_date(rng, D(2023, 9, 1), D(2024, 3, 1)), 6), (None, 1)])
            if hired is not None:
                p["ngày_tuyển_dụng"] = iso(hired)
            q = rng.gauss(0.25, 0.9)      # the person's overall quality this year
            clamp = lambda v, lo, hi: max(lo, min(hi, v))
            s = {
                "điểm_chấp_hành": clamp(round(18 + 1.5 * q + rng.uniform(-1, 1)), 12, 20),
                "điểm_chuyên_môn": clamp(round(34 + 4 * q + rng.uniform(-2, 2)), 20, 40),
                "điểm_chỉ_thị_19": clamp(round(12 + 1.8 * q + rng.uniform(-1.5, 1.5)), 6, 15),
                "điểm_phong_trào": clamp(round(12 + 2 * q + rng.uniform(-1.5, 1.5)), 6, 15),
                "điểm_đạo_đức": clamp(round(8.5 + 1 * q + rng.uniform(-1, 1)), 5, 10),
                "điểm_cộng": clamp(round(1.5 + 1.5 * q + rng.uniform(-1, 1)), 0, 5),
                "điểm_trừ": 0 if rng.random() < 0.85 else rng.randint(1, 8),
            }
            # Points entered above an item's maximum (the sheet counts the maximum).
            if rng.random() < 0.03:
                s["điểm_chuyên_môn"] = rng.randint(41, 44)
            if rng.random() < 0.03:
                s["điểm_cộng"] = rng.randint(6, 8)
            if rng.random() < 0.02:
                del s[rng.choice(["điểm_cộng", "điểm_chỉ_thị_19", "điểm_chuyên_môn"])]
            p.update(s)
            total = ml_total(s)
            rating = 3 if q > 0.9 else 2 if q > -1.3 else 1 if q > -2.3 else 0
            if rng.random() < 0.015:
                rating = None
            else:
                p["xếp_loại_năm"] = RATING_TEXT[rating]
            kl = pick_weighted(rng, [("Không", 95), ("Khiển trách", 2.5), ("Cảnh cáo", 1), (None, 1.5)])
            if kl is not None:
                p["kỷ_luật"] = kl
            review = rng.random() < 0.012
            p["đang_xem_xét_kỷ_luật"] = review
            # Initiatives in the stdlib's list `sáng_kiến` (năm, tên, phạm_vi: phạm_vi_ảnh_hưởng):
            # its scale has no district level, so an initiative recognised by the district is
            # entered as cấp_cơ_sở (below the province); `năm` is the calendar year of recognition.
            inits = []
            if rng.random() < (0.25 if q > 0.5 else 0.08):
                day = rand_date(rng, D(2023, 10, 1), D(2024, 5, 20))
                inits.append((day, {"năm": day.year, "tên": rng.choice(ML_INITIATIVES),
                                    # 80 grassroots + 18 district (entered as cấp_cơ_sở), 2 provincial
                                    "phạm_vi": pick_weighted(rng, [("Cấp cơ sở", 98), ("Cấp bộ tỉnh", 2)])}))
            if rng.random() < 0.05:
                day = rand_date(rng, D(2022, 10, 1), D(2023, 5, 20))
                inits.append((day, {"năm": day.year, "tên": rng.choice(ML_INITIATIVES), "phạm_vi": "Cấp cơ sở"}))
            past, reset, extra = ml_history(hrng, q)
            all_inits = [e for _, e in sorted(inits + ([(D(extra["năm"], 6, 1), extra)] if extra else []),
                                              key=lambda de: de[0])]
            if all_inits:
                p["sáng_kiến"] = all_inits
            # the stdlib's Chiến sĩ thi đua cơ sở reads these two flags: an initiative recognised
            # in the school year, and accepted research (none in this plan's records)
            n_init = sum(1 for day, _ in inits if ML_FROM <= day <= ML_TO)
            p["có_sáng_kiến_được_công_nhận"] = n_init >= 1
            p["có_đề_tài_được_nghiệm_thu"] = False
            # the stdlib's Lao động tiên tiến reads the unit's finding on "đoàn kết, tương trợ,
            # tích cực tham gia phong trào thi đua": the unit records it from the sheet's items
            # IV (từ 8 điểm) and V (từ 7 điểm)
            p["có_tinh_thần_thi_đua"] = s["điểm_phong_trào"] >= 8 and s["điểm_đạo_đức"] >= 7
            # council vote, recorded only for the candidates put to the vote (CSTĐCS)
            voted = total is not None and total >= 88 and rng.random() < 0.9
            if voted:
                yes = pick_weighted(rng, [(council, 60), (council - 1, 25), (council - 2, 10), (council - 3, 5)])
                p["số_phiếu_đồng_ý"] = yes
                p["số_thành_viên_hội_đồng"] = council
            if past:
                p["khen_thưởng_đã_nhận"] = past
            if reset is not None:
                p["ngày_hết_kỷ_luật"] = iso(reset)
            records.append(p)
            # designed outcomes: the stdlib's titles (lao_dong_tien_tien, chien_si_thi_dua_co_so,
            # versions of Luật 2022 / NĐ 98/2023) and the district's own awards over them
            new_hire = None if hired is None else add_months(hired, 6) > ML_TO
            disc = None if kl is None else kl != "Không"
            t = total
            lđtt = outcome([cmp3(rating, ">=", 2), p["có_tinh_thần_thi_đua"]], [new_hire, disc], deferrals=[review])
            exp["lđtt"].append(lđtt)
            std = ML_PASSED[lđtt]                                   # đạt(lao_động_tiên_tiến)
            vote = None if not voted else p["số_phiếu_đồng_ý"] / council >= 0.8
            cst = outcome([std, or3(cmp3(rating, ">=", 3), n_init >= 1, False), vote], deferrals=[review])
            exp["cstđcs"].append(cst)
            lđtt_ml = outcome([std, cmp3(t, ">=", 80), cmp3(s.get("điểm_chỉ_thị_19"), ">=", 10)], deferrals=[review])
            exp["lđtt_ml"].append(lđtt_ml)
            cst_ml = outcome([ML_PASSED[cst], ML_PASSED[lđtt_ml], ml_grade_at_least(t, kl, 90)], deferrals=[review])
            exp["cstđcs_ml"].append(cst_ml)
            exp["gk_cn"].append(outcome([cmp3(rating, ">=", 2), cmp3(s.get("điểm_chỉ_thị_19"), ">=", 14),
                                         cmp3(t, ">=", 85), ml_grade_at_least(t, kl, 80)], [disc], deferrals=[review]))
            provincial = sum(1 for e in all_inits if e["phạm_vi"] == "Cấp bộ tỉnh" and 2022 <= e["năm"] <= 2024)
            exp["cstđ_tỉnh"].append(outcome([ml_run_of_cst(past, reset), provincial >= 1], deferrals=[review]))
            people_by_unit[unit].append({"rating": rating, "lđtt": std, "cst": ML_PASSED[cst], "kl": kl})
    # collectives with their aggregated member counts (computed from the members above)
    for unit in ML_SCHOOLS + [ML_PHONG]:
        n += 1
        members = people_by_unit[unit]
        c = {"mã": f"ML{n:04d}", "tên": unit, "loại": "tập_thể",
             "đơn_vị": "UBND huyện Minh Long" if unit == ML_PHONG else ML_PHONG}
        q = rng.gauss(0.3, 1)
        clamp = lambda v, lo, hi: max(lo, min(hi, v))
        s = {
            "điểm_chấp_hành": clamp(round(18 + 1.5 * q), 12, 20),
            "điểm_chuyên_môn": clamp(round(34 + 4 * q), 20, 40),
            "điểm_chỉ_thị_19": clamp(round(12 + 2 * q), 6, 15),
            "điểm_phong_trào": clamp(round(12 + 2 * q), 6, 15),
            "điểm_đạo_đức": clamp(round(8.5 + q), 5, 10),
            "điểm_cộng": clamp(round(2 + 1.5 * q), 0, 5),
            "điểm_trừ": 0 if rng.random() < 0.8 else rng.randint(1, 5),
        }
        c.update(s)
        total = ml_total(s)
        rating = 3 if q > 0.6 else 2 if q > -1.2 else 1
        c["xếp_loại_năm"] = RATING_TEXT[rating]
        # fields of the stdlib's collective titles: the unit's findings, recorded from the
        # sheet's items IV and V as for individuals; no review pending; the plan proposes no
        # Cờ thi đua: no collective leads a thematic movement, and the cluster fields are left
        # out, so the cluster Cờ is failed for those not exceeding their targets and not
        # decidable (no cụm_thi_đua) for the others
        c["tập_thể_có_phong_trào_thi_đua"] = s["điểm_phong_trào"] >= 8
        c["tập_thể_nội_bộ_đoàn_kết"] = s["điểm_đạo_đức"] >= 7
        c["đang_xem_xét_kỷ_luật"] = False
        c["tập_thể_vượt_mức_chỉ_tiêu"] = rating >= 3
        c["dẫn_đầu_phong_trào_chuyên_đề"] = False
        c["số_cá_nhân"] = len(members)
        c["số_hoàn_thành_nhiệm_vụ"] = sum(1 for m in members if m["rating"] is not None and m["rating"] >= 1)
        c["số_đạt_lao_động_tiên_tiến"] = sum(1 for m in members if m["lđtt"])
        c["số_đạt_chiến_sĩ_thi_đua_cơ_sở"] = sum(1 for m in members if m["cst"])
        c["số_bị_kỷ_luật_từ_cảnh_cáo"] = sum(1 for m in members if m["kl"] in ("Cảnh cáo", "Cách chức"))
        records.append(c)
        n_m = len(members)
        no_warning = ml_count([None if m["kl"] is None else m["kl"] in ("Cảnh cáo", "Cách chức") for m in members],
                              "==", 0)
        tt = outcome([rating >= 2, c["tập_thể_có_phong_trào_thi_đua"],
                      ml_share([m["lđtt"] for m in members], n_m, ">", 0.5), no_warning,
                      c["tập_thể_nội_bộ_đoàn_kết"]], deferrals=[False])
        exp["ttlđtt"].append(tt)
        xs = outcome([ML_PASSED[tt], rating >= 3, c["tập_thể_có_phong_trào_thi_đua"],
                      ml_share([cmp3(m["rating"], ">=", 1) for m in members], n_m, ">=", 1.0),
                      ml_share([m["lđtt"] for m in members], n_m, ">=", 0.7),
                      ml_count([m["cst"] for m in members], ">=", 1), no_warning,
                      c["tập_thể_nội_bộ_đoàn_kết"]], deferrals=[False])
        exp["ttlđxs"].append(xs)
        tt_ml = outcome([ML_PASSED[tt], total >= 80, s["điểm_chỉ_thị_19"] >= 10])
        exp["ttlđtt_ml"].append(tt_ml)
        exp["ttlđxs_ml"].append(outcome([ML_PASSED[xs], ML_PASSED[tt_ml], total >= 90]))
        exp["gk_tt"].append(outcome([rating >= 2, s["điểm_chỉ_thị_19"] >= 14, total >= 85]))
        # Cờ (cụm): no cụm_thi_đua, điểm_thi_đua_cụm, …: decided only by a false criterion
        exp["cờ"].append(outcome([None, None, c["tập_thể_vượt_mức_chỉ_tiêu"], c["tập_thể_nội_bộ_đoàn_kết"],
                                  None, None, None], deferrals=[False]))
        exp["cờ_cđ"].append("failed")
    files["rules/004_chi_thi_19_minh_long/records.jsonl"] = jsonl_bytes(records)
    n_coll = len(ML_SCHOOLS) + 1
    summary.append(f"seed 004 (rules/004_chi_thi_19_minh_long, JSON Lines): {len(records)} participants "
                   f"({len(records) - n_coll} individuals, {n_coll} collectives)")
    for name, key in (("lao_động_tiên_tiến (stdlib)", "lđtt"), ("chiến_sĩ_thi_đua_cơ_sở (stdlib)", "cstđcs"),
                      ("lao_động_tiên_tiến_minh_long", "lđtt_ml"), ("chiến_sĩ_thi_đua_cơ_sở_minh_long", "cstđcs_ml"),
                      ("giấy_khen_cá_nhân_chỉ_thị_19", "gk_cn"), ("đề_nghị_chiến_sĩ_thi_đua_cấp_tỉnh", "cstđ_tỉnh"),
                      ("tập_thể_lao_động_tiên_tiến (stdlib)", "ttlđtt"), ("tập_thể_lao_động_xuất_sắc (stdlib)", "ttlđxs"),
                      ("tập_thể_lao_động_tiên_tiến_minh_long", "ttlđtt_ml"),
                      ("tập_thể_lao_động_xuất_sắc_minh_long", "ttlđxs_ml"),
                      ("giấy_khen_tập_thể_chỉ_thị_19", "gk_tt"), ("cờ_thi_đua_bộ_ngành_tỉnh (stdlib)", "cờ"),
                      ("cờ_thi_đua_bộ_ngành_tỉnh_chuyên_đề (stdlib)", "cờ_cđ")):
        summary.append(f"  {name + ':':45} {tally(exp[key])}")


# --------------------------------------------------------------------------------------

def generate():
    files = {}
    summary = []
    for gen in (gen_000, gen_001, gen_002, gen_003, gen_004):
        gen(files, summary)
    return files, summary


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true",
                    help="do not write; exit 1 if a generated file differs from the one on disk")
    ap.add_argument("--summary", action="store_true",
                    help="print sizes and the outcome spread the data was designed for")
    args = ap.parse_args(argv)
    files, summary = generate()
    status = 0
    for rel in sorted(files):
        path = os.path.join(ROOT, rel)
        data = files[rel]
        if args.check:
            try:
                with open(path, "rb") as f:
                    same = f.read() == data
            except FileNotFoundError:
                same = False
            if not same:
                print(f"differs: {rel}", file=sys.stderr)
                status = 1
        else:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as f:
                f.write(data)
    if args.summary:
        for line in summary:
            print(line)
    if args.check and status == 0:
        print(f"ok: {len(files)} generated files are up to date")
    elif not args.check:
        print(f"wrote {len(files)} files under rules/")
    return status


if __name__ == "__main__":
    sys.exit(main())
