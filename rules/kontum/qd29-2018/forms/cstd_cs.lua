-- Chiến sĩ thi đua cơ sở under QĐ 29/2018: the national form, but the cap
-- is the rate the province sets (NĐ 91/2017 Điều 9: at most 15% of the
-- unit's Lao động tiên tiến), and Kon Tum's rate was not read
-- (kontum-notes.md §2 "Not read, so UNVERIFIED": the % caps; §2.1
-- CSCS-Q; §8). The national maximum is kept (ruleset.lua's params), and
-- the quota says it rests on an unread provincial rate: status U.
amend "cstd_cs" {
  quota {
    id     = "quota_ldtt_share",
    basis  = "NĐ 91/2017/NĐ-CP, Điều 9, khoản 3; QĐ 29/2018/QĐ-UBND tỉnh "
          .. "Kon Tum (tỷ lệ của tỉnh chưa đọc được)",
    status = "U",
    vi = "Số cá nhân được công nhận không quá tỷ lệ do tỉnh quy định (tỷ lệ của "
      .. "tỉnh chưa đọc được; giữ mức tối đa 15%) trên tổng số cá nhân đạt danh "
      .. "hiệu Lao động tiên tiến của đơn vị",
    en = "Within the rate the province sets (not read: the 15% maximum is "
      .. "kept) of the unit's Advanced Workers",
    base = "ldtt", rate = "quota_pct", per = "unit",
  },
}
