-- Cờ thi đua của Ủy ban nhân dân tỉnh Kon Tum: the province's form of the
-- national Cờ thi đua cấp bộ, ban, ngành, tỉnh (NĐ 91/2017 Điều 12). The
-- name is the province's (kontum-notes.md §2: Cờ thi đua conferred through
-- the cụm, khối of QĐ 756/QĐ-UBND 2018, [KT-read]); the criteria are
-- vn/nd91-2017's: how many flags a khối may receive in Kon Tum was not read.
amend "co_tinh" {
  name = { vi = "Cờ thi đua của Ủy ban nhân dân tỉnh Kon Tum",
           en = "Emulation Flag of the Kon Tum Provincial People's Committee" },
}
