-- Tập thể lao động xuất sắc: excellent rating, movement, 100% members
-- complete, ≥ 70% LĐTT, ≥ 1 CSTĐCS, no member warned, solidarity and
-- compliance, and (status U) the TTLĐTT standard.

local Y = 2021

-- Members P1..Pn rated `rating` (default good); the first `ldtt` hold LĐTT,
-- the first `cs` hold CSTĐCS.
local function members(n, ldtt, cs, rating)
  local people, honours, appraisals = {}, {}, {}
  for i = 1, n do
    local id = "P" .. i
    people[#people + 1] = { id = id, unit_id = "U1", is_leader = 0 }
    appraisals[#appraisals + 1] = { subject_type = "person", subject_id = id, year = Y,
                                    rating = rating or "good" }
    if i <= ldtt then
      honours[#honours + 1] = { subject_type = "person", subject_id = id, code = "ldtt", year = Y }
    end
    if i <= cs then
      honours[#honours + 1] = { subject_type = "person", subject_id = id, code = "cstd_cs", year = Y }
    end
  end
  appraisals[#appraisals + 1] = { subject_type = "unit", subject_id = "U1", year = Y,
                                  rating = "excellent" }
  return people, honours, appraisals
end

local function unit_facts(v)
  v = v or "1"
  return {
    { key = "emulation_movement", value = v, year = Y },
    { key = "internal_unity",     value = v, year = Y },
    { key = "compliance",         value = v, year = Y },
  }
end

local U1 = { id = "U1", name = "Phòng Kế hoạch", kind = "agency" }

do
  local people, honours, appraisals = members(5, 4, 1)
  case "TTLĐXS: excellent, all complete, 80% LĐTT, one CSTĐCS → eligible" {
    form = "ttldxs", year = Y,
    unit = U1, people = people, honours = honours, appraisals = appraisals,
    facts = unit_facts(),
    expect = "eligible",
    criteria = { excellent_rating = "pass", emulation_movement = "pass",
                 all_members_complete = "pass", ldtt_share = "pass", cstd_cs_member = "pass",
                 no_member_warning = "pass", internal_unity = "pass", compliance = "pass",
                 ttldtt_standard = "pass", not_under_review = "pass" },
  }
end

do
  local people, honours, appraisals = members(5, 4, 1)
  appraisals[#appraisals].rating = "good"
  case "TTLĐXS: the collective rated good, not excellent → ineligible" {
    form = "ttldxs", year = Y,
    unit = U1, people = people, honours = honours, appraisals = appraisals,
    facts = unit_facts(),
    expect = "ineligible",
    criteria = { excellent_rating = "fail", ttldtt_standard = "pass" },
  }
end

do
  local people, honours, appraisals = members(5, 4, 1)
  appraisals[5].rating = "incomplete"
  case "TTLĐXS: one member did not complete tasks → ineligible" {
    form = "ttldxs", year = Y,
    unit = U1, people = people, honours = honours, appraisals = appraisals,
    facts = unit_facts(),
    expect = "ineligible",
    criteria = { all_members_complete = "fail" },
  }
end

do
  local people, honours, appraisals = members(10, 7, 1)
  case "TTLĐXS: exactly 70% LĐTT (7 of 10) → eligible" {
    form = "ttldxs", year = Y,
    unit = U1, people = people, honours = honours, appraisals = appraisals,
    facts = unit_facts(),
    expect = "eligible",
    criteria = { ldtt_share = "pass" },
  }
end

do
  local people, honours, appraisals = members(10, 6, 1)
  for i = 7, 10 do appraisals[i].rating = "complete" end -- below LĐTT
  case "TTLĐXS: 60% LĐTT (6 of 10) → ineligible" {
    form = "ttldxs", year = Y,
    unit = U1, people = people, honours = honours, appraisals = appraisals,
    facts = unit_facts(),
    expect = "ineligible",
    criteria = { ldtt_share = "fail", ttldtt_standard = "pass" },
  }
end

do
  -- P7..P10 rated good, but nobody attested their LĐTT facts: whether
  -- they meet it is for a person to decide, and with them 70% is reached.
  local people, honours, appraisals = members(10, 6, 1)
  case "TTLĐXS: 6 of 10 LĐTT and 4 undecided → review" {
    form = "ttldxs", year = Y,
    unit = U1, people = people, honours = honours, appraisals = appraisals,
    facts = unit_facts(),
    expect = "review",
    criteria = { ldtt_share = "unknown" },
  }
end

do
  -- No CSTĐCS conferred; P5 has a recognised initiative but no LĐTT yet,
  -- and the LĐTT facts of the year are not attested: undecided.
  local people, honours, appraisals = members(5, 4, 0)
  case "TTLĐXS: no CSTĐCS, one member undecided → review" {
    form = "ttldxs", year = Y,
    unit = U1, people = people, honours = honours, appraisals = appraisals,
    initiatives = { { id = "SK1", person_id = "P5",
                      year = Y, scope = "unit" } },
    facts = unit_facts(),
    expect = "review",
    criteria = { cstd_cs_member = "unknown" },
  }
end

do
  local people, honours, appraisals = members(5, 4, 0)
  case "TTLĐXS: no member is CSTĐCS → ineligible" {
    form = "ttldxs", year = Y,
    unit = U1, people = people, honours = honours, appraisals = appraisals,
    facts = unit_facts(),
    expect = "ineligible",
    criteria = { cstd_cs_member = "fail" },
  }
end

do
  local people, honours, appraisals = members(5, 4, 1)
  case "TTLĐXS: a member warned on 31 December of the year → ineligible" {
    form = "ttldxs", year = Y,
    unit = U1, people = people, honours = honours, appraisals = appraisals,
    disciplines = { { subject_type = "person", subject_id = "P5", date = "2021-12-31",
                      level = "warning" } },
    facts = unit_facts(),
    expect = "ineligible",
    criteria = { no_member_warning = "fail" },
  }
end

do
  local people, honours, appraisals = members(5, 4, 1)
  case "TTLĐXS: a member warned on 1 January of the next year → eligible" {
    form = "ttldxs", year = Y,
    unit = U1, people = people, honours = honours, appraisals = appraisals,
    disciplines = { { subject_type = "person", subject_id = "P5", date = "2022-01-01",
                      level = "warning" } },
    facts = unit_facts(),
    expect = "eligible",
    criteria = { no_member_warning = "pass" },
  }
end

do
  local people, honours, appraisals = members(5, 4, 1)
  case "TTLĐXS: movement, solidarity, compliance attested 0 → ineligible" {
    form = "ttldxs", year = Y,
    unit = U1, people = people, honours = honours, appraisals = appraisals,
    facts = unit_facts("0"),
    expect = "ineligible",
    criteria = { emulation_movement = "fail", internal_unity = "fail", compliance = "fail",
                 ttldtt_standard = "fail" },
  }
end

do
  local people, honours, appraisals = members(5, 4, 1)
  local facts = unit_facts()
  facts[#facts + 1] = { key = "under_review", value = "1", year = Y }
  case "TTLĐXS: the collective under inspection → ineligible" {
    form = "ttldxs", year = Y,
    unit = U1, people = people, honours = honours, appraisals = appraisals,
    facts = facts,
    expect = "ineligible",
    criteria = { not_under_review = "fail" },
  }
end
