"""The figures of REPORTS.md §3 for every unit, in hand-written SQL over `sqlite3` (no ORM).

This is the baseline of scenario (a): written again from REPORTS.md §3 and SPEC §4, not
from the product's code (it imports nothing from `desktop`), so that the product's
figures are checked against an independent computation as well as timed against it.
Where REPORTS.md is silent it follows the choices documented at the top of
`desktop/reports/figures.py` (offence groups by Penal Code chapter, sentence bands, the
ended-before-received clamp, an excused week counted as "excused" only when no contact
covered it, half-up rounding, support and violations counted from the person's reception
on — earlier ones, carried by a transfer, are the sending commune's). The date arithmetic
of the periods (REPORTS.md §2) is written here too, in a few lines.

SQL does the counting, grouped by unit; Python only turns the rows into the figure dict
and rounds the two percentages.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

RELEASE_TYPES = ("completed", "amnesty", "conditional")
END_REASONS = ("expunged", "moved", "abroad", "missing", "died", "new_sentence")
SUPPORT_KINDS = ("counselling", "legal_procedures", "residence_registration", "civil_status",
                 "id_card", "judicial_record", "expungement_application",
                 "vocational_training", "job_referral", "loan", "hardship_aid",
                 "social_protection", "other")
GENDERS = ("male", "female")
AGE_GROUPS = ("<18", "18-30", "31-45", "46-60", ">60")
OFFENCE_GROUPS = (*(f"chapter_{n}" for n in range(13, 27)), "unknown")
SENTENCE_LENGTHS = ("<=5y", ">5-15y", ">15y_or_life", "other")
CLASSES = ("A", "B", "C", "D")

Figures = dict[str, Any]

# ------------------------------------------------------------------ periods (REPORTS.md §2)


def _shift(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + months
    return index // 12, index % 12 + 1


def quarters(convention: str, start_month: int, first_year: int,
             last_year: int) -> Iterable[tuple[str, date, date]]:
    """(code, start, end) of every reporting quarter of the years given."""
    for year in range(first_year, last_year + 1):
        for q in range(1, 5):
            if convention == "calendar":
                y0, m0, day = year, 1, 1
            else:  # cut-off: the year starts on the 15th of start_month of the year before
                y0, m0, day = year - 1, start_month, 15
            sy, sm = _shift(y0, m0, 3 * (q - 1))
            ey, em = _shift(y0, m0, 3 * q)
            start = date(sy, sm, day)
            end = date.fromordinal(date(ey, em, day).toordinal() - 1)
            yield f"{year}-Q{q}", start, end


def _conventions(conn: sqlite3.Connection) -> dict[str, tuple[str, int]]:
    found: dict[str, tuple[str, int]] = {}
    for code, convention, month in conn.execute(
            "SELECT code, period_convention, year_start_month FROM units"
            " WHERE deleted_at IS NULL"):
        ok = convention in ("calendar", "cutoff") and isinstance(month, int) and 1 <= month <= 12
        found[code] = (convention, month) if ok else ("cutoff", 12)
    return found


# ------------------------------------------------------------------ the SQL

# Week numbers: days since Monday 1 January 1900, divided by 7.
WEEK = "(CAST(julianday({d}) - julianday('1900-01-01') AS INTEGER) / 7)"
# The Monday of ISO week "YYYY-Www": the Monday on or before 4 January, plus (W−1) weeks.
ISO_MONDAY = ("date(substr({c}, 1, 4) || '-01-04', '-' || ((CAST(strftime('%w', "
              "substr({c}, 1, 4) || '-01-04') AS INTEGER) + 6) % 7) || ' days', '+' || "
              "((CAST(substr({c}, 7, 2) AS INTEGER) - 1) * 7) || ' days')")

PERSON_FACTS = """
CREATE TEMP TABLE pf AS
WITH latest AS (
  SELECT * FROM (
    SELECT j.*, ROW_NUMBER() OVER (
      PARTITION BY j.person_id
      ORDER BY COALESCE(j.judgment_date, '0000-00-00') DESC, j.created_at DESC) AS rn
    FROM judgments j WHERE j.deleted_at IS NULL)
  WHERE rn = 1
),
crime AS (
  SELECT v.person_id, MIN(v.violation_date) AS first_on
  FROM violations v JOIN persons p ON p.id = v.person_id
  WHERE v.deleted_at IS NULL AND v.kind = 'new_crime'
    AND (p.release_date IS NULL OR v.violation_date >= p.release_date)
  GROUP BY v.person_id
),
base AS (
  SELECT p.id, p.unit_code, p.gender, p.birth_date, p.notice_received_on AS notice,
    p.release_date, p.release_type, p.received_on AS recv, p.end_reason,
    -- bad data (ended before received) must not break start + received − ended = end
    CASE WHEN p.ended_on < p.received_on THEN p.received_on ELSE p.ended_on END AS ended,
    j.person_id IS NOT NULL AS has_judgment, j.chapter,
    CASE
      WHEN j.main_penalty IN ('warning', 'fine', 'non_custodial', 'suspended') THEN 'light'
      WHEN j.main_penalty IN ('life', 'death_commuted') THEN 'over15'
      WHEN j.main_penalty = 'prison' AND j.prison_months >= 0 THEN
        CASE WHEN j.prison_months <= 60 THEN 'upto5'
             WHEN j.prison_months <= 180 THEN '5to15' ELSE 'over15' END
    END AS band,
    CASE WHEN j.main_penalty = 'suspended' OR p.release_type = 'conditional'
         THEN j.probation_until ELSE p.release_date END AS main_done,
    (TRIM(j.supplementary) <> '' OR j.supplementary_until IS NOT NULL) AS has_supp,
    j.supplementary_until AS supp_until,
    (TRIM(j.obligations) <> '' OR j.obligations_done_on IS NOT NULL) AS has_obl,
    j.obligations_done_on AS obl_done,
    c.first_on AS first_crime
  FROM persons p
  LEFT JOIN latest j ON j.person_id = p.id
  LEFT JOIN crime c ON c.person_id = p.id
  WHERE p.deleted_at IS NULL
),
waits AS (
  SELECT b.*,
    CASE WHEN b.band IS NULL THEN NULL
         WHEN b.chapter IN (13, 26) THEN  -- Art. 71: by court decision
           CASE b.band WHEN 'light' THEN 1 WHEN 'upto5' THEN 3 WHEN '5to15' THEN 5 ELSE 7 END
         ELSE CASE b.band WHEN 'light' THEN 1 WHEN 'upto5' THEN 2 WHEN '5to15' THEN 3 ELSE 5 END
    END AS years,
    CASE WHEN b.main_done IS NULL OR (b.has_supp AND b.supp_until IS NULL)
              OR (b.has_obl AND b.obl_done IS NULL) THEN NULL
         ELSE max(b.main_done,
                  COALESCE(CASE WHEN b.has_supp THEN b.supp_until END, b.main_done),
                  COALESCE(CASE WHEN b.has_obl THEN b.obl_done END, b.main_done))
    END AS completed
  FROM base b
),
expunge AS (
  SELECT w.*,
    CASE WHEN w.completed IS NULL OR w.years IS NULL THEN NULL
         -- 29 February + n years ends on 28 February of a common year (Civil Code 148)
         WHEN substr(w.completed, 6, 5) = '02-29'
              AND substr(date(w.completed, '+' || w.years || ' years'), 6, 5) = '03-01'
           THEN date(w.completed, '+' || w.years || ' years', '-1 day')
         ELSE date(w.completed, '+' || w.years || ' years')
    END AS plain_expected
  FROM waits w
)
SELECT e.*,
  CASE WHEN e.first_crime IS NOT NULL
            AND (e.plain_expected IS NULL OR e.first_crime <= e.plain_expected) THEN NULL
       ELSE e.plain_expected END AS expected_on
