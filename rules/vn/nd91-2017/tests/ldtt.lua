-- Lao động tiên tiến: every criterion passed and failed at its boundary.
-- The person is a civil servant hired long before the year unless a case
-- says otherwise; the k1 attestations are given as `1` unless tested.

local Y = 2021

local function k1_facts(v)
  v = v or "1"
  return {
    { key = "compliance",    value = v, year = Y },
    { key = "self_reliance", value = v, year = Y },
    { key = "studies",       value = v, year = Y },
    { key = "ethics",        value = v, year = Y },
  }
end

local function k3_facts(v)
  v = v or "1"
  return {
    { key = "productive",    value = v, year = Y },
    { key = "compliance",    value = v, year = Y },
    { key = "ethics",        value = v, year = Y },
    { key = "self_reliance", value = v, year = Y },
  }
end

local function official(extra)
  local p = { id = "P1", unit_id = "U1", is_leader = 0, category = "civil_servant",
              hired = "2012-09-01" }
  for k, v in pairs(extra or {}) do p[k] = v end
  return p
end

case "LĐTT k1: rated good, all attested → eligible" {
  form = "ldtt", year = Y,
  person = official(),
  appraisals = { { year = Y, rating = "good" } },
  facts = k1_facts(),
  expect = "eligible",
  criteria = { official = "pass", good_rating = "pass", compliance = "pass",
               self_reliance = "pass", studies = "pass", ethics = "pass",
               worker_farmer = "fail", not_armed_forces = "pass",
               new_hire_months = "pass", no_reprimand = "pass",
               not_under_review = "pass" },
}

case "LĐTT k1: rated excellent → eligible" {
  form = "ldtt", year = Y,
  person = official(),
  appraisals = { { year = Y, rating = "excellent" } },
  facts = k1_facts(),
  expect = "eligible",
  criteria = { good_rating = "pass" },
}

case "LĐTT k1: rated only 'complete' → ineligible" {
  form = "ldtt", year = Y,
  person = official(),
  appraisals = { { year = Y, rating = "complete" } },
  facts = k1_facts(),
  expect = "ineligible",
  criteria = { good_rating = "fail" },
}

case "LĐTT k1: no appraisal for the year → ineligible (a missing year is not a pass)" {
  form = "ldtt", year = Y,
  person = official(),
  appraisals = { { year = Y - 1, rating = "excellent" } },
  facts = k1_facts(),
  expect = "ineligible",
  criteria = { good_rating = "fail" },
}

case "LĐTT k1: compliance and self-reliance attested 0 → ineligible" {
  form = "ldtt", year = Y,
  person = official(),
  appraisals = { { year = Y, rating = "good" } },
  facts = {
    { key = "compliance",    value = "0", year = Y },
    { key = "self_reliance", value = "0", year = Y },
    { key = "studies",       value = "1", year = Y },
    { key = "ethics",        value = "1", year = Y },
  },
  expect = "ineligible",
  criteria = { compliance = "fail", self_reliance = "fail", studies = "pass", ethics = "pass" },
}

case "LĐTT k1: attestations missing → review" {
  form = "ldtt", year = Y,
  person = official(),
  appraisals = { { year = Y, rating = "good" } },
  expect = "review",
  criteria = { compliance = "unknown", self_reliance = "unknown",
               studies = "unknown", ethics = "unknown" },
}

case "LĐTT k1: category not recorded is read as clause 1 → eligible" {
  form = "ldtt", year = Y,
  person = { id = "P1", unit_id = "U1", is_leader = 0, hired = "2012-09-01" },
  appraisals = { { year = Y, rating = "good" } },
  facts = k1_facts(),
  expect = "eligible",
  criteria = { official = "pass", worker_farmer = "fail" },
}

case "LĐTT k3: farmer producing effectively, attested → eligible" {
  form = "ldtt", year = Y,
  person = official({ category = "farmer" }),
  facts = k3_facts(),
  expect = "eligible",
  criteria = { official = "fail", worker_farmer = "pass", worker_productive = "pass",
               worker_compliance = "pass", worker_ethics = "pass",
               worker_solidarity = "pass" },
}

case "LĐTT k3: worker, attestations 0 → ineligible" {
  form = "ldtt", year = Y,
  person = official({ category = "worker" }),
  facts = k3_facts("0"),
  expect = "ineligible",
  criteria = { worker_farmer = "pass", worker_productive = "fail",
               worker_compliance = "fail", worker_ethics = "fail",
               worker_solidarity = "fail" },
}

case "LĐTT k2: a soldier gets Chiến sĩ tiên tiến, not LĐTT → ineligible" {
  form = "ldtt", year = Y,
  person = official({ category = "soldier" }),
  appraisals = { { year = Y, rating = "good" } },
  facts = k1_facts(),
  expect = "ineligible",
  criteria = { not_armed_forces = "fail" },
}

