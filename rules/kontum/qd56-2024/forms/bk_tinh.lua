-- Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh Kon Tum: the provincial form
-- of the national Bằng khen cấp bộ, ban, ngành, tỉnh (Luật 2022 Điều 74).
-- Only the name changes (kontum-notes §2.1, §6.1: "Bằng khen của Chủ tịch
-- UBND tỉnh"); the criteria are vn/luat-2022's. Kon Tum's own detail under
-- Điều 74 khoản 6 (QĐ 56/2024 after Điều 2) was not read.
-- The national set has a form for individuals and one for collectives and
-- households: both are renamed.
amend "bk_tinh" {
  subject = "person",
  name = { vi = "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh Kon Tum",
           en = "Certificate of Merit of the Chairman of the Kon Tum "
             .. "Provincial People's Committee" },
}

amend "bk_tinh" {
  subject = "unit",
  name = { vi = "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh Kon Tum",
           en = "Certificate of Merit of the Chairman of the Kon Tum "
             .. "Provincial People's Committee" },
}
