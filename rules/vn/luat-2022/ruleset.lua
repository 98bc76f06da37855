-- Regime B: the 2022 Law on Emulation and Commendation and its decree and
-- circular, in force from 1 January 2024.
--
-- Legal basis (see shared/domain/national-criteria.md §0.2):
--   Luật Thi đua, khen thưởng 06/2022/QH15 (15/6/2022), effective 01/01/2024
--     (Điều 94); Điều 95 keeps earlier awards valid [V].
--   NĐ 98/2023/NĐ-CP (31/12/2023), effective 01/01/2024 [V].
--   TT 01/2024/TT-BNV (24/02/2024), effective 15/04/2024 [V]: from 1 January
--     to 14 April 2024 only the Law and NĐ 98 applied.
--
-- Not in this set:
--   NĐ 152/2025/NĐ-CP replaced NĐ 98 from 01/07/2025 [P]; its text is not
--   available, so this set keeps NĐ 98's rules and stays open-ended.
--   TT 15/2025/TT-BNV reportedly replaced TT 01/2024 from 05/08/2025 [U].
--   The draft law amending Luật 06/2022 [U].
--
-- Every number the forms use is a parameter: a form's own numbers in that
-- form's `params` (overridable here as "form.name"), the shared ones below.
-- Each is followed by the clause that states it and the status of that
-- reading (V, V-en, P, U).
ruleset {
  id             = "vn/luat-2022",
  title          = { vi = "Chế độ khen thưởng theo Luật Thi đua, khen thưởng 2022 "
                       .. "và Nghị định 98/2023/NĐ-CP",
                     en = "The regime of the 2022 Law on Emulation and "
                       .. "Commendation and Decree 98/2023" },
  basis          = "Luật Thi đua, khen thưởng 2022 (06/2022/QH15); "
                .. "NĐ 98/2023/NĐ-CP; TT 01/2024/TT-BNV",
  effective_from = "2024-01-01",
  caveats = {
    "NĐ 152/2025/NĐ-CP thay thế NĐ 98/2023/NĐ-CP từ 01/7/2025 nhưng chưa có "
      .. "văn bản để đối chiếu: bộ quy tắc này vẫn giữ các quy định của "
      .. "NĐ 98/2023. (NĐ 152/2025 replaced NĐ 98 from 2025-07-01; its text "
      .. "is not available, so this set keeps NĐ 98's rules.)",
    "TT 01/2024/TT-BNV chỉ có hiệu lực từ 15/4/2024; từ 01/01 đến 14/4/2024 "
      .. "chỉ áp dụng Luật và NĐ 98/2023, nhưng các quy định lấy từ "
      .. "TT 01/2024 (mới tuyển dụng dưới 06 tháng, cách tính thời gian điều "
      .. "trị, đào tạo) vẫn được áp dụng cho các đề nghị nộp trong khoảng đó. "
      .. "(TT 01/2024 is in force only from 2024-04-15; its rules are applied "
      .. "to proposals of the gap too.)",
    "TT 15/2025/TT-BNV được cho là thay thế TT 01/2024 từ 05/8/2025 [U]: chưa "
      .. "đọc, không mã hóa. (TT 15/2025 [U]: not read, not encoded.)",
    "Nhiều điều, khoản chỉ được đọc qua bản dịch, bản tóm tắt hoặc chưa được "
      .. "kiểm chứng (V-en, P, U): mỗi tiêu chí ghi rõ mức độ. Chưa đọc: Luật "
      .. "Điều 26 (Cờ thi đua cấp tỉnh), Điều 28 (TTLĐTT), Điều 44 khoản 1 "
      .. "điểm a–d, g và phần tập thể, Điều 73–74 phần tập thể, hộ gia đình "
      .. "(các đề nghị đó được chuyển người xét), Điều 75 khoản 1. (Many "
      .. "clauses are V-en, P or U; each criterion carries its status; "
      .. "nominations that rest on the unread collective clauses go to "
      .. "review.)",
    "Không có tỷ lệ tối đa Chiến sĩ thi đua cơ sở ở cấp quốc gia (B-CSCS-Q "
      .. "[U]) và chưa đọc tỷ lệ Cờ thi đua của Chính phủ của NĐ 98: không mã "
      .. "hóa hạn mức nào. (No national CSTĐCS or Cờ CP quota is encoded.)",
    "Các tiêu chí mã hóa khen thưởng theo công trạng, theo phong trào thi đua "
      .. "và đột xuất; khen thưởng quá trình cống hiến, niên hạn, đối ngoại và "
      .. "kháng chiến (Điều 96, chuyển tiếp) cần người xét. (Dedication, "
      .. "seniority, foreign and resistance awards go to review.)",
  },
  -- The numbers of a single form are declared in that form's `params`,
  -- next to the clause that states them (forms/*.lua); a child set or
  -- `--set form.name=value` overrides them by their full name, e.g.
  -- ["bk_tinh.cstd_cs_times"]. Only the numbers two or more forms share
  -- live here.
  params = {
    -- Lao động tiên tiến: no title for a new hire of fewer than 06 months
    -- (TT 01/2024/TT-BNV, Điều 1, khoản 5, điểm d) [V-en]. Set-wide: CSTĐCS
    -- reaches it through the LĐTT standard.
    new_hire_min_months = 6,

    -- Chiến sĩ thi đua cấp tỉnh is chosen among those with 03 consecutive
    -- CSTĐCS titles (Luật 2022, Điều 22, khoản 1) [P]. Set-wide because
    -- cstd_tq also needs it: one CSTĐ tỉnh spans those 03 years.
    cstd_tinh_cstd_cs_times = 3,
  },
}
