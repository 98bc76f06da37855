-- The regime-B side of the 21 cases of national-criteria.md §3 (D1–D21)
-- and of kontum-notes.md §9 (A–D), as judged by this rule set. Where domain
-- says the B outcome "depends" or is possible only, the comment says what
-- this encoding gives and why.

local function person(category, extra)
  local p = { id = "P1", unit_id = "U1", is_leader = 0, category = category }
  for k, v in pairs(extra or {}) do p[k] = v end
  return p
end

local function rated(y1, y2, rating)
  local t = {}
  for y = y1, y2 do t[#t + 1] = { year = y, rating = rating } end
  return t
end

local function titles(code, list, kind)
  local t = {}
  for _, y in ipairs(list) do t[#t + 1] = { code = code, year = y, kind = kind } end
  return t
end

local function facts(y, kv)
  local t = {}
  for k, v in pairs(kv) do t[#t + 1] = { key = k, value = tostring(v), year = y } end
  table.sort(t, function(a, b) return a.key < b.key end)
  return t
end

local function cat(...)
  local t = {}
  for _, l in ipairs({ ... }) do for _, x in ipairs(l) do t[#t + 1] = x end end
  return t
end

local function sk(list, scope, kind)
  local t = {}
  for i, y in ipairs(list) do
    t[#t + 1] = { id = (kind == "research" and "DT" or "SK") .. y .. "-" .. i,
                  year = y, scope = scope or "unit", kind = kind }
  end
  return t
end

local function nomination_facts(kv)
  local t = {}
  for k, v in pairs(kv) do
    t[#t + 1] = { subject_type = "nomination", subject_id = "CASE", key = k,
                  value = tostring(v) }
  end
  table.sort(t, function(a, b) return a.key < b.key end)
  return t
end

---------------------------------------------------------------- D1–D4: LĐTT

-- TT 01/2024 Điều 1 khoản 5 điểm d [V-en]: 6 months, not regime A's 10.
case "D1 (B): LĐTT, recruited 01/04, 9 months worked → eligible" {
  form = "ldtt", year = 2024, submitted = "2025-01-10",
  person = person("civil_servant", { hired = "2024-04-01" }),
  appraisals = { { year = 2024, rating = "good", months_worked = 9 } },
  facts = facts(2024, { self_reliance = 1 }),
  expect = "eligible",
  criteria = { not_new_hire = "pass" },
}

case "D2 (B): LĐTT, recruited 15/06, 6 full months → eligible" {
  form = "ldtt", year = 2024, submitted = "2025-01-10",
  person = person("civil_servant", { hired = "2024-06-15" }),
  appraisals = { { year = 2024, rating = "good", months_worked = 6 } },
  facts = facts(2024, { self_reliance = 1 }),
  expect = "eligible",
  criteria = { not_new_hire = "pass" },
}

-- Luật 2022 Điều 24 khoản 1 [V] has only two criteria; study and ethics
-- (Luật 2003 Điều 24 k1 c–d) are not among them.
case "D3 (B): LĐTT, study and ethics judged unmet → eligible nationally" {
  form = "ldtt", year = 2024,
  person = person("civil_servant"),
  appraisals = rated(2024, 2024, "good"),
  facts = facts(2024, { self_reliance = 1, studies = 0, ethics = 0 }),
  expect = "eligible",
}

-- Domain: no explicit LĐTT reprimand bar was found (B-LDTT-10 [U]); but
-- NĐ 98 Đ4 counts achievements only from the end of the disciplinary
-- period (domain/README.md, recurring rules), so a year inside a period
-- does not count: ineligible, by after_discipline, not by a reprimand bar.
case "D4 (B): LĐTT with a khiển trách in the year → ineligible (NĐ 98 Đ4)" {
  form = "ldtt", year = 2024,
  person = person("civil_servant"),
  appraisals = rated(2024, 2024, "good"),
  disciplines = { { date = "2024-03-01", level = "reprimand", ends = "2024-09-01" } },
  facts = facts(2024, { self_reliance = 1 }),
  expect = "ineligible",
  criteria = { rating_good = "pass", after_discipline = "fail" },
}

case "D4 (B): a period that ended in the year before does not bar → eligible" {
  form = "ldtt", year = 2024,
  person = person("civil_servant"),
  appraisals = rated(2024, 2024, "good"),
  disciplines = { { date = "2023-03-01", level = "reprimand", ends = "2023-12-31" } },
  facts = facts(2024, { self_reliance = 1 }),
  expect = "eligible",
  criteria = { after_discipline = "pass" },
}

---------------------------------------------------------------- D5–D7: CSTĐ

-- Luật 2022 Điều 23 khoản 2 [V-en]: an excellent rating is an alternative.
case "D5 (B): CSTĐCS without sáng kiến, rated excellent → eligible" {
  form = "cstd_cs", year = 2024,
  person = person("civil_servant"),
  appraisals = rated(2024, 2024, "excellent"),
  facts = facts(2024, { self_reliance = 1 }),
  expect = "eligible",
  criteria = { rating_excellent = "pass", initiative = "fail" },
}

-- No national quota (B-CSCS-Q [U]): the fifth candidate of a unit of 20
-- LĐTT is as eligible as the first.
do
  local people, honours = {}, {}
  for i = 2, 20 do
    people[#people + 1] = { id = "M" .. i, unit_id = "U1", is_leader = 0 }
    honours[#honours + 1] = { subject_type = "person", subject_id = "M" .. i,
                              code = "ldtt", year = 2024 }
  end
  for i = 2, 5 do
    honours[#honours + 1] = { subject_type = "person", subject_id = "M" .. i,
                              code = "cstd_cs", year = 2024 }
  end
  case "D6 (B): CSTĐCS, 5 qualified candidates among 20 LĐTT → eligible (no cap)" {
    form = "cstd_cs", year = 2024,
    person = person("civil_servant"), people = people, honours = honours,
    appraisals = rated(2024, 2024, "excellent"),
    facts = facts(2024, { self_reliance = 1 }),
    expect = "eligible",
  }
end

-- Three CSTĐCS won through the excellent rating alone, then one sáng kiến
-- recognised at province level in the third year (Điều 22–23 [P]).
case "D7 (B): CSTĐ tỉnh after three CSTĐCS via HTXS and a province sáng kiến → eligible" {
  form = "cstd_tinh", year = 2026,
  person = person("civil_servant"),
  appraisals = rated(2024, 2026, "excellent"),
  honours = titles("cstd_cs", { 2024, 2025, 2026 }),
  initiatives = sk({ 2026 }, "province"),
  facts = facts(2026, { outstanding = 1 }),
  expect = "eligible",
  criteria = { cstd_cs_before = "pass", cstd_cs_this_year = "pass",
               province_initiative = "pass" },
}

---------------------------------------------------------------- D8: BK tỉnh

case "D8 (B): BK tỉnh after two consecutive CSTĐCS via HTXS, no sáng kiến → eligible" {
  form = "bk_tinh", year = 2025,
  person = person("civil_servant"),
  appraisals = rated(2024, 2025, "excellent"),
  honours = titles("cstd_cs", { 2024, 2025 }),
  facts = facts(2025, { compliance = 1 }),
  expect = "eligible",
  criteria = { d_two_cstd_cs = "pass", d_two_initiatives = "fail" },
}

---------------------------------------------------------------- D9–D12: BK TTg

local NOT_AC = { compliance = 1, influence_scope = "unit" }

case "D9 (B): BK TTg, BK tỉnh 2018, 2019–2023 HTXS, CSTĐCS 2019/2021/2023, no sáng kiến → eligible" {
  form = "bk_ttg", year = 2023, submitted = "2024-03-15",
  person = person("civil_servant"),
  appraisals = rated(2019, 2023, "excellent"),
  honours = cat(titles("bk_tinh", { 2018 }), titles("cstd_cs", { 2019, 2021, 2023 })),
  facts = facts(2023, NOT_AC),
  expect = "eligible",
  criteria = { b_five_years_good = "pass", b_three_cstd_cs = "pass" },
}

-- The B analogue of D10, moved to B dates: BK tỉnh 2017; 2018–2022 HTXS
-- with 5 sáng kiến; 2023 only HTTNV. An HTTNV year does not break the
-- "hoàn thành tốt nhiệm vụ trở lên" run; what decides is the three CSTĐCS.
case "D10 (B): BK TTg, the last year only HTTNV, three CSTĐCS in the run → eligible" {
  form = "bk_ttg", year = 2023, submitted = "2024-03-15",
  person = person("civil_servant"),
  appraisals = cat(rated(2018, 2022, "excellent"), rated(2023, 2023, "good")),
  honours = cat(titles("bk_tinh", { 2017 }), titles("cstd_cs", { 2019, 2021, 2023 })),
  initiatives = sk({ 2018, 2019, 2020, 2021, 2022 }),
  facts = facts(2023, NOT_AC),
  expect = "eligible",
  criteria = { b_five_years_good = "pass", b_three_cstd_cs = "pass" },
}

case "D10 (B): same history with no CSTĐCS recorded → ineligible (sáng kiến do not replace them)" {
  form = "bk_ttg", year = 2023, submitted = "2024-03-15",
  person = person("civil_servant"),
  appraisals = cat(rated(2018, 2022, "excellent"), rated(2023, 2023, "good")),
  honours = titles("bk_tinh", { 2017 }),
  initiatives = sk({ 2018, 2019, 2020, 2021, 2022 }),
  facts = facts(2023, NOT_AC),
  expect = "ineligible",
  criteria = { b_five_years_good = "pass", b_three_cstd_cs = "fail" },
}

-- Domain: "Not eligible via b; only via a/c if applicable". The case
-- attests that a and c do not apply (no movement; influence within the
-- unit), so: ineligible.
case "D11 (B): BK TTg, 5 years HTXS and 5 sáng kiến but only 2 CSTĐCS → ineligible" {
  form = "bk_ttg", year = 2023, submitted = "2024-03-15",
  person = person("civil_servant"),
  appraisals = rated(2019, 2023, "excellent"),
  honours = cat(titles("bk_tinh", { 2018 }), titles("cstd_cs", { 2020, 2022 })),
  initiatives = sk({ 2019, 2020, 2021, 2022, 2023 }),
  facts = facts(2023, NOT_AC),
  expect = "ineligible",
  criteria = { b_three_cstd_cs = "fail", a_movement = "fail", c_influence = "fail" },
}

-- Domain: "possibly eligible via a" (no duration in the text read; the B
-- duration detail is [U]). This encoding sets no duration for điểm a, so
-- a movement reviewed after 2 years is enough: eligible.
case "D12 (B): BK TTg, outstanding in a ministry movement reviewed after 2 years → eligible" {
  form = "bk_ttg", year = 2024, kind = "thematic", campaign = "PT-BO-2023",
  person = person("civil_servant"),
  appraisals = rated(2024, 2024, "good"),
  facts = cat(facts(2024, { compliance = 1, influence_scope = "unit", outstanding = 1 }),
              nomination_facts({ movement_launched_by = "ministry", movement_years = 2 })),
  expect = "eligible",
  criteria = { a_movement = "pass", a_outstanding = "pass" },
}

---------------------------------------------------------------- D13–D14: HCLĐ3

-- Điều 44 khoản 1 điểm e [V-en]; "if at least 1 HTXS year and 3 CSTĐCS".
case "D13 (B): HCLĐ hạng Ba, BK TTg 2018, 2019–2023 HTXS, 3 CSTĐCS, no province sáng kiến → eligible" {
  form = "hcld3", year = 2023, submitted = "2024-04-20",
  person = person("civil_servant"),
  appraisals = rated(2019, 2023, "excellent"),
  honours = cat(titles("bk_ttg", { 2018 }), titles("cstd_cs", { 2019, 2021, 2023 })),
  expect = "eligible",
  criteria = { e_excellent_year = "pass", e_three_cstd_cs = "pass" },
}

case "D14 (B): HCLĐ hạng Ba, 2 province sáng kiến but CSTĐCS only once → ineligible" {
  form = "hcld3", year = 2023, submitted = "2024-04-20",
  person = person("civil_servant"),
  appraisals = rated(2019, 2023, "excellent"),
  honours = cat(titles("bk_ttg", { 2018 }), titles("cstd_cs", { 2021 })),
  initiatives = sk({ 2020, 2022 }, "province"),
  expect = "ineligible",
  criteria = { e_three_cstd_cs = "fail" },
}

---------------------------------------------------------------- D15: TTLĐXS

-- Luật 2022 Điều 27 khoản 1 [V] has no member-discipline point.
do
  local people, appraisals, honours = {}, { { year = 2024, rating = "excellent" } }, {}
  for i = 1, 5 do
    local id = "M" .. i
    people[#people + 1] = { id = id, unit_id = "U1", is_leader = 0 }
    appraisals[#appraisals + 1] = { subject_type = "person", subject_id = id,
      year = 2024, rating = i <= 4 and "good" or "complete" }
    if i <= 4 then
      honours[#honours + 1] = { subject_type = "person", subject_id = id,
                                code = "ldtt", year = 2024 }
    end
  end
  honours[#honours + 1] = { subject_type = "person", subject_id = "M1",
                            code = "cstd_cs", year = 2024 }
  case "D15 (B): TTLĐXS, 100% complete, 80% LĐTT, 1 CSTĐCS, one member cảnh cáo → eligible" {
    form = "ttldxs", year = 2024,
    unit = { id = "U1", name = "Phòng Kế hoạch", kind = "agency" },
    people = people, appraisals = appraisals, honours = honours,
    disciplines = { { subject_type = "person", subject_id = "M5",
                      date = "2024-04-10", level = "warning", ends = "2025-04-10" } },
    facts = facts(2024, { emulation_movement = 1, internal_unity = 1, compliance = 1 }),
    expect = "eligible",
    criteria = { all_members_complete = "pass", ldtt_share = "pass",
                 member_cstd_cs = "pass" },
  }
end

---------------------------------------------------------------- D16–D17: Cờ CP

case "D16 (B): Cờ CP, tops its bloc but the party cell is not clean and strong → ineligible" {
  form = "co_cp", year = 2024,
  unit = { id = "U1", name = "Sở Tài chính", kind = "agency",
           bloc = "Khối các sở kinh tế" },
  facts = facts(2024, { bloc_rank = 1, exceeded_targets = 1, internal_unity = 1,
                        thrift = 1, party_org_clean = 0 }),
  expect = "ineligible",
  criteria = { k1_leads_bloc = "pass", k1_party_org_clean = "fail",
               k2_leads_central_bloc = "fail", k3_prime_minister_movement = "fail" },
}

case "D17 (B): Cờ CP via a movement the State President launched → not via khoản 3 → ineligible" {
  form = "co_cp", year = 2024, kind = "thematic",
  unit = { id = "U1", name = "Hội Nông dân tỉnh", kind = "social_org" },
  facts = cat(facts(2024, { outstanding = 1, bloc_rank = 3 }),
              nomination_facts({ movement_launched_by = "president", movement_years = 5 })),
  expect = "ineligible",
  criteria = { k3_prime_minister_movement = "fail", k3_five_years = "pass",
               k3_leads_movement = "pass" },
}

---------------------------------------------------------------- D18: ad-hoc prerequisite

-- NĐ 98 Điều 4 [V]: "Kết quả khen thưởng thành tích đột xuất, thi đua theo
-- chuyên đề không dùng làm căn cứ để đề nghị cấp trên khen thưởng công
-- trạng".
case "D18 (B): BK TTg on an ad-hoc BK tỉnh as the prerequisite → ineligible" {
  form = "bk_ttg", year = 2023, submitted = "2024-03-15",
  person = person("civil_servant"),
  appraisals = rated(2019, 2023, "excellent"),
  honours = cat(titles("bk_tinh", { 2018 }, "ad_hoc"),
                titles("cstd_cs", { 2019, 2021, 2023 })),
  facts = facts(2023, NOT_AC),
  expect = "ineligible",
  criteria = { b_bk_tinh = "fail" },
}

---------------------------------------------------------------- D19: discipline recount

-- NĐ 98 Điều 4 [V] (clause U): a cảnh cáo of 2024 served by 2025;
-- achievements count from 2026, so 2025 cannot fill the 2-year window.
local D19 = {
  form = "bk_tinh", person = person("civil_servant"),
  disciplines = { { date = "2024-03-01", level = "warning", ends = "2025-03-01" } },
}

case "D19 (B): BK tỉnh for 2026, cảnh cáo 2024 served by 03/2025 → 2025 does not count → ineligible" {
  form = D19.form, person = D19.person, disciplines = D19.disciplines,
  year = 2026,
  appraisals = rated(2025, 2026, "excellent"),
  honours = titles("cstd_cs", { 2025, 2026 }),
  initiatives = sk({ 2025, 2026 }),
  facts = facts(2026, { compliance = 1, influence_scope = "unit", major_contribution = 0 }),
  expect = "ineligible",
  criteria = { d_two_cstd_cs = "pass", d_cstd_cs_after_discipline = "fail",
               d_excellent_after_discipline = "fail", d_two_initiatives = "fail" },
}

case "D19 (B): BK tỉnh for 2027 on 2026–2027 after that cảnh cáo → eligible" {
  form = D19.form, person = D19.person, disciplines = D19.disciplines,
  year = 2027,
  appraisals = rated(2025, 2027, "excellent"),
  honours = titles("cstd_cs", { 2025, 2026, 2027 }),
  facts = facts(2027, { compliance = 1 }),
  expect = "eligible",
  criteria = { d_two_cstd_cs = "pass", d_cstd_cs_after_discipline = "pass" },
}

case "D19 (B): the same cảnh cáo with its period ending 31/12/2024 → 2025 counts → eligible for 2026" {
  form = D19.form, person = D19.person,
  disciplines = { { date = "2024-03-01", level = "warning", ends = "2024-12-31" } },
  year = 2026,
  appraisals = rated(2025, 2026, "excellent"),
  honours = titles("cstd_cs", { 2025, 2026 }),
  facts = facts(2026, { compliance = 1 }),
  expect = "eligible",
  criteria = { d_cstd_cs_after_discipline = "pass" },
}

---------------------------------------------------------------- D20: household

-- Luật 2022 Điều 2 [V-en], Điều 75 khoản 2 [V]: a household is a subject
-- of Giấy khen; the standard itself is the province's, so the national
-- layer can only send it to review (not reject it as a subject).
case "D20 (B): Giấy khen for a household → review (admissible subject, provincial standard)" {
  form = "giay_khen", year = 2024,
  unit = { id = "H1", name = "Hộ ông A Nhơn", kind = "household" },
  expect = "review",
  criteria = { not_under_review = "pass", kind_encoded = "pass",
               standard_delegated = "unknown" },
}

case "D20 (B): a household under inspection → ineligible" {
  form = "giay_khen", year = 2024,
  unit = { id = "H1", name = "Hộ ông A Nhơn", kind = "household" },
  facts = facts(2024, { under_review = 1 }),
  expect = "ineligible",
  criteria = { not_under_review = "fail" },
}

-- Regime A's own D20 award, a household's BK TTg (NĐ 91 Điều 38 khoản 4
-- [P]): in regime B its clause (Điều 73 from khoản 3) was not read [U], so
-- a person decides.
case "D20 (B): BK TTg for a household with large contributions → review (clause not read)" {
  form = "bk_ttg", year = 2024,
  unit = { id = "H1", name = "Hộ ông A Nhơn", kind = "household" },
  facts = facts(2024, { compliance = 1, outstanding = 1 }),
  expect = "review",
  criteria = { not_under_review = "pass", unit_standard = "unknown" },
}

---------------------------------------------------------------- D21: kháng chiến

-- Luật 2022 Điều 8 [V-en] no longer lists kháng chiến; Điều 96 [V]
-- continues it as a transitional task. The merit criteria are met here,
-- yet a resistance nomination is not judged on them: review.
case "D21 (B): a resistance-war (kháng chiến) nomination → review (Điều 96, transitional)" {
  form = "bk_ttg", year = 2023, kind = "resistance", submitted = "2024-05-01",
  person = person("civil_servant"),
  appraisals = rated(2019, 2023, "excellent"),
  honours = cat(titles("bk_tinh", { 2018 }), titles("cstd_cs", { 2019, 2021, 2023 })),
  facts = facts(2023, NOT_AC),
  expect = "review",
  message = "chưa được mã hóa",
}

---------------------------------------------------------------- kontum-notes §9, period B

case "Kon Tum §9 A (B): CSTĐCS with HTXSNV 2024, LĐTT 2024, no sáng kiến → eligible" {
  form = "cstd_cs", year = 2024,
  person = person("public_employee"),
  appraisals = rated(2024, 2024, "excellent"),
  honours = titles("ldtt", { 2024 }),
  facts = facts(2024, { self_reliance = 1 }),
  expect = "eligible",
  criteria = { ldtt_standard = "pass", rating_excellent = "pass" },
}

-- MoHA (chinhsachonline, [V]): 2023 HTXS + 1 sáng kiến, no CSTĐCS; 2024
-- HTXS + 1 sáng kiến + CSTĐCS won through the HTXS branch, so neither
-- sáng kiến was its basis: eligible via "02 năm HTXS + 02 sáng kiến".
case "Kon Tum §9 B (B): BK tỉnh, MoHA example (2 years HTXS, 2 sáng kiến, 1 CSTĐCS) → eligible" {
  form = "bk_tinh", year = 2024,
  person = person("civil_servant", { gender = "female" }),
  appraisals = rated(2023, 2024, "excellent"),
  honours = titles("cstd_cs", { 2024 }),
  initiatives = { { id = "SK-2023", year = 2023, scope = "unit" },
                  { id = "SK-2024", year = 2024, scope = "unit" } },
  facts = facts(2024, { compliance = 1 }),
  expect = "eligible",
  criteria = { d_two_cstd_cs = "fail", d_two_years_excellent = "pass",
               d_two_initiatives = "pass" },
}

case "Kon Tum §9 C (B): BK TTg, BK tỉnh 2018, 2019–2023 HTTNV+, CSTĐCS 2019/2021/2023, 1 sáng kiến → eligible" {
  form = "bk_ttg", year = 2023, submitted = "2024-12-02",
  person = person("civil_servant"),
  appraisals = cat(rated(2019, 2019, "excellent"), rated(2020, 2020, "good"),
                   rated(2021, 2021, "excellent"), rated(2022, 2022, "good"),
                   rated(2023, 2023, "excellent")),
  honours = cat(titles("bk_tinh", { 2018 }), titles("cstd_cs", { 2019, 2021, 2023 })),
  initiatives = sk({ 2021 }),
  facts = facts(2023, NOT_AC),
  expect = "eligible",
  criteria = { b_five_years_good = "pass", b_three_cstd_cs = "pass" },
}

-- §9 D is a period-A case (MoHA: the HTXS run broken by an HTTNV year in
-- 2021). Under B the HTTNV year does not break the run (b_five_years_good
-- passes); the history records no CSTĐCS, so điểm b fails on them, and
-- a and c are attested not to apply: ineligible, for another reason.
case "Kon Tum §9 D (B): BK Bộ 2015, HTXS 2016–2020 with 5 sáng kiến, HTTNV 2021 → run unbroken, no CSTĐCS → ineligible" {
  form = "bk_ttg", year = 2021,
  person = person("civil_servant"),
  appraisals = cat(rated(2016, 2020, "excellent"), rated(2021, 2021, "good")),
  honours = titles("bk_tinh", { 2015 }),
  initiatives = sk({ 2016, 2017, 2018, 2019, 2020 }),
  facts = facts(2021, NOT_AC),
  expect = "ineligible",
  criteria = { b_five_years_good = "pass", b_after_bk_tinh = "pass",
               b_three_cstd_cs = "fail" },
}
