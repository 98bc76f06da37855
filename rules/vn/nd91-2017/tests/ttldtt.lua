-- Tập thể lao động tiên tiến: rating, movement, > 50% LĐTT, no member
-- disciplined at warning or above in the year, solidarity and compliance.

local Y = 2021

-- Members P1..Pn of `unit`; the first `ldtt` of them hold LĐTT for Y.
local function members(n, ldtt, unit)
  local people, honours = {}, {}
  for i = 1, n do
    local id = "P" .. i
    people[#people + 1] = { id = id, unit_id = unit or "U1", is_leader = 0 }
    if i <= ldtt then
      honours[#honours + 1] = { subject_type = "person", subject_id = id, code = "ldtt", year = Y }
    end
  end
  return people, honours
end

local function unit_facts(v)
  v = v or "1"
  return {
    { key = "emulation_movement", value = v, year = Y },
    { key = "internal_unity",     value = v, year = Y },
    { key = "compliance",         value = v, year = Y },
  }
end

local U1 = { id = "U1", name = "Phòng Tổ chức", kind = "agency" }

do
  local people, honours = members(4, 3)
  case "TTLĐTT: rated good, 3 of 4 LĐTT, attested → eligible" {
    form = "ttldtt", year = Y,
    unit = U1, people = people, honours = honours,
    appraisals = { { year = Y, rating = "good" } },
    facts = unit_facts(),
    expect = "eligible",
    criteria = { good_rating = "pass", emulation_movement = "pass", ldtt_majority = "pass",
                 no_member_warning = "pass", internal_unity = "pass", compliance = "pass",
                 not_under_review = "pass" },
  }
end

do
  local people, honours = members(4, 2)
  case "TTLĐTT: exactly 50% LĐTT is not 'more than 50%' → ineligible" {
    form = "ttldtt", year = Y,
    unit = U1, people = people, honours = honours,
    appraisals = { { year = Y, rating = "good" } },
    facts = unit_facts(),
    expect = "ineligible",
    criteria = { ldtt_majority = "fail" },
  }
end

do
  -- P3 and P4 rated good, their LĐTT facts not attested: undecided, and
  -- with them more than half would meet it.
  local people, honours = members(4, 2)
  case "TTLĐTT: 2 of 4 LĐTT and 2 undecided → review" {
    form = "ttldtt", year = Y,
    unit = U1, people = people, honours = honours,
    appraisals = { { year = Y, rating = "good" },
                   { subject_type = "person", subject_id = "P3", year = Y, rating = "good" },
                   { subject_type = "person", subject_id = "P4", year = Y, rating = "good" } },
    facts = unit_facts(),
    expect = "review",
    criteria = { ldtt_majority = "unknown" },
  }
end

do
  local people, honours = members(5, 3)
  case "TTLĐTT: 3 of 5 LĐTT (60%) → eligible" {
    form = "ttldtt", year = Y,
    unit = U1, people = people, honours = honours,
    appraisals = { { year = Y, rating = "good" } },
    facts = unit_facts(),
    expect = "eligible",
    criteria = { ldtt_majority = "pass" },
  }
end

do
  -- The collective's members sit in a department below it (U2).
  local people, honours = members(3, 2, "U2")
  case "TTLĐTT: members of a subunit count for the collective → eligible" {
    form = "ttldtt", year = Y,
    unit = U1,
    units = { { id = "U2", name = "Tổ Văn thư", parent_id = "U1", kind = "agency", small = 1 } },
    people = people, honours = honours,
    appraisals = { { year = Y, rating = "good" } },
    facts = unit_facts(),
    expect = "eligible",
    criteria = { ldtt_majority = "pass" },
  }
end

do
  local people, honours = members(4, 3)
  case "TTLĐTT: rated only 'complete' → ineligible" {
    form = "ttldtt", year = Y,
    unit = U1, people = people, honours = honours,
    appraisals = { { year = Y, rating = "complete" } },
    facts = unit_facts(),
    expect = "ineligible",
    criteria = { good_rating = "fail" },
  }
end

do
  local people, honours = members(4, 3)
  case "TTLĐTT: no appraisal of the collective → review" {
    form = "ttldtt", year = Y,
    unit = U1, people = people, honours = honours,
    facts = unit_facts(),
    expect = "review",
    criteria = { good_rating = "unknown" },
  }
end

do
  local people, honours = members(4, 3)
  case "TTLĐTT: movement, solidarity, compliance attested 0 → ineligible" {
    form = "ttldtt", year = Y,
    unit = U1, people = people, honours = honours,
    appraisals = { { year = Y, rating = "good" } },
    facts = unit_facts("0"),
    expect = "ineligible",
    criteria = { emulation_movement = "fail", internal_unity = "fail", compliance = "fail" },
  }
end

do
  local people, honours = members(4, 3)
  case "TTLĐTT: a member warned on 31 December of the year → ineligible" {
    form = "ttldtt", year = Y,
    unit = U1, people = people, honours = honours,
    appraisals = { { year = Y, rating = "good" } },
    disciplines = { { subject_type = "person", subject_id = "P4", date = "2021-12-31",
                      level = "warning" } },
    facts = unit_facts(),
    expect = "ineligible",
    criteria = { no_member_warning = "fail" },
  }
end

do
  local people, honours = members(4, 3)
  case "TTLĐTT: a member warned on 1 January of the next year → eligible" {
    form = "ttldtt", year = Y,
    unit = U1, people = people, honours = honours,
    appraisals = { { year = Y, rating = "good" } },
    disciplines = { { subject_type = "person", subject_id = "P4", date = "2022-01-01",
                      level = "warning" } },
    facts = unit_facts(),
    expect = "eligible",
    criteria = { no_member_warning = "pass" },
  }
end

do
  local people, honours = members(4, 3)
  case "TTLĐTT: a member only reprimanded (below warning) → eligible" {
    form = "ttldtt", year = Y,
    unit = U1, people = people, honours = honours,
    appraisals = { { year = Y, rating = "good" } },
    disciplines = { { subject_type = "person", subject_id = "P4", date = "2021-05-10",
                      level = "reprimand" } },
    facts = unit_facts(),
    expect = "eligible",
    criteria = { no_member_warning = "pass" },
  }
end

do
  local people, honours = members(4, 3)
  local facts = unit_facts()
  facts[#facts + 1] = { key = "under_review", value = "1", year = Y }
  case "TTLĐTT: the collective under inspection → ineligible" {
    form = "ttldtt", year = Y,
    unit = U1, people = people, honours = honours,
    appraisals = { { year = Y, rating = "good" } },
    facts = facts,
    expect = "ineligible",
    criteria = { not_under_review = "fail" },
  }
end
