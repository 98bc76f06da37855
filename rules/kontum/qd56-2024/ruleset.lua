-- Kon Tum: QĐ 56/2024/QĐ-UBND (29/10/2024), "Ban hành Quy định một số nội
-- dung về công tác thi đua, khen thưởng trên địa bàn tỉnh Kon Tum", under
-- the 2022 Law, NĐ 98/2023/NĐ-CP and TT 01/2024/TT-BNV (its căn cứ).
--
-- What was read (kontum-notes.md §6, [KT-read]): the header, the căn cứ,
-- the Tờ trình (311/TTr-SNV, 15/10/2024), Điều 1 (issues the Quy định) and
-- the start of Điều 2: "Quyết định này có hiệu lực thi hành kể từ ngày 08
-- tháng 11 năm 2024 và thay thế các Quyết định: 1. Quyết định số
-- 29/2018/QĐ-UBND …" (cut off there).
--
-- What this set changes: only the names under which the province confers
-- its own awards (forms/*.lua, `amend`). Every criterion, parameter and
-- test of vn/luat-2022 applies unchanged: the Quy định's articles after
-- Điều 2 (provincial criteria, caps, deadlines, dossiers, blocs) were not
-- read and nothing of them is encoded. From 2024-01-01 to 2024-11-07 no
-- Kon Tum set is in force and vn/luat-2022 applies alone.
ruleset {
  id             = "kontum/qd56-2024",
  title          = { vi = "Quy định một số nội dung về công tác thi đua, khen "
                       .. "thưởng trên địa bàn tỉnh Kon Tum (QĐ 56/2024/QĐ-UBND)",
                     en = "Kon Tum's regulation on emulation and commendation "
                       .. "(Decision 56/2024)" },
  basis          = "QĐ 56/2024/QĐ-UBND tỉnh Kon Tum (29/10/2024), Điều 1, "
                .. "Điều 2; trên cơ sở Luật Thi đua, khen thưởng 2022, "
                .. "NĐ 98/2023/NĐ-CP, TT 01/2024/TT-BNV",
  effective_from = "2024-11-08",
  extends        = "vn/luat-2022",
  caveats = {
    "Chỉ đọc được phần đầu QĐ 56/2024/QĐ-UBND (căn cứ, Điều 1, đầu Điều 2): "
      .. "các tiêu chuẩn, tỷ lệ, thời hạn, hồ sơ, cụm, khối thi đua riêng của "
      .. "tỉnh Kon Tum sau Điều 2 chưa được đọc và không được mã hóa; áp dụng "
      .. "tiêu chuẩn quốc gia của vn/luat-2022. (Only the opening of QĐ 56/2024 "
      .. "was read; Kon Tum-specific criteria after Điều 2 are not encoded.)",
    "Danh sách các quyết định bị thay thế bị cắt sau QĐ 29/2018/QĐ-UBND; việc "
      .. "thay thế cả QĐ 14/2020, 01/2021, 23/2021 chưa được kiểm chứng. "
      .. "(The list of replaced decisions is cut after QĐ 29/2018.)",
    "Chỉ đổi tên các hình thức do tỉnh tặng: Bằng khen của Chủ tịch Ủy ban "
      .. "nhân dân tỉnh Kon Tum, Cờ thi đua của Ủy ban nhân dân tỉnh Kon Tum, "
      .. "Chiến sĩ thi đua cấp tỉnh. (Only the provincial award names "
      .. "change.)",
  },
}
