-- The regime-A side of the four dry-run cases of kontum-notes.md §9. They
-- are national (not Kon Tum-specific). Cases A and B are told with 2023 and
-- 2024; their A analogues are moved one year back into regime A.

local function excellent(from, to)
  local a = {}
  for y = from, to do a[#a + 1] = { year = y, rating = "excellent" } end
  return a
end

-- Case A: Luật 2003/2013 Điều 23 khoản 2 [V]: a sáng kiến is required.
do
  local people, honours = {}, { { code = "ldtt", year = 2023 } }
  for i = 1, 6 do
    people[i] = { id = "P10" .. i, unit_id = "U1", is_leader = 0 }
    honours[#honours + 1] = { subject_type = "person", subject_id = "P10" .. i,
                              code = "ldtt", year = 2023 }
  end
  case "Kon Tum case A (A): CSTĐCS, HTXS and LĐTT 2023, no sáng kiến → ineligible" {
    form = "cstd_cs", year = 2023,
    person = { id = "P1", unit_id = "U1", is_leader = 0 },
    people = people, honours = honours,
    appraisals = { { year = 2023, rating = "excellent" } },
    expect = "ineligible",
    criteria = { ldtt_standard = "pass", initiative = "fail" },
  }
end

-- Case B: the domain says the A outcome depends on NĐ 91 Điều 39 (not read)
-- and is unknown. This encoding's point c ([U]: 2 HTXS years + 2 sáng kiến
-- at the unit, not already the basis of an honour) gives the two outcomes
-- below, depending on whether the 2023 CSTĐCS was based on SK2.
case "Kon Tum case B (A): BK tỉnh, HTXS+SK 2022, HTXS+SK+CSTĐCS 2023 (CSTĐCS via HTXS) → eligible ([U] point c)" {
  form = "bk_tinh", year = 2023,
  person = { id = "P1", unit_id = "U1", is_leader = 0, gender = "female" },
  appraisals = excellent(2022, 2023),
  initiatives = { { id = "SK1", year = 2022, scope = "unit" },
                  { id = "SK2", year = 2023, scope = "unit" } },
  honours = { { code = "cstd_cs", year = 2023 } },
  expect = "eligible",
  criteria = { c_excellent_years = "pass", c_initiatives = "pass" },
}

-- Under regime A the 2023 CSTĐCS must itself rest on a sáng kiến; if the
-- record says it rested on SK2, no_reuse leaves one free sáng kiến, point c
-- fails and points a/b (not attested) leave the decision to a person.
case "Kon Tum case B (A): the same, the CSTĐCS recorded as based on SK2 → review ([U] point c)" {
  form = "bk_tinh", year = 2023,
  person = { id = "P1", unit_id = "U1", is_leader = 0, gender = "female" },
  appraisals = excellent(2022, 2023),
  initiatives = { { id = "SK1", year = 2022, scope = "unit" },
                  { id = "SK2", year = 2023, scope = "unit" } },
  honours = { { code = "cstd_cs", year = 2023, initiatives = "SK2" } },
  expect = "review",
  criteria = { c_initiatives = "fail", b_influence = "unknown" },
}

-- Case C: NĐ 91 Điều 38 khoản 1 điểm c [V]: 5 HTXS years and 5 sáng kiến;
-- the alternative routes are assumed not met (attested).
case "Kon Tum case C (A): BK TTg, BK tỉnh 2018, HTTNV+ 2019–2023, 3 CSTĐCS, 1 sáng kiến → ineligible" {
  form = "bk_ttg", year = 2023,
  person = { id = "P1", unit_id = "U1", is_leader = 0 },
  honours = { { code = "bk_tinh", year = 2018 }, { code = "cstd_cs", year = 2019 },
              { code = "cstd_cs", year = 2021 }, { code = "cstd_cs", year = 2023 } },
  appraisals = { { year = 2019, rating = "excellent" }, { year = 2020, rating = "good" },
                 { year = 2021, rating = "excellent" }, { year = 2022, rating = "good" },
                 { year = 2023, rating = "excellent" } },
  initiatives = { { id = "SK1", year = 2021, scope = "unit" } },
  facts = { { key = "compliance", value = "1", year = 2023 },
            { key = "influence_scope", value = "unit", year = 2023 } },
  expect = "ineligible",
  criteria = { c_bk_tinh = "pass", c_excellent_years = "fail", c_initiatives = "fail" },
}

-- Case D: the MoHA answer (Ông Quang): BK Bộ GTVT 2015, HTXS 2016–2020 with
-- 5 sáng kiến, only HTTNV in 2021, proposed in 2022 for the run up to 2021.
case "Kon Tum case D (A): BK TTg, HTXS 2016–2020, HTTNV 2021, proposed 2022 → ineligible" {
  form = "bk_ttg", year = 2021,
  person = { id = "P1", unit_id = "U1", is_leader = 0, gender = "male" },
  honours = { { code = "bk_tinh", year = 2015, decision_no = "Bộ GTVT" } },
  appraisals = { { year = 2016, rating = "excellent" }, { year = 2017, rating = "excellent" },
                 { year = 2018, rating = "excellent" }, { year = 2019, rating = "excellent" },
                 { year = 2020, rating = "excellent" }, { year = 2021, rating = "good" } },
  initiatives = { { id = "SK1", year = 2016, scope = "unit" },
                  { id = "SK2", year = 2017, scope = "unit" },
                  { id = "SK3", year = 2018, scope = "unit" },
                  { id = "SK4", year = 2019, scope = "unit" },
                  { id = "SK5", year = 2020, scope = "unit" } },
  facts = { { key = "compliance", value = "1", year = 2021 },
            { key = "influence_scope", value = "unit", year = 2021 } },
  expect = "ineligible",
  criteria = { c_bk_tinh = "pass", c_excellent_years = "fail" },
}