FROM expunge e
"""

MOVEMENT = """
SELECT unit_code,
  SUM(recv < :s AND (ended IS NULL OR ended >= :s)) AS managed_at_start,
  SUM(recv BETWEEN :s AND :e) AS received,
  SUM(recv BETWEEN :s AND :e AND release_type = 'completed') AS received_completed,
  SUM(recv BETWEEN :s AND :e AND release_type = 'amnesty') AS received_amnesty,
  SUM(recv BETWEEN :s AND :e AND release_type = 'conditional') AS received_conditional,
  SUM(notice IS NOT NULL AND release_date <= :e AND (recv IS NULL OR recv > :e)
      AND (ended IS NULL OR ended > :e)) AS expected_not_arrived,
  SUM(recv IS NOT NULL AND ended BETWEEN :s AND :e) AS ended,
  SUM(recv IS NOT NULL AND ended BETWEEN :s AND :e AND end_reason = 'expunged') AS ended_expunged,
  SUM(recv IS NOT NULL AND ended BETWEEN :s AND :e AND end_reason = 'moved') AS ended_moved,
  SUM(recv IS NOT NULL AND ended BETWEEN :s AND :e AND end_reason = 'abroad') AS ended_abroad,
  SUM(recv IS NOT NULL AND ended BETWEEN :s AND :e AND end_reason = 'missing') AS ended_missing,
  SUM(recv IS NOT NULL AND ended BETWEEN :s AND :e AND end_reason = 'died') AS ended_died,
  SUM(recv IS NOT NULL AND ended BETWEEN :s AND :e AND end_reason = 'new_sentence')
    AS ended_new_sentence,
  SUM(recv <= :e AND (ended IS NULL OR ended > :e)) AS managed_at_end,
  SUM(recv <= :e AND (ended IS NULL OR ended > :e) AND expected_on > :e
      AND expected_on <= date(:e, '+90 days')) AS expunged_expected_next_90d
