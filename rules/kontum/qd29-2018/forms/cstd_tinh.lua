-- Chiến sĩ thi đua cấp tỉnh: the province's form of the national Chiến sĩ
-- thi đua cấp bộ, ban, ngành, tỉnh (Luật 2003 Điều 22; NĐ 91/2017 Điều 9
-- khoản 2), conferred by the province. Only the name changes, to the one
-- kontum-notes.md §2.1 gives ("Chiến sĩ thi đua cấp tỉnh"; no provincial
-- name was read); the criteria are vn/nd91-2017's (§2.1 CSTDT-1..3 are
-- national).
amend "cstd_tinh" {
  name = { vi = "Chiến sĩ thi đua cấp tỉnh",
           en = "Provincial Emulation Fighter" },
}
