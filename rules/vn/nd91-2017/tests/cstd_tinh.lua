-- Chiến sĩ thi đua cấp bộ, tỉnh: three CSTĐCS in a row ending at the year,
-- an initiative recognised by the head of the province within them, the
-- council's selection, and a fresh run after the previous such title.

local Y = 2021

local function cs(years)
  local h = {}
  for _, y in ipairs(years) do h[#h + 1] = { code = "cstd_cs", year = y } end
  return h
end

local function outstanding(v)
  return { { key = "outstanding", value = v or "1", year = Y } }
end

local person = { id = "P1", unit_id = "U1", is_leader = 0 }

case "CSTĐ tỉnh: CSTĐCS 2019–2021, provincial initiative, selected → eligible" {
  form = "cstd_tinh", year = Y,
  person = person,
  honours = cs({ 2019, 2020, 2021 }),
  initiatives = { { id = "SK1", year = 2020, scope = "province" } },
  facts = outstanding(),
  expect = "eligible",
  criteria = { cstd_cs_before = "pass", cstd_cs_this_year = "pass", outstanding = "pass",
               province_initiative = "pass", fresh_run = "pass", not_under_review = "pass" },
}

-- A title is one a year: a CSTĐCS of 2020 recorded twice (a merit record
-- and an ad-hoc one) is one year of the run, not two.
case "CSTĐ tỉnh: CSTĐCS 2020 recorded twice, none in 2019 → ineligible" {
  form = "cstd_tinh", year = Y,
  person = person,
  honours = { { code = "cstd_cs", year = 2020 },
              { code = "cstd_cs", year = 2020, kind = "ad_hoc" },
              { code = "cstd_cs", year = 2021 } },
  initiatives = { { id = "SK1", year = 2020, scope = "province" } },
  facts = outstanding(),
  expect = "ineligible",
  criteria = { cstd_cs_before = "fail", cstd_cs_this_year = "pass" },
}

case "CSTĐ tỉnh: CSTĐCS 2020–2021 only, the run is one short → ineligible" {
  form = "cstd_tinh", year = Y,
  person = person,
  honours = cs({ 2018, 2020, 2021 }),
  initiatives = { { id = "SK1", year = 2020, scope = "province" } },
  facts = outstanding(),
  expect = "ineligible",
  criteria = { cstd_cs_before = "fail", cstd_cs_this_year = "pass" },
}

do
  -- The CSTĐCS of 2021 is judged in the same round: its standard is met
  -- (LĐTT held, a 2021 initiative) though not yet conferred.
  case "CSTĐ tỉnh: third CSTĐCS not yet conferred but its standard met → eligible" {
    form = "cstd_tinh", year = Y,
    person = person,
    honours = { { code = "cstd_cs", year = 2019 }, { code = "cstd_cs", year = 2020 },
                { code = "ldtt", year = 2021 } },
    initiatives = { { id = "SK1", year = 2021, scope = "province" } },
    facts = outstanding(),
    expect = "eligible",
    criteria = { cstd_cs_this_year = "pass", province_initiative = "pass" },
  }
end

case "CSTĐ tỉnh: no CSTĐCS in the year and its standard not met → ineligible" {
  form = "cstd_tinh", year = Y,
  person = person,
  honours = { { code = "cstd_cs", year = 2019 }, { code = "cstd_cs", year = 2020 },
              { code = "ldtt", year = 2021 } },
  initiatives = { { id = "SK1", year = 2020, scope = "province" } },
  facts = outstanding(),
  expect = "ineligible",
  criteria = { cstd_cs_before = "pass", cstd_cs_this_year = "fail" },
}

case "CSTĐ tỉnh: not selected as outstanding → ineligible" {
  form = "cstd_tinh", year = Y,
  person = person,
  honours = cs({ 2019, 2020, 2021 }),
  initiatives = { { id = "SK1", year = 2020, scope = "province" } },
  facts = outstanding("0"),
  expect = "ineligible",
  criteria = { outstanding = "fail" },
}

case "CSTĐ tỉnh: initiatives recognised only at the unit → ineligible" {
  form = "cstd_tinh", year = Y,
  person = person,
  honours = cs({ 2019, 2020, 2021 }),
  initiatives = { { id = "SK1", year = 2019, scope = "unit" },
                  { id = "SK2", year = 2020, scope = "unit" },
                  { id = "SK3", year = 2021, scope = "unit" } },
  facts = outstanding(),
  expect = "ineligible",
  criteria = { province_initiative = "fail" },
}

case "CSTĐ tỉnh: provincial initiative in the run's first year (2019) → eligible" {
  form = "cstd_tinh", year = Y,
  person = person,
  honours = cs({ 2019, 2020, 2021 }),
  initiatives = { { id = "SK1", year = 2019, scope = "province" } },
  facts = outstanding(),
  expect = "eligible",
  criteria = { province_initiative = "pass" },
}

case "CSTĐ tỉnh: provincial initiative of 2018, before the run → ineligible" {
  form = "cstd_tinh", year = Y,
  person = person,
  honours = cs({ 2019, 2020, 2021 }),
  initiatives = { { id = "SK1", year = 2018, scope = "province" } },
  facts = outstanding(),
  expect = "ineligible",
  criteria = { province_initiative = "fail" },
}

case "CSTĐ tỉnh: previous CSTĐ tỉnh for 2018, a fresh run 2019–2021 → eligible" {
  form = "cstd_tinh", year = Y,
  person = person,
  honours = { { code = "cstd_cs", year = 2016 }, { code = "cstd_cs", year = 2017 },
              { code = "cstd_cs", year = 2018 }, { code = "cstd_tinh", year = 2018 },
              { code = "cstd_cs", year = 2019 }, { code = "cstd_cs", year = 2020 },
              { code = "cstd_cs", year = 2021 } },
  initiatives = { { id = "SK1", year = 2021, scope = "province" } },
  facts = outstanding(),
  expect = "eligible",
  criteria = { fresh_run = "pass" },
}

case "CSTĐ tỉnh: previous CSTĐ tỉnh for 2019 reused in the run → ineligible" {
  form = "cstd_tinh", year = Y,
  person = person,
  honours = { { code = "cstd_cs", year = 2017 }, { code = "cstd_cs", year = 2018 },
              { code = "cstd_cs", year = 2019 }, { code = "cstd_tinh", year = 2019 },
              { code = "cstd_cs", year = 2020 }, { code = "cstd_cs", year = 2021 } },
  initiatives = { { id = "SK1", year = 2021, scope = "province" } },
  facts = outstanding(),
  expect = "ineligible",
  criteria = { cstd_cs_before = "pass", fresh_run = "fail" },
}

case "CSTĐ tỉnh: under review → ineligible" {
  form = "cstd_tinh", year = Y,
  person = person,
  honours = cs({ 2019, 2020, 2021 }),
  initiatives = { { id = "SK1", year = 2020, scope = "province" } },
  facts = { { key = "outstanding", value = "1", year = Y },
            { key = "under_review", value = "1", year = Y } },
  expect = "ineligible",
  criteria = { not_under_review = "fail" },
}
