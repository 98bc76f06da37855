case "all three pass" {
  form = "bk_tinh", year = 2021,
  appraisals = { { year = 2020, rating = "excellent" }, { year = 2021, rating = "excellent" } },
  initiatives = { { id = "S1", year = 2020, scope = "unit" }, { id = "S2", year = 2021, scope = "unit" } },
  expect = "eligible",
}
case "a good year fails the first" {
  form = "ldtt", year = 2021,
  appraisals = { { year = 2020, rating = "good" }, { year = 2021, rating = "excellent" } },
  initiatives = { { id = "S1", year = 2020, scope = "unit" }, { id = "S2", year = 2021, scope = "unit" } },
  expect = "ineligible", criteria = { two_years_excellent = "fail", two_initiatives = "pass" },
}
case "an initiative of Y-2 does not count" {
  form = "ldtt", year = 2021,
  appraisals = { { year = 2020, rating = "excellent" }, { year = 2021, rating = "excellent" } },
  initiatives = { { id = "S1", year = 2019, scope = "unit" }, { id = "S2", year = 2021, scope = "unit" } },
  expect = "ineligible", criteria = { two_initiatives = "fail" },
}
case "a reprimand dated in Y-1 fails the third" {
  form = "ldtt", year = 2021,
  appraisals = { { year = 2020, rating = "excellent" }, { year = 2021, rating = "excellent" } },
  initiatives = { { id = "S1", year = 2020, scope = "unit" }, { id = "S2", year = 2021, scope = "unit" } },
  disciplines = { { date = "2020-01-01", level = "reprimand" } },
  expect = "ineligible", criteria = { no_discipline = "fail" },
}
