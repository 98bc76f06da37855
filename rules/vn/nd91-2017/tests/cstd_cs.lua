-- Chiến sĩ thi đua cơ sở: the LĐTT standard, the initiative, and the 15%
-- cap. The cap rounds down, so a unit needs 7 LĐTT for one CSTĐCS at 15%:
-- most cases give the unit six LĐTT colleagues besides the candidate.

local Y = 2021

-- `n` colleagues in unit U1 holding LĐTT for year Y (P101, P102, …).
local function colleagues(n)
  local people, honours = {}, {}
  for i = 1, n do
    local id = "P" .. (100 + i)
    people[#people + 1] = { id = id, unit_id = "U1", is_leader = 0 }
    honours[#honours + 1] = { subject_type = "person", subject_id = id, code = "ldtt", year = Y }
  end
  return people, honours
end

-- A candidate P1 in U1 holding LĐTT for Y, plus `n` LĐTT colleagues; extra
-- honours are appended.
local function unit_with(n, extra_honours)
  local people, honours = colleagues(n)
  honours[#honours + 1] = { code = "ldtt", year = Y }
  for _, h in ipairs(extra_honours or {}) do honours[#honours + 1] = h end
  return people, honours
end

local function k1_facts()
  return {
    { key = "compliance",    value = "1", year = Y },
    { key = "self_reliance", value = "1", year = Y },
    { key = "studies",       value = "1", year = Y },
    { key = "ethics",        value = "1", year = Y },
  }
end

do
  -- NĐ 91 Đ9 k3 b: a sáng kiến need only be recognised by the unit; only
  -- a đề tài must also be applied.
  local people, honours = unit_with(6)
  case "CSTĐCS: a recognised initiative not recorded as applied → eligible" {
    form = "cstd_cs", year = Y,
    person = { id = "P1", unit_id = "U1", is_leader = 0 },
    people = people, honours = honours,
    appraisals  = { { year = Y, rating = "good" } },
    initiatives = { { id = "SK1", year = Y, scope = "unit", applied = 0 } },
    expect = "eligible",
    criteria = { initiative = "pass" },
  }
  case "CSTĐCS: a research project accepted but not applied → ineligible" {
    form = "cstd_cs", year = Y,
    person = { id = "P1", unit_id = "U1", is_leader = 0 },
    people = people, honours = honours,
    appraisals  = { { year = Y, rating = "good" } },
    initiatives = { { id = "DT1", year = Y, scope = "unit", kind = "research",
                      applied = 0 } },
    expect = "ineligible",
    criteria = { initiative = "fail" },
  }
end

do
  local people, honours = unit_with(6)
  case "CSTĐCS: LĐTT held and one unit-level initiative → eligible" {
    form = "cstd_cs", year = Y,
    person = { id = "P1", unit_id = "U1", is_leader = 0 },
    people = people, honours = honours,
    appraisals  = { { year = Y, rating = "good" } },
    initiatives = { { id = "SK1", year = Y, scope = "unit" } },
    expect = "eligible",
    criteria = { ldtt_standard = "pass", initiative = "pass", not_under_review = "pass",
                 quota_ldtt_share = "pass" },
  }
end

do
  local people, honours = colleagues(6)
  -- The annual round judges P1's LĐTT too: eligible in the same run, it
  -- counts toward the quota's base (7 LĐTT → 1 place).
  case "CSTĐCS: LĐTT not yet conferred but its standard met → eligible" {
    form = "cstd_cs", year = Y,
    person = { id = "P1", unit_id = "U1", is_leader = 0, hired = "2015-01-01" },
    people = people, honours = honours,
    nominations = { { id = "N1", subject_id = "P1", code = "cstd_cs", year = Y },
                    { id = "N2", subject_id = "P1", code = "ldtt", year = Y } },
    appraisals  = { { year = Y, rating = "excellent" } },
    initiatives = { { id = "SK1", year = Y, scope = "unit" } },
    facts = k1_facts(),
    expect = { N1 = "eligible", N2 = "eligible" },
  }
end

do
  local people, honours = colleagues(6)
  case "CSTĐCS: LĐTT standard not met (rated complete) → ineligible" {
    form = "cstd_cs", year = Y,
    person = { id = "P1", unit_id = "U1", is_leader = 0, hired = "2015-01-01" },
    people = people, honours = honours,
    appraisals  = { { year = Y, rating = "complete" } },
    initiatives = { { id = "SK1", year = Y, scope = "unit" } },
    facts = k1_facts(),
    expect = "ineligible",
    criteria = { ldtt_standard = "fail", initiative = "pass" },
  }
end

do
  local people, honours = unit_with(6)
  case "CSTĐCS: accepted and applied research project instead of a sáng kiến → eligible" {
    form = "cstd_cs", year = Y,
    person = { id = "P1", unit_id = "U1", is_leader = 0 },
    people = people, honours = honours,
    initiatives = { { id = "DT1", year = Y, scope = "unit", kind = "research", applied = 1 } },
    expect = "eligible",
    criteria = { initiative = "pass" },
  }
end

do
  local people, honours = unit_with(6)
  case "CSTĐCS: initiative recognised the year before → ineligible" {
    form = "cstd_cs", year = Y,
    person = { id = "P1", unit_id = "U1", is_leader = 0 },
    people = people, honours = honours,
    initiatives = { { id = "SK0", year = Y - 1, scope = "unit" } },
    expect = "ineligible",
    criteria = { initiative = "fail" },
  }
end

do
  local people, honours = unit_with(6)
  case "CSTĐCS: research accepted but not applied → ineligible" {
    form = "cstd_cs", year = Y,
    person = { id = "P1", unit_id = "U1", is_leader = 0 },
    people = people, honours = honours,
    initiatives = { { id = "DT1", year = Y, scope = "unit", kind = "research", applied = 0 } },
    expect = "ineligible",
    criteria = { initiative = "fail" },
  }
end

do
  local people, honours = unit_with(6)
  case "CSTĐCS: under review → ineligible" {
    form = "cstd_cs", year = Y,
    person = { id = "P1", unit_id = "U1", is_leader = 0 },
    people = people, honours = honours,
    initiatives = { { id = "SK1", year = Y, scope = "unit" } },
    facts = { { key = "under_review", value = "1", year = Y } },
    expect = "ineligible",
    criteria = { not_under_review = "fail" },
  }
end

do
  local people, honours = colleagues(6)
  case "CSTĐCS: a soldier, whose CSTT standard is not encoded → review" {
    form = "cstd_cs", year = Y,
    person = { id = "P1", unit_id = "U1", is_leader = 0, category = "soldier" },
    people = people, honours = honours,
    initiatives = { { id = "SK1", year = Y, scope = "unit", kind = "combat" } },
    expect = "review",
    criteria = { ldtt_standard = "unknown", initiative = "pass" },
  }
end

-- The cap: 7 LĐTT → 1 place (15% of 7 = 1.05); 6 LĐTT → none.
do
  local people, honours = unit_with(5)
  case "CSTĐCS quota: 6 LĐTT in the unit, 15% rounds down to 0 → review" {
    form = "cstd_cs", year = Y,
    person = { id = "P1", unit_id = "U1", is_leader = 0 },
    people = people, honours = honours,
    initiatives = { { id = "SK1", year = Y, scope = "unit" } },
    expect = "review",
    criteria = { initiative = "pass", quota_ldtt_share = "unknown" },
  }
end

-- 13 LĐTT → 1 place; two qualified candidates: the direct worker goes first.
do
  local people, honours = unit_with(12)
  local inits = { { id = "SK1", year = Y, scope = "unit" },
                  { id = "SK2", year = Y, scope = "unit", person_id = "P101" } }
  case "CSTĐCS quota: 13 LĐTT, a leader behind a direct worker → review" {
    form = "cstd_cs", year = Y,
    person = { id = "P1", unit_id = "U1", is_leader = 1 },
    people = people, honours = honours, initiatives = inits,
    nominations = { { id = "N1", subject_id = "P1", code = "cstd_cs", year = Y },
                    { id = "N2", subject_id = "P101", code = "cstd_cs", year = Y } },
    expect = { N1 = "review", N2 = "eligible" },
  }
end

do
  local people, honours = unit_with(12)
  local inits = { { id = "SK1", year = Y, scope = "unit" },
                  { id = "SK2", year = Y, scope = "unit", person_id = "P101" } }
  people[1].is_leader = 1
  case "CSTĐCS quota: 13 LĐTT, a direct worker ahead of a leader → eligible" {
    form = "cstd_cs", year = Y,
    person = { id = "P1", unit_id = "U1", is_leader = 0 },
    people = people, honours = honours, initiatives = inits,
    nominations = { { id = "N1", subject_id = "P1", code = "cstd_cs", year = Y },
                    { id = "N2", subject_id = "P101", code = "cstd_cs", year = Y } },
    expect = { N1 = "eligible", N2 = "review" },
  }
end
