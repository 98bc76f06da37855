-- Chiến sĩ thi đua toàn quốc: two CSTĐ tỉnh in a row (one CSTĐCS run
-- apart: 2018 and 2021), a national-scope initiative over those runs
-- (2016–2021), and the council's selection.

local Y = 2021

local person = { id = "P1", unit_id = "U1", is_leader = 0 }

local function tinh(years, kind)
  local h = {}
  for _, y in ipairs(years) do h[#h + 1] = { code = "cstd_tinh", year = y, kind = kind } end
  return h
end

local function facts(outstanding)
  return { { key = "outstanding", value = outstanding or "1", year = Y } }
end

case "CSTĐ toàn quốc: CSTĐ tỉnh 2018 and 2021, national initiative → eligible" {
  form = "cstd_tq", year = Y,
  person = person,
  honours = tinh({ 2018, 2021 }),
  initiatives = { { id = "SK1", year = 2020, scope = "national" } },
  facts = facts(),
  expect = "eligible",
  criteria = { cstd_tinh_latest = "pass", cstd_tinh_previous = "pass",
               most_outstanding = "pass", national_initiative = "pass",
               not_under_review = "pass" },
}

case "CSTĐ toàn quốc: no CSTĐ tỉnh for the year → ineligible" {
  form = "cstd_tq", year = Y,
  person = person,
  honours = tinh({ 2018, 2020 }),
  initiatives = { { id = "SK1", year = 2020, scope = "national" } },
  facts = facts(),
  expect = "ineligible",
  criteria = { cstd_tinh_latest = "fail" },
}

case "CSTĐ toàn quốc: CSTĐ tỉnh 2017 and 2021, not in a row → ineligible" {
  form = "cstd_tq", year = Y,
  person = person,
  honours = tinh({ 2017, 2021 }),
  initiatives = { { id = "SK1", year = 2020, scope = "national" } },
  facts = facts(),
  expect = "ineligible",
  criteria = { cstd_tinh_latest = "pass", cstd_tinh_previous = "fail" },
}

case "CSTĐ toàn quốc: a thematic CSTĐ tỉnh does not count for a state award → ineligible" {
  form = "cstd_tq", year = Y,
  person = person,
  honours = { { code = "cstd_tinh", year = 2018 },
              { code = "cstd_tinh", year = 2021, kind = "thematic" } },
  initiatives = { { id = "SK1", year = 2020, scope = "national" } },
  facts = facts(),
  expect = "ineligible",
  criteria = { cstd_tinh_latest = "fail" },
}

case "CSTĐ toàn quốc: not selected as most outstanding → ineligible" {
  form = "cstd_tq", year = Y,
  person = person,
  honours = tinh({ 2018, 2021 }),
  initiatives = { { id = "SK1", year = 2020, scope = "national" } },
  facts = facts("0"),
  expect = "ineligible",
  criteria = { most_outstanding = "fail" },
}

case "CSTĐ toàn quốc: initiatives of provincial scope only → ineligible" {
  form = "cstd_tq", year = Y,
  person = person,
  honours = tinh({ 2018, 2021 }),
  initiatives = { { id = "SK1", year = 2018, scope = "province" },
                  { id = "SK2", year = 2021, scope = "province" } },
  facts = facts(),
  expect = "ineligible",
  criteria = { national_initiative = "fail" },
}

case "CSTĐ toàn quốc: national initiative in 2016, the first year of the runs → eligible" {
  form = "cstd_tq", year = Y,
  person = person,
  honours = tinh({ 2018, 2021 }),
  initiatives = { { id = "SK1", year = 2016, scope = "national" } },
  facts = facts(),
  expect = "eligible",
  criteria = { national_initiative = "pass" },
}

case "CSTĐ toàn quốc: national initiative of 2015, before the runs → ineligible" {
  form = "cstd_tq", year = Y,
  person = person,
  honours = tinh({ 2018, 2021 }),
  initiatives = { { id = "SK1", year = 2015, scope = "national" } },
  facts = facts(),
  expect = "ineligible",
  criteria = { national_initiative = "fail" },
}

case "CSTĐ toàn quốc: under review → ineligible" {
  form = "cstd_tq", year = Y,
  person = person,
  honours = tinh({ 2018, 2021 }),
  initiatives = { { id = "SK1", year = 2020, scope = "national" } },
  facts = { { key = "outstanding", value = "1", year = Y },
            { key = "under_review", value = "1", year = Y } },
  expect = "ineligible",
  criteria = { not_under_review = "fail" },
}

-- The runs fall after any previous CSTĐ toàn quốc (TT 08/2017): the CSTĐ
-- tỉnh of 2018 that founded a CSTĐTQ of 2018 cannot found another with
-- that of 2021; six years (two runs) after one of 2015, it can.
case "CSTĐ toàn quốc: a CSTĐTQ of 2018 on the same CSTĐ tỉnh → ineligible" {
  form = "cstd_tq", year = Y,
  person = person,
  honours = { { code = "cstd_tinh", year = 2015 }, { code = "cstd_tinh", year = 2018 },
              { code = "cstd_tinh", year = 2021 }, { code = "cstd_tq", year = 2018 } },
  initiatives = { { id = "SK1", year = 2020, scope = "national" } },
  facts = facts(),
  expect = "ineligible",
  criteria = { cstd_tinh_latest = "pass", cstd_tinh_previous = "pass",
               after_previous_title = "fail" },
}

case "CSTĐ toàn quốc: a CSTĐTQ of 2016, five years before → ineligible" {
  form = "cstd_tq", year = Y,
  person = person,
  honours = { tinh({ 2018, 2021 })[1], tinh({ 2018, 2021 })[2],
              { code = "cstd_tq", year = 2016 } },
  initiatives = { { id = "SK1", year = 2020, scope = "national" } },
  facts = facts(),
  expect = "ineligible",
  criteria = { after_previous_title = "fail" },
}

case "CSTĐ toàn quốc: a CSTĐTQ of 2015, two runs before → eligible" {
  form = "cstd_tq", year = Y,
  person = person,
  honours = { tinh({ 2018, 2021 })[1], tinh({ 2018, 2021 })[2],
              { code = "cstd_tq", year = 2015 } },
  initiatives = { { id = "SK1", year = 2020, scope = "national" } },
  facts = facts(),
  expect = "eligible",
  criteria = { after_previous_title = "pass", one_state_award_a_year = "pass" },
}

-- At most one State award a year (TT 08/2017).
case "CSTĐ toàn quốc: a BK TTg of 2021 already held → ineligible" {
  form = "cstd_tq", year = Y,
  person = person,
  honours = { tinh({ 2018, 2021 })[1], tinh({ 2018, 2021 })[2],
              { code = "bk_ttg", year = 2021 } },
  initiatives = { { id = "SK1", year = 2020, scope = "national" } },
  facts = facts(),
  expect = "ineligible",
  criteria = { one_state_award_a_year = "fail" },
}
