-- The regime-A side of the 21 cases of national-criteria.md §3 (D1–D21).
-- Each history is as the table gives it; where the table gives only a
-- regime-B year, the A analogue is moved into 2018–2023 and says so.
-- Where the A outcome is an inference or unknown, the case asserts what this
-- encoding gives and the comment says why.

local function k1_facts(y, v)
  v = v or "1"
  return {
    { key = "compliance",    value = v, year = y },
    { key = "self_reliance", value = v, year = y },
    { key = "studies",       value = v, year = y },
    { key = "ethics",        value = v, year = y },
  }
end

local function excellent(from, to)
  local a = {}
  for y = from, to do a[#a + 1] = { year = y, rating = "excellent" } end
  return a
end

local function unit_initiatives(from, to)
  local l = {}
  for y = from, to do l[#l + 1] = { id = "SK" .. y, year = y, scope = "unit" } end
  return l
end

local function join(...)
  local out = {}
  for _, list in ipairs({ ... }) do
    for _, x in ipairs(list) do out[#out + 1] = x end
  end
  return out
end

-- D1: NĐ 91 Điều 10 khoản 6 [V]: under 10 months → no LĐTT.
case "D1 (A): LĐTT, recruited 1 April, 9 months worked → ineligible" {
  form = "ldtt", year = 2021,
  person = { id = "P1", unit_id = "U1", is_leader = 0, category = "civil_servant",
             hired = "2021-04-01" },
  appraisals = { { year = 2021, rating = "good", months_worked = 9 } },
  facts = k1_facts(2021),
  expect = "ineligible",
  criteria = { new_hire_months = "fail", good_rating = "pass", no_reprimand = "pass" },
}

-- D2: 6.5 months; months_worked is a whole number of months, so 6.
case "D2 (A): LĐTT, recruited 15 June (6.5 months) → ineligible" {
  form = "ldtt", year = 2021,
  person = { id = "P1", unit_id = "U1", is_leader = 0, category = "civil_servant",
             hired = "2021-06-15" },
  appraisals = { { year = 2021, rating = "good", months_worked = 6 } },
  facts = k1_facts(2021),
  expect = "ineligible",
  criteria = { new_hire_months = "fail" },
}

-- D3: Luật 2003 Điều 24 khoản 1 điểm c, d [V].
case "D3 (A): LĐTT, HTTNV but study and ethics judged not met → ineligible" {
  form = "ldtt", year = 2021,
  person = { id = "P1", unit_id = "U1", is_leader = 0, category = "public_employee",
             hired = "2014-08-15" },
  appraisals = { { year = 2021, rating = "good" } },
  facts = { { key = "compliance", value = "1", year = 2021 },
            { key = "self_reliance", value = "1", year = 2021 },
            { key = "studies", value = "0", year = 2021 },
            { key = "ethics", value = "0", year = 2021 } },
  expect = "ineligible",
  criteria = { good_rating = "pass", studies = "fail", ethics = "fail" },
}

-- D4: NĐ 91 Điều 10 khoản 6 [V]: the explicit bar.
case "D4 (A): LĐTT, reprimand in the year though rated HTTNV → ineligible" {
  form = "ldtt", year = 2021,
  person = { id = "P1", unit_id = "U1", is_leader = 0, category = "civil_servant",
             hired = "2010-03-01" },
  appraisals = { { year = 2021, rating = "good" } },
  disciplines = { { date = "2021-06-15", level = "reprimand", ends = "2021-12-15" } },
  facts = k1_facts(2021),
  expect = "ineligible",
  criteria = { good_rating = "pass", no_reprimand = "fail" },
}

-- D5: NĐ 91 Điều 9 khoản 3 điểm b [V]: a sáng kiến is mandatory.
do
  local people, honours = {}, { { code = "ldtt", year = 2021 } }
  for i = 1, 6 do
    people[i] = { id = "P10" .. i, unit_id = "U1", is_leader = 0 }
    honours[#honours + 1] = { subject_type = "person", subject_id = "P10" .. i,
                              code = "ldtt", year = 2021 }
  end
  case "D5 (A): CSTĐCS, LĐTT and HTXS but no sáng kiến → ineligible" {
    form = "cstd_cs", year = 2021,
    person = { id = "P1", unit_id = "U1", is_leader = 0 },
    people = people, honours = honours,
    appraisals = { { year = 2021, rating = "excellent" } },
    expect = "ineligible",
    criteria = { ldtt_standard = "pass", initiative = "fail" },
  }
end

-- D6: NĐ 91 Điều 9 [V]: 15% of 20 LĐTT = 3 places for 5 qualified
-- candidates. Ranked: direct workers first, then excellent years, …
local function d6_unit(subject_is_leader, subject_excellent)
  local people, honours, inits, appraisals = {}, {}, {}, {}
  local noms = { { id = "N1", subject_id = "P1", code = "cstd_cs", year = 2021 } }
  honours[#honours + 1] = { code = "ldtt", year = 2021 }
  inits[#inits + 1] = { id = "SK-P1", year = 2021, scope = "unit" }
  for i = 1, 19 do
    local id = "P" .. (100 + i)
    people[#people + 1] = { id = id, unit_id = "U1", is_leader = 0 }
    honours[#honours + 1] = { subject_type = "person", subject_id = id, code = "ldtt", year = 2021 }
    if i <= 4 then   -- four other qualified candidates
      inits[#inits + 1] = { id = "SK-" .. id, year = 2021, scope = "unit", person_id = id }
      noms[#noms + 1] = { id = "N" .. (i + 1), subject_id = id, code = "cstd_cs",
                          year = 2021 }
      appraisals[#appraisals + 1] = { subject_type = "person", subject_id = id,
                                      year = 2021, rating = "excellent" }
    end
  end
  for y = 2021 - subject_excellent + 1, 2021 do
    appraisals[#appraisals + 1] = { year = y, rating = "excellent" }
  end
  return {
    person = { id = "P1", unit_id = "U1", is_leader = subject_is_leader },
    people = people, honours = honours, initiatives = inits, nominations = noms,
    appraisals = appraisals,
  }
end

do
  local d = d6_unit(1, 1)
  case "D6 (A): CSTĐCS quota, 20 LĐTT and 5 candidates, a leader ranked last → review" {
    form = "cstd_cs", year = 2021,
    person = d.person, people = d.people, honours = d.honours,
    initiatives = d.initiatives, nominations = d.nominations, appraisals = d.appraisals,
    -- cap 3: the four direct workers rank first (ties broken by id).
    expect = { N1 = "review", N2 = "eligible", N3 = "eligible", N4 = "eligible",
               N5 = "review" },
  }
end

do
  local d = d6_unit(0, 5)
  case "D6 (A): CSTĐCS quota, 20 LĐTT and 5 candidates, the one with most HTXS years → eligible" {
    form = "cstd_cs", year = 2021,
    person = d.person, people = d.people, honours = d.honours,
    initiatives = d.initiatives, nominations = d.nominations, appraisals = d.appraisals,
    -- cap 3: P1 first (five HTXS years), then N2, N3 by id.
    expect = { N1 = "eligible", N2 = "eligible", N3 = "eligible", N4 = "review",
               N5 = "review" },
  }
end

-- D7: A analogue of "HTXS 2024–2026 without sáng kiến, then a provincial
-- sáng kiến": under A no CSTĐCS could be conferred in the years without one.
case "D7 (A): CSTĐ tỉnh after 3 HTXS years without sáng kiến, then one provincial → ineligible" {
  form = "cstd_tinh", year = 2021,
  person = { id = "P1", unit_id = "U1", is_leader = 0 },
  appraisals = excellent(2019, 2021),
  honours = { { code = "ldtt", year = 2019 }, { code = "ldtt", year = 2020 },
              { code = "ldtt", year = 2021 } },
  initiatives = { { id = "SK1", year = 2021, scope = "province" } },
  facts = { { key = "outstanding", value = "1", year = 2021 } },
  expect = "ineligible",
  criteria = { cstd_cs_before = "fail", cstd_cs_this_year = "pass",
               province_initiative = "pass" },
}

-- D8: Điều 39 not read [U]: the encoded point c (2 HTXS years + 2 sáng kiến)
-- fails without sáng kiến; points a/b are attested as not met.
case "D8 (A): BK tỉnh, CSTĐCS in 2 consecutive years via HTXS, no sáng kiến → ineligible" {
  form = "bk_tinh", year = 2021,
  person = { id = "P1", unit_id = "U1", is_leader = 0 },
  appraisals = excellent(2020, 2021),
  honours = { { code = "cstd_cs", year = 2020 }, { code = "cstd_cs", year = 2021 } },
  facts = { { key = "influence_scope", value = "unit", year = 2021 } },
  expect = "ineligible",
  criteria = { c_excellent_years = "pass", c_initiatives = "fail", b_influence = "fail" },
}

-- D9: the A analogue proposed in 2023 (achievement year 2023).
case "D9 (A): BK TTg, BK tỉnh 2018, HTXS 2019–2023, 3 CSTĐCS, no sáng kiến → ineligible" {
  form = "bk_ttg", year = 2023,
  person = { id = "P1", unit_id = "U1", is_leader = 0 },
  honours = { { code = "bk_tinh", year = 2018 }, { code = "cstd_cs", year = 2019 },
              { code = "cstd_cs", year = 2021 }, { code = "cstd_cs", year = 2023 } },
  appraisals = excellent(2019, 2023),
  facts = { { key = "compliance", value = "1", year = 2023 },
            { key = "influence_scope", value = "unit", year = 2023 } },
  expect = "ineligible",
  criteria = { c_bk_tinh = "pass", c_excellent_years = "pass", c_initiatives = "fail" },
}

-- D10: the MoHA answer: one HTTNV year breaks the run up to the proposal.
case "D10 (A): BK TTg, HTXS 2016–2020 with 5 sáng kiến, 2021 HTTNV → ineligible" {
  form = "bk_ttg", year = 2021,
  person = { id = "P1", unit_id = "U1", is_leader = 0 },
  honours = { { code = "bk_tinh", year = 2015 } },
  appraisals = join(excellent(2016, 2020), { { year = 2021, rating = "good" } }),
  initiatives = unit_initiatives(2016, 2020),
  facts = { { key = "compliance", value = "1", year = 2021 },
            { key = "influence_scope", value = "unit", year = 2021 } },
  expect = "ineligible",
  criteria = { c_bk_tinh = "pass", c_excellent_years = "fail" },
}

-- D11: point c needs no CSTĐCS at all.
case "D11 (A): BK TTg, BK tỉnh 2018, HTXS 2019–2023, 5 sáng kiến, 2 CSTĐCS → eligible" {
  form = "bk_ttg", year = 2023,
  person = { id = "P1", unit_id = "U1", is_leader = 0 },
  honours = { { code = "bk_tinh", year = 2018 }, { code = "cstd_cs", year = 2020 },
              { code = "cstd_cs", year = 2022 } },
  appraisals = excellent(2019, 2023),
  initiatives = unit_initiatives(2019, 2023),
  facts = { { key = "compliance", value = "1", year = 2023 } },
  expect = "eligible",
  criteria = { c_bk_tinh = "pass", c_excellent_years = "pass", c_initiatives = "pass" },
}

-- D12: NĐ 91 Điều 38 khoản 1 điểm a [V-en]: a review after 3 years or more.
case "D12 (A): BK TTg, excellent in a ministry movement reviewed after 2 years → ineligible" {
  form = "bk_ttg", year = 2021, kind = "thematic", campaign = "Phong trào thi đua của Bộ",
  person = { id = "P1", unit_id = "U1", is_leader = 0 },
  facts = { { key = "compliance", value = "1", year = 2021 },
            { key = "outstanding", value = "1", year = 2021 },
            { key = "influence_scope", value = "unit", year = 2021 },
            { subject_type = "nomination", subject_id = "CASE", key = "movement_launched_by", value = "ministry" },
            { subject_type = "nomination", subject_id = "CASE", key = "movement_years", value = "2" } },
  expect = "ineligible",
  criteria = { a_movement_review = "pass", a_movement_launcher = "pass",
               a_movement_years = "fail", a_outstanding = "pass" },
}

-- D13: A analogue: 2 sáng kiến of provincial influence are required.
case "D13 (A): HCLĐ3, BK TTg 2018, HTXS 2019–2023, 3 CSTĐCS, no provincial sáng kiến → ineligible" {
  form = "hcld3", year = 2023,
  person = { id = "P1", unit_id = "U1", is_leader = 0 },
  honours = { { code = "bk_ttg", year = 2018 }, { code = "cstd_cs", year = 2019 },
              { code = "cstd_cs", year = 2021 }, { code = "cstd_cs", year = 2023 } },
  appraisals = excellent(2019, 2023),
  initiatives = { { id = "SK1", year = 2019, scope = "unit" },
                  { id = "SK2", year = 2021, scope = "unit" },
                  { id = "SK3", year = 2023, scope = "unit" } },
  facts = { { key = "compliance", value = "1", year = 2023 } },
  expect = "ineligible",
  criteria = { a_bk_ttg = "pass", a_excellent_years = "pass", a_initiatives = "fail" },
}

case "D14 (A): HCLĐ3, BK TTg, 5 years HTXS, 2 provincial sáng kiến, one CSTĐCS → eligible" {
  form = "hcld3", year = 2022,
  person = { id = "P1", unit_id = "U1", is_leader = 0 },
  honours = { { code = "bk_ttg", year = 2017 }, { code = "cstd_cs", year = 2019 } },
  appraisals = excellent(2018, 2022),
  initiatives = { { id = "SK1", year = 2019, scope = "province" },
                  { id = "SK2", year = 2021, scope = "province" } },
  facts = { { key = "compliance", value = "1", year = 2022 } },
  expect = "eligible",
  criteria = { a_bk_ttg = "pass", a_excellent_years = "pass", a_initiatives = "pass" },
}

-- D15: Luật 2003 Điều 27 [P]: no member disciplined at warning or above.
do
  local people, honours, appraisals = {}, {}, {}
  for i = 1, 5 do
    local id = "P" .. i
    people[i] = { id = id, unit_id = "U1", is_leader = 0 }
    appraisals[#appraisals + 1] = { subject_type = "person", subject_id = id, year = 2021,
                                    rating = (i == 1) and "excellent" or "complete" }
    if i <= 4 then
      honours[#honours + 1] = { subject_type = "person", subject_id = id, code = "ldtt", year = 2021 }
    end
  end
  honours[#honours + 1] = { subject_type = "person", subject_id = "P1", code = "cstd_cs", year = 2021 }
  appraisals[#appraisals + 1] = { subject_type = "unit", subject_id = "U1", year = 2021,
                                  rating = "excellent" }
  case "D15 (A): TTLĐXS, 100% HTNV, 80% LĐTT, 1 CSTĐCS, HTXS, one member warned → ineligible" {
    form = "ttldxs", year = 2021,
    unit = { id = "U1", name = "Phòng Hành chính", kind = "agency" },
    people = people, honours = honours, appraisals = appraisals,
    disciplines = { { subject_type = "person", subject_id = "P5", date = "2021-09-20",
                      level = "warning", ends = "2022-09-20" } },
    facts = { { key = "emulation_movement", value = "1", year = 2021 },
              { key = "internal_unity", value = "1", year = 2021 },
              { key = "compliance", value = "1", year = 2021 } },
    expect = "ineligible",
    criteria = { all_members_complete = "pass", ldtt_share = "pass", cstd_cs_member = "pass",
                 excellent_rating = "pass", no_member_warning = "fail" },
  }
end

-- Four other collectives hold the Cờ tỉnh in 2021, so the 20% cap of
-- NĐ 91 Điều 11 khoản 1 leaves one place (D16, D17).
local function flag_holders(n)
  local units, honours = {}, {}
  for i = 1, n do
    local id = "U" .. (i + 1)
    units[#units + 1] = { id = id, name = "Đơn vị " .. id, kind = "agency" }
    honours[#honours + 1] = { subject_type = "unit", subject_id = id, code = "co_tinh", year = 2021 }
  end
  return units, honours
end

-- D16: Luật 2003 Điều 25 does not mention the party organisation.
do
  local units, honours = flag_holders(4)
  honours[#honours + 1] = { code = "co_tinh", year = 2021 }
  case "D16 (A): Cờ CP, tops its provincial bloc, party cell not rated clean → eligible" {
    form = "co_cp", year = 2021,
    unit = { id = "U1", name = "Sở Y tế", kind = "agency" },
    units = units, honours = honours,
    facts = { { key = "bloc_rank", value = "1", year = 2021 },
              { key = "exceeded_targets", value = "1", year = 2021 },
              { key = "outstanding", value = "1", year = 2021 },
              { key = "internal_unity", value = "1", year = 2021 },
              { key = "thrift", value = "1", year = 2021 },
              { key = "party_org_clean", value = "0", year = 2021 } },
    expect = "eligible",
    criteria = { co_tinh_standard = "pass", quota_flag_share = "pass" },
  }
end

-- D17: NĐ 91 Điều 11 khoản 3 [V] names the State President.
do
  local units, honours = flag_holders(5)
  case "D17 (A): Cờ CP, most typical collective of a President's movement, 5-year review → eligible" {
    form = "co_cp", year = 2021, kind = "thematic",
    campaign = "Toàn dân đoàn kết xây dựng đời sống văn hóa",
    unit = { id = "U1", name = "Ủy ban nhân dân huyện Đăk Hà", kind = "local_government" },
    units = units, honours = honours,
    facts = { { key = "exceeded_targets", value = "1", year = 2021 },
              { key = "outstanding", value = "1", year = 2021 },
              { key = "internal_unity", value = "1", year = 2021 },
              { key = "thrift", value = "1", year = 2021 },
              { key = "bloc_rank", value = "2", year = 2021 },
              { subject_type = "nomination", subject_id = "CASE", key = "movement_launched_by", value = "president" },
              { subject_type = "nomination", subject_id = "CASE", key = "movement_years", value = "5" } },
    expect = "eligible",
    criteria = { co_tinh_standard = "fail", movement_review = "pass",
                 movement_launcher = "pass", movement_years = "pass",
                 quota_flag_share = "pass" },
  }
end

-- D18: the A outcome is an inference: NĐ 91 Điều 3 [P] bars only
-- đợt/chuyên đề honours from counting toward state awards, so an ad-hoc
-- BK tỉnh still serves as the prerequisite. The thematic one does not.
case "D18 (A): BK TTg on an ad-hoc (đột xuất) BK tỉnh as prerequisite → eligible (inference)" {
  form = "bk_ttg", year = 2020,
  person = { id = "P1", unit_id = "U1", is_leader = 0 },
  honours = { { code = "bk_tinh", year = 2015, kind = "ad_hoc" } },
  appraisals = excellent(2016, 2020),
  initiatives = unit_initiatives(2016, 2020),
  facts = { { key = "compliance", value = "1", year = 2020 } },
  expect = "eligible",
  criteria = { c_bk_tinh = "pass" },
}

case "D18 (A): the same history on a thematic BK tỉnh → ineligible (NĐ 91 Điều 3)" {
  form = "bk_ttg", year = 2020,
  person = { id = "P1", unit_id = "U1", is_leader = 0 },
  honours = { { code = "bk_tinh", year = 2015, kind = "thematic" } },
  appraisals = excellent(2016, 2020),
  initiatives = unit_initiatives(2016, 2020),
  facts = { { key = "compliance", value = "1", year = 2020 },
            { key = "influence_scope", value = "unit", year = 2020 } },
  expect = "ineligible",
  criteria = { c_bk_tinh = "fail" },
}

-- D19: regime A has no verified recount rule (only the deferral while a
-- review is pending, encoded as not_under_review). A analogue: a warning of
-- 2020-03-01 whose period ends 2021-03-01. This encoding counts 2021 in
-- full; regime B would count achievements only from 2021-03-02.
case "D19 (A): BK tỉnh, warning served by March 2021, HTXS 2021–2022 → eligible (no recount rule)" {
  form = "bk_tinh", year = 2022,
  person = { id = "P1", unit_id = "U1", is_leader = 0 },
  appraisals = { { year = 2020, rating = "complete" },
                 { year = 2021, rating = "excellent" }, { year = 2022, rating = "excellent" } },
  disciplines = { { date = "2020-03-01", level = "warning", ends = "2021-03-01" } },
  initiatives = { { id = "SK1", year = 2021, scope = "unit" },
                  { id = "SK2", year = 2022, scope = "unit" } },
  expect = "eligible",
  criteria = { c_excellent_years = "pass", c_initiatives = "pass" },
}

case "D19 (A): LĐTT for 2021 while the 2020 warning's period runs into 2021 → eligible" {
  form = "ldtt", year = 2021,
  person = { id = "P1", unit_id = "U1", is_leader = 0, category = "civil_servant",
             hired = "2011-01-01" },
  appraisals = { { year = 2021, rating = "excellent" } },
  disciplines = { { date = "2020-03-01", level = "warning", ends = "2021-03-01" } },
  facts = k1_facts(2021),
  expect = "eligible",
  criteria = { no_reprimand = "pass" },
}

-- D20: in A only a "gia đình" under BK TTg (NĐ 91 Điều 38 khoản 4, [P]).
-- Its "large contribution" has no fact key; `outstanding` stands for it.
case "D20 (A): BK TTg for a household with large contributions (khoản 4) → eligible" {
  form = "bk_ttg", year = 2021,
  unit = { id = "H1", name = "Gia đình ông A Blong", kind = "household" },
  facts = { { key = "compliance", value = "1", year = 2021 },
            { key = "outstanding", value = "1", year = 2021 } },
  expect = "eligible",
  criteria = { k4_family = "pass", k4_contribution = "pass", k3_collective = "fail" },
}

-- D21: in A "tổng kết thành tích kháng chiến" is a type of khen thưởng in
-- itself (Luật 2003 Điều 4); its awards are not among the forms encoded, so
-- a resistance-kind nomination is left to a person rather than rejected.
case "D21 (A): HCLĐ3 requested as a resistance-war (kháng chiến) award → review" {
  form = "hcld3", year = 2021, kind = "resistance",
  person = { id = "P1", unit_id = "U1", is_leader = 0 },
  facts = { { key = "compliance", value = "1", year = 2021 } },
  expect = "review",
  message = "chưa được mã hóa",  -- the form's `kinds`: not judged, a person decides
}
