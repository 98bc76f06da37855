-- Chiến sĩ thi đua tỉnh Kon Tum: the provincial form of the national
-- Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh (Luật 2022 Điều 22). Only the
-- name changes (kontum-notes §2.1: "Chiến sĩ thi đua cấp tỉnh"); the
-- sáng kiến recognised by the Chủ tịch UBND tỉnh is the national criterion
-- province_initiative.
amend "cstd_tinh" {
  name = { vi = "Chiến sĩ thi đua tỉnh Kon Tum",
           en = "Kon Tum Provincial Emulation Fighter" },
}
