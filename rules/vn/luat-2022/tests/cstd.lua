-- Chiến sĩ thi đua cơ sở, cấp tỉnh, toàn quốc (regime B): each criterion
-- passed and failed at its boundary. Luật 2022 Điều 21–23; NĐ 98 Điều 4,
-- Điều 30 khoản 9.

local P1 = { id = "P1", unit_id = "U1", is_leader = 0,
             category = "civil_servant" }

-- appraisals rated `rating` for y1..y2
local function rated(y1, y2, rating)
  local t = {}
  for y = y1, y2 do t[#t + 1] = { year = y, rating = rating } end
  return t
end

-- honours `code` for each year listed
local function titles(code, list, kind)
  local t = {}
  for _, y in ipairs(list) do t[#t + 1] = { code = code, year = y, kind = kind } end
  return t
end

-- the attested facts of a year: { key = value, … }
local function facts(y, kv)
  local t = {}
  for k, v in pairs(kv) do t[#t + 1] = { key = k, value = tostring(v), year = y } end
  table.sort(t, function(a, b) return a.key < b.key end)
  return t
end

-- lists joined
local function cat(...)
  local t = {}
  for _, l in ipairs({ ... }) do for _, x in ipairs(l) do t[#t + 1] = x end end
  return t
end

---------------------------------------------------------------- cstd_cs

case "CSTĐCS: LĐTT standard and an excellent rating, no sáng kiến → eligible" {
  form = "cstd_cs", year = 2024,
  person = P1,
  appraisals = rated(2024, 2024, "excellent"),
  facts = facts(2024, { self_reliance = 1 }),
  expect = "eligible",
  criteria = { not_under_review = "pass", ldtt_standard = "pass",
               rating_excellent = "pass", initiative = "fail" },
}

case "CSTĐCS: rated good with a sáng kiến of the year → eligible" {
  form = "cstd_cs", year = 2024,
  person = P1,
  appraisals = rated(2024, 2024, "good"),
  initiatives = { { id = "SK1", year = 2024, scope = "unit" } },
  facts = facts(2024, { self_reliance = 1 }),
  expect = "eligible",
  criteria = { rating_excellent = "fail", initiative = "pass" },
}

case "CSTĐCS: rated good with an accepted đề tài → eligible" {
  form = "cstd_cs", year = 2024,
  person = P1,
  appraisals = rated(2024, 2024, "good"),
  initiatives = { { id = "DT1", year = 2024, scope = "unit", kind = "research" } },
  facts = facts(2024, { self_reliance = 1 }),
  expect = "eligible",
  criteria = { initiative = "pass" },
}

case "CSTĐCS: rated good, sáng kiến recognised the year before → ineligible" {
  form = "cstd_cs", year = 2024,
  person = P1,
  appraisals = cat(rated(2023, 2023, "excellent"), rated(2024, 2024, "good")),
  initiatives = { { id = "SK1", year = 2023, scope = "unit" } },
  facts = facts(2024, { self_reliance = 1 }),
  expect = "ineligible",
  criteria = { rating_excellent = "fail", initiative = "fail" },
}

case "CSTĐCS: excellent but not meeting the LĐTT standard → ineligible" {
  form = "cstd_cs", year = 2024,
  person = P1,
  appraisals = rated(2024, 2024, "excellent"),
  facts = facts(2024, { self_reliance = 0 }),
  expect = "ineligible",
  criteria = { ldtt_standard = "fail", rating_excellent = "pass" },
}

case "CSTĐCS: new hire of 5 months fails the LĐTT standard → ineligible" {
  form = "cstd_cs", year = 2024,
  person = { id = "P1", hired = "2024-08-01" },
  appraisals = { { year = 2024, rating = "excellent", months_worked = 5 } },
  facts = facts(2024, { self_reliance = 1 }),
  expect = "ineligible",
  criteria = { ldtt_standard = "fail" },
}

case "CSTĐCS: holds the LĐTT title of the year, self-reliance not re-attested → eligible" {
  form = "cstd_cs", year = 2024,
  person = P1,
  appraisals = rated(2024, 2024, "excellent"),
  honours = titles("ldtt", { 2024 }),
  expect = "eligible",
  criteria = { ldtt_standard = "pass" },
}

case "CSTĐCS: no LĐTT title and self-reliance not attested → review" {
  form = "cstd_cs", year = 2024,
  person = P1,
  appraisals = rated(2024, 2024, "excellent"),
  honours = titles("ldtt", { 2023 }),
  expect = "review",
  criteria = { ldtt_standard = "unknown" },
}

-- Điều 23 khoản 1: the LĐTT or CSTT standard. A soldier is barred from
-- LĐTT (Điều 24 khoản 2 [P]) and the CSTT standard has no form here: a
-- person decides, unless the CSTT of the year is already conferred.
case "CSTĐCS: a soldier, whose CSTT standard is not encoded → review" {
  form = "cstd_cs", year = 2024,
  person = { id = "P1", unit_id = "U1", is_leader = 0, category = "soldier" },
  appraisals = rated(2024, 2024, "excellent"),
  facts = facts(2024, { self_reliance = 1 }),
  expect = "review",
  criteria = { ldtt_standard = "unknown", rating_excellent = "pass" },
}

case "CSTĐCS: a soldier holding the CSTT of the year → eligible" {
  form = "cstd_cs", year = 2024,
  person = { id = "P1", unit_id = "U1", is_leader = 0, category = "soldier" },
  appraisals = rated(2024, 2024, "excellent"),
  honours = titles("cstt", { 2024 }),
  expect = "eligible",
  criteria = { ldtt_standard = "pass" },
}

case "CSTĐCS: under review → ineligible" {
  form = "cstd_cs", year = 2024,
  person = P1,
  appraisals = rated(2024, 2024, "excellent"),
  facts = facts(2024, { self_reliance = 1, under_review = 1 }),
  expect = "ineligible",
  criteria = { not_under_review = "fail" },
}

---------------------------------------------------------------- cstd_tinh

-- the history of a good candidate for CSTĐ tỉnh 2024
local function tinh(extra)
  local c = {
    form = "cstd_tinh", year = 2024,
    person = P1,
    appraisals = rated(2022, 2024, "excellent"),
    honours = titles("cstd_cs", { 2022, 2023, 2024 }),
    initiatives = { { id = "SK9", year = 2024, scope = "province" } },
    facts = facts(2024, { outstanding = 1 }),
  }
  for k, v in pairs(extra) do c[k] = v end
  return c
end

case "CSTĐ tỉnh: three CSTĐCS 2022–2024 and a province sáng kiến → eligible"
  (tinh { expect = "eligible",
          criteria = { not_under_review = "pass", cstd_cs_before = "pass",
                       cstd_cs_this_year = "pass",
                       after_previous_title = "pass", after_discipline = "pass",
                       outstanding = "pass", province_initiative = "pass" } })

case "CSTĐ tỉnh: CSTĐCS 2022 and 2024 only (2023 missing) → ineligible"
  (tinh { honours = titles("cstd_cs", { 2022, 2024 }),
          expect = "ineligible", criteria = { cstd_cs_before = "fail",
                                              cstd_cs_this_year = "pass" } })

case "CSTĐ tỉnh: the 2023 CSTĐCS was a thematic honour → ineligible"
  (tinh { honours = cat(titles("cstd_cs", { 2022, 2024 }),
                        titles("cstd_cs", { 2023 }, "thematic")),
          expect = "ineligible", criteria = { cstd_cs_before = "fail" } })

case "CSTĐ tỉnh: previous CSTĐ tỉnh for 2022 overlaps the run → ineligible"
  (tinh { honours = cat(titles("cstd_cs", { 2020, 2021, 2022, 2023, 2024 }),
                        titles("cstd_tinh", { 2022 })),
          expect = "ineligible", criteria = { after_previous_title = "fail" } })

case "CSTĐ tỉnh: previous CSTĐ tỉnh for 2021, a fresh run 2022–2024 → eligible"
  (tinh { honours = cat(titles("cstd_cs", { 2019, 2020, 2021, 2022, 2023, 2024 }),
                        titles("cstd_tinh", { 2021 })),
          expect = "eligible", criteria = { after_previous_title = "pass" } })

case "CSTĐ tỉnh: warning whose period ends 31/12/2021 → eligible for 2024"
  (tinh { disciplines = { { date = "2021-03-01", level = "warning",
                            ends = "2021-12-31" } },
          expect = "eligible", criteria = { after_discipline = "pass" } })

case "CSTĐ tỉnh: same warning ending 31/12/2022 → 2022 cannot count → ineligible"
  (tinh { disciplines = { { date = "2021-03-01", level = "warning",
                            ends = "2022-12-31" } },
          expect = "ineligible", criteria = { after_discipline = "fail" } })

case "CSTĐ tỉnh: not selected as outstanding → ineligible"
  (tinh { facts = facts(2024, { outstanding = 0 }),
          expect = "ineligible", criteria = { outstanding = "fail" } })

case "CSTĐ tỉnh: selection not attested → review"
  (tinh { facts = {}, expect = "review", criteria = { outstanding = "unknown" } })

-- The annual round judges the CSTĐCS of the year and the CSTĐ tỉnh together:
-- the years before count as titles conferred, the year itself as conferred
-- or meeting this set's cstd_cs form.
case "CSTĐ tỉnh: CSTĐCS 2022, 2023 conferred, 2024 meets its standard in the same round → eligible"
  (tinh { honours = titles("cstd_cs", { 2022, 2023 }),
          facts = facts(2024, { outstanding = 1, self_reliance = 1 }),
          expect = "eligible",
          criteria = { cstd_cs_before = "pass", cstd_cs_this_year = "pass",
                       after_previous_title = "pass", after_discipline = "pass" } })

case "CSTĐ tỉnh: 2024 rated good, no sáng kiến of 2024: not CSTĐCS that year → ineligible"
  (tinh { appraisals = cat(rated(2022, 2023, "excellent"), rated(2024, 2024, "good")),
          honours = titles("cstd_cs", { 2022, 2023 }),
          initiatives = { { id = "SK9", year = 2023, scope = "province" } },
          facts = facts(2024, { outstanding = 1, self_reliance = 1 }),
          expect = "ineligible",
          criteria = { cstd_cs_before = "pass", cstd_cs_this_year = "fail",
                       province_initiative = "pass" } })

case "CSTĐ tỉnh: the 2024 CSTĐCS undecided (self-reliance not attested) → review"
  (tinh { honours = titles("cstd_cs", { 2022, 2023 }),
          expect = "review",
          criteria = { cstd_cs_before = "pass", cstd_cs_this_year = "unknown" } })

case "CSTĐ tỉnh: the 2024 CSTĐCS held only as a thematic honour, its standard not met → ineligible"
  (tinh { appraisals = cat(rated(2022, 2023, "excellent"), rated(2024, 2024, "good")),
          honours = cat(titles("cstd_cs", { 2022, 2023 }),
                        titles("cstd_cs", { 2024 }, "thematic")),
          initiatives = { { id = "SK9", year = 2023, scope = "province" } },
          facts = facts(2024, { outstanding = 1, self_reliance = 1 }),
          expect = "ineligible",
          criteria = { cstd_cs_this_year = "fail" } })

case "CSTĐ tỉnh: previous CSTĐ tỉnh for 2022, 2024 meeting its CSTĐCS standard → ineligible"
  (tinh { honours = cat(titles("cstd_cs", { 2020, 2021, 2022, 2023 }),
                        titles("cstd_tinh", { 2022 })),
          facts = facts(2024, { outstanding = 1, self_reliance = 1 }),
          expect = "ineligible",
          criteria = { cstd_cs_before = "pass", cstd_cs_this_year = "pass",
                       after_previous_title = "fail" } })

case "CSTĐ tỉnh: sáng kiến only at cơ sở scope → ineligible"
  (tinh { initiatives = { { id = "SK9", year = 2024, scope = "unit" } },
          expect = "ineligible", criteria = { province_initiative = "fail" } })

case "CSTĐ tỉnh: province sáng kiến recognised in 2021, before the run → ineligible"
  (tinh { initiatives = { { id = "SK9", year = 2021, scope = "province" } },
          expect = "ineligible", criteria = { province_initiative = "fail" } })

case "CSTĐ tỉnh: province đề tài not applied effectively → ineligible"
  (tinh { initiatives = { { id = "DT9", year = 2023, scope = "province",
                            kind = "research", applied = 0 } },
          expect = "ineligible", criteria = { province_initiative = "fail" } })

case "CSTĐ tỉnh: under review → ineligible"
  (tinh { facts = facts(2024, { outstanding = 1, under_review = 1 }),
          expect = "ineligible", criteria = { not_under_review = "fail" } })

---------------------------------------------------------------- cstd_tq

local function tq(extra)
  local c = {
    form = "cstd_tq", year = 2024,
    person = P1,
    appraisals = rated(2019, 2024, "excellent"),
    honours = cat(titles("cstd_cs", { 2019, 2020, 2021, 2022, 2023, 2024 }),
                  titles("cstd_tinh", { 2021, 2024 })),
    initiatives = { { id = "SK1", year = 2023, scope = "national" } },
    facts = facts(2024, { outstanding = 1 }),
  }
  for k, v in pairs(extra) do c[k] = v end
  return c
end

case "CSTĐ toàn quốc: CSTĐ tỉnh 2021 and 2024, national sáng kiến → eligible"
  (tq { expect = "eligible",
        criteria = { not_under_review = "pass", two_cstd_tinh = "pass",
                     after_previous_title = "pass", after_discipline = "pass",
                     outstanding = "pass", national_initiative = "pass" } })

case "CSTĐ toàn quốc: CSTĐ tỉnh 2020 and 2024 are not back to back → ineligible"
  (tq { honours = titles("cstd_tinh", { 2020, 2024 }),
        expect = "ineligible", criteria = { two_cstd_tinh = "fail" } })

case "CSTĐ toàn quốc: the second CSTĐ tỉnh is not for the year → ineligible"
  (tq { year = 2025, appraisals = rated(2019, 2025, "excellent"),
        facts = facts(2025, { outstanding = 1 }),
        expect = "ineligible", criteria = { two_cstd_tinh = "fail" } })

case "CSTĐ toàn quốc: previous CSTĐTQ for 2020 overlaps → ineligible"
  (tq { honours = cat(titles("cstd_tinh", { 2021, 2024 }),
                      titles("cstd_tq", { 2020 })),
        expect = "ineligible", criteria = { after_previous_title = "fail" } })

case "CSTĐ toàn quốc: previous CSTĐTQ for 2019, five years before → ineligible"
  (tq { honours = cat(titles("cstd_tinh", { 2021, 2024 }),
                      titles("cstd_tq", { 2019 })),
        expect = "ineligible", criteria = { after_previous_title = "fail" } })

case "CSTĐ toàn quốc: previous CSTĐTQ for 2018, six years before → eligible"
  (tq { honours = cat(titles("cstd_tinh", { 2021, 2024 }),
                      titles("cstd_tq", { 2018 })),
        expect = "eligible", criteria = { after_previous_title = "pass" } })

case "CSTĐ toàn quốc: discipline ended 31/12/2018 → eligible"
  (tq { disciplines = { { date = "2018-02-01", level = "reprimand",
                          ends = "2018-12-31" } },
        expect = "eligible", criteria = { after_discipline = "pass" } })

case "CSTĐ toàn quốc: discipline ended 31/12/2019 → 2019 cannot count → ineligible"
  (tq { disciplines = { { date = "2019-02-01", level = "reprimand",
                          ends = "2019-12-31" } },
        expect = "ineligible", criteria = { after_discipline = "fail" } })

case "CSTĐ toàn quốc: not selected → ineligible"
  (tq { facts = facts(2024, { outstanding = 0 }),
        expect = "ineligible", criteria = { outstanding = "fail" } })

case "CSTĐ toàn quốc: sáng kiến only at province scope → ineligible"
  (tq { initiatives = { { id = "SK1", year = 2023, scope = "province" } },
        expect = "ineligible", criteria = { national_initiative = "fail" } })

case "CSTĐ toàn quốc: under review → ineligible"
  (tq { facts = facts(2024, { outstanding = 1, under_review = 1 }),
        expect = "ineligible", criteria = { not_under_review = "fail" } })
