-- Lao động tiên tiến (regime B): each criterion passed and failed at its
-- boundary. Luật 2022 Điều 24; TT 01/2024/TT-BNV Điều 1 khoản 5; NĐ 98 Điều 4.

local P1 = { id = "P1", unit_id = "U1", is_leader = 0,
             category = "civil_servant" }

case "LĐTT: rated good, self-reliant, a full year → eligible" {
  form = "ldtt", year = 2024,
  person = P1,
  appraisals = { { year = 2024, rating = "good" } },
  facts = { { key = "self_reliance", value = "1", year = 2024 } },
  expect = "eligible",
  criteria = { not_under_review = "pass", rating_good = "pass",
               self_reliance = "pass", not_new_hire = "pass" },
}

case "LĐTT: rated complete (one level below good) → ineligible" {
  form = "ldtt", year = 2024,
  person = P1,
  appraisals = { { year = 2024, rating = "complete" } },
  facts = { { key = "self_reliance", value = "1", year = 2024 } },
  expect = "ineligible",
  criteria = { rating_good = "fail" },
}

case "LĐTT: no appraisal for the year → ineligible (a missing year is no pass)" {
  form = "ldtt", year = 2024,
  person = P1,
  appraisals = { { year = 2023, rating = "excellent" } },
  facts = { { key = "self_reliance", value = "1", year = 2024 } },
  expect = "ineligible",
  criteria = { rating_good = "fail" },
}

case "LĐTT: the unit attests no self-reliance → ineligible" {
  form = "ldtt", year = 2024,
  person = P1,
  appraisals = { { year = 2024, rating = "excellent" } },
  facts = { { key = "self_reliance", value = "0", year = 2024 } },
  expect = "ineligible",
  criteria = { self_reliance = "fail" },
}

case "LĐTT: self-reliance not attested → review" {
  form = "ldtt", year = 2024,
  person = P1,
  appraisals = { { year = 2024, rating = "good" } },
  expect = "review",
  criteria = { self_reliance = "unknown" },
}

case "LĐTT: new hire with exactly 6 months → eligible" {
  form = "ldtt", year = 2024,
  person = { id = "P1", unit_id = "U1", is_leader = 0, hired = "2024-07-01" },
  appraisals = { { year = 2024, rating = "good", months_worked = 6 } },
  facts = { { key = "self_reliance", value = "1", year = 2024 } },
  expect = "eligible",
  criteria = { not_new_hire = "pass" },
}

case "LĐTT: new hire with 5 months → ineligible" {
  form = "ldtt", year = 2024,
  person = { id = "P1", unit_id = "U1", is_leader = 0, hired = "2024-08-01" },
  appraisals = { { year = 2024, rating = "good", months_worked = 5 } },
  facts = { { key = "self_reliance", value = "1", year = 2024 } },
  expect = "ineligible",
  criteria = { not_new_hire = "fail" },
}

case "LĐTT: maternity leave counts as months worked → eligible" {
  form = "ldtt", year = 2024,
  person = { id = "P1", unit_id = "U1", is_leader = 0, gender = "female" },
  appraisals = { { year = 2024, rating = "good", months_worked = 12,
                   absence = "maternity" } },
  facts = { { key = "self_reliance", value = "1", year = 2024 } },
  expect = "eligible",
  criteria = { not_new_hire = "pass" },
}

case "LĐTT: under disciplinary review → ineligible" {
  form = "ldtt", year = 2024,
  person = P1,
  appraisals = { { year = 2024, rating = "good" } },
  facts = { { key = "self_reliance", value = "1", year = 2024 },
            { key = "under_review", value = "1", year = 2024 } },
  expect = "ineligible",
  criteria = { not_under_review = "fail" },
}

case "LĐTT: under_review attested 0 → eligible" {
  form = "ldtt", year = 2024,
  person = P1,
  appraisals = { { year = 2024, rating = "good" } },
  facts = { { key = "self_reliance", value = "1", year = 2024 },
            { key = "under_review", value = "0", year = 2024 } },
  expect = "eligible",
  criteria = { not_under_review = "pass" },
}

-- Khoản 2 [P] (B-LDTT-3): the armed forces get Chiến sĩ tiên tiến instead.
case "LĐTT k2: a soldier gets Chiến sĩ tiên tiến, not LĐTT → ineligible" {
  form = "ldtt", year = 2024,
  person = { id = "P1", unit_id = "U1", is_leader = 0, category = "soldier" },
  appraisals = { { year = 2024, rating = "good" } },
  facts = { { key = "self_reliance", value = "1", year = 2024 } },
  expect = "ineligible",
  criteria = { not_armed_forces = "fail", rating_good = "pass",
               self_reliance = "pass" },
}

case "LĐTT k2: a person with no category recorded is not barred → eligible" {
  form = "ldtt", year = 2024,
  person = { id = "P1", unit_id = "U1", is_leader = 0 },
  appraisals = { { year = 2024, rating = "good" } },
  facts = { { key = "self_reliance", value = "1", year = 2024 } },
  expect = "eligible",
  criteria = { not_armed_forces = "pass" },
}