FROM pf GROUP BY unit_code
"""

# The breakdowns of managed_at_end, one (unit, dimension, bucket, count) row each.
BREAKDOWNS = """
WITH m AS (
  SELECT pf.*,
    CASE
      WHEN birth_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
        THEN CAST(substr(:e, 1, 4) AS INTEGER) - CAST(substr(birth_date, 1, 4) AS INTEGER)
             - (substr(:e, 6, 5) < substr(birth_date, 6, 5))
      WHEN birth_date GLOB '[0-9][0-9][0-9][0-9]'
        THEN CAST(substr(:e, 1, 4) AS INTEGER) - CAST(birth_date AS INTEGER)
    END AS age
  FROM pf WHERE recv <= :e AND (ended IS NULL OR ended > :e)
)
SELECT unit_code, 'by_gender', gender, COUNT(*) FROM m
  WHERE gender IN ('male', 'female') GROUP BY 1, 3
UNION ALL
SELECT unit_code, 'by_age_group',
  CASE WHEN age < 18 THEN '<18' WHEN age <= 30 THEN '18-30' WHEN age <= 45 THEN '31-45'
       WHEN age <= 60 THEN '46-60' ELSE '>60' END, COUNT(*)
  FROM m WHERE age IS NOT NULL GROUP BY 1, 3
UNION ALL
SELECT unit_code, 'by_offence_group',
  CASE WHEN chapter BETWEEN 13 AND 26 THEN 'chapter_' || chapter ELSE 'unknown' END, COUNT(*)
  FROM m GROUP BY 1, 3
UNION ALL
SELECT unit_code, 'by_sentence_length',
  CASE band WHEN 'upto5' THEN '<=5y' WHEN '5to15' THEN '>5-15y'
            WHEN 'over15' THEN '>15y_or_life' ELSE 'other' END, COUNT(*)
  FROM m GROUP BY 1, 3
"""

TEAMS = """
SELECT unit_code, COUNT(*) FROM pf
WHERE recv <= :e AND (ended IS NULL OR ended > :e) AND id IN (
  SELECT person_id FROM team_members
  WHERE deleted_at IS NULL AND role IN ('police', 'mass_org', 'party_member', 'family')
    AND from_date <= :e AND (to_date IS NULL OR to_date >= :e)
  GROUP BY person_id HAVING COUNT(DISTINCT role) = 4)
