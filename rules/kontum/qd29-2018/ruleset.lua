-- Kon Tum: QĐ 29/2018/QĐ-UBND (22/10/2018), "Quy định về công tác thi đua,
-- khen thưởng trên địa bàn tỉnh Kon Tum", under the 2003 Law (as amended),
-- NĐ 91/2017/NĐ-CP and, from 2020, TT 12/2019/TT-BNV.
--
-- What was read (kontum-notes.md §2, §3, [KT-read]): only that QĐ 29/2018
-- exists, its date and its title (quoted in the title of QĐ 14/2020 and in
-- Điều 2 of QĐ 56/2024, which replaced it from 08/11/2024). None of its
-- articles was read; nor any article of its amendments QĐ 14/2020,
-- QĐ 01/2021 and QĐ 23/2021.
--
-- What this set changes, therefore, is only what the province certainly
-- decided: the names under which it confers its own awards (Bằng khen của
-- Chủ tịch UBND tỉnh, Cờ thi đua của UBND tỉnh, Chiến sĩ thi đua cấp tỉnh, by
-- `amend` in forms/), and the rate NĐ 91 Điều 9 leaves to the province for
-- Chiến sĩ thi đua cơ sở, held at the national maximum because the
-- provincial rate was not read. Every other criterion, parameter and test
-- is vn/nd91-2017's.
--
-- Dates: effective_from 2018-11-01 is not verified (the decision is dated
-- 22/10/2018; its effective date was not read). The set ends with
-- vn/nd91-2017 on 2023-12-31, as the table of shared/domain/README.md says,
-- although QĐ 29/2018 itself stayed in force until 07/11/2024: from
-- 2024-01-01 to 2024-11-07 the national vn/luat-2022 applies alone.
ruleset {
  id             = "kontum/qd29-2018",
  title          = { vi = "Quy định về công tác thi đua, khen thưởng trên địa bàn "
                       .. "tỉnh Kon Tum (QĐ 29/2018/QĐ-UBND)",
                     en = "Kon Tum's regulation on emulation and commendation "
                       .. "(Decision 29/2018)" },
  basis          = "QĐ 29/2018/QĐ-UBND tỉnh Kon Tum (22/10/2018); trên cơ sở Luật "
                .. "Thi đua, khen thưởng 2003 (sửa đổi, bổ sung 2005, 2013), "
                .. "NĐ 91/2017/NĐ-CP, TT 12/2019/TT-BNV",
  effective_from = "2018-11-01",
  effective_to   = "2023-12-31",
  extends        = "vn/nd91-2017",
  caveats = {
    "Ngày hiệu lực 01/11/2018 chưa được kiểm chứng: QĐ 29/2018/QĐ-UBND ký ngày "
      .. "22/10/2018, chưa đọc được điều khoản hiệu lực. (The effective date "
      .. "2018-11-01 is unverified.)",
    "Chưa đọc được điều khoản nào của QĐ 29/2018/QĐ-UBND, chỉ biết số, ngày và "
      .. "tên văn bản: các tiêu chuẩn, tỷ lệ, cụm, khối, thời hạn, hồ sơ riêng "
      .. "của tỉnh không được mã hóa; áp dụng tiêu chuẩn quốc gia của "
      .. "vn/nd91-2017. (No article of QĐ 29/2018 was read; the national "
      .. "criteria apply.)",
    "Các quyết định sửa đổi QĐ 14/2020, QĐ 01/2021, QĐ 23/2021 chưa tìm được "
      .. "nội dung nên không được mã hóa. (The amendments of 2020 and 2021 "
      .. "are not encoded: their texts were not found.)",
    "Tỷ lệ Chiến sĩ thi đua cơ sở của tỉnh chưa đọc được: giữ ở mức tối đa "
      .. "15% số Lao động tiên tiến theo NĐ 91/2017 Điều 9. (The provincial "
      .. "CSTĐCS rate was not read; it is held at the national maximum, 15%.)",
    "Bộ quy tắc kết thúc ngày 31/12/2023 cùng vn/nd91-2017, dù QĐ 29/2018 còn "
      .. "hiệu lực đến 07/11/2024; từ 01/01/2024 đến 07/11/2024 áp dụng "
      .. "vn/luat-2022. (The set ends with the national regime A on "
      .. "2023-12-31; until 2024-11-07 the 2022 Law applies alone.)",
    "Chỉ đổi tên các hình thức do tỉnh tặng: Bằng khen của Chủ tịch Ủy ban nhân "
      .. "dân tỉnh Kon Tum, Cờ thi đua của Ủy ban nhân dân tỉnh Kon Tum, Chiến sĩ "
      .. "thi đua cấp tỉnh. (Only the provincial award names change.)",
  },
  params = {
    -- NĐ 91/2017/NĐ-CP, Điều 9: at most 15% of LĐTT, the rate set by the
    -- province. Kon Tum's rate was not read: the national maximum is kept.
    ["cstd_cs.quota_pct"] = 15,
  },
}
