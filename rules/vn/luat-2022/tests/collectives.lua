-- Collective titles (regime B): Tập thể lao động tiên tiến (Luật 2022
-- Điều 28, all [U]), Tập thể lao động xuất sắc (Điều 27 [V]), Cờ thi đua
-- cấp tỉnh (Điều 26 [P]/[U]), Cờ thi đua của Chính phủ (Điều 25 [V-en]).
-- Each criterion passed and failed at its boundary.

local U1 = { id = "U1", name = "Phòng Tổng hợp", kind = "agency",
             bloc = "Khối các sở, ban, ngành tỉnh" }

-- the attested facts of a year for the case's subject: { key = value, … }
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

-- A collective U1 of n members in year y: member i is rated ratings[i] (or
-- "complete"); the first `ldtt` hold LĐTT, the first `cs` hold CSTĐCS.
-- Returns people, appraisals (the unit's own rating first) and honours.
local function team(y, unit_rating, n, ldtt, cs, ratings)
  local people, appraisals, honours = {}, {}, {}
  if unit_rating then
    appraisals[1] = { year = y, rating = unit_rating }
  end
  for i = 1, n do
    local id = "M" .. i
    people[#people + 1] = { id = id, unit_id = "U1", is_leader = 0 }
    local r = (ratings and ratings[i]) or (i <= ldtt and "good" or "complete")
    appraisals[#appraisals + 1] = { subject_type = "person", subject_id = id,
                                    year = y, rating = r }
    if i <= ldtt then
      honours[#honours + 1] = { subject_type = "person", subject_id = id,
                                code = "ldtt", year = y }
    end
    if i <= cs then
      honours[#honours + 1] = { subject_type = "person", subject_id = id,
                                code = "cstd_cs", year = y }
    end
  end
  return people, appraisals, honours
end

local function collective(form, y, unit_rating, n, ldtt, cs, kv, extra)
  local people, appraisals, honours = team(y, unit_rating, n, ldtt, cs,
                                           extra and extra.ratings)
  local c = { form = form, year = y, unit = U1, people = people,
              appraisals = appraisals, honours = honours, facts = facts(y, kv) }
  for k, v in pairs(extra or {}) do
    if k ~= "ratings" then c[k] = v end
  end
  return c
end

local TT_OK = { emulation_movement = 1, internal_unity = 1, compliance = 1 }
local XS_OK = { emulation_movement = 1, internal_unity = 1, compliance = 1 }

---------------------------------------------------------------- ttldtt

case "TTLĐTT: 3 of 5 members LĐTT (60%), rated good → eligible"
  (collective("ttldtt", 2024, "good", 5, 3, 0, TT_OK, {
    expect = "eligible",
    criteria = { not_under_review = "pass", task_good = "pass",
                 emulation_movement = "pass", ldtt_majority = "pass",
                 no_member_warning = "pass", internal_unity = "pass",
                 compliance = "pass" } }))

case "TTLĐTT: 2 of 4 members LĐTT (exactly 50%) → ineligible"
  (collective("ttldtt", 2024, "good", 4, 2, 0, TT_OK, {
    expect = "ineligible", criteria = { ldtt_majority = "fail" } }))

case "TTLĐTT: the collective rated complete → ineligible"
  (collective("ttldtt", 2024, "complete", 5, 3, 0, TT_OK, {
    expect = "ineligible", criteria = { task_good = "fail" } }))

case "TTLĐTT: no rating recorded for the collective → review"
  (collective("ttldtt", 2024, nil, 5, 3, 0, TT_OK, {
    expect = "review", criteria = { task_good = "unknown" } }))

case "TTLĐTT: no emulation movement → ineligible"
  (collective("ttldtt", 2024, "good", 5, 3, 0,
    { emulation_movement = 0, internal_unity = 1 }, {
    expect = "ineligible", criteria = { emulation_movement = "fail" } }))

case "TTLĐTT: a member reprimanded (below cảnh cáo) → eligible"
  (collective("ttldtt", 2024, "good", 5, 3, 0, TT_OK, {
    disciplines = { { subject_type = "person", subject_id = "M5",
                      date = "2024-05-01", level = "reprimand",
                      ends = "2024-11-01" } },
    expect = "eligible", criteria = { no_member_warning = "pass" } }))

case "TTLĐTT: a member with a cảnh cáo in the year → ineligible [U reading]"
  (collective("ttldtt", 2024, "good", 5, 3, 0, TT_OK, {
    disciplines = { { subject_type = "person", subject_id = "M5",
                      date = "2024-05-01", level = "warning",
                      ends = "2025-05-01" } },
    expect = "ineligible", criteria = { no_member_warning = "fail" } }))

case "TTLĐTT: internal disunity → ineligible"
  (collective("ttldtt", 2024, "good", 5, 3, 0,
    { emulation_movement = 1, internal_unity = 0 }, {
    expect = "ineligible", criteria = { internal_unity = "fail" } }))

-- "Nội bộ đoàn kết, chấp hành tốt chủ trương …" (A-TTTT-5, expected in
-- Điều 28 [U]): two attested facts, internal_unity and compliance.
case "TTLĐTT: united, but compliance attested 0 → ineligible [U reading]"
  (collective("ttldtt", 2024, "good", 5, 3, 0,
    { emulation_movement = 1, internal_unity = 1, compliance = 0 }, {
    expect = "ineligible",
    criteria = { internal_unity = "pass", compliance = "fail" } }))

case "TTLĐTT: united, compliance not attested → review"
  (collective("ttldtt", 2024, "good", 5, 3, 0,
    { emulation_movement = 1, internal_unity = 1 }, {
    expect = "review",
    criteria = { internal_unity = "pass", compliance = "unknown" } }))

case "TTLĐTT: the collective under inspection → ineligible"
  (collective("ttldtt", 2024, "good", 5, 3, 0,
    { emulation_movement = 1, internal_unity = 1, under_review = 1 }, {
    expect = "ineligible", criteria = { not_under_review = "fail" } }))

---------------------------------------------------------------- ttldxs

case "TTLĐXS: excellent, 7 of 10 LĐTT (70%), one CSTĐCS → eligible"
  (collective("ttldxs", 2024, "excellent", 10, 7, 1, XS_OK, {
    expect = "eligible",
    criteria = { not_under_review = "pass", task_excellent = "pass",
                 emulation_movement = "pass", all_members_complete = "pass",
                 ldtt_share = "pass", member_cstd_cs = "pass",
                 internal_unity = "pass", compliance = "pass" } }))

case "TTLĐXS: 6 of 10 LĐTT (60%) → ineligible"
  (collective("ttldxs", 2024, "excellent", 10, 6, 1, XS_OK, {
    expect = "ineligible", criteria = { ldtt_share = "fail" } }))

case "TTLĐXS: one member did not complete their tasks → ineligible"
  (collective("ttldxs", 2024, "excellent", 10, 8, 1, XS_OK, {
    ratings = { [10] = "incomplete" },
    expect = "ineligible", criteria = { all_members_complete = "fail",
                                        ldtt_share = "pass" } }))

case "TTLĐXS: no member CSTĐCS → ineligible"
  (collective("ttldxs", 2024, "excellent", 10, 8, 0, XS_OK, {
    expect = "ineligible", criteria = { member_cstd_cs = "fail" } }))

case "TTLĐXS: the collective rated good, not excellent → ineligible"
  (collective("ttldxs", 2024, "good", 10, 8, 1, XS_OK, {
    expect = "ineligible", criteria = { task_excellent = "fail" } }))

case "TTLĐXS: no emulation movement → ineligible"
  (collective("ttldxs", 2024, "excellent", 10, 8, 1,
    { emulation_movement = 0, internal_unity = 1, compliance = 1 }, {
    expect = "ineligible", criteria = { emulation_movement = "fail" } }))

case "TTLĐXS: internal disunity → ineligible"
  (collective("ttldxs", 2024, "excellent", 10, 8, 1,
    { emulation_movement = 1, internal_unity = 0, compliance = 1 }, {
    expect = "ineligible", criteria = { internal_unity = "fail" } }))

case "TTLĐXS: compliance not exemplary → ineligible"
  (collective("ttldxs", 2024, "excellent", 10, 8, 1,
    { emulation_movement = 1, internal_unity = 1, compliance = 0 }, {
    expect = "ineligible", criteria = { compliance = "fail" } }))

case "TTLĐXS: under review → ineligible"
  (collective("ttldxs", 2024, "excellent", 10, 8, 1,
    { emulation_movement = 1, internal_unity = 1, compliance = 1,
      under_review = 1 }, {
    expect = "ineligible", criteria = { not_under_review = "fail" } }))

-- members of a team below the department count (subunits)
do
  local people, appraisals, honours = team(2024, "excellent", 4, 3, 1)
  people[#people + 1] = { id = "T1", unit_id = "U2", is_leader = 0 }
  appraisals[#appraisals + 1] = { subject_type = "person", subject_id = "T1",
                                  year = 2024, rating = "incomplete" }
  case "TTLĐXS: a member of a team below the unit did not complete → ineligible" {
    form = "ttldxs", year = 2024,
    unit = U1,
    units = { { id = "U2", name = "Tổ 1", kind = "agency", parent_id = "U1" } },
    people = people, appraisals = appraisals, honours = honours,
    facts = facts(2024, XS_OK),
    expect = "ineligible",
    criteria = { all_members_complete = "fail" },
  }
end

---------------------------------------------------------------- co_tinh

local CO_OK = { bloc_rank = 1, exceeded_targets = 1, internal_unity = 1,
                party_org_clean = 1, thrift = 1 }

-- kv with some keys changed; `false` removes a key
local function with(kv, changes)
  local t = {}
  for k, v in pairs(kv) do t[k] = v end
  for k, v in pairs(changes) do
    if v == false then t[k] = nil else t[k] = v end
  end
  return t
end

case "Cờ thi đua cấp tỉnh: leads its bloc, all attested → eligible" {
  form = "co_tinh", year = 2024, unit = U1,
  facts = facts(2024, CO_OK),
  expect = "eligible",
  criteria = { not_under_review = "pass", leads_bloc = "pass",
               exceeded_targets = "pass", internal_unity = "pass",
               party_org_clean = "pass", thrift = "pass" },
}

case "Cờ thi đua cấp tỉnh: second in its bloc → ineligible" {
  form = "co_tinh", year = 2024, unit = U1,
  facts = facts(2024, with(CO_OK, { bloc_rank = 2 })),
  expect = "ineligible", criteria = { leads_bloc = "fail" },
}

case "Cờ thi đua cấp tỉnh: first, but the unit has no bloc recorded → review" {
  form = "co_tinh", year = 2024,
  unit = { id = "U1", name = "Phòng Tổng hợp", kind = "agency" },
  facts = facts(2024, CO_OK),
  expect = "review", criteria = { leads_bloc = "unknown" },
}

case "Cờ thi đua cấp tỉnh: second, no bloc recorded → ineligible all the same" {
  form = "co_tinh", year = 2024,
  unit = { id = "U1", name = "Phòng Tổng hợp", kind = "agency" },
  facts = facts(2024, with(CO_OK, { bloc_rank = 2 })),
  expect = "ineligible", criteria = { leads_bloc = "fail" },
}

case "Cờ thi đua cấp tỉnh: bloc rank not attested → review" {
  form = "co_tinh", year = 2024, unit = U1,
  facts = facts(2024, with(CO_OK, { bloc_rank = false })),
  expect = "review", criteria = { leads_bloc = "unknown" },
}

case "Cờ thi đua cấp tỉnh: targets not exceeded → ineligible [U reading]" {
  form = "co_tinh", year = 2024, unit = U1,
  facts = facts(2024, with(CO_OK, { exceeded_targets = 0 })),
  expect = "ineligible", criteria = { exceeded_targets = "fail" },
}

case "Cờ thi đua cấp tỉnh: internal disunity → ineligible [U reading]" {
  form = "co_tinh", year = 2024, unit = U1,
  facts = facts(2024, with(CO_OK, { internal_unity = 0 })),
  expect = "ineligible", criteria = { internal_unity = "fail" },
}

case "Cờ thi đua cấp tỉnh: party cell not clean and strong → ineligible [U reading]" {
  form = "co_tinh", year = 2024, unit = U1,
  facts = facts(2024, with(CO_OK, { party_org_clean = 0 })),
  expect = "ineligible", criteria = { party_org_clean = "fail" },
}

case "Cờ thi đua cấp tỉnh: not leading in thrift → ineligible [U reading]" {
  form = "co_tinh", year = 2024, unit = U1,
  facts = facts(2024, with(CO_OK, { thrift = 0 })),
  expect = "ineligible", criteria = { thrift = "fail" },
}

case "Cờ thi đua cấp tỉnh: under inspection → ineligible" {
  form = "co_tinh", year = 2024, unit = U1,
  facts = facts(2024, with(CO_OK, { under_review = 1 })),
  expect = "ineligible", criteria = { not_under_review = "fail" },
}

---------------------------------------------------------------- co_cp

local function movement(by, years)
  return {
    { subject_type = "nomination", subject_id = "CASE",
      key = "movement_launched_by", value = by },
    { subject_type = "nomination", subject_id = "CASE",
      key = "movement_years", value = tostring(years) },
  }
end

-- the collective's own rating of 2024 (khoản 1 điểm a: "hoàn thành xuất sắc")
local function unit_rated_as(rating)
  return { { year = 2024, rating = rating } }
end

case "Cờ CP khoản 1: leads a provincial bloc, all of khoản 1 attested → eligible" {
  form = "co_cp", year = 2024, unit = U1,
  appraisals = unit_rated_as("excellent"),
  facts = facts(2024, CO_OK),
  expect = "eligible",
  criteria = { not_under_review = "pass", k1_leads_bloc = "pass",
               k1_excellent = "pass",
               k1_exceeded_targets = "pass", k1_internal_unity = "pass",
               k1_party_org_clean = "pass", k1_thrift = "pass",
               k2_leads_central_bloc = "fail",
               k3_prime_minister_movement = "fail" },
}

case "Cờ CP khoản 1: second in its bloc, no other route → ineligible" {
  form = "co_cp", year = 2024, unit = U1,
  facts = facts(2024, with(CO_OK, { bloc_rank = 2 })),
  expect = "ineligible", criteria = { k1_leads_bloc = "fail" },
}

case "Cờ CP khoản 1: bloc rank not attested → review" {
  form = "co_cp", year = 2024, unit = U1,
  facts = facts(2024, with(CO_OK, { bloc_rank = false })),
  expect = "review", criteria = { k1_leads_bloc = "unknown" },
}

case "Cờ CP khoản 1: rated good, not excellent, all else attested → ineligible" {
  form = "co_cp", year = 2024, unit = U1,
  appraisals = unit_rated_as("good"),
  facts = facts(2024, CO_OK),
  expect = "ineligible",
  criteria = { k1_excellent = "fail", k1_exceeded_targets = "pass" },
}

case "Cờ CP khoản 1: no rating recorded for the collective → review" {
  form = "co_cp", year = 2024, unit = U1,
  facts = facts(2024, CO_OK),
  expect = "review",
  criteria = { k1_excellent = "unknown", k1_exceeded_targets = "pass" },
}

case "Cờ CP khoản 1: targets not exceeded → ineligible" {
  form = "co_cp", year = 2024, unit = U1,
  facts = facts(2024, with(CO_OK, { exceeded_targets = 0 })),
  expect = "ineligible", criteria = { k1_exceeded_targets = "fail" },
}

case "Cờ CP khoản 1: internal disunity → ineligible" {
  form = "co_cp", year = 2024, unit = U1,
  facts = facts(2024, with(CO_OK, { internal_unity = 0 })),
  expect = "ineligible", criteria = { k1_internal_unity = "fail" },
}

case "Cờ CP khoản 1: not leading in thrift → ineligible" {
  form = "co_cp", year = 2024, unit = U1,
  facts = facts(2024, with(CO_OK, { thrift = 0 })),
  expect = "ineligible", criteria = { k1_thrift = "fail" },
}

case "Cờ CP khoản 2: leads a bloc of the Central council → eligible" {
  form = "co_cp", year = 2024, unit = U1,
  facts = facts(2024, { central_bloc_rank = 1, bloc_rank = 3 }),
  expect = "eligible",
  criteria = { k1_leads_bloc = "fail", k2_leads_central_bloc = "pass" },
}

case "Cờ CP khoản 2: third in a bloc of the Central council → ineligible" {
  form = "co_cp", year = 2024, unit = U1,
  facts = facts(2024, { central_bloc_rank = 3, bloc_rank = 3 }),
  expect = "ineligible", criteria = { k2_leads_central_bloc = "fail" },
}

case "Cờ CP khoản 3: leads a 5-year movement of the Prime Minister → eligible" {
  form = "co_cp", year = 2024, unit = U1, kind = "thematic",
  facts = cat(facts(2024, { outstanding = 1, bloc_rank = 4 }),
              movement("prime_minister", 5)),
  expect = "eligible",
  criteria = { k3_prime_minister_movement = "pass", k3_five_years = "pass",
               k3_leads_movement = "pass" },
}

case "Cờ CP khoản 3: the Prime Minister's movement reviewed after 4 years → ineligible" {
  form = "co_cp", year = 2024, unit = U1, kind = "thematic",
  facts = cat(facts(2024, { outstanding = 1, bloc_rank = 4 }),
              movement("prime_minister", 4)),
  expect = "ineligible",
  criteria = { k3_prime_minister_movement = "pass", k3_five_years = "fail" },
}

case "Cờ CP khoản 3: not selected as the movement's leader → ineligible" {
  form = "co_cp", year = 2024, unit = U1, kind = "thematic",
  facts = cat(facts(2024, { outstanding = 0, bloc_rank = 4 }),
              movement("prime_minister", 6)),
  expect = "ineligible",
  criteria = { k3_leads_movement = "fail" },
}

case "Cờ CP khoản 3: a named movement whose facts nobody recorded → review" {
  form = "co_cp", year = 2024, unit = U1, kind = "thematic", campaign = "PT-1",
  facts = facts(2024, { outstanding = 1, bloc_rank = 2 }),
  expect = "review",
  criteria = { k3_prime_minister_movement = "unknown", k3_five_years = "unknown" },
}

case "Cờ CP khoản 3: no movement named, none recorded → ineligible" {
  form = "co_cp", year = 2024, unit = U1,
  facts = facts(2024, { outstanding = 1, bloc_rank = 2 }),
  expect = "ineligible",
  criteria = { k3_prime_minister_movement = "fail", k3_five_years = "fail" },
}

case "Cờ CP: under inspection → ineligible" {
  form = "co_cp", year = 2024, unit = U1,
  facts = facts(2024, with(CO_OK, { under_review = 1 })),
  expect = "ineligible", criteria = { not_under_review = "fail" },
}

---------------------------------------------------------------- members judged in the same round

-- Members without the title on record are judged by this set's ldtt form
-- (s:members_meeting): attested ones count, unattested ones are undecided.
do
  local people, appraisals, honours, fx = {}, { { year = 2024, rating = "excellent" } }, {}, {}
  for i = 1, 10 do
    local id = "M" .. i
    people[#people + 1] = { id = id, unit_id = "U1", is_leader = 0 }
    appraisals[#appraisals + 1] = { subject_type = "person", subject_id = id,
      year = 2024, rating = i <= 8 and "good" or "complete" }
    if i <= 5 then
      honours[#honours + 1] = { subject_type = "person", subject_id = id,
                                code = "ldtt", year = 2024 }
    end
  end
  honours[#honours + 1] = { subject_type = "person", subject_id = "M1",
                            code = "cstd_cs", year = 2024 }
  -- M6 and M7 meet the LĐTT standard on attested facts; M8 is unattested
  for _, id in ipairs({ "M6", "M7" }) do
    fx[#fx + 1] = { subject_type = "person", subject_id = id,
                    key = "self_reliance", value = "1", year = 2024 }
  end
  local function unit_facts(extra)
    local t = facts(2024, XS_OK)
    for _, f in ipairs(extra) do t[#t + 1] = f end
    return t
  end

  case "TTLĐXS: 5 LĐTT on record + 2 meeting the standard this round = 70% → eligible" {
    form = "ttldxs", year = 2024, unit = U1,
    people = people, appraisals = appraisals, honours = honours,
    facts = unit_facts(fx),
    expect = "eligible",
    criteria = { ldtt_share = "pass" },
  }

  case "TTLĐXS: 5 LĐTT on record, 2 more undecided (not attested) → review" {
    form = "ttldxs", year = 2024, unit = U1,
    people = people, appraisals = appraisals, honours = honours,
    facts = unit_facts({}),
    expect = "review",
    criteria = { ldtt_share = "unknown" },
  }
end