GROUP BY unit_code
"""

# Per person: the ISO weeks wholly inside [S, E] and wholly under management (SPEC §4).
SPANS = f"""
CREATE TEMP TABLE span AS
SELECT id, unit_code, first, last FROM (
  SELECT id, unit_code,
    max({WEEK.format(d="date(:s, '+6 days')")}, {WEEK.format(d="date(recv, '+6 days')")})
      AS first,
    CASE WHEN ended IS NULL THEN {WEEK.format(d="date(:e, '+1 day')")} - 1
         ELSE min({WEEK.format(d="date(:e, '+1 day')")} - 1, {WEEK.format(d="ended")} - 1)
    END AS last
  FROM pf WHERE recv IS NOT NULL
) WHERE last >= first
"""
CONTACT_WEEKS = f"""
CREATE TEMP TABLE cw AS
SELECT DISTINCT c.person_id AS pid, {WEEK.format(d="c.contact_date")} AS w
FROM span s CROSS JOIN contacts c ON c.person_id = s.id  -- person by person: rows are local
WHERE c.deleted_at IS NULL AND c.contact_date BETWEEN :s AND :e
"""
EXCUSED_WEEKS = f"""
CREATE TEMP TABLE ew AS
SELECT DISTINCT x.person_id AS pid, {WEEK.format(d=ISO_MONDAY.format(c="x.week"))} AS w
FROM excused_weeks x JOIN span s ON s.id = x.person_id
WHERE x.deleted_at IS NULL
"""
WEEKS_DUE = "SELECT unit_code, SUM(last - first + 1) FROM span GROUP BY unit_code"
WEEKS_COVERED = """
SELECT s.unit_code, COUNT(*)
FROM (SELECT pid, w FROM cw UNION SELECT pid, w FROM ew) u JOIN span s ON s.id = u.pid
WHERE u.w BETWEEN s.first AND s.last
GROUP BY s.unit_code
"""
WEEKS_EXCUSED = """
SELECT s.unit_code, COUNT(*)
FROM ew JOIN span s ON s.id = ew.pid
WHERE ew.w BETWEEN s.first AND s.last
  AND NOT EXISTS (SELECT 1 FROM cw WHERE cw.pid = ew.pid AND cw.w = ew.w)
GROUP BY s.unit_code
"""

CLASSIFICATION = """
SELECT pf.unit_code,
  COALESCE(CASE WHEN UPPER(TRIM(e.classification)) IN ('A', 'B', 'C', 'D')
                THEN UPPER(TRIM(e.classification)) END, 'missing'),
  COUNT(*)
FROM pf JOIN uq ON uq.unit_code = pf.unit_code
LEFT JOIN evaluations e
  ON e.person_id = pf.id AND e.quarter = uq.code AND e.deleted_at IS NULL
WHERE pf.recv <= uq.q_end AND (pf.ended IS NULL OR pf.ended > uq.q_end)
GROUP BY 1, 2
"""

SUPPORTS = """
SELECT pf.unit_code, s.kind, COUNT(*), COUNT(DISTINCT s.person_id),
  SUM(COALESCE(s.amount_vnd, 0))
FROM supports s JOIN pf ON pf.id = s.person_id
WHERE s.deleted_at IS NULL AND s.support_date BETWEEN :s AND :e
  AND s.support_date >= pf.recv  -- before the reception: the sending commune's support
GROUP BY 1, 2
"""

VIOLATIONS = """
SELECT pf.unit_code, SUM(v.kind = 'administrative'),
  COUNT(DISTINCT CASE WHEN v.kind = 'new_crime' THEN v.person_id END)
FROM violations v JOIN pf ON pf.id = v.person_id
WHERE v.deleted_at IS NULL AND v.violation_date BETWEEN :s AND :e
  AND v.violation_date >= pf.recv
GROUP BY 1
"""

COMMUNITY = """
SELECT m.unit_code,
  SUM(m.kind = 'model' AND m.status <> 'dissolved' AND m.start_date <= :e
      AND (m.end_date IS NULL OR m.end_date > :e)),
  SUM(m.kind = 'exemplary' AND m.start_date BETWEEN :s AND :e)
FROM models m
WHERE m.deleted_at IS NULL
  AND (m.person_id IS NULL OR m.person_id IN (SELECT id FROM persons WHERE deleted_at IS NULL))