-- New hires (NĐ 91 Điều 10 khoản 6): 10 months is enough, 9 is not (D1).
case "LĐTT: hired 1 March, 10 months worked → eligible" {
  form = "ldtt", year = Y,
  person = official({ hired = "2021-03-01" }),
  appraisals = { { year = Y, rating = "good", months_worked = 10 } },
  facts = k1_facts(),
  expect = "eligible",
  criteria = { new_hire_months = "pass" },
}

case "LĐTT: hired 1 April, 9 months worked → ineligible" {
  form = "ldtt", year = Y,
  person = official({ hired = "2021-04-01" }),
  appraisals = { { year = Y, rating = "good", months_worked = 9 } },
  facts = k1_facts(),
  expect = "ineligible",
  criteria = { new_hire_months = "fail" },
}

case "LĐTT: new hire on maternity leave, the leave counts as worked → eligible" {
  form = "ldtt", year = Y,
  person = official({ hired = "2021-01-04", gender = "female" }),
  appraisals = { { year = Y, rating = "good", months_worked = 6, absence = "maternity" } },
  facts = k1_facts(),
  expect = "eligible",
  criteria = { new_hire_months = "pass" },
}

case "LĐTT: new hire in training, the training counts as worked → eligible" {
  form = "ldtt", year = Y,
  person = official({ hired = "2021-01-04" }),
  appraisals = { { year = Y, rating = "good", months_worked = 7, absence = "training" } },
  facts = k1_facts(),
  expect = "eligible",
  criteria = { new_hire_months = "pass" },
}

case "LĐTT: new hire treated for a duty injury, the treatment counts → eligible" {
  form = "ldtt", year = Y,
  person = official({ hired = "2021-01-04" }),
  appraisals = { { year = Y, rating = "good", months_worked = 8, absence = "work_injury" } },
  facts = k1_facts(),
  expect = "eligible",
  criteria = { new_hire_months = "pass" },
}

case "LĐTT: established employee off sick 6 months, no sick-leave bar in A → eligible" {
  form = "ldtt", year = Y,
  person = official(),
  appraisals = { { year = Y, rating = "good", months_worked = 6, absence = "sick" } },
  facts = k1_facts(),
  expect = "eligible",
  criteria = { new_hire_months = "pass" },
}

case "LĐTT: no hire date and 8 months counted → review (new hire or sick leave?)" {
  form = "ldtt", year = Y,
  person = { id = "P1", unit_id = "U1", is_leader = 0, category = "civil_servant" },
  appraisals = { { year = Y, rating = "good", months_worked = 8, absence = "other" } },
  facts = k1_facts(),
  expect = "review",
  criteria = { new_hire_months = "unknown" },
}

case "LĐTT: hired after the year proposed → ineligible" {
  form = "ldtt", year = Y,
  person = official({ hired = "2022-02-01" }),
  appraisals = { { year = Y, rating = "good" } },
  facts = k1_facts(),
  expect = "ineligible",
  criteria = { new_hire_months = "fail" },
}

-- Discipline (NĐ 91 Điều 10 khoản 6): the year of the decision counts.
case "LĐTT: reprimand dated 31 December of the year → ineligible" {
  form = "ldtt", year = Y,
  person = official(),
  appraisals = { { year = Y, rating = "good" } },
  disciplines = { { date = "2021-12-31", level = "reprimand", ends = "2022-06-30" } },
  facts = k1_facts(),
  expect = "ineligible",
  criteria = { no_reprimand = "fail" },
}

case "LĐTT: reprimand dated 1 January of the next year → eligible for the year" {
  form = "ldtt", year = Y,
  person = official(),
  appraisals = { { year = Y, rating = "good" } },
  disciplines = { { date = "2022-01-01", level = "reprimand", ends = "2022-07-01" } },
  facts = k1_facts(),
  expect = "eligible",
  criteria = { no_reprimand = "pass" },
}

case "LĐTT: under disciplinary review → ineligible" {
  form = "ldtt", year = Y,
  person = official(),
  appraisals = { { year = Y, rating = "good" } },
  facts = { { key = "compliance", value = "1", year = Y },
            { key = "self_reliance", value = "1", year = Y },
            { key = "studies", value = "1", year = Y },
            { key = "ethics", value = "1", year = Y },
            { key = "under_review", value = "1", year = Y } },
  expect = "ineligible",
  criteria = { not_under_review = "fail" },
}

case "LĐTT: review attested closed (under_review = 0) → eligible" {
  form = "ldtt", year = Y,
  person = official(),
  appraisals = { { year = Y, rating = "good" } },
  facts = { { key = "compliance", value = "1", year = Y },
            { key = "self_reliance", value = "1", year = Y },
            { key = "studies", value = "1", year = Y },
            { key = "ethics", value = "1", year = Y },
            { key = "under_review", value = "0", year = Y } },
  expect = "eligible",
  criteria = { not_under_review = "pass" },
}
