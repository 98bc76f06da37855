-- Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh Kon Tum: the province's form
-- of the national Bằng khen cấp bộ, ban, ngành, tỉnh (NĐ 91/2017 Điều 39).
-- The name is the province's ("Bằng khen của Chủ tịch UBND tỉnh", [KT-read]
-- in QĐ 263/QĐ-UBND 2019 and the TTHC 2.000422, kontum-notes.md §2); the
-- criteria are vn/nd91-2017's: QĐ 29/2018's own were not read.
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
