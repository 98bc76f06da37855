-- Giấy khen, regime A: no national standard was read, so every
-- nomination not barred goes to a person, for persons, collectives and
-- families alike.

local Y = 2021

case "Giấy khen (A): a person → review (the standard is not read)" {
  form = "giay_khen", year = Y,
  person = { id = "P1", unit_id = "U1", is_leader = 0 },
  expect = "review",
  criteria = { not_under_review = "pass", kind_encoded = "pass",
               standard_delegated = "unknown" },
}

case "Giấy khen (A): a person under review → ineligible" {
  form = "giay_khen", year = Y,
  person = { id = "P1", unit_id = "U1", is_leader = 0 },
  facts = { { key = "under_review", value = "1", year = Y } },
  expect = "ineligible",
  criteria = { not_under_review = "fail" },
}

case "Giấy khen (A): a collective, for a movement → review" {
  form = "giay_khen", year = Y, kind = "thematic",
  unit = { id = "U1", name = "Phòng Tổ chức", kind = "agency" },
  expect = "review",
  criteria = { kind_encoded = "pass", standard_delegated = "unknown" },
}

case "Giấy khen (A): a family → review" {
  form = "giay_khen", year = Y,
  unit = { id = "H1", name = "Hộ ông A", kind = "household" },
  expect = "review",
  criteria = { standard_delegated = "unknown" },
}