GROUP BY 1
"""

# ------------------------------------------------------------------ assembling


def _pct(numerator: int, denominator: int, places: str) -> float | None:
    if denominator == 0:
        return None
    exact = Decimal(100 * numerator) / Decimal(denominator)
    return float(exact.quantize(Decimal(places), rounding=ROUND_HALF_UP))


def _empty() -> Figures:
    counts = (
        "managed_at_start", "received", *(f"received_{t}" for t in RELEASE_TYPES),
        "expected_not_arrived", "ended", *(f"ended_{r}" for r in END_REASONS),
        "managed_at_end", "managed_during", "teams_complete", "weeks_due", "weeks_covered",
        "weeks_excused", *(f"class_{c}" for c in CLASSES), "class_missing",
        *(k for kind in SUPPORT_KINDS for k in (f"support_{kind}", f"support_{kind}_people")),
        "loan_count", "loan_amount_vnd", "hardship_amount_vnd", "violations_admin",
        "reoffended", "expunged_expected_next_90d", "models_active", "exemplary_people")
    figures: Figures = dict.fromkeys(counts, 0)
    figures["by_gender"] = dict.fromkeys(GENDERS, 0)
    figures["by_age_group"] = dict.fromkeys(AGE_GROUPS, 0)
    figures["by_offence_group"] = dict.fromkeys(OFFENCE_GROUPS, 0)
    figures["by_sentence_length"] = dict.fromkeys(SENTENCE_LENGTHS, 0)
    return figures


def _quarter_table(conn: sqlite3.Connection, units: Iterable[str], start: date,
                   end: date) -> None:
    conventions = _conventions(conn)
    rows = []
    for code in units:
        convention, month = conventions.get(code, ("cutoff", 12))
        for q_code, _q_start, q_end in quarters(convention, month, start.year - 1,
                                                end.year + 1):
            if start <= q_end <= end:
                rows.append((code, q_code, q_end.isoformat()))
    conn.execute("CREATE TEMP TABLE uq (unit_code TEXT, code TEXT, q_end TEXT)")
    conn.executemany("INSERT INTO uq VALUES (?, ?, ?)", rows)


def figures_by_unit(path: str, start: date, end: date) -> dict[str, Figures]:
    """Every figure of every unit that has live persons, over [start, end]."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        conn.execute("PRAGMA temp_store = MEMORY")
        return _compute(conn, {"s": start.isoformat(), "e": end.isoformat()}, start, end)
    finally:
        conn.close()


def _compute(conn: sqlite3.Connection, p: dict[str, str], start: date,
             end: date) -> dict[str, Figures]:
    conn.execute(PERSON_FACTS)
    conn.execute("CREATE UNIQUE INDEX temp.pf_id ON pf (id)")
    units = [code for (code,) in conn.execute("SELECT DISTINCT unit_code FROM pf")]
    result: defaultdict[str, Figures] = defaultdict(_empty)
    names = [d[0] for d in conn.execute(MOVEMENT, p).description]
    for row in conn.execute(MOVEMENT, p):
        result[row[0]].update({k: v or 0 for k, v in zip(names[1:], row[1:], strict=True)})
    for code, dimension, bucket, count in conn.execute(BREAKDOWNS, p):
        result[code][dimension][bucket] = count
    for code, count in conn.execute(TEAMS, p):
        result[code]["teams_complete"] = count
    _coverage(conn, p, result)
    _quarter_table(conn, units, start, end)
    for code, group, count in conn.execute(CLASSIFICATION):
        result[code][f"class_{group}"] = count
    _supports_and_more(conn, p, result)
    for figures in (result[code] for code in units):
        figures["managed_during"] = figures["managed_at_start"] + figures["received"]
        figures["contact_coverage_pct"] = _pct(figures["weeks_covered"],
                                               figures["weeks_due"], "0.1")
        figures["reoffending_rate_pct"] = _pct(figures["reoffended"],
                                               figures["managed_during"], "0.01")
    return {code: result[code] for code in sorted(units)}


def _coverage(conn: sqlite3.Connection, p: dict[str, str],
              result: defaultdict[str, Figures]) -> None:
    conn.execute(SPANS, p)
    conn.execute("CREATE UNIQUE INDEX temp.span_id ON span (id)")
    conn.execute(CONTACT_WEEKS, p)
    conn.execute(EXCUSED_WEEKS)
    conn.execute("CREATE INDEX temp.cw_pw ON cw (pid, w)")
    for key, sql in (("weeks_due", WEEKS_DUE), ("weeks_covered", WEEKS_COVERED),
                     ("weeks_excused", WEEKS_EXCUSED)):
        for code, count in conn.execute(sql):
            result[code][key] = count


def _supports_and_more(conn: sqlite3.Connection, p: dict[str, str],
                       result: defaultdict[str, Figures]) -> None:
    for code, kind, count, people, amount in conn.execute(SUPPORTS, p):
        figures = result[code]
        figures[f"support_{kind}"] = count
        figures[f"support_{kind}_people"] = people
        if kind == "loan":
            figures["loan_count"], figures["loan_amount_vnd"] = count, amount
        elif kind == "hardship_aid":
            figures["hardship_amount_vnd"] = amount
    for code, admin, reoffended in conn.execute(VIOLATIONS, p):
        result[code].update(violations_admin=admin or 0, reoffended=reoffended)
    for code, active, exemplary in conn.execute(COMMUNITY, p):
        if code in result:
            result[code].update(models_active=active or 0, exemplary_people=exemplary or 0)
