-- Cờ thi đua của Ủy ban nhân dân tỉnh Kon Tum: the provincial form of the
-- national Cờ thi đua cấp bộ, ban, ngành, tỉnh (Luật 2022 Điều 26). Only
-- the name changes (kontum-notes §2.1, §2: "Cờ thi đua của UBND tỉnh",
-- conferred through the cụm, khối thi đua of the province); the number of
-- flags per cụm / khối (kontum-notes §8) was not read and is not encoded.
amend "co_tinh" {
  name = { vi = "Cờ thi đua của Ủy ban nhân dân tỉnh Kon Tum",
           en = "Emulation Flag of the Kon Tum Provincial People's Committee" },
}
