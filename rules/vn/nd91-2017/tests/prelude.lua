-- Boundaries of shared prelude rules (src/lib/rules/prelude.lua) that the
-- other cases do not reach: each case fails when the helper is wrong.

-- lib.run_from: the window of BK TTg điểm c starts after the BK tỉnh, even
-- when the run of excellent years reaches back to it. Five initiatives
-- 2016–2020, BK tỉnh 2016: only the four of 2017–2020 count.
case "prelude run_from: initiatives of the BK tỉnh's year are outside the window" {
  form = "bk_ttg", year = 2021,
  person = { id = "P1", unit_id = "U1", is_leader = 0, category = "civil_servant" },
  honours = { { code = "bk_tinh", year = 2016 } },
  appraisals = { { year = 2016, rating = "excellent" }, { year = 2017, rating = "excellent" },
                 { year = 2018, rating = "excellent" }, { year = 2019, rating = "excellent" },
                 { year = 2020, rating = "excellent" }, { year = 2021, rating = "excellent" } },
  initiatives = { { id = "SK2016", year = 2016, scope = "unit" },
                  { id = "SK2017", year = 2017, scope = "unit" },
                  { id = "SK2018", year = 2018, scope = "unit" },
                  { id = "SK2019", year = 2019, scope = "unit" },
                  { id = "SK2020", year = 2020, scope = "unit" } },
  facts = { { key = "compliance", value = "1", year = 2021 },
            { key = "influence_scope", value = "unit", year = 2021 } },
  expect = "ineligible",
  criteria = { c_bk_tinh = "pass", c_excellent_years = "pass", c_initiatives = "fail" },
}
