-- Chiến sĩ thi đua cấp tỉnh: the provincial form of the national Chiến sĩ
-- thi đua cấp bộ, ban, ngành, tỉnh (Luật 2022 Điều 22). Only the name
-- changes, to the one kontum-notes §2.1 gives ("Chiến sĩ thi đua cấp
-- tỉnh"; no provincial name was read); the sáng kiến recognised by the
-- Chủ tịch UBND tỉnh is the national criterion province_initiative.
amend "cstd_tinh" {
  name = { vi = "Chiến sĩ thi đua cấp tỉnh",
           en = "Provincial Emulation Fighter" },
}
