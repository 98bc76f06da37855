-- Boundaries of shared prelude rules (src/lib/rules/prelude.lua) that the
-- other cases do not reach: each case fails when the helper is wrong.

-- lib.holds_prerequisite: a BK TTg of the achievement year itself is held
-- (the years after it are another criterion); one dated later is not.
local HC = {
  form = "hcld3", year = 2023,
  person = { id = "P1", unit_id = "U1", is_leader = 0, category = "civil_servant" },
  appraisals = { { year = 2019, rating = "good" }, { year = 2020, rating = "good" },
                 { year = 2021, rating = "excellent" }, { year = 2022, rating = "good" },
                 { year = 2023, rating = "good" } },
}

case "prelude holds_prerequisite: BK TTg of the year itself is held" {
  form = HC.form, year = HC.year, person = HC.person, appraisals = HC.appraisals,
  honours = { { code = "bk_ttg", year = 2023 } },
  expect = "ineligible",
  criteria = { e_bk_ttg = "pass", e_after_bk_ttg = "fail" },
}

case "prelude holds_prerequisite: a BK TTg dated after the year is not held" {
  form = HC.form, year = HC.year, person = HC.person, appraisals = HC.appraisals,
  honours = { { code = "bk_ttg", year = 2024 } },
  expect = "ineligible",
  criteria = { e_bk_ttg = "fail" },
}
